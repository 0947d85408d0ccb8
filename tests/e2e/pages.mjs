// The measure pages (www/measures/, written by `sme-check pages` from the ruleset) in Chromium under
// the strict CSP: every page runs every one of its example cases with the engine and sees it pass,
// with no CSP violation, no error, no request off the site, and a lang on each language's passage.
//   node --test tests/e2e/pages.mjs
import { test } from 'node:test';
import { browse, assert, eq } from './lib.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const pages = readdirSync(join(root, 'www/measures')).filter(n => /^\d+\.html$/.test(n)).sort();
const site = await browse({ csp: true });
const page = await site.context.newPage();
// Recorded before any script of the page runs: CSP violations (an inline script or style would be one).
await page.addInitScript(() => {
  window.__csp = [];
  addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
});

await test('there is a page per measure, and an index', async () => {
  eq(pages.length, 28, 'measure pages');
  await page.goto(`${site.origin}/www/measures/index.html`);
  eq(await page.locator('ol.measures li a').count(), 28, 'links on the index');
});

let cases = 0;
for (const name of pages) {
  await test(`${name}: every example case passes in the browser`, async () => {
    await page.goto(`${site.origin}/www/measures/${name}`);
    await page.waitForSelector('#summary[data-failed]', { timeout: 30000 });
    const s = await page.locator('#summary').evaluate(e => ({ ...e.dataset, text: e.textContent }));
    const fails = await page.locator('td.result.fail').allTextContents();
    eq(Number(s.failed), 0, `failing cases: ${fails.join(' | ')}`);
    eq(Number(s.passed), Number(s.total), 'cases passed');
    assert(Number(s.total) > 0, 'a page with no case');
    eq(await page.locator('td.result.pass').count(), Number(s.total), 'a pass beside each case');
    cases += Number(s.total);
    // The clause in three languages, each passage with its lang.
    const langs = await page.locator('.clause blockquote').evaluateAll(bs => bs.map(b => b.lang));
    eq(langs.join(' '), 'zh-CN ja en', 'the clause passages');
    eq(await page.locator('main [lang]').count() > 20, true, 'language-tagged passages');
    eq((await page.evaluate(() => window.__csp)).join('\n'), '', 'CSP violations');
  });
}

// Accessible as the widget is (WCAG 2.1 A/AA by axe), on a page with cases run and on the index.
const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
for (const name of ['15.html', 'index.html']) {
  await test(`${name}: accessibility (axe, WCAG 2.1 A/AA)`, async () => {
    await page.goto(`${site.origin}/www/measures/${name}`);
    if (name != 'index.html') await page.waitForSelector('#summary[data-failed]', { timeout: 30000 });
    await page.evaluate(AXE);
    const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const v = r.violations.map(x => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map(n => n.target.join(' > ')).join(' | ')}`);
    assert(!v.length, v.join('\n'));
  });
}

await test('all 220-odd cases ran, no error, no request off the site', async () => {
  assert(cases >= 200, `only ${cases} cases ran`);
  eq(site.problems.join('\n'), '', 'console or page errors');
  const off = site.requests.filter(u => !u.startsWith(site.origin) && !u.startsWith('data:'));
  eq(off.join('\n'), '', 'requests off the site');
});

await site.close();
