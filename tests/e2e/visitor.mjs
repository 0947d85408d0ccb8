// End-to-end tests of the visitor's report (issue 13) in Debian's Chromium (playwright-core), served
// by .ci/serve.mjs with the strict CSP: "for you" and "within reach" on example cases of the measure
// files, the summary printout (its pages counted in page.pdf, its receipt), the checklists ("not sure"
// apart from "no", round-tripped by the answers file, the link and this device), "check your answers"
// by keyboard alone, and large text (axe in zh, ja and en). Screenshots at 360 and 1280 px go to
// tests/artifacts/visitor-*.png, the printouts to tests/artifacts/printout-*.pdf.
//   node --test tests/e2e/visitor.mjs
// Waits are on the widget's states (lib.mjs: ready), never a fixed delay.
import { test } from 'node:test';
import { browse, assert, eq, has, root, W, text, words, ready, nextFrame } from './lib.mjs';
import { ENTERPRISES } from './interactions.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deepStrictEqual } from 'node:assert/strict';
import init, { Engine } from '../../pkg/sme_eligibility.js';

const ART = join(root, 'tests/artifacts');
mkdirSync(ART, { recursive: true });
const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

// The page module in Node, deciding the same profiles as the widget: what the widget must show.
await init({ module_or_path: readFileSync(join(root, 'pkg/sme_eligibility_bg.wasm')) });
const engine = new Engine(readFileSync(join(root, 'pkg/ruleset/core.bin')), JSON.parse(readFileSync(join(root, 'pkg/ruleset/zh.json'), 'utf8')));
const decide = (profile, asOf) => engine.decide(profile, { as_of: asOf, lang: 'zh' });

const { origin, context, requests, problems, close } = await browse({ csp: true });
const linkTo = (path, answers, asOf) => `${origin}${path}#sme=${Buffer.from(JSON.stringify({ a: answers, d: asOf })).toString('base64url')}`;
const reasonsReady = p => p.waitForSelector(`${W} section[data-reasons=ready]`, { timeout: 15000 });
const setLang = async (p, lang) => { await p.evaluate(l => document.querySelector('sme-eligibility').setAttribute('lang', l), lang); await ready(p); };

// The focused element, through the shadow root; Tab (or Shift+Tab) until the one wanted.
const focused = page => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a && { id: a.id, name: a.getAttribute('name') ?? '', k: a.dataset?.k ?? '', tag: a.tagName, type: a.type ?? '', value: a.value ?? '', checked: !!a.checked };
});
async function tabTo(page, pred, what, back = false) {
  for (let i = 0; i < 400; i++) {
    const f = await focused(page);
    if (f && pred(f)) return f;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${what} with the keyboard`);
}
async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map(x => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map(n => n.target.join(' > ')).join(' | ')}`);
  assert(!v.length, `axe ${label}: ${v.join('\n')}`);
}
const shot = async (p, name, locator) => {
  for (const width of [360, 1280]) {
    await p.setViewportSize({ width, height: 900 });
    await nextFrame(p);
    await (locator ? p.locator(`${W} ${locator}`).first().screenshot({ path: join(ART, `visitor-${name}-${width}.png`) })
      : p.screenshot({ path: join(ART, `visitor-${name}-${width}.png`), fullPage: true }));
  }
};

// ---- "For you" and "within reach" on example cases of the measure files ---------------------------
// Each case as its [[cases]] entry has it (numbers as typed), with the measure's kind and the status the
// case expects for it.
const CASES = [
  { file: "01.toml", name: "a precision-parts maker recognised as 专精特新 in March 2023 gets at least 100,000 yuan", measure: 1, kind: "benefit", as_of: "2023-07-01", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "jiading", "industry": "industry", "headcount": "120", "revenue": "80000000", "zjtx_recognised": true, "zjtx_recognised_on": "2023-03-15"} },
  { file: "02.toml", name: "a high-tech software firm entering 四上 in 2023 with 10 million yuan of R&D gets exactly 500,000 yuan (the cap reached exactly)", measure: 2, kind: "benefit", as_of: "2023-07-01", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "xuhui", "industry": "software_it", "headcount": "180", "revenue": "60000000", "high_tech_certified": true, "high_tech_certificate_on": "2021-11-18", "four_above": true, "four_above_first_year": "2023", "rd_investment_last_year": "10000000"} },
  { file: "03.toml", name: "a registered technology-based SME with 1 million yuan of base support gets 300,000 yuan more", measure: 3, kind: "benefit", as_of: "2023-07-01", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "yangpu", "industry": "other", "headcount": "85", "tech_sme_registered": true, "achievement_project_base_support": "1000000"} },
  { file: "04.toml", name: "a small design studio that is no “Little Giant”: talent programmes only", measure: 4, kind: "support", as_of: "2023-07-01", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "changning", "industry": "other", "headcount": "35", "little_giant_recognised": false} },
  { file: "05.toml", name: "8 million yuan of investment is below the threshold", measure: 5, kind: "benefit", as_of: "2023-07-01", status: "ineligible",
    profile: {"registered_in_shanghai": true, "industry": "industry", "headcount": "80", "revenue": "50000000", "renovation_investment": "8000000"} },
  { file: "05.toml", name: "a 30 million yuan production-line upgrade: up to 3 million yuan", measure: 5, kind: "benefit", as_of: "2023-07-01", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "songjiang", "industry": "industry", "headcount": "240", "revenue": "180000000", "renovation_investment": "30000000"} },
  { file: "06.toml", name: "no green upgrade project", measure: 6, kind: "benefit", as_of: "2023-07-01", status: "ineligible",
    profile: {"registered_in_shanghai": true, "district": "jinshan", "industry": "industry", "headcount": "150", "revenue": "120000000", "green_upgrade_project": false} },
  { file: "07.toml", name: "neither digital solutions nor a data listing", measure: 7, kind: "support", as_of: "2023-07-01", status: "ineligible",
    profile: {"registered_in_shanghai": true, "district": "jiading", "industry": "industry", "headcount": "70", "revenue": "40000000", "uses_digital_solutions": false, "data_product_first_listing": false} },
  { file: "08.toml", name: "a contract entered as 0 yuan means no contract", measure: 8, kind: "benefit", as_of: "2023-07-01", status: "ineligible",
    profile: {"registered_in_shanghai": true, "industry": "software_it", "headcount": "35", "revenue": "12000000", "digital_service_contract": "0"} },
  { file: "09.toml", name: "a small garment maker in Jiading can join the training and diagnosis", measure: 9, kind: "programme", as_of: "2023-07-01", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "jiading", "industry": "industry", "headcount": "45", "revenue": "15000000"} },
  { file: "19.toml", name: "a small Minhang engineering firm hires a 2023 graduate and a long-term unemployed technician", measure: 19, kind: "benefit", as_of: "2023-09-30", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "minhang", "industry": "industry", "headcount": "85", "revenue": "42000000", "hires": [{"hired_on": "2023-07-10", "group": "graduate_2023", "contract_months": "36", "social_insurance_paid": true}, {"hired_on": "2023-03-01", "group": "unemployed_3m", "contract_months": "24", "social_insurance_paid": true}, {"hired_on": "2023-05-15", "group": "other", "contract_months": "36", "social_insurance_paid": true}]} },
  { file: "22.toml", name: "a small Hongkou convenience store: VAT-exempt and a small low-profit enterprise", measure: 22, kind: "benefit", as_of: "2023-07-01", status: "eligible",
    profile: {"registered_in_shanghai": true, "district": "hongkou", "industry": "retail", "headcount": "8", "revenue": "1080000", "vat_taxpayer": "small_scale", "vat_monthly_sales": "90000", "taxable_income": "120000", "taxable_income_year": "2023", "cit_headcount_avg": "8", "cit_assets_avg": "1500000", "restricted_industry": false, "tech_sme_registered": false} },
  { file: "22.toml", name: "a general VAT taxpayer gets neither VAT part", measure: 22, kind: "benefit", as_of: "2023-07-01", status: "ineligible",
    profile: {"industry": "industry", "headcount": "120", "revenue": "60000000", "vat_taxpayer": "general", "taxable_income": "5000000", "cit_headcount_avg": "120", "cit_assets_avg": "40000000", "restricted_industry": false, "tech_sme_registered": false, "rd_expensed": "0", "rd_capitalised": "0"} },
];

/** Exact yuan (up to six decimals) as a BigInt of micro-yuan. */
const micro = s => { const [i, f = ''] = s.split('.'); return BigInt(i + f.padEnd(6, '0').slice(0, 6)); };
/** The test's own ranking of money: the largest maximum first (a floor by its minimum), no estimate last. */
function moneyOrder(measures) {
  const rank = m => m.amount && micro(m.amount.max ?? m.amount.min);
  return [...measures].sort((a, b) => {
    const x = rank(a), y = rank(b);
    if (x !== null && y !== null) return x === y ? a.id - b.id : (y > x ? 1 : -1);
    return (x === null) - (y === null) || a.id - b.id;
  }).map(m => m.id);
}
const listed = (p, selector, attribute = 'data-m') => p.locator(`${W} ${selector}`).evaluateAll((nodes, a) => nodes.map(n => n.getAttribute(a)), attribute);

const page = await context.newPage();
for (const c of CASES) {
  await test(`for you and within reach (${c.file}: ${c.name}): measure ${c.measure} ${c.status}`, async () => {
    await page.goto('about:blank'); // (a link differing only in its fragment would not load the page anew)
    await page.goto(linkTo('/www/embed.html', c.profile, c.as_of));
    await ready(page);
    const report = decide(c.profile, c.as_of);
    eq(report.measures.find(m => m.id == c.measure).status, c.status, 'the engine agrees with the case');
    const eligible = kind => report.measures.filter(m => m.status == 'eligible' && m.kind == kind);
    // The measures that apply, by what they give; the money ranked by amount.
    const shown = {};
    for (const kind of ['benefit', 'support', 'programme']) shown[kind] = (await listed(page, `.fyl[data-kind=${kind}] > li`)).map(Number);
    eq(shown.benefit.join(), moneyOrder(eligible('benefit')).join(), 'money, the largest amount first');
    for (const kind of ['support', 'programme']) eq(shown[kind].join(), eligible(kind).map(m => m.id).join(), `${kind}: the measures that apply`);
    eq(shown[c.kind].includes(c.measure), c.status == 'eligible', `measure ${c.measure} under “for you” only when it applies`);
    for (const m of eligible('benefit').filter(m => m.amount)) has(await words(page, `.fyl li[data-m="${m.id}"]`), m.amount.text, `measure ${m.id}'s amount`);
    // Above the chapters.
    assert(await page.locator(`${W} .fy`).evaluate(fy => fy.compareDocumentPosition(fy.parentNode.querySelector('article')) & Node.DOCUMENT_POSITION_FOLLOWING), '“for you” is above the chapters');
    // Within reach: the engine's near-misses, the most money first, each with its measure and question.
    const reach = report.within_reach ?? [];
    eq((await listed(page, '.reach li')).join(), reach.map(r => r.measure).join(), 'within reach: the measures, in the engine’s order');
    eq((await listed(page, '.reach li', 'data-fact')).join(), reach.map(r => r.fact).join(), 'within reach: the questions');
    for (const [i, r] of reach.entries()) has(await words(page, `.reach li:nth-child(${i + 1})`), r.text, 'the near-miss in words');
    if (reach.length) has(await words(page, `#m-${reach[0].measure} .near`), reach[0].text, 'the near-miss under its measure too');
  });
}

await test('within reach, 05.toml “8 million yuan of investment is below the threshold”: 技术改造项目总投资达到 1000万元 → 最高100万元; its buttons move focus to the question and to the measure', async () => {
  const c = CASES.find(x => x.name.startsWith('8 million'));
  await page.goto('about:blank');
  await page.goto(linkTo('/www/embed.html', c.profile, c.as_of));
  await ready(page);
  const item = page.locator(`${W} .reach li[data-m="5"]`);
  has(await item.innerText(), '技术改造项目总投资达到 1000万元 → 最高100万元', 'the issue’s example');
  has(await item.innerText(), '目前：800万元', 'the present value');
  await item.locator('button').first().click();
  eq((await focused(page)).id, 'i-renovation_investment', 'focus on the question');
  await item.locator('button').nth(1).click();
  eq((await focused(page)).id, 'm-5', 'focus on the measure');
  has(await text(page, '.reach'), '差一点', 'named 差一点');
  await setLang(page, 'ja');
  has(await text(page, '.reach'), 'あと一歩', 'named あと一歩');
  await setLang(page, 'en');
  has(await text(page, '.reach'), 'Within reach', 'named Within reach');
  has(await page.locator(`${W} .reach li[data-m="5"] button`).first().innerText(), 'Go to the question', 'the button');
});

await test('screenshots of “for you” at 360 and 1280 px', async () => {
  const p = await context.newPage();
  await p.goto(linkTo('/www/embed.html', ENTERPRISES['manufacturer, 120 persons'], '2023-07-01'));
  await ready(p);
  await shot(p, 'for-you', '.fy');
  await p.close();
});

// ---- The summary printout -------------------------------------------------------------------------
const pdfPages = pdf => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
// The widget's Print buttons call window.print(): recorded here instead (a dialog would wait for a
// person). page.pdf() prints as the browser does, firing beforeprint and afterprint.
const stubPrint = p => p.evaluate(() => { window.printed = 0; window.print = () => { window.printed++; }; });

for (const [name, answers] of Object.entries(ENTERPRISES)) {
  await test(`the summary printout (${name}): one or two A4 pages, without the host page, with the receipt`, async t => {
    const p = await context.newPage();
    await p.goto(linkTo('/www/index.html', answers, '2023-07-01'));
    await ready(p);
    await reasonsReady(p);
    eq(await p.locator(`${W} article.needs_info`).count(), 0, 'a realistic enterprise, settled');
    await stubPrint(p);
    await p.locator(`${W} [data-k=tools]`).click();
    await p.locator(`${W} [data-k=print]`).click();
    eq(await p.evaluate(() => window.printed), 1, 'the Print button prints');
    await p.emulateMedia({ media: 'print' });
    assert(!(await p.locator('nav').isVisible()) && !(await p.locator('header').isVisible()), 'the host page’s navigation and header are not printed');
    for (const part of ['.sum', '.fy', '.reach', '.rv', '.notice', '.receipt']) assert(await p.locator(`${W} ${part}`).first().isVisible(), `${part} printed`);
    eq(await p.locator(`${W} section > article:visible, ${W} section > figure:visible`).count(), 0, 'no chapters, no pictures');
    eq(await p.locator(`${W} button:visible`).count(), 0, 'no buttons');
    const receipt = await text(p, '.receipt');
    for (const part of ['shanghai-hqfb-2023-1', '1.1.0', 'sha256:', '评估日期 2023年7月1日']) has(receipt, part, 'the receipt');
    has(await text(p, '.notice'), '不是官方决定', 'the estimate notice');
    const pdf = await p.pdf({ format: 'A4', path: join(ART, `printout-${name.split(',')[0].replace(/ /g, '-')}.pdf`) });
    const pages = pdfPages(pdf);
    t.diagnostic(`${name}: ${pages} A4 pages`);
    assert(pages >= 1 && pages <= 2, `${pages} pages`);
    // After the print, the page is itself again.
    eq(await p.evaluate(() => document.adoptedStyleSheets.length), 0, 'the print stylesheet is dropped');
    assert(await p.locator('nav').isVisible(), 'the host page is itself again');
    eq(await p.locator(`${W} .w[data-print]`).count(), 0, 'the summary ended with the print');
    // The browser's own Print (Ctrl+P; page.pdf fires beforeprint as it does) prints the same summary.
    const own = await p.pdf({ format: 'A4' });
    eq(pdfPages(own), pages, 'the browser’s own print: the same summary');
    eq(await p.evaluate(() => document.adoptedStyleSheets.length), 0, 'its stylesheet dropped after it too');
    await p.close();
  });
}

await test('“print with all explanations”: every measure and its “why”, many pages; screenshots of the printout', async () => {
  const p = await context.newPage();
  await p.goto(linkTo('/www/index.html', ENTERPRISES['shop, 8 persons'], '2023-07-01'));
  await ready(p);
  await reasonsReady(p);
  await stubPrint(p);
  await p.locator(`${W} [data-k=tools]`).click();
  await p.locator(`${W} [data-k=printall]`).click();
  await p.emulateMedia({ media: 'print' });
  assert(!(await p.locator('nav').isVisible()), 'no host navigation');
  const pdf = await p.pdf({ format: 'A4' });
  assert(pdfPages(pdf) > 2, `${pdfPages(pdf)} pages`);
  assert(await p.locator(`${W} #m-22 .why`).isVisible(), 'a “why” never opened is printed');
  await p.emulateMedia({ media: 'screen' });
  // The summary, as printed, at 360 and 1280 px (the viewport set before the print: a resize under
  // print emulation ends it).
  for (const width of [360, 1280]) {
    await p.setViewportSize({ width, height: 900 });
    await p.locator(`${W} [data-k=print]`).click();
    await p.emulateMedia({ media: 'print' });
    await p.screenshot({ path: join(ART, `visitor-printout-${width}.png`), fullPage: true });
    await p.pdf({ format: 'A4' }); // (afterprint ends the summary)
    await p.emulateMedia({ media: 'screen' });
  }
  await p.close();
});

// ---- Checklists ----------------------------------------------------------------------------------
const PROJECTS = ['small_to_scale', 'output_milestone', 'green_upgrade_project', 'uses_digital_solutions', 'data_product_first_listing', 'bids_public_works',
  'has_innovative_products', 'order_winning_costs', 'overseas_investment', 'exhibits_at_fairs', 'joins_major_events', 'standard_setting', 'foreign_trade_own_brand'];
const BASE = { registered_in_shanghai: true, district: 'pudong', industry: 'software_it', headcount: '45', revenue: '30000000', total_assets: '20000000' };

async function exported(p) {
  if (!(await p.locator(`${W} [data-k=exp]`).isVisible())) await p.locator(`${W} [data-k=tools]`).click();
  const [dl] = await Promise.all([p.waitForEvent('download'), p.locator(`${W} [data-k=exp]`).click()]);
  return JSON.parse(readFileSync(await dl.path(), 'utf8')).answers;
}
const projectAnswers = answers => Object.fromEntries(PROJECTS.filter(f => f in answers).map(f => [f, answers[f]]));
const stateLine = p => text(p, '#ks-projects');
const needsInfo = p => p.locator(`${W} article.needs_info`).count();

await test('checklist: a section’s yes/no questions as one list; “none of these” (no) and “not sure” (unknown) kept apart, by keyboard', async () => {
  const p = await context.newPage();
  await p.goto(linkTo('/www/embed.html', BASE, '2023-07-01'));
  await ready(p);
  const list = p.locator(`${W} #k-projects`);
  has(await list.locator('legend').innerText(), '以下哪些适用于贵企业？', 'the question');
  eq((await list.locator('.cki input').evaluateAll(boxes => boxes.map(b => b.id.slice(2)))).join(), PROJECTS.join(), 'the projects section’s yes/no questions');
  eq(await p.locator(`${W} #s-projects input[type=radio]`).count(), 0, 'no radio buttons for them');
  has(await stateLine(p), '尚未回答', 'not answered yet');
  assert(await p.locator(`${W} [data-k=ku-projects]`).isChecked(), '“not sure” ticked at first');
  await shot(p, 'checklist', '#k-projects');
  await p.setViewportSize({ width: 1280, height: 900 });

  // Tick one box (keyboard): that one yes, every other one no.
  await p.locator(`${W} #i-uses_digital_solutions`).focus();
  await p.keyboard.press('Space');
  await ready(p);
  has(await stateLine(p), '已回答', 'answered');
  let answers = projectAnswers(await exported(p));
  deepStrictEqual(answers, Object.fromEntries(PROJECTS.map(f => [f, f == 'uses_digital_solutions'])), 'the file: ticked yes, the others no');

  // "Not sure": every question unknown again (kept as '' in the file), and the measures wait.
  await p.locator(`${W} [data-k=ku-projects]`).focus();
  await p.keyboard.press('Space');
  await ready(p);
  has(await stateLine(p), '尚未回答', 'unknown again');
  deepStrictEqual(projectAnswers(await exported(p)), Object.fromEntries(PROJECTS.map(f => [f, ''])), 'the file: not sure');
  const waitingWhenNotSure = await needsInfo(p);

  // "None of these": every question no.
  await p.locator(`${W} [data-k=kn-projects]`).focus();
  await p.keyboard.press('Space');
  await ready(p);
  assert(!(await p.locator(`${W} [data-k=ku-projects]`).isChecked()), '“not sure” unticked');
  deepStrictEqual(projectAnswers(await exported(p)), Object.fromEntries(PROJECTS.map(f => [f, false])), 'the file: none of these');
  const waitingWhenNone = await needsInfo(p);
  assert(waitingWhenNotSure > waitingWhenNone, `“not sure” leaves measures waiting (${waitingWhenNotSure}), “none of these” decides them (${waitingWhenNone})`);
  eq(await p.locator(`${W} #m-7`).getAttribute('class'), 'ineligible', 'measure 7 (digital solutions, data listing) with none of these');
  await p.close();
});

await test('checklist: yes, no and not sure round-trip exactly through the answers file, the link and this device', async () => {
  // A list answered in part: one yes, one no, the rest unknown (one '' kept, the others absent).
  const mixed = { ...BASE, uses_digital_solutions: true, bids_public_works: false, green_upgrade_project: '' };
  const file = { format: 'sme-eligibility-answers', version: 1, ruleset: 'shanghai-hqfb-2023-1', as_of: '2023-07-01', answers: mixed };
  const p = await context.newPage();
  await p.goto(origin + '/www/embed.html');
  await ready(p);
  await p.locator(`${W} [data-k=tools]`).click();
  await p.locator(`${W} input[type=file]`).setInputFiles({ name: 'answers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await p.waitForFunction(() => document.querySelector('sme-eligibility').shadowRoot.querySelector('#ks-projects')?.textContent.includes('部分'));
  await ready(p);
  assert(await p.locator(`${W} #i-uses_digital_solutions`).isChecked(), 'yes: ticked');
  assert(!(await p.locator(`${W} #i-bids_public_works`).isChecked()), 'no: unticked');
  const tag = fact => p.locator(`${W} #k-projects .f:has(#i-${fact}) .tag`);
  assert(!(await tag('bids_public_works').isVisible()), 'no: not marked “not sure”');
  assert(await tag('green_upgrade_project').isVisible() && await tag('overseas_investment').isVisible(), 'unknown: marked “not sure”');
  has(await tag('green_upgrade_project').innerText(), '不清楚', 'in words, not by colour alone');
  deepStrictEqual(await exported(p), mixed, 'the answers file: exactly what was imported');

  // The link.
  await p.locator(`${W} [data-k=link]`).click();
  const link = await p.locator(`${W} #lk`).inputValue();
  const p2 = await context.newPage();
  await p2.goto(link);
  await ready(p2);
  deepStrictEqual(await exported(p2), mixed, 'the link: exactly the same answers');
  await p2.close();

  // This device.
  await p.locator(`${W} [data-k=keep]`).check();
  await p.reload();
  await ready(p);
  has(await stateLine(p), '部分', 'restored in part');
  deepStrictEqual(await exported(p), mixed, 'this device: exactly the same answers');
  await p.locator(`${W} [data-k=keep]`).uncheck();
  await p.close();
});

// ---- Check your answers --------------------------------------------------------------------------
await test('check your answers, by keyboard alone: every answer by section, each Change moving focus to its question', async () => {
  const p = await context.newPage();
  const answers = ENTERPRISES['software firm, 45 persons'];
  await p.goto(linkTo('/www/embed.html', answers, '2023-07-01'));
  await ready(p);
  await p.evaluate(() => document.activeElement?.blur());
  await tabTo(p, f => f.k == 'review', 'the “check your answers” disclosure');
  await p.keyboard.press('Enter');
  const review = p.locator(`${W} .rv`);
  await review.waitFor();
  const all = await review.innerText();
  for (const [label, shown] of [['在上海市注册登记', '是'], ['注册所在区', '浦东新区'], ['所属行业', '软件和信息技术服务业'], ['从业人员', '45人'],
    ['上年度营业收入', '3000万元'], ['首次从上海辖内商业银行获得普惠贷款的日期', '2021年3月10日'], ['使用或采购“小快轻准”数字化解决方案', '是'], ['参与政府采购工程投标', '否'],
    ['新吸纳人员 › 第 1 人', '2023届高校毕业生']]) {
    const row = review.locator('dl > div', { hasText: label }).first();
    has(await row.innerText(), shown, `${label}: its answer`);
  }
  for (const section of ['企业基本情况', '资质与认定', '财务与税务', '项目与合同', '融资与贷款', '用工与社保']) has(all, section, 'by section');
  has(await text(p, '[data-k=review]'), `（${Object.keys(answers).length} 项）`, 'the number of answers');
  eq(await review.locator('dl > div').count(), Object.keys(answers).length - 1 + answers.hires.length, 'a row per answer, a person hired a row');
  // GOV.UK style: the button says what it changes.
  eq(await p.getByRole('button', { name: /^更改\s*在上海市注册登记$/ }).count(), 1, 'accessible name “更改” + the question');
  // Change → the question; a new answer by keyboard; the summary follows.
  await tabTo(p, f => f.k == 'rv-registered_in_shanghai', 'Change (registered in Shanghai)');
  await p.keyboard.press('Enter');
  let f = await focused(p);
  eq(f.name, 'registered_in_shanghai', 'focus on the question');
  await p.keyboard.press('ArrowRight'); // 是 → 否
  await ready(p);
  has(await review.locator('dl > div', { hasText: '在上海市注册登记' }).first().innerText(), '否', 'the summary shows the new answer');
  assert(await review.isVisible(), 'the summary stays open');
  await tabTo(p, f => f.k == 'rv-uses_digital_solutions', 'Change (digital solutions)');
  await p.keyboard.press('Enter');
  eq((await focused(p)).id, 'i-uses_digital_solutions', 'a checklist’s question: its box');
  await tabTo(p, f => f.k == 'rv-hires0', 'Change (person 1)');
  await p.keyboard.press('Enter');
  eq((await focused(p)).id, 'i-hires-0-hired_on', 'a person hired: the first field of the entry');
  await shot(p, 'check-answers', '.rv');
  await axe(p, 'check your answers (zh)');
  await p.close();
});

// ---- Large text ----------------------------------------------------------------------------------
const sizes = p => p.evaluate(() => {
  const root = document.querySelector('sme-eligibility').shadowRoot;
  const px = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
  const spacing = el => px(el, 'lineHeight') / px(el, 'fontSize');
  const visible = [...root.querySelectorAll('button, summary, select, input:is([type=text],[type=date]), .opts label, .ck label')].filter(el => el.getClientRects().length);
  return {
    large: root.querySelector('.w').classList.contains('lg'),
    font: px(root.querySelector('.w'), 'fontSize'),
    minSpacing: Math.min(...[...root.querySelectorAll('p, li, legend, label, h2, h3, h4, h5, dd, dt')].filter(el => el.getClientRects().length).map(spacing)),
    smallestTarget: Math.min(...visible.map(el => el.getBoundingClientRect().height)),
    pressed: root.querySelector('[data-k=large]').getAttribute('aria-pressed'),
  };
});

await test('large text (适老化): the switch enlarges text and targets, lines spaced ≥ 1.3; axe at 0 violations in zh, ja and en', async () => {
  const p = await context.newPage();
  await p.goto(linkTo('/www/embed.html', { ...BASE, uses_digital_solutions: true }, '2023-07-01'));
  await ready(p);
  const before = await sizes(p);
  eq(before.large, false, 'normal at first');
  await p.evaluate(() => document.activeElement?.blur());
  await tabTo(p, f => f.k == 'large', 'the large-text switch');
  await p.keyboard.press('Enter');
  const after = await sizes(p);
  eq(after.large, true, 'large text on');
  eq(after.pressed, 'true', 'the switch says it is on');
  assert(after.font >= 1.2 * before.font, `text enlarged: ${before.font} → ${after.font} px`);
  assert(after.minSpacing >= 1.3, `line spacing ≥ 1.3 everywhere: ${after.minSpacing.toFixed(2)}`);
  assert(after.smallestTarget >= 44, `every target at least 44 px high: ${after.smallestTarget}`);
  for (const lang of ['zh-CN', 'ja', 'en']) {
    await setLang(p, lang);
    eq((await sizes(p)).large, true, `still large in ${lang}`);
    await axe(p, `large text (${lang})`);
  }
  await setLang(p, 'zh-CN');
  await shot(p, 'large-text');
  await p.setViewportSize({ width: 1280, height: 900 });
  // Not remembered unless the answers are.
  await p.reload();
  await ready(p);
  eq((await sizes(p)).large, false, 'not kept without “remember on this device”');
  await p.locator(`${W} [data-k=large]`).click();
  await p.locator(`${W} [data-k=tools]`).click();
  await p.locator(`${W} [data-k=keep]`).check();
  await p.reload();
  await ready(p);
  eq((await sizes(p)).large, true, 'kept with the answers on this device');
  await p.locator(`${W} [data-k=tools]`).click();
  await p.locator(`${W} [data-k=keep]`).uncheck();
  await p.reload();
  await ready(p);
  eq((await sizes(p)).large, false, 'forgotten with them');
  await p.close();
});

await test('large text: the host’s large-text attribute turns it on (and off); the user’s switch wins', async () => {
  const p = await context.newPage();
  await p.goto(origin + '/www/embed.html');
  await ready(p);
  const host = value => p.evaluate(v => { const e = document.querySelector('sme-eligibility'); v ? e.setAttribute('large-text', '') : e.removeAttribute('large-text'); }, value);
  const large = () => p.locator(`${W} .w.lg`).count();
  await host(true);
  await p.waitForFunction(() => document.querySelector('sme-eligibility').shadowRoot.querySelector('.w.lg'));
  eq(await p.locator(`${W} [data-k=large]`).getAttribute('aria-pressed'), 'true', 'the switch follows the attribute');
  await host(false);
  await p.waitForFunction(() => !document.querySelector('sme-eligibility').shadowRoot.querySelector('.w.lg'));
  await host(true);
  await p.waitForFunction(() => document.querySelector('sme-eligibility').shadowRoot.querySelector('.w.lg'));
  await p.locator(`${W} [data-k=large]`).click();
  eq(await large(), 0, 'switched off by the user despite the attribute');
  await p.close();
});

await test('privacy: every request stayed on the page’s origin; no console or page errors', async () => {
  const away = requests.filter(u => !u.startsWith(origin + '/') && !u.startsWith('blob:' + origin + '/'));
  eq(away.length, 0, `requests elsewhere: ${away.join(', ')}`);
  eq(problems.length, 0, problems.join('\n'));
});

await close();
