// How many interactions it takes to settle all 28 measures (none left "needs information") for three
// realistic enterprises, in Debian's Chromium (playwright-core), answering the questionnaire as a
// visitor with a mouse and a keyboard would: top to bottom, each question shown that is not answered
// yet, from the enterprise's own answers, until no measure needs information.
//
//   node tests/e2e/interactions.mjs                 the widget of pkg/ (this checkout)
//   node tests/e2e/interactions.mjs --before REV    and, beside it, pkg/widget.js as commit REV has it
//                                                   (the same engine files; only the widget differs)
//
// What counts (a mouse for choices, the keyboard for typing):
//   a radio button, a checkbox, "none of these", "add a person": 1 click;
//   a <select>: 2 clicks (open it, pick the option);
//   a text field: 1 click, then 1 key press per character typed;
//   a date: 1 click, then 8 key presses (the digits; the field moves on by itself).
// A checklist (a section's yes/no questions as one list): a click per box ticked, or one click on
// "none of these" when nothing applies; a question that joins a list already answered takes a click if
// it applies and two (tick, untick) if not. The as-of date is the host page's (the as-of attribute),
// not counted. Prints one line per enterprise: interactions (clicks + key presses), clicks, key
// presses, questions answered; and exits 1 when an enterprise cannot be settled.
import { browse, W, ready } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { root } from './lib.mjs';

const AS_OF = '2023-07-01';

/** The three enterprises: every answer the questionnaire may ask of them (yes/no as booleans). */
export const ENTERPRISES = {
  'software firm, 45 persons': {
    registered_in_shanghai: true, district: 'pudong', industry: 'software_it', headcount: '45', revenue: '30000000', total_assets: '20000000', tobacco_or_entertainment: false,
    innovative_sme_recognised: true, innovative_sme_recognised_on: '2022-06-15', innovative_sme_latest_recognised_on: '2022-06-15',
    zjtx_recognised: false, little_giant_recognised: false, high_tech_certified: true, high_tech_certificate_on: '2021-11-20',
    tech_sme_registered: true, four_above: true, four_above_first_year: '2021',
    rd_investment_last_year: '4000000', taxable_income: '2000000', taxable_income_year: '2022', cit_headcount_avg: '44', cit_assets_avg: '19000000',
    restricted_industry: false, vat_taxpayer: 'general', rd_expensed: '3500000', rd_capitalised: '500000', overdue_payments_owed: false,
    small_to_scale: false, output_milestone: false, achievement_project_base_support: '0', renovation_investment: '0', green_upgrade_project: false,
    uses_digital_solutions: true, data_product_first_listing: false, digital_service_contract: '0', bids_public_works: false, has_innovative_products: true,
    order_winning_costs: true, overseas_investment: false, exhibits_at_fairs: false, joins_major_events: false, standard_setting: false, foreign_trade_own_brand: false,
    inclusive_loan_obtained: true, first_inclusive_loan_on: '2021-03-10', government_guaranteed_loan: false, listing_reserve: false,
    hires: [
      { hired_on: '2023-03-01', group: 'graduate_2023', contract_months: '24', social_insurance_paid: true },
      { hired_on: '2023-04-03', group: 'graduate_2023', contract_months: '36', social_insurance_paid: true },
    ],
    deferred_social_insurance: false,
  },
  'shop, 8 persons': {
    registered_in_shanghai: true, district: 'xuhui', industry: 'retail', headcount: '8', revenue: '3000000', total_assets: '1000000', tobacco_or_entertainment: false,
    innovative_sme_recognised: false, zjtx_recognised: false, little_giant_recognised: false, high_tech_certified: false, tech_sme_registered: false, four_above: false,
    rd_investment_last_year: '0', taxable_income: '200000', taxable_income_year: '2022', cit_headcount_avg: '8', cit_assets_avg: '1000000',
    restricted_industry: false, vat_taxpayer: 'small_scale', vat_monthly_sales: '80000', rd_expensed: '0', rd_capitalised: '0', overdue_payments_owed: false,
    small_to_scale: false, output_milestone: false, achievement_project_base_support: '0', renovation_investment: '0', green_upgrade_project: false,
    uses_digital_solutions: false, data_product_first_listing: false, digital_service_contract: '0', bids_public_works: false, has_innovative_products: false,
    order_winning_costs: false, overseas_investment: false, exhibits_at_fairs: false, joins_major_events: true, standard_setting: false, foreign_trade_own_brand: false,
    inclusive_loan_obtained: true, first_inclusive_loan_on: '2022-11-15', first_loan_guaranteed_by_fund: true, first_loan_principal: '500000', government_guaranteed_loan: true, listing_reserve: false,
    hires: [{ hired_on: '2023-04-01', group: 'unemployed_3m', contract_months: '12', social_insurance_paid: true }],
    deferred_social_insurance: false,
  },
  'manufacturer, 120 persons': {
    registered_in_shanghai: true, district: 'minhang', industry: 'industry', headcount: '120', revenue: '150000000', total_assets: '120000000', tobacco_or_entertainment: false,
    innovative_sme_recognised: true, innovative_sme_recognised_on: '2020-09-01', innovative_sme_latest_recognised_on: '2023-03-01',
    zjtx_recognised: true, zjtx_recognised_on: '2021-05-20', zjtx_latest_recognised_on: '2023-05-10', little_giant_recognised: false,
    high_tech_certified: true, high_tech_certificate_on: '2022-12-01', tech_sme_registered: false, four_above: true, four_above_first_year: '2015',
    rd_investment_last_year: '6000000', taxable_income: '8000000', taxable_income_year: '2022', cit_headcount_avg: '118', cit_assets_avg: '115000000',
    restricted_industry: false, vat_taxpayer: 'general', rd_expensed: '5000000', rd_capitalised: '1000000',
    overdue_payments_owed: true, overdue_amount: '3000000', overdue_smallest_debt: '200000',
    small_to_scale: false, output_milestone: false, achievement_project_base_support: '0', renovation_investment: '12000000', green_upgrade_project: true,
    uses_digital_solutions: true, data_product_first_listing: false, digital_service_contract: '800000', bids_public_works: false, has_innovative_products: true,
    order_winning_costs: true, overseas_investment: false, exhibits_at_fairs: true, joins_major_events: false, standard_setting: true, foreign_trade_own_brand: true,
    inclusive_loan_obtained: false, government_guaranteed_loan: false, listing_reserve: true,
    hires: [
      { hired_on: '2023-03-01', group: 'graduate_2023', contract_months: '24', social_insurance_paid: true },
      { hired_on: '2023-05-08', group: 'unemployed_3m', contract_months: '12', social_insurance_paid: true },
      { hired_on: '2023-02-01', group: 'other', contract_months: '36', social_insurance_paid: true },
    ],
    deferred_social_insurance: false,
  },
};

/**
 * The questions the form shows now, in its order, as the page has them: a checklist (its boxes), a
 * radio group, a field, a list.
 */
const shownQuestions = page => page.evaluate(() => {
  const root = document.querySelector('sme-eligibility').shadowRoot;
  const out = [];
  for (const section of root.querySelectorAll('form > fieldset:not([hidden])')) {
    for (const node of section.children) {
      if (node.tagName === 'LEGEND') continue;
      if (node.classList.contains('ck')) {
        out.push({ kind: 'checklist', section: section.id, facts: [...node.querySelectorAll('.cki input')].map(box => box.id.slice(2)) });
      } else if (node.querySelector(':scope > .add')) {
        out.push({ kind: 'list', fact: node.id.slice(2), entries: node.querySelectorAll(':scope > fieldset').length });
        for (const entry of node.querySelectorAll(':scope > fieldset')) {
          for (const field of entry.querySelectorAll('input, select')) {
            if (field.type === 'radio') { if (field.value === '') out.push({ kind: 'radio', name: field.name }); }
            else out.push({ kind: field.tagName === 'SELECT' ? 'select' : field.type, name: field.name, id: field.id });
          }
        }
      } else {
        const control = node.querySelector('input, select');
        if (control.type === 'radio') out.push({ kind: 'radio', name: control.name });
        else out.push({ kind: control.tagName === 'SELECT' ? 'select' : control.type, name: control.name, id: control.id });
      }
    }
  }
  return out;
});

/** An answer of the profile by a control's name: 'headcount', 'hires.0.group'. */
function answerOf(profile, name) {
  const [fact, index, field] = name.split('.');
  const answer = field === undefined ? profile[fact] : profile[fact]?.[index]?.[field];
  if (answer === undefined) throw new Error(`the enterprise has no answer for ${name}`);
  return answer;
}

/**
 * Answers the questionnaire of a fresh page until no measure needs information.
 * @returns {{ clicks: number, keys: number, questions: number, needsInfo: number }}
 */
async function settle(page, profile) {
  let clicks = 0, keys = 0;
  const answered = new Set(); // control names (a checklist's: its facts) answered
  const inForm = s => `${W} ${s}`;
  for (let round = 0; round < 300; round++) {
    await ready(page);
    const needsInfo = await page.locator(inForm('article.needs_info')).count();
    if (!needsInfo) return { clicks, keys, questions: answered.size, needsInfo };
    const next = (await shownQuestions(page)).find(q => q.kind === 'checklist' ? q.facts.some(f => !answered.has(f))
      : q.kind === 'list' ? q.entries < profile[q.fact].length : !answered.has(q.name));
    if (!next) return { clicks, keys, questions: answered.size, needsInfo };
    if (next.kind === 'checklist') {
      const open = next.facts.filter(f => !answered.has(f));
      const listAnswered = next.facts.some(f => answered.has(f));
      const yes = open.filter(f => answerOf(profile, f) === true);
      if (!listAnswered && !yes.length) {
        await page.locator(inForm(`#k-${next.section.slice(2)} [data-k^=kn-]`)).click();
        clicks++;
      }
      for (const fact of yes) {
        await page.locator(inForm(`#i-${fact}`)).click();
        clicks++;
      }
      for (const fact of listAnswered ? open.filter(f => !yes.includes(f)) : []) {
        await page.locator(inForm(`#i-${fact}`)).click();
        await page.locator(inForm(`#i-${fact}`)).click();
        clicks += 2;
      }
      for (const fact of open) answered.add(fact);
    } else if (next.kind === 'list') {
      await page.locator(inForm(`#i-${next.fact} > .add`)).click();
      clicks++;
    } else if (next.kind === 'radio') {
      const want = String(answerOf(profile, next.name));
      await page.locator(inForm(`input[name="${next.name}"][value="${want}"]`)).click();
      clicks++;
      answered.add(next.name);
    } else if (next.kind === 'select') {
      await page.locator(inForm(`#${next.id}`)).selectOption(answerOf(profile, next.name));
      clicks += 2;
      answered.add(next.name);
    } else if (next.kind === 'date') {
      const iso = answerOf(profile, next.name);
      await page.locator(inForm(`#${next.id}`)).focus(); // (a click's place would pick the segment)
      await page.keyboard.type(iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(0, 4));
      clicks++;
      keys += 8;
      answered.add(next.name);
    } else {
      const text = answerOf(profile, next.name);
      await page.locator(inForm(`#${next.id}`)).click();
      await page.keyboard.type(text);
      clicks++;
      keys += text.length;
      answered.add(next.name);
    }
  }
  throw new Error('not settled after 300 steps');
}

/** Settles each enterprise on a fresh page of embed.html; `widget`: another pkg/widget.js to serve. */
export async function measureInteractions(widget) {
  const site = await browse({ csp: true, files: widget ? { '/pkg/widget.js': widget } : {} });
  const results = {};
  try {
    for (const [name, profile] of Object.entries(ENTERPRISES)) {
      const page = await site.context.newPage();
      await page.goto(site.origin + '/www/embed.html');
      await ready(page);
      await page.evaluate(asOf => document.querySelector('sme-eligibility').setAttribute('as-of', asOf), AS_OF);
      await page.waitForFunction(asOf => document.querySelector('sme-eligibility').shadowRoot.getElementById('i-as_of').value === asOf, AS_OF);
      results[name] = await settle(page, profile);
      await page.close();
    }
    if (site.problems.length) throw new Error(site.problems.join('\n'));
  } finally {
    await site.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--before');
  const runs = [['this checkout', null]];
  if (i > 0) runs.unshift([`pkg/widget.js of ${process.argv[i + 1]}`, execFileSync('git', ['show', `${process.argv[i + 1]}:pkg/widget.js`], { cwd: root, maxBuffer: 1 << 26 })]);
  let failed = false;
  for (const [label, widget] of runs) {
    console.log(`${label} (as of ${AS_OF}):`);
    for (const [name, r] of Object.entries(await measureInteractions(widget))) {
      failed ||= r.needsInfo > 0;
      console.log(`  ${name.padEnd(28)} ${String(r.clicks + r.keys).padStart(4)} interactions = ${String(r.clicks).padStart(3)} clicks + ${String(r.keys).padStart(3)} key presses; ${r.questions} questions answered${r.needsInfo ? `; NOT SETTLED: ${r.needsInfo} need information` : ''}`);
    }
  }
  process.exit(failed ? 1 : 0);
}
