// The widget in its host page (issue 14), in Debian's Chromium under the strict CSP of .ci/serve.mjs:
// the events it tells the page (once, with their detail, never an answer or a result); ::part()
// styles from the host page; its size on host pages that set a root font size or reset CSS; the
// page's language taken and followed; every listener removed when it leaves the page; a failed load
// tried again; the npm package installed from its tarball into a scratch project, bundled by esbuild
// and loaded; the offline page opened from disk with every request blocked; the demonstration page
// in the chosen language. A node:test file: `node --test tests/e2e/host.mjs`. Waits are on the
// widget's states and events, never a fixed delay.
import { test } from 'node:test';
import { browse, assert, eq, has, root, W, ready, compiledRuleset } from './lib.mjs';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map(x => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map(n => n.target.join(' > ')).join(' | ')}`);
  assert(!v.length, `axe ${label}: ${v.join('\n')}`);
}

// Answers of an industrial SME (as in run.mjs), and what they and their report look like: none of
// these may appear in an event.
const GOOD = { registered_in_shanghai: true, industry: 'industry', headcount: '80', revenue: '50000000', renovation_investment: '12000000',
  hires: [{ hired_on: '2023-03-01', group: 'graduate_2023', contract_months: '24', social_insurance_paid: true }] };
const PRIVATE = ['50000000', '12000000', '2023-03-01', 'graduate_2023', 'industry', '1,200,000', '1200000', 'eligible', 'apply'];
const link = (path, answers, asOf = '2023-07-01') => `${path}#sme=${Buffer.from(JSON.stringify({ a: answers, d: asOf })).toString('base64url')}`;

// ---- the npm package, installed into a scratch project and bundled (before the site starts: its
// files are served beside the test pages) ----------------------------------------------------------
const scratch = mkdtempSync(join(tmpdir(), 'sme-npm-'));
const run = (cmd, args, cwd = scratch) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const [packed] = JSON.parse(run('npm', ['pack', join(root, 'pkg'), '--pack-destination', scratch, '--json', '--ignore-scripts']));
writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch-site', private: true, type: 'module', dependencies: { 'sme-eligibility': `file:./${packed.filename}` } }));
run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts']);
const installed = join(scratch, 'node_modules/sme-eligibility');
// A site's TypeScript, against the package's declarations (tsc of this repository, moduleResolution "bundler").
writeFileSync(join(scratch, 'check.ts'), `import 'sme-eligibility/widget';
import init, { Engine } from 'sme-eligibility';
const element = document.createElement('sme-eligibility');
element.addEventListener('sme-ready', event => { const hash: string = event.detail.ruleset.hash; console.log(hash); });
document.addEventListener('sme-error', event => {
  const code: 'engine' | 'ruleset-origin' | 'ruleset-http' | 'ruleset-invalid' = event.detail.code;
  console.log(code, event.detail.message);
  // @ts-expect-error an event carries no answer
  console.log(event.detail.answers);
});
console.log(init, Engine);
`);
writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2023', 'esnext.disposable', 'dom'], types: [] }, files: ['check.ts'] }));
let typesChecked = '';
try {
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
} catch (error) {
  typesChecked = `${error.stdout}${error.stderr}`;
}
// The site's script, bundled by esbuild; the package's static files copied beside the bundle, as the
// README says for a bundler that leaves them (esbuild, Rollup).
writeFileSync(join(scratch, 'main.js'), `import 'sme-eligibility/widget';
const element = document.createElement('sme-eligibility');
element.setAttribute('as-of', '2023-07-01');
document.body.append(element);
`);
await build({ absWorkingDir: scratch, entryPoints: ['main.js'], bundle: true, format: 'esm', outdir: 'dist', logLevel: 'error' });
copyFileSync(join(installed, 'sme_eligibility_bg.wasm'), join(scratch, 'dist/sme_eligibility_bg.wasm'));
cpSync(join(installed, 'ruleset'), join(scratch, 'dist/ruleset'), { recursive: true });
const npmFiles = Object.fromEntries(readdirSync(join(scratch, 'dist'), { recursive: true })
  .filter(name => statSync(join(scratch, 'dist', name)).isFile())
  .map(name => [`/www/npm/${name}`, readFileSync(join(scratch, 'dist', name))]));
npmFiles['/www/npm/index.html'] = '<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<title>a site with the npm package</title>\n<script type="module" src="./main.js"></script>\n<body>\n</html>\n';

// ---- the site ---------------------------------------------------------------------------------------
// Host pages: the widget's script, a stylesheet of the page's own (the CSP allows no inline style),
// and the page's body.
const host = ({ lang = 'en', css = '', body = '<sme-eligibility lang="en" as-of="2023-07-01"></sme-eligibility>' } = {}) =>
  `<!doctype html>\n<html${lang === null ? '' : ` lang="${lang}"`}>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>host</title>\n${css ? `<link rel="stylesheet" href="./${css}">\n` : ''}<script type="module" src="../../pkg/widget.js"></script>\n<body>\n${body}\n</body>\n</html>\n`;
const SIZES = {
  base: '',
  'root-62.5': 'html{font-size:62.5%}',
  'flexible-rem': 'html{font-size:37.5px} body{margin:0;font-size:.4rem}',
  reset: 'button{all:unset} *{line-height:1}',
};
const files = {
  ...npmFiles,
  '/www/t/plain.html': host(),
  '/www/t/empty.html': host({ body: '' }),
  '/www/t/parts.css': [
    'sme-eligibility::part(form) { outline: 3px solid rgb(1, 2, 3) }',
    'sme-eligibility::part(results) { outline: 3px solid rgb(4, 5, 6) }',
    'sme-eligibility::part(summary) { border-color: rgb(7, 8, 9) }',
    'sme-eligibility::part(measure) { border-top-color: rgb(10, 11, 12) }',
    'sme-eligibility::part(measure eligible) { border-inline-start-color: rgb(13, 14, 15) }',
    'sme-eligibility::part(status) { text-decoration-line: underline }',
    'sme-eligibility::part(button) { border-radius: 17px }',
    'sme-eligibility::part(button primary) { letter-spacing: 1px }',
    'sme-eligibility::part(button pressed) { border-width: 3px }',
    'sme-eligibility::part(link) { text-decoration-line: overline }',
    'sme-eligibility::part(error) { border-color: rgb(16, 17, 18) }',
  ].join('\n'),
  '/www/t/parts.html': host({ css: 'parts.css' }),
  '/www/t/parts-error.html': host({ css: 'parts.css', body: '<sme-eligibility lang="en" ruleset="./no-such-ruleset.json"></sme-eligibility>' }),
  '/www/t/ja.html': host({ lang: 'ja', body: '<sme-eligibility as-of="2023-07-01"></sme-eligibility>' }),
  '/www/t/nested.html': host({ lang: 'ja', body: '<div id="box" lang="en"><sme-eligibility as-of="2023-07-01"></sme-eligibility></div>' }),
  '/www/t/no-lang.html': host({ lang: null, body: '<sme-eligibility as-of="2023-07-01"></sme-eligibility>' }),
  '/www/t/french.html': host({ lang: 'fr', body: '<sme-eligibility as-of="2023-07-01"></sme-eligibility>' }),
  '/www/t/broken.html': host({ body: '<sme-eligibility lang="en" ruleset="./broken-ruleset.json"></sme-eligibility>' }),
  '/www/t/broken-ruleset.json': '{"x": 1}',
  '/www/t/elsewhere.html': host({ body: '<sme-eligibility lang="zh-CN" ruleset="https://example.com/r.json"></sme-eligibility>' }),
  '/www/t/flaky.html': host({ body: '<sme-eligibility lang="en" as-of="2023-07-01" ruleset="./flaky-ruleset.json"></sme-eligibility>' }),
  ...Object.fromEntries(Object.entries(SIZES).flatMap(([name, css]) => [
    [`/www/t/size-${name}.css`, css],
    [`/www/t/size-${name}.html`, host({ css: css && `size-${name}.css` })],
  ])),
  '/www/t/size-custom.css': 'sme-eligibility{--sme-font-size:20px}',
  '/www/t/size-custom.html': host({ css: 'size-custom.css' }),
};
const site = await browse({ csp: true, files });
const { origin, context, requests, problems } = site;

// Before any script of a page: every sme-* event the document hears (bubbling there), and every event
// a script of the page dispatches (the widget's only way to tell anything), with its detail.
await context.addInitScript(() => {
  window.__heard = [];
  window.__dispatched = [];
  for (const type of ['sme-ready', 'sme-error']) {
    document.addEventListener(type, e => window.__heard.push({ type, target: e.target.localName, bubbles: e.bubbles, composed: e.composed, detail: JSON.parse(JSON.stringify(e.detail)) }));
  }
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    window.__dispatched.push({ type: event.type, custom: event instanceof CustomEvent, detail: JSON.stringify(event.detail ?? null) });
    return dispatch.call(this, event);
  };
});
const heard = (p, type) => p.evaluate(t => window.__heard.filter(e => !t || e.type == t), type);
const waitHeard = (p, type) => p.waitForFunction(t => window.__heard.some(e => e.type == t), type, { timeout: 15000 });
const h2 = p => p.evaluate(() => document.querySelector('sme-eligibility').shadowRoot.querySelector('h2')?.textContent);
const TITLES = { zh: '惠企政策自测', ja: '中小企業支援措置セルフチェック', en: 'SME support measures: self-check' };
const inLanguage = (p, lang) => p.waitForFunction(t => document.querySelector('sme-eligibility').shadowRoot.querySelector('h2')?.textContent == t, TITLES[lang], { timeout: 15000 });

// ---- events -------------------------------------------------------------------------------------------
await test('sme-ready fires once, on the element, bubbling and composed, naming the ruleset (id, version, hash as in the receipt)', async () => {
  const p = await context.newPage();
  await p.goto(link(origin + '/www/t/plain.html', GOOD));
  await ready(p);
  const events = await heard(p);
  eq(events.length, 1, 'events heard');
  const [e] = events;
  eq(e.type, 'sme-ready', 'type');
  eq(e.target, 'sme-eligibility', 'target');
  assert(e.bubbles && e.composed, 'bubbles and composed');
  eq(JSON.stringify(Object.keys(e.detail)), '["ruleset"]', 'detail');
  eq(JSON.stringify(Object.keys(e.detail.ruleset).sort()), '["hash","id","version"]', 'ruleset');
  const receipt = await p.locator(`${W} .receipt`).textContent();
  for (const value of Object.values(e.detail.ruleset)) has(receipt, value, 'the receipt shows the same');
  eq(e.detail.ruleset.id, 'shanghai-hqfb-2023-1', 'ruleset id');
  assert(/^sha256:[0-9a-f]{64}$/.test(e.detail.ruleset.hash), `hash: ${e.detail.ruleset.hash}`);
  await p.close();
});

await test('no event carries an answer or a result: answering, typing, switching language, printing dispatch no event but the one sme-ready', async () => {
  const p = await context.newPage();
  await p.goto(link(origin + '/www/t/plain.html', GOOD));
  await ready(p);
  await p.locator(`${W} #i-headcount`).fill('81');
  await ready(p);
  has(await p.locator(`${W} #m-5`).getAttribute('class'), 'eligible', 'measure 5 decided (the answers are there)');
  await p.evaluate(() => document.querySelector('sme-eligibility').setAttribute('lang', 'ja'));
  await inLanguage(p, 'ja');
  await ready(p);
  await p.emulateMedia({ media: 'print' });
  await p.pdf({ format: 'A4' });
  const dispatched = await p.evaluate(() => window.__dispatched);
  eq(JSON.stringify(dispatched.filter(e => e.custom).map(e => e.type)), '["sme-ready"]', 'custom events dispatched');
  const all = JSON.stringify(dispatched) + JSON.stringify(await heard(p));
  for (const word of PRIVATE) assert(!all.includes(word), `“${word}” in an event: ${all.slice(0, 500)}`);
  eq((await heard(p)).length, 1, 'events heard');
  await p.close();
});

await test('sme-error fires once with its code and the message shown, translated: ruleset-http, ruleset-invalid, ruleset-origin', async () => {
  const cases = [
    ['parts-error.html', 'ruleset-http', ['could not be loaded', '404']],
    ['broken.html', 'ruleset-invalid', ['could not be loaded', 'unknown key']],
    ['elsewhere.html', 'ruleset-origin', ['无法加载规则集', '同源']],
  ];
  for (const [page, code, words] of cases) {
    const p = await context.newPage();
    await p.goto(`${origin}/www/t/${page}`);
    await waitHeard(p, 'sme-error');
    await p.waitForSelector(`${W} [role=alert]`);
    const events = await heard(p);
    eq(events.length, 1, `${page}: events heard`);
    eq(events[0].detail.code, code, `${page}: code`);
    assert(events[0].bubbles && events[0].composed, 'bubbles and composed');
    for (const word of words) has(events[0].detail.message, word, `${page}: message`);
    const shown = await p.locator(`${W} [role=alert]`).textContent();
    has(shown, events[0].detail.message.split('\n')[0], `${page}: the message is the one shown`);
    await p.close();
  }
});

await test('an element inside another component’s shadow root: its events cross it (composed) and reach the document', async () => {
  const p = await context.newPage();
  await p.goto(`${origin}/www/t/empty.html`);
  await p.evaluate(() => {
    const box = document.createElement('div');
    const inner = box.attachShadow({ mode: 'open' });
    const element = document.createElement('sme-eligibility');
    element.setAttribute('lang', 'en');
    inner.append(element);
    document.body.append(box);
  });
  await waitHeard(p, 'sme-ready');
  const [e] = await heard(p);
  eq(e.target, 'div', 'seen from the document, retargeted to the shadow host');
  await p.close();
});

// ---- ::part -----------------------------------------------------------------------------------------------
await test('::part() styles of the host page apply: form, results, summary, measure (and its status), status, button (primary, pressed), link, error', async () => {
  const p = await context.newPage();
  await p.goto(link(origin + '/www/t/parts.html', GOOD));
  await ready(p);
  const styles = await p.evaluate(() => {
    const sr = document.querySelector('sme-eligibility').shadowRoot, cs = s => getComputedStyle(sr.querySelector(s));
    return {
      form: cs('form').outlineColor, results: cs('section[aria-labelledby=rh]').outlineColor, summary: cs('.sum').borderTopColor,
      measure: cs('#m-5').borderTopColor, eligible: cs('#m-5').borderInlineStartColor, needsInfo: cs('article.needs_info').borderInlineStartColor,
      status: cs('#m-5 .st').textDecorationLine, button: cs('[data-k=exp]').borderTopLeftRadius, primary: cs('[data-k=len]').letterSpacing,
      pressed: cs('[data-k=lzh]').borderTopWidth, pressedNot: cs('[data-k=len]').borderTopWidth, linkLike: cs('[data-k=tc5]').textDecorationLine,
      linkRadius: cs('[data-k=tc5]').borderTopLeftRadius,
    };
  });
  eq(styles.form, 'rgb(1, 2, 3)', '::part(form)');
  eq(styles.results, 'rgb(4, 5, 6)', '::part(results)');
  eq(styles.summary, 'rgb(7, 8, 9)', '::part(summary)');
  eq(styles.measure, 'rgb(10, 11, 12)', '::part(measure)');
  eq(styles.eligible, 'rgb(13, 14, 15)', '::part(measure eligible)');
  assert(styles.needsInfo != 'rgb(13, 14, 15)', '::part(measure eligible) only on eligible measures');
  eq(styles.status, 'underline', '::part(status)');
  eq(styles.button, '17px', '::part(button)');
  eq(styles.linkLike, 'overline', '::part(link)');
  assert(styles.linkRadius != '17px', 'a link-like button is not ::part(button)');
  // The language buttons: the one pressed is "button pressed" (the element is in English: en).
  eq(styles.pressedNot, '3px', '::part(button pressed): the English button');
  assert(styles.pressed != '3px', 'a button not pressed is not ::part(button pressed)');
  const e = await context.newPage();
  await e.goto(`${origin}/www/t/parts-error.html`);
  await e.waitForSelector(`${W} [role=alert]`);
  eq(await e.evaluate(() => getComputedStyle(document.querySelector('sme-eligibility').shadowRoot.querySelector('[role=alert]')).borderTopColor), 'rgb(16, 17, 18)', '::part(error)');
  eq(await e.evaluate(() => getComputedStyle(document.querySelector('sme-eligibility').shadowRoot.querySelector('[data-k=retry]')).borderTopLeftRadius), '17px', 'the retry button is a ::part(button)');
  await e.close();
  await p.close();
});

// ---- size -------------------------------------------------------------------------------------------------
const sizes = p => p.evaluate(() => {
  const sr = document.querySelector('sme-eligibility').shadowRoot, cs = s => getComputedStyle(sr.querySelector(s));
  const height = s => Math.round(sr.querySelector(s).getBoundingClientRect().height * 10) / 10;
  return {
    text: cs('.w').fontSize, lineHeight: cs('.w').lineHeight, heading: cs('#rh').fontSize, help: cs('.help').fontSize, label: cs('label[for=i-as_of]').fontSize,
    button: cs('[data-k=len]').fontSize, buttonHeight: height('[data-k=len]'), input: cs('#i-as_of').fontSize, inputHeight: height('#i-as_of'),
    gap: cs('.w').paddingTop,
  };
});
let baseline;
for (const name of Object.keys(SIZES)) {
  await test(`size on a host page with ${name == 'base' ? 'no CSS' : SIZES[name]}: the widget's text and controls keep their size (16 px text, 44 px controls); axe passes`, async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 375, height: 800 });
    await p.goto(`${origin}/www/t/size-${name}.html`);
    await ready(p);
    const got = await sizes(p);
    if (name == 'base') {
      baseline = got;
      eq(got.text, '16px', 'the base size: the user’s default (medium)');
      assert(got.buttonHeight >= 44 && got.inputHeight >= 44, `controls 44 px high: ${JSON.stringify(got)}`);
    }
    eq(JSON.stringify(got), JSON.stringify(baseline), `sizes as on a page with no CSS (${name})`);
    if (name != 'base') {
      // The host page's CSS took effect on the page itself.
      const outside = await p.evaluate(() => ({ root: getComputedStyle(document.documentElement).fontSize, line: getComputedStyle(document.body).lineHeight }));
      if (name == 'root-62.5') eq(outside.root, '10px', 'the page’s root size');
      if (name == 'flexible-rem') eq(outside.root, '37.5px', 'the page’s root size');
      if (name == 'reset') eq(outside.line, '16px', 'the page’s line height');
    }
    await axe(p, name);
    await p.close();
  });
}
await test('--sme-font-size sets the base: 20px', async () => {
  const p = await context.newPage();
  await p.goto(`${origin}/www/t/size-custom.html`);
  await ready(p);
  const got = await sizes(p);
  eq(got.text, '20px', 'base');
  eq(got.heading, `${20 * 1.2}px`, 'the results heading, 1.2em');
  await p.close();
});

// ---- language -------------------------------------------------------------------------------------------
await test('without a lang attribute the element takes <html lang="ja"> (its words fetched first), says it inside, and follows a change of it, answers kept', async () => {
  const p = await context.newPage();
  const seen = [];
  p.on('request', r => seen.push(r.url()));
  await p.goto(link(origin + '/www/t/ja.html', GOOD));
  await ready(p);
  eq(await h2(p), TITLES.ja, 'Japanese');
  eq(await p.locator(`${W} .w`).getAttribute('lang'), 'ja', 'the lang said inside');
  assert(seen.some(u => u.endsWith('/pkg/ruleset/ja.json')) && !seen.some(u => u.endsWith('/pkg/ruleset/zh.json')), `the page language’s words, not zh: ${seen.filter(u => u.includes('/ruleset/'))}`);
  await p.evaluate(() => { document.documentElement.lang = 'en'; });
  await inLanguage(p, 'en');
  await ready(p);
  eq(await p.locator(`${W} #i-revenue`).inputValue(), '50000000', 'answers kept');
  eq(await p.locator(`${W} .w`).getAttribute('lang'), 'en', 'the lang said inside');
  await p.evaluate(() => document.documentElement.removeAttribute('lang'));
  await inLanguage(p, 'en'); // the browser's (en-US)
  await p.evaluate(() => { document.documentElement.lang = 'zh-CN'; });
  await inLanguage(p, 'zh');
  // Its own lang attribute wins over the page's.
  await p.evaluate(() => document.querySelector('sme-eligibility').setAttribute('lang', 'ja'));
  await inLanguage(p, 'ja');
  const stays = await p.evaluate(async () => {
    document.documentElement.lang = 'en';
    await new Promise(done => setTimeout(done)); // the mutation observers' turn has passed
    return document.querySelector('sme-eligibility').shadowRoot.querySelector('h2').textContent;
  });
  eq(stays, TITLES.ja, 'its own lang attribute stays');
  await p.close();
});

await test('the nearest ancestor’s lang is taken, and followed; a page in a language the widget does not speak gives the browser’s; no lang at all, the browser’s', async () => {
  const p = await context.newPage();
  await p.goto(`${origin}/www/t/nested.html`);
  await ready(p);
  eq(await h2(p), TITLES.en, '<div lang="en"> inside <html lang="ja">');
  await p.evaluate(() => { document.getElementById('box').lang = 'zh-Hans'; });
  await inLanguage(p, 'zh');
  await p.evaluate(() => document.getElementById('box').removeAttribute('lang'));
  await inLanguage(p, 'ja');
  for (const page of ['french.html', 'no-lang.html']) {
    await p.goto(`${origin}/www/t/${page}`);
    await ready(p);
    eq(await h2(p), TITLES.en, `${page}: the browser’s language (en-US)`);
  }
  await p.close();
});

// ---- lifecycle ----------------------------------------------------------------------------------------
// The listeners on the window and the document, by type, as the browser counts them (CDP).
async function listenersOf(p) {
  const cdp = await p.context().newCDPSession(p);
  const of = async expression => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.map(l => l.type).sort().join(' ');
  };
  const counted = { window: await of('window'), document: await of('document') };
  await cdp.detach();
  return counted;
}

await test('listeners counted before, while and after: removing the element removes every listener it added; back in the page it adds them again and follows the page’s language', async () => {
  const p = await context.newPage();
  await p.goto(link(origin + '/www/t/empty.html', GOOD)); // a link: the element listens to hashchange after taking it
  await p.waitForSelector('body', { state: 'attached' }); // (Playwright's own listeners, added by its first wait, are there before counting)
  const before = await listenersOf(p);
  await p.evaluate(() => {
    window.element = document.createElement('sme-eligibility');
    element.setAttribute('as-of', '2023-07-01');
    document.body.append(element);
  });
  await ready(p);
  const during = await listenersOf(p);
  for (const type of ['beforeprint', 'hashchange', 'languagechange']) has(during.window, type, 'a listener while in the page');
  await p.evaluate(() => { document.documentElement.lang = 'ja'; });
  await inLanguage(p, 'ja');
  await p.evaluate(() => element.remove());
  eq(JSON.stringify(await listenersOf(p)), JSON.stringify(before), 'after removal, the listeners of before');
  // The lang watch is gone too: a change of the page's language now (to one whose words are held,
  // which it would render at once) leaves the removed element as it was.
  const after = await p.evaluate(async () => {
    document.documentElement.lang = 'en';
    await new Promise(done => setTimeout(done)); // the mutation observers' turn has passed
    return element.shadowRoot.querySelector('h2').textContent;
  });
  eq(after, TITLES.ja, 'the removed element does not follow the page');
  await p.evaluate(() => document.body.append(element));
  await inLanguage(p, 'en');
  eq(JSON.stringify(await listenersOf(p)), JSON.stringify(during), 'back in the page: its listeners again');
  eq(await p.locator(`${W} #i-revenue`).inputValue(), '50000000', 'answers kept');
  await p.evaluate(() => element.remove());
  eq(JSON.stringify(await listenersOf(p)), JSON.stringify(before), 'removed again');
  eq((await heard(p, 'sme-ready')).length, 1, 'sme-ready once: moving is not loading');
  await p.close();
});

await test('a failed load is tried again by the button in the error message: the wasm answers 503 once', async () => {
  const p = await context.newPage();
  let failures = 0;
  await p.route('**/pkg/sme_eligibility_bg.wasm', route => (failures++ ? route.continue() : route.fulfill({ status: 503, body: 'busy' })));
  await p.goto(`${origin}/www/t/plain.html`);
  await waitHeard(p, 'sme-error');
  eq((await heard(p, 'sme-error'))[0].detail.code, 'engine', 'code');
  has(await p.locator(`${W} [role=alert]`).innerText(), 'could not be loaded', 'message');
  await p.locator(`${W} [role=alert] [data-k=retry]`).click();
  await ready(p);
  await waitHeard(p, 'sme-ready');
  eq(failures, 2, 'requested again');
  eq(JSON.stringify((await heard(p)).map(e => e.type)), '["sme-error","sme-ready"]', 'events');
  eq(await p.locator(`${W} article`).count(), 28, 'the report');
  await p.close();
});

await test('another language’s words that fail (500 once) are tried again by the button; sme-error, then sme-ready again', async () => {
  const p = await context.newPage();
  let failures = 0;
  await p.route('**/pkg/ruleset/ja.json', route => (failures++ ? route.continue() : route.fulfill({ status: 500, body: 'oops' })));
  await p.goto(link(origin + '/www/t/plain.html', GOOD));
  await ready(p);
  await p.evaluate(() => document.querySelector('sme-eligibility').setAttribute('lang', 'ja'));
  await waitHeard(p, 'sme-error');
  eq((await heard(p, 'sme-error'))[0].detail.code, 'engine', 'code');
  has((await heard(p, 'sme-error'))[0].detail.message, 'エンジン', 'the message, in Japanese');
  await p.locator(`${W} [data-k=retry]`).click();
  await inLanguage(p, 'ja');
  await ready(p);
  eq(JSON.stringify((await heard(p)).map(e => e.type)), '["sme-ready","sme-error","sme-ready"]', 'events');
  eq(await p.locator(`${W} #i-revenue`).inputValue(), '50000000', 'answers kept');
  await p.close();
});

await test('a failed ruleset fetch is tried again when the element is back in the page (404, then the ruleset)', async t => {
  const p = await context.newPage();
  let ruleset;
  try { ruleset = compiledRuleset(); } catch { return t.skip('no sme-check to compile the ruleset'); }
  let asked = 0;
  await p.route('**/www/t/flaky-ruleset.json', route => (asked++ ? route.fulfill({ contentType: 'application/json', body: ruleset }) : route.fulfill({ status: 404, body: 'not yet' })));
  await p.goto(`${origin}/www/t/flaky.html`);
  await waitHeard(p, 'sme-error');
  eq((await heard(p, 'sme-error'))[0].detail.code, 'ruleset-http', 'code');
  await p.evaluate(() => { const e = document.querySelector('sme-eligibility'); e.remove(); document.body.append(e); });
  await ready(p);
  eq(asked, 2, 'fetched again');
  eq(await p.locator(`${W} article`).count(), 28, 'the report');
  eq(JSON.stringify((await heard(p)).map(e => e.type)), '["sme-error","sme-ready"]', 'events');
  await p.close();
});

// ---- the npm package --------------------------------------------------------------------------------
await test('the npm package: packed, installed offline into a scratch project, its declarations pass tsc, bundled by esbuild, the widget loads from the bundle', async t => {
  t.diagnostic(`${packed.filename}: ${packed.size} bytes packed, ${packed.entryCount} files`);
  const names = packed.files.map(f => f.path);
  for (const f of ['widget.js', 'widget.d.ts', 'sme_eligibility_bg.wasm', 'ruleset/core.bin', 'ruleset/en.json', 'package.json']) assert(names.includes(f), `${f} in the package`);
  assert(!names.some(f => f.endsWith('.html')), 'the offline page is not in the package');
  eq(typesChecked, '', 'tsc on a site’s use of the package');
  const p = await context.newPage();
  const seen = [];
  p.on('request', r => seen.push(r.url().slice(origin.length)));
  await p.goto(`${origin}/www/npm/index.html`);
  await ready(p);
  eq(await p.locator(`${W} article`).count(), 28, 'the report');
  eq(await h2(p), TITLES.en, 'the page’s language (html lang="en")');
  const fetched = seen.filter(u => !u.endsWith('.html'));
  for (const f of ['main.js', 'sme_eligibility_bg.wasm', 'ruleset/core.bin', 'ruleset/en.json']) assert(fetched.includes('/www/npm/' + f), `${f} fetched beside the bundle: ${fetched}`);
  assert(fetched.every(u => u.startsWith('/www/npm/')), `nothing from elsewhere (pkg/): ${fetched}`);
  await p.close();
});

// ---- the demonstration page -----------------------------------------------------------------------------
await test('the demonstration page follows the chosen language (title, header, note, html lang), from its links and from the widget’s buttons; answers kept; it links the offline page', async () => {
  const p = await context.newPage();
  await p.goto(link(origin + '/www/index.html', GOOD));
  await ready(p);
  const page = () => p.evaluate(() => ({ lang: document.documentElement.lang, title: document.title, h1: document.querySelector('h1').textContent, note: document.querySelector('.note').textContent }));
  has((await page()).h1, '自测', 'Chinese first');
  await p.locator('nav a[lang=ja]').click();
  await inLanguage(p, 'ja');
  let now = await page();
  eq(now.lang, 'ja', 'html lang');
  has(now.title, 'セルフチェック', 'title'); has(now.h1, 'セルフチェック', 'heading'); has(now.note, '見積もり', 'note');
  await p.locator(`${W} [data-k=len]`).click();
  await inLanguage(p, 'en');
  now = await page();
  eq(now.lang, 'en', 'html lang');
  has(now.title, 'self-check', 'title'); has(now.h1, 'self-check', 'heading'); has(now.note, 'not an official decision', 'note');
  await ready(p);
  eq(await p.locator(`${W} #i-revenue`).inputValue(), '50000000', 'answers kept');
  const offline = p.locator('a[href$="sme-eligibility-offline.html"]');
  eq(await offline.getAttribute('download'), '', 'a download link to the offline page');
  has(await offline.textContent(), 'offline', 'in English');
  await axe(p, 'demonstration page, English');
  await p.close();
});

await test('privacy: every request of this file stayed on the origin; no console or page error but the expected ones', async () => {
  const away = requests.filter(u => !u.startsWith(origin + '/') && !u.startsWith('blob:' + origin + '/'));
  eq(away.length, 0, `requests elsewhere: ${away.join(', ')}`);
  // Expected: the load failures these tests cause (404 and 503 responses, a refused ruleset).
  const odd = problems.filter(m => !/status of (404|503)|Failed to load resource/.test(m));
  eq(odd.length, 0, odd.join('\n'));
});
await site.close();

// ---- the offline page, from disk, with no network ------------------------------------------------------
const OFFLINE = join(root, 'pkg/sme-eligibility-offline.html');
await test('the offline page opened from file:// with every request blocked: it answers, switches language, explains, exports and prints, and asks for nothing', async t => {
  const raw = readFileSync(OFFLINE);
  t.diagnostic(`pkg/sme-eligibility-offline.html: ${raw.length} bytes, ${gzipSync(raw, { level: 9 }).length} gzipped`);
  const dir = mkdtempSync(join(tmpdir(), 'sme-offline-')); // saved alone, as an enterprise would
  const saved = join(dir, 'sme-eligibility-offline.html');
  copyFileSync(OFFLINE, saved);
  const url = pathToFileURL(saved).href;
  const profile = mkdtempSync(join(tmpdir(), 'sme-e2e-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, offline: true, acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 },
  });
  try {
    const asked = [], blocked = [], errors = [];
    await browser.route('**/*', route => {
      const u = route.request().url();
      asked.push(u);
      if (u.split('#')[0] == url) return route.continue();
      blocked.push(u);
      return route.abort();
    });
    browser.on('request', r => asked.push(r.url()));
    const p = await browser.newPage();
    p.on('console', m => m.type() == 'error' && errors.push(m.text()));
    p.on('pageerror', e => errors.push(e.message));
    await p.addInitScript(() => {
      window.__csp = [];
      addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    });
    await p.goto(link(url, GOOD));
    await ready(p);
    eq(await h2(p), TITLES.zh, 'in the page’s language (zh-CN)');
    has(await p.locator(`${W} #m-5`).getAttribute('class'), 'eligible', 'measure 5');
    has(await p.locator(`${W} #m-5`).textContent(), '最高120万元', 'its amount');
    eq(await p.locator(`${W} #i-revenue`).inputValue(), '50000000', 'the answers of the link');
    await p.locator(`${W} #i-headcount`).fill('81');
    await ready(p);
    for (const [button, lang, title] of [['[data-k=lja]', 'ja', '中小企業'], ['[data-k=len]', 'en', 'offline']]) {
      await p.locator(`${W} ${button}`).click();
      await inLanguage(p, lang);
      await ready(p);
      has(await p.title(), title, `the page’s title follows (${lang})`);
    }
    await p.locator(`${W} #m-5 summary`).first().click();
    await p.locator(`${W} #m-5 .why`).waitFor();
    has(await p.locator(`${W} #m-5 .why`).innerText(), 'CNY 12,000,000', '“why” in English');
    await p.locator(`${W} [data-k=tools]`).click();
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator(`${W} [data-k=exp]`).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    eq(exported.answers.headcount, '81', 'exported answers');
    await p.emulateMedia({ media: 'print' });
    await p.pdf({ path: join(dir, 'summary.pdf'), format: 'A4' }); // the browser's own print: the summary
    assert(statSync(join(dir, 'summary.pdf')).size > 10000, 'the summary printed');
    await p.emulateMedia({ media: 'screen' });
    await p.evaluate(() => { window.print = () => {}; }); // (the dialog recorded away)
    await p.locator(`${W} [data-k=printall]`).click();
    await p.emulateMedia({ media: 'print' });
    await p.pdf({ path: join(dir, 'report.pdf'), format: 'A4' });
    eq(await p.locator(`${W} .why`).count(), 28, 'every “why” built for print');
    assert(await p.locator(`${W} #m-22 .why`).isVisible(), 'and shown');
    eq(await p.locator(`${W} [data-state=loading]`).count(), 0, 'no “loading” line');
    assert(statSync(join(dir, 'report.pdf')).size > 10000, 'a printout');
    eq(JSON.stringify(await p.evaluate(() => performance.getEntriesByType('resource').map(e => e.name))), '[]', 'resources loaded by the page');
    eq(JSON.stringify(await p.evaluate(() => window.__csp)), '[]', 'CSP violations (its default-src \'none\' forbids every request)');
    eq(blocked.join(' '), '', 'requests other than the file itself');
    assert(asked.every(u => u.split('#')[0] == url), `requests: ${asked}`);
    eq(errors.join('\n'), '', 'console and page errors');
    await axe(p, 'offline page, English');
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

await test('the offline page: its Content-Security-Policy allows no request, only its own inline script and style by hash, and WebAssembly', () => {
  const html = readFileSync(OFFLINE, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  has(csp, "default-src 'none'", 'default-src');
  assert(/script-src( 'sha256-[A-Za-z0-9+/=]+'){2} 'wasm-unsafe-eval';/.test(csp), `script-src: ${csp}`);
  assert(!/unsafe-inline|unsafe-eval'|https?:|\*/.test(csp.replace("'wasm-unsafe-eval'", '')), `nothing looser: ${csp}`);
  eq((html.match(/<script\b/g) ?? []).length, 2, 'two inline scripts, no src');
  assert(!/<script[^>]*\bsrc=|<link\b|<img\b|<iframe\b|\bimport\(/.test(html), 'nothing that loads');
});

rmSync(scratch, { recursive: true, force: true });
