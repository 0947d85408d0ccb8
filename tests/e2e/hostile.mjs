// The browser side of issue 6, in Debian's Chromium: text from a ruleset or a profile is never markup,
// nothing leaves the browser (error paths included), and a saved answers file that is broken, from
// another version or ruleset, or hostile is refused with a translated message while the answers stay.
// Every check runs twice: under the strict CSP of .ci/serve.mjs (where securitypolicyviolation events
// are recorded: there must be none) and with no CSP at all (where an injected handler would run).
// A node:test file: `node --test tests/e2e/hostile.mjs`, or `node tests/e2e/hostile.mjs [--csp | --no-csp]`
// for one of the two runs. Waits are on the widget's states (lib.mjs), never a fixed delay.
import { test } from 'node:test';
import { browse, assert, eq, has, root, W, ready, nextFrame, messageAfter, compiledRuleset } from './lib.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRINGS as T } from '../../src/widget/i18n.js';
import { encodeForLink as encode } from '../../src/widget/answers.js';
import { initSync, Engine } from '../../pkg/sme_eligibility_full.js';

// ---- hostile text --------------------------------------------------------------------------------
const PWN = 'window.__pwned=1';
const HOSTILE = [
  `<script>${PWN}</script>`,
  `<img src=x onerror="${PWN}">`,
  `javascript:${PWN}`,
  `"><svg onload="${PWN}">`,
  `'><iframe src="javascript:${PWN}"></iframe>`,
  `<a href="javascript:${PWN}">a link</a><style>*{display:none}</style>`,
  '{{7*7}} ${7*7} {n} {d} $& $1 &lt;b&gt; &amp;', // templates, replacement patterns, entities
  '\u202Eright-to-left override\u202C then \u202Eone left open', // RLO…PDF, and an RLO never closed
  '\u2067RLI left open \u2066LRI \u2068FSI', // isolates opened, never closed
  'closers first \u2069\u202C, then Hebrew עברית 123', // PDI and PDF alone; right-to-left letters and digits
  'zero\u200Bwidth\uFEFFno-break\u200Djoiner\u2060word',
  'W'.repeat(5000), // long, with no break opportunity
];
const SHORT = HOSTILE.filter(s => s.length < 200); // what an answer may be

// The built-in ruleset, compiled (sme-check compile), with every display string — titles, labels,
// units, help, clause texts, notes, cites, choice labels, department names, source titles — replaced by
// a hostile one (numbered, so that no two are equal: the widget's lists of departments drop doubles),
// and the ruleset's id, version and source URLs hostile too.
const original = JSON.parse(compiledRuleset());
const hostile = structuredClone(original);
for (const lang of ['zh', 'ja', 'en']) hostile.strings[lang] = hostile.strings[lang].map((_, i) => `${i} ${HOSTILE[i % HOSTILE.length]}`);
hostile.id = `x"><img src=x onerror="${PWN}">`;
hostile.version = `<script>${PWN}</script>\u202E`;
for (const s of hostile.sources) s.url = `javascript:${PWN}`;
const hostileJson = JSON.stringify(hostile);

// What the engine makes of it, for comparing with what the page shows (the same pkg/, in Node: the
// complete module, which checks it for the page too).
initSync({ module: readFileSync(join(root, 'pkg/sme_eligibility_full_bg.wasm')) });
const cat = Engine.fromJson(hostileJson).catalog('en');

// A ruleset the engine refuses, its keys and values hostile.
const refusedRuleset = JSON.stringify({ id: 'x', [`<img src=x onerror="${PWN}">`]: 1, '\u202Eunknown, reversed': 2, title: `<script>${PWN}</script>`, version: { '\u202Ebad': 1 }, strings: { zh: [`"><svg onload="${PWN}">`], ja: [], en: [] } });

// Host pages: one script, one element (as embed.html), English, a fixed as-of date.
const host = attrs => `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<title>host</title>\n<script type="module" src="../../pkg/widget.js"></script>\n<sme-eligibility lang="en" as-of="2023-07-01"${attrs}></sme-eligibility>\n</html>\n`;
const ELSEWHERE = ['https://example.com/r.json', '//example.com/r.json', `javascript:${PWN}`, 'data:application/json,{}'];
const files = {
  '/www/t/plain.html': host(''),
  '/www/t/hostile.html': host(' ruleset="./hostile-ruleset.json"'),
  '/www/t/hostile-ruleset.json': hostileJson,
  '/www/t/missing.html': host(' ruleset="./no-such-ruleset.json"'),
  '/www/t/not-json.html': host(' ruleset="./not-json.json"'),
  '/www/t/not-json.json': `<!doctype html><script>${PWN}</script><img src=x onerror="${PWN}">`,
  '/www/t/refused.html': host(' ruleset="./refused-ruleset.json"'),
  '/www/t/refused-ruleset.json': refusedRuleset,
  ...Object.fromEntries(ELSEWHERE.map((u, i) => [`/www/t/elsewhere-${i}.html`, host(` ruleset="${u}"`)])),
};

// ---- answers -------------------------------------------------------------------------------------
const GOOD = { registered_in_shanghai: true, industry: 'industry', headcount: '80', revenue: '50000000', renovation_investment: '12000000',
  hires: [{ hired_on: '2023-03-01', group: 'graduate_2023', contract_months: '24', social_insurance_paid: true }] };
const file = (answers, more) => ({ format: 'sme-eligibility-answers', version: 1, ruleset: original.id, as_of: '2023-07-01', answers, ...more });
// Answers of the right shape whose values are hostile strings: taken as typed, like typing them.
const HOSTILE_ANSWERS = { registered_in_shanghai: true, headcount: SHORT[0], revenue: SHORT[1], total_assets: SHORT[3], industry: SHORT[2],
  renovation_investment: SHORT[7], taxable_income: SHORT[8], rd_investment_last_year: SHORT[9], cit_headcount_avg: SHORT[10],
  hires: [{ hired_on: SHORT[4], group: SHORT[5], contract_months: SHORT[6], social_insurance_paid: false }] };
const TEXT_INPUTS = ['headcount', 'revenue', 'total_assets', 'renovation_investment', 'taxable_income', 'rd_investment_last_year', 'cit_headcount_avg', 'hires.0.contract_months'];
const json = o => JSON.stringify(o);
const deep = n => '['.repeat(n) + ']'.repeat(n);
// Files that must be refused, and the message each gets.
const REFUSED = [
  ['broken JSON', '{"format": "sme-eligibility-answers", "answers": ', 'importRefused'],
  ['an empty file', '', 'importRefused'],
  ['markup, not JSON', `<script>${PWN}</script><img src=x onerror="${PWN}">`, 'importRefused'],
  ['JSON null', 'null', 'importRefused'],
  ['a JSON array', json([file(GOOD)]), 'importRefused'],
  ['a JSON string', json('sme-eligibility-answers'), 'importRefused'],
  ['another format', json(file(GOOD, { format: 'other-answers' })), 'importRefused'],
  ['no format', json({ ...file(GOOD), format: undefined }), 'importRefused'],
  ['answers that are a list', json(file([GOOD])), 'importRefused'],
  ['no answers', json(file(undefined)), 'importRefused'],
  ['an older version (0)', json(file(GOOD, { version: 0 })), 'importOtherVersion'],
  ['a newer version (2)', json(file(GOOD, { version: 2 })), 'importOtherVersion'],
  ['a version that is a string', json(file(GOOD, { version: '1' })), 'importOtherVersion'],
  ['no version', json(file(GOOD, { version: undefined })), 'importOtherVersion'],
  ['another ruleset', json(file(GOOD, { ruleset: 'beijing-2024-1' })), 'importOtherVersion'],
  ['a hostile ruleset id', json(file(GOOD, { ruleset: hostile.id })), 'importOtherVersion'],
  ['hostile: __proto__ keys', `{"format":"sme-eligibility-answers","version":1,"ruleset":${json(original.id)},"__proto__":{"polluted":1},"answers":{"__proto__":{"polluted":1},"headcount":"1","hires":[{"__proto__":{"polluted":1}}]}}`, 'importRefused'],
  ['hostile: constructor.prototype keys', json(file({ constructor: { prototype: { polluted: 1 } }, headcount: '1' })), 'importRefused'],
  ['hostile: prototype key', json(file({ prototype: { polluted: 1 } })), 'importRefused'],
  ['hostile: markup as a key', json(file({ [`<img src=x onerror="${PWN}">`]: '1' })), 'importRefused'],
  ['hostile: a number, not a string', json(file({ headcount: 80 })), 'importRefused'],
  ['hostile: a huge number (1e400)', `{"format":"sme-eligibility-answers","version":1,"ruleset":${json(original.id)},"answers":{"revenue":1e400}}`, 'importRefused'],
  ['hostile: a string for yes/no', json(file({ registered_in_shanghai: 'true' })), 'importRefused'],
  ['hostile: an object for an answer', json(file({ revenue: { toString: `<script>${PWN}</script>` } })), 'importRefused'],
  ['hostile: a list entry that is not an object', json(file({ hires: [GOOD.hires[0], 5] })), 'importRefused'],
  ['hostile: 501 list entries', json(file({ hires: Array.from({ length: 501 }, () => ({})) })), 'importRefused'],
  ['hostile: deep nesting (100,000 levels)', `{"format":"sme-eligibility-answers","version":1,"ruleset":${json(original.id)},"answers":{"hires":[{"hired_on":${deep(1e5)}}]}}`, 'importRefused'],
  ['hostile: a 300-character answer', json(file({ headcount: '9'.repeat(300) })), 'importRefused'],
  ['hostile: an as-of date that is markup', json(file(GOOD, { as_of: `<img src=x onerror="${PWN}">` })), 'importRefused'],
  ['hostile: a 5 MB file', json(file({ ...GOOD, headcount: 'x'.repeat(5 << 20) })), 'importRefused'],
];

// ---- in the page ------------------------------------------------------------------------------------
// Before any script of the page: records every way to reach the network, to run a string as code or
// to parse a string as HTML, and every CSP violation.
function recorder() {
  const rec = window.__rec = { calls: [], csp: [] };
  const note = (what, arg) => rec.calls.push(what + (arg === undefined ? '' : ' ' + String(arg).slice(0, 120)));
  addEventListener('securitypolicyviolation', e => rec.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
  // (Playwright runs its own functions in the page through eval, from its UtilityScript: not counted.)
  const fn = (o, name, what = name) => {
    const f = o?.[name], own = () => !/\bUtilityScript\b/.test(new Error().stack);
    if (typeof f == 'function') o[name] = new Proxy(f, {
      apply: (t, self, args) => (own() && note(what, args[0]), Reflect.apply(t, self, args)),
      construct: (t, args, nt) => (own() && note(what, args[0]), Reflect.construct(t, args, nt)),
    });
  };
  const setter = (proto, prop, what) => {
    const d = proto && Object.getOwnPropertyDescriptor(proto, prop);
    if (d?.set) Object.defineProperty(proto, prop, { ...d, set(v) { note(what, v); d.set.call(this, v); } });
  };
  for (const n of ['fetch', 'eval', 'Function', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'RTCPeerConnection', 'open', 'alert', 'confirm', 'prompt']) fn(window, n);
  fn(Navigator.prototype, 'sendBeacon');
  fn(XMLHttpRequest.prototype, 'open', 'XMLHttpRequest');
  fn(ServiceWorkerContainer.prototype, 'register', 'serviceWorker');
  fn(HTMLFormElement.prototype, 'submit', 'form.submit');
  for (const n of ['write', 'writeln']) fn(Document.prototype, n, 'document.' + n);
  fn(Element.prototype, 'insertAdjacentHTML');
  fn(Element.prototype, 'setHTMLUnsafe');
  fn(ShadowRoot.prototype, 'setHTMLUnsafe');
  fn(Document, 'parseHTMLUnsafe');
  fn(DOMParser.prototype, 'parseFromString', 'DOMParser');
  fn(Range.prototype, 'createContextualFragment');
  for (const n of ['setTimeout', 'setInterval']) {
    const f = window[n];
    window[n] = function (h, ...a) { if (typeof h != 'function') note(n + ' with a string', h); return f.call(this, h, ...a); };
  }
  setter(Element.prototype, 'innerHTML', 'innerHTML');
  setter(ShadowRoot.prototype, 'innerHTML', 'innerHTML');
  setter(Element.prototype, 'outerHTML', 'outerHTML');
  setter(HTMLIFrameElement.prototype, 'srcdoc', 'iframe.srcdoc');
  for (const [p, n] of [[HTMLImageElement, 'src'], [HTMLScriptElement, 'src'], [HTMLScriptElement, 'text'], [HTMLIFrameElement, 'src'], [HTMLLinkElement, 'href']]) setter(p.prototype, n, `${p.name}.${n}`);
}

// Every element of the light DOM and of the widget's shadow DOM: the tags made in the widget, and
// anything that could run or load: script-like elements, on* attributes, URL attributes, javascript: URLs.
function scan() {
  const el = document.querySelector('sme-eligibility'), sr = el.shadowRoot, bad = [], tags = {};
  const light = [...document.querySelectorAll('*')].map(e => e.localName);
  for (const t of light) if (!/^(html|head|meta|title|script|body|sme-eligibility)$/.test(t)) bad.push(`<${t}> in the host page`);
  if (light.filter(t => t == 'script').length != 1) bad.push('a <script> was added to the host page');
  for (const e of [...document.querySelectorAll('*'), ...sr.querySelectorAll('*')]) {
    const inside = sr.contains(e), tag = e.localName;
    if (inside) tags[tag] = (tags[tag] ?? 0) + 1;
    if (e.shadowRoot && e != el) bad.push(`another shadow root on <${tag}>`);
    for (const a of e.attributes) {
      const v = a.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      if (/^on/i.test(a.name)) bad.push(`<${tag} ${a.name}>`);
      if (e != el && /^(javascript|vbscript|data):/.test(v)) bad.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
      if (inside && /^(href|src|srcdoc|srcset|action|formaction|xlink:href|data|poster|background|ping|style)$/i.test(a.name)) bad.push(`<${tag} ${a.name}> in the widget`);
    }
    if (inside && /^(script|noscript|img|picture|image|iframe|frame|frameset|object|embed|applet|link|style|meta|base|a|use|foreignobject|animate|set|video|audio|source|track|math|template|slot|portal|dialog)$/i.test(tag)) bad.push(`<${tag}> in the widget`);
    if (inside && e.namespaceURI == 'http://www.w3.org/2000/svg' && !e.closest('figure')) bad.push(`<${tag}> (SVG) outside the widget's pictures`);
  }
  return { bad, tags, text: sr.textContent, pwned: window.__pwned, rec: window.__rec };
}

// Bidi: text with bidi controls or right-to-left letters must not reorder the widget's own words. Its
// scope is its paragraph: the nearest ancestor that is a bidi isolate (computed unicode-bidi isolate or
// plaintext, as <bdi>, <q>, and <p>, <li>… in Chromium's own style sheet) or not inline (a block, a
// flex item, a button). A text node holding such text passes when it is the whole text of a <bdi> or
// <q> (a string the widget inserted whole: a ruleset's text, or the engine's sentence around one, whose
// inside is the engine's affair), or when it ends with the inserted string (`ends`: the hostile strings)
// and no other text follows in its scope: text before it is safe (controls act forward; the UI's words
// run left to right).
function bidi(ends) {
  const RE = /[\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
  const sr = document.querySelector('sme-eligibility').shadowRoot, texts = [], bad = [], whole = new Set();
  const own = e => { const c = getComputedStyle(e); return /isolate|plaintext/.test(c.unicodeBidi) || !/^(inline|contents)$/.test(c.display); };
  const scope = n => { let e = n.parentElement; while (e.parentElement && !own(e)) e = e.parentElement; return e; };
  for (let w = document.createTreeWalker(sr, NodeFilter.SHOW_TEXT), n; (n = w.nextNode());) if (n.data.trim()) texts.push(n);
  let found = 0;
  texts.forEach(n => {
    if (!RE.test(n.data)) return;
    found++;
    const s = scope(n), inScope = texts.filter(m => s.contains(m) && scope(m) == s);
    if (/^(bdi|q)$/.test(s.localName) && inScope.length == 1 && /isolate/.test(getComputedStyle(s).unicodeBidi)) return whole.add(s.localName);
    const end = ends.some(h => n.data.trimEnd().endsWith(h.trimEnd()));
    const after = inScope[inScope.indexOf(n) + 1];
    if (!end || after) bad.push(`<${s.localName}>: “${(after?.data ?? n.data).slice(-40)}” after the inserted text “${n.data.slice(0, 40)}”`);
  });
  return { found, bad, whole: [...whole] };
}

// The values of every control of the form (what the answers look like on screen), and the report.
function snapshot() {
  const sr = document.querySelector('sme-eligibility').shadowRoot;
  return JSON.stringify({
    form: [...sr.querySelectorAll('form input, form select, #i-as_of')].map(e => [e.id || e.name, e.type, e.type == 'radio' || e.type == 'checkbox' ? e.checked : e.value]),
    report: sr.querySelector('section[aria-labelledby=rh]')?.textContent,
  });
}

// Opens every <details> (each "why", the policy text, the pictures' text), so everything is built:
// the widget builds a disclosure's content on its toggle event, and a "why" holds a disclosure of its
// own (the Chinese original), so this opens, waits for each toggle, and goes on until none is closed.
async function openAll(page) {
  await page.evaluate(async () => {
    const root = document.querySelector('sme-eligibility').shadowRoot;
    for (let closed; (closed = [...root.querySelectorAll('details:not([open])')]).length;) {
      await Promise.all(closed.map(d => new Promise(toggled => {
        d.addEventListener('toggle', toggled, { once: true }); // after the widget's own listener
        d.open = true;
      })));
    }
  });
}

// ---- one run -----------------------------------------------------------------------------------
async function run(csp) {
  const mode = csp ? 'strict CSP' : 'no CSP';
  const site = await browse({ csp, files });
  const { origin, context } = site;
  await context.addInitScript(recorder);
  console.log(`\nhostile text, hostile answers, no requests — ${origin} (${mode})`);
  const C = name => `[${mode}] ${name}`;
  const pages = [];
  // What the widget loads: the page module and its wasm; for the built-in ruleset its core and the
  // string tables of the languages shown (the hosts are in English: the clause texts' Chinese
  // original too); for a ruleset of the page's own the complete module, which checks and packs it.
  const PKG = ['/pkg/widget.js', '/pkg/sme_eligibility_bg.wasm'];
  const BUILTIN = ['/pkg/ruleset/core.bin', '/pkg/ruleset/en.json', '/pkg/ruleset/en.why.json', '/pkg/ruleset/en.clauses.json', '/pkg/ruleset/zh.clauses.json'];
  const COMPLETE = ['/pkg/sme_eligibility_full.js', '/pkg/sme_eligibility_full_bg.wasm'];
  // After load, only another language's string tables (static files, named by the language alone).
  const LATER = new RegExp(`^${origin.replace(/\./g, '\\.')}/pkg/ruleset/(zh|ja|en)(\\.why|\\.clauses)?\\.json$`);

  // A page of its own for each case; `until`: the widget's report with the strings of its reasons, or
  // its error. After that point no request may be made but for another language's string tables;
  // before it, only the page, the widget's files and the ruleset it names.
  async function visit(path, { until = 'ready', ruleset, expect = [] } = {}) {
    const page = await context.newPage();
    Object.assign(page, { reqs: [], dialogs: [], errors: [], expect, path, ruleset, until });
    page.on('request', r => page.reqs.push(r.url()));
    page.on('dialog', d => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    page.on('console', m => m.type() == 'error' && page.errors.push(m.text()));
    page.on('pageerror', e => page.errors.push('pageerror: ' + e.message));
    page.on('download', d => d.path().catch(() => {}));
    const res = await page.goto(origin + path);
    eq(res.headers()['content-security-policy'] != null, csp, 'the page is served with the strict CSP');
    if (until == 'ready') {
      await ready(page);
      await page.waitForSelector(`${W} section[data-reasons=ready]`);
    } else {
      await page.waitForSelector(`${W} [role=alert]`);
    }
    page.loaded = page.reqs.length;
    pages.push(page);
    return page;
  }
  const look = page => page.evaluate(scan);
  // Nothing ran, nothing was made from the text, nothing was parsed as HTML.
  async function clean(page, base) {
    const s = await look(page);
    eq(s.pwned, undefined, 'window.__pwned');
    eq(s.bad.length, 0, `elements or attributes made from text:\n${s.bad.slice(0, 8).join('\n')}`);
    const odd = s.rec.calls.filter(c => !/^fetch /.test(c));
    eq(odd.length, 0, `calls that run or parse strings or reach the network: ${odd.join(' | ')}`);
    eq(s.rec.csp.length, 0, `CSP violations: ${s.rec.csp.join(' | ')}`);
    eq(page.dialogs.length, 0, `dialogs: ${page.dialogs.join(' | ')}`);
    eq(await page.evaluate(() => ({}).polluted ?? Object.prototype.polluted ?? [].polluted), undefined, 'Object.prototype polluted');
    if (base) {
      const diff = [...new Set([...Object.keys(base), ...Object.keys(s.tags)])].filter(t => base[t] !== s.tags[t]).map(t => `${t}: ${base[t]} → ${s.tags[t]}`);
      eq(diff.join(', '), '', 'the widget’s elements (tag: count) against the same report with the built-in ruleset');
    }
    return s;
  }
  async function isolated(page, min = 1) {
    const b = await page.evaluate(bidi, HOSTILE);
    assert(b.found >= min, 'no bidi text found to check');
    eq(b.bad.length, 0, `words of the UI in the same paragraph after inserted bidi text (${b.bad.length} of ${b.found}):\n${b.bad.slice(0, 6).join('\n')}`);
    return b;
  }
  const status = page => page.locator(`${W} .tools [role=status]`).first();
  const form = page => page.evaluate(snapshot);
  // Imports a file through the widget's control; the message it gives.
  const load = (page, content, what = 'import') => messageAfter(page,
    () => page.locator(`${W} input[type=file]`).setInputFiles({ name: 'answers.json', mimeType: 'application/json', buffer: Buffer.from(content) }), what);

  // ---- A. a hostile ruleset ----------------------------------------------------------------------
  const link = '#sme=' + encode({ a: GOOD, d: '2023-07-01' });
  let base, hp;
  await test(C('baseline: the built-in ruleset, the same answers, everything opened'), async () => {
    const p = await visit('/www/t/plain.html' + link);
    await openAll(p);
    base = (await clean(p)).tags;
    assert(base.article == 28 && base.bdi > 28, `measures and isolates: ${JSON.stringify(base)}`);
  });

  await test(C('a ruleset whose texts, id, version and source URLs are hostile loads; the report and the policy text are built'), async () => {
    hp = await visit('/www/t/hostile.html' + link, { ruleset: '/www/t/hostile-ruleset.json' });
    eq(await hp.locator(`${W} article`).count(), 28, 'measures shown');
    await openAll(hp);
    assert(await hp.locator(`${W} .why`).count() == 28, 'every “why” built');
    assert(await hp.locator(`${W} .clause`).count() == 28, 'the policy text built');
  });

  await test(C('hostile ruleset: every hostile string appears literally as text, where it belongs'), async () => {
    const s = await look(hp);
    for (const h of HOSTILE) has(s.text, h, 'the widget’s text');
    const at = (sel, prop = 'textContent') => hp.locator(`${W} ${sel}`).first().evaluate((e, p) => e[p], prop);
    eq(await at('.w > div > p.small', 'innerText'), `${cat.title} (${cat.document})`, 'the policy’s title and document number, as shown');
    for (const m of cat.measures) {
      eq(await at(`#mh-${m.id}`), `Measure ${m.id} · ${m.title}`, `heading of measure ${m.id}`);
      if (m.departments.length) has(await at(`#m-${m.id}`), 'Contact: ' + m.departments.join('; '), `departments of measure ${m.id}`);
      has(await at(`#c-${m.id}`), m.text, `clause ${m.id}`);
      has(await at(`#c-${m.id}`), m.text_zh, `clause ${m.id}, Chinese`);
      if (m.note) has(await at(`#m-${m.id}`), 'Note: ' + m.note, `note of measure ${m.id}`);
    }
    let labels = 0;
    for (const f of cat.facts) {
      const l = hp.locator(`${W} label[for="i-${f.id}"]`);
      if (!(await l.count())) continue;
      labels++;
      eq(await l.textContent(), f.label + (f.unit ? ` (${f.unit})` : ''), `label of ${f.id}`);
      if (f.choices?.length > 3) eq(JSON.stringify(await hp.locator(`${W} #i-${f.id} option`).allTextContents()), JSON.stringify(['Choose', ...f.choices.map(c => c.title)]), `choices of ${f.id}`);
      if (f.help) eq(await at(`#h-${f.id}`), f.help + (f.source ? ' Source: ' + f.source : ''), `help and source of ${f.id}`);
    }
    assert(labels >= 3, `only ${labels} labels checked`);
    has(s.text, `Ruleset ${cat.id} version ${cat.version} (${cat.hash})`, 'the receipt');
  });

  await test(C('hostile ruleset: no element, attribute or URL made from its text — same elements as with the built-in ruleset; no link at all (its javascript: source URLs are not shown)'), async () => {
    await clean(hp, base);
    eq(await hp.locator(`${W} a, ${W} [href]`).count(), 0, 'links in the widget');
  });

  await test(C('hostile ruleset: bidi overrides, isolates and right-to-left text cannot reorder the words around them (each in a <bdi> or a paragraph of its own)'), async () => {
    const b = await isolated(hp);
    assert(b.found > 100, `only ${b.found} bidi texts found`);
    assert(b.whole.includes('bdi') && b.whole.includes('q'), `isolating elements holding whole texts: ${b.whole}`);
    const u = await hp.locator(`${W} .notice bdi`).first().evaluate(e => getComputedStyle(e).unicodeBidi);
    eq(u, 'isolate', 'a department name in the notice: computed unicode-bidi');
  });

  await test(C('hostile ruleset: long strings wrap — no horizontal scrolling at 360 px'), async () => {
    await hp.setViewportSize({ width: 360, height: 800 });
    await nextFrame(hp);
    const sw = await hp.evaluate(() => document.documentElement.scrollWidth);
    await hp.setViewportSize({ width: 1280, height: 900 });
    assert(sw <= 360, `the page is ${sw} px wide at 360 px`);
  });

  await test(C('hostile ruleset: switching language, typing a hostile answer, printing and exporting make no request and run nothing'), async () => {
    const mark = hp.reqs.length;
    await hp.evaluate(() => document.querySelector('sme-eligibility').setAttribute('lang', 'ja'));
    await ready(hp);
    await hp.locator(`${W} #i-headcount`).fill(HOSTILE[1]);
    await ready(hp);
    assert(await hp.locator(`${W} #e-headcount`).isVisible(), 'the field’s error is shown');
    await hp.evaluate(() => document.querySelector('sme-eligibility').setAttribute('lang', 'en'));
    await ready(hp);
    await Promise.all([hp.waitForEvent('download'), hp.locator(`${W} [data-k=exp]`).click()]);
    await hp.emulateMedia({ media: 'print' });
    await hp.pdf({ format: 'A4' }); // the browser's own print: the summary
    await hp.emulateMedia({ media: 'screen' });
    await hp.evaluate(() => { window.print = () => {}; }); // (the dialog recorded away)
    await hp.locator(`${W} [data-k=printall]`).click(); // every "why" built, with the ruleset's words
    await hp.emulateMedia({ media: 'print' });
    await hp.pdf({ format: 'A4' });
    await hp.emulateMedia({ media: 'screen' });
    eq(hp.reqs.slice(mark).join(' '), '', 'requests');
    await clean(hp);
  });

  // ---- B. hostile answers --------------------------------------------------------------------------
  let ap;
  await test(C('an answers file with hostile strings as values (right shape) is taken as typed: shown literally in the fields, with their errors'), async () => {
    ap = await visit('/www/t/plain.html');
    await ap.locator(`${W} [data-k=tools]`).click();
    eq(await load(ap, JSON.stringify(file(HOSTILE_ANSWERS))), T.en.importDone, 'message');
    await ready(ap);
    for (const id of TEXT_INPUTS) {
      const k = id.split('.'), want = k.length > 1 ? HOSTILE_ANSWERS[k[0]][k[1]][k[2]] : HOSTILE_ANSWERS[id];
      eq(await ap.locator(`${W} #i-${id.replace(/\./g, '-')}`).inputValue(), want, `the field ${id}`);
      assert(await ap.locator(`${W} #e-${id.replace(/\./g, '-')}`).isVisible(), `the error of ${id} is shown`);
    }
    has(await ap.locator(`${W} #e-headcount`).innerText(), 'not a valid', 'a translated error');
    await ready(ap);
    await clean(ap);
    await isolated(ap, 0);
  });

  await test(C('the same hostile answers in a link (#sme=…) are taken as typed and shown literally'), async () => {
    const p = await visit('/www/t/plain.html#sme=' + encode({ a: HOSTILE_ANSWERS, d: '2023-07-01' }));
    for (const id of ['headcount', 'revenue', 'renovation_investment']) eq(await p.locator(`${W} #i-${id}`).inputValue(), HOSTILE_ANSWERS[id], `the field ${id}`);
    await clean(p);
    await isolated(p, 0);
  });

  for (const lang of ['en', 'zh', 'ja']) {
    await test(C(`${lang}: ${REFUSED.length} broken, foreign, other-version and hostile answers files are each refused with a translated message, the answers staying exactly as they were`), async () => {
      await ap.evaluate(l => document.querySelector('sme-eligibility').setAttribute('lang', l), lang);
      await ready(ap);
      eq(await load(ap, JSON.stringify(file(GOOD))), T[lang].importDone, 'the answers to keep are imported');
      await ready(ap);
      const before = await form(ap);
      has(before, '"50000000"', 'the answers before');
      for (const [what, content, k] of REFUSED) {
        eq(await load(ap, content, what), T[lang][k], `${what}: the message`);
        assert(await status(ap).isVisible(), `${what}: the message is visible`);
        // A refused file changes nothing at once (no re-rendering) and sets off no evaluation for later.
        eq(await ap.locator(`${W} section[aria-labelledby=rh]`).getAttribute('data-state'), 'ready', `${what}: an evaluation is pending`);
        eq(await form(ap), before, `${what}: the form and the report changed`);
      }
      await clean(ap);
    });
  }

  await test(C('a hostile link (__proto__ keys, wrong types, a markup date, garbage) is refused with the message; the form stays empty'), async () => {
    const empty = await form(await visit('/www/t/plain.html'));
    const links = [
      ['__proto__ keys', encode(JSON.parse('{"a":{"__proto__":{"polluted":1},"headcount":"80"},"d":"2023-07-01"}'))],
      ['constructor.prototype', encode({ a: { constructor: { prototype: { polluted: 1 } } } })],
      ['a number, not a string', encode({ a: { headcount: 80 } })],
      ['a markup date', encode({ a: GOOD, d: `<img src=x onerror="${PWN}">` })],
      ['not base64url', `<script>${PWN}</script>`],
      ['not JSON', encode('x').slice(0, -2) + '__'],
    ];
    for (const [what, frag] of links) {
      const p = await visit('/www/t/plain.html#sme=' + frag);
      eq(await status(p).innerText(), T.en.importRefused, `${what}: the message`);
      eq(await p.evaluate(() => location.hash), '', `${what}: the fragment is cleared`);
      eq(await form(p), empty, `${what}: the form`);
      await clean(p);
    }
  });

  await test(C('a hostile link opened on a page with answers (hashchange) is refused; the answers stay'), async () => {
    const p = await visit('/www/t/plain.html' + link);
    const before = await form(p);
    has(before, '"50000000"', 'the answers before');
    await p.evaluate(f => { location.hash = f; }, '#sme=' + encode(JSON.parse('{"a":{"__proto__":{"polluted":1},"headcount":"1"}}')));
    await p.waitForFunction(() => document.querySelector('sme-eligibility').shadowRoot.querySelector('.tools [role=status]')?.textContent);
    eq(await status(p).innerText(), T.en.importRefused, 'the message');
    await ready(p);
    eq(await form(p), before, 'the form and the report');
    await clean(p);
  });

  // ---- C. rulesets that cannot be used ---------------------------------------------------------------
  const errorPage = async (path, ruleset, want, expect) => {
    const p = await visit(path, { until: 'alert', ruleset, expect });
    const msg = await p.locator(`${W} [role=alert]`).innerText();
    for (const w of want) has(msg, w, 'the message');
    await clean(p);
    return p;
  };
  await test(C('error path: a ruleset URL that answers 404'), () =>
    errorPage('/www/t/missing.html', '/www/t/no-such-ruleset.json', ['could not be loaded', '404'], [/404 \(Not Found\)/]));
  await test(C('error path: a ruleset that is not JSON (markup) — shown as text'), () =>
    errorPage('/www/t/not-json.html', '/www/t/not-json.json', ['could not be loaded']));
  await test(C('error path: a ruleset the engine refuses, with hostile keys and values — its errors shown literally'), async () => {
    const p = await errorPage('/www/t/refused.html', '/www/t/refused-ruleset.json', ['could not be loaded', `<img src=x onerror="${PWN}">`]);
    await isolated(p);
  });
  for (const [i, u] of ELSEWHERE.entries()) {
    await test(C(`error path: a ruleset at ${u.slice(0, 40)} is refused before any request`), () =>
      errorPage(`/www/t/elsewhere-${i}.html`, null, ['could not be loaded', 'this page’s origin', u]));
  }
  await test(C('hostile host attributes (lang, as-of) are taken as text'), async () => {
    const p = await visit('/www/t/plain.html');
    await p.evaluate(v => { const e = document.querySelector('sme-eligibility'); e.setAttribute('lang', v); e.setAttribute('as-of', v); }, `<img src=x onerror="${PWN}">`);
    await ready(p);
    assert(await p.locator(`${W} #e-as_of`).isVisible(), 'the date’s error is shown');
    await clean(p);
  });

  // ---- D. requests -----------------------------------------------------------------------------
  await test(C('after any widget had loaded, no request but for another language’s string tables of the built-in ruleset (none with a ruleset of the page’s own); before, only the page, the widget’s files and the ruleset it was told to load'), async () => {
    for (const p of pages) {
      const after = p.reqs.slice(p.loaded).filter(u => !u.endsWith('/favicon.ico') && !(!p.ruleset && LATER.test(u)));
      eq(after.length, 0, `${p.path}: requests after load: ${after.join(', ')}`);
      // A ruleset elsewhere is refused before any request: neither it nor the built-in one's files are fetched.
      const builtin = !p.ruleset && !p.path.includes('/elsewhere-');
      const files = [...PKG, ...(builtin ? BUILTIN : []), ...(p.ruleset ? [p.ruleset, ...COMPLETE] : [])];
      const allowed = new Set([origin + p.path.split('#')[0], ...files.map(f => origin + f)]);
      const before = p.reqs.slice(0, p.loaded);
      const other = before.filter(u => !allowed.has(u) && u != origin + '/favicon.ico');
      eq(other.length, 0, `${p.path}: unexpected requests: ${other.join(', ')}`);
      if (p.ruleset) assert(before.includes(origin + p.ruleset), `${p.path}: the ruleset was not requested`);
      if (builtin) for (const f of BUILTIN) assert(before.includes(origin + f), `${p.path}: ${f} was not requested`);
      if (p.ruleset && p.until == 'ready') for (const f of COMPLETE) assert(before.includes(origin + f), `${p.path}: ${f} was not requested`);
    }
  });
  await test(C('the page’s code never called sendBeacon, WebSocket, EventSource, XMLHttpRequest, workers, window.open, nor fetch but for the wasm, the ruleset’s files and the complete module’s wasm'), async () => {
    for (const p of pages) {
      const { calls } = await p.evaluate(() => window.__rec);
      const fetched = f => `fetch ${origin}${f}`;
      const allowed = new Set([fetched('/pkg/sme_eligibility_bg.wasm'), ...(p.ruleset ? [fetched(p.ruleset), fetched('/pkg/sme_eligibility_full_bg.wasm')] : BUILTIN.map(fetched))]);
      // (The complete module's glue is imported, not fetched by the page's code.)
      const odd = calls.filter(c => !allowed.has(c) && !(!p.ruleset && LATER.test(c.slice('fetch '.length))));
      eq(odd.length, 0, `${p.path}: ${odd.join(' | ')}`);
      assert(calls.includes(fetched('/pkg/sme_eligibility_bg.wasm')), `${p.path}: the recorder saw no fetch of the wasm (is it working?)`);
    }
  });
  await test(C('across the whole run every request stayed on the origin; no websocket; no cookie'), async () => {
    const away = site.requests.filter(u => !u.startsWith(origin + '/'));
    eq(away.length, 0, `requests elsewhere: ${away.join(', ')}`);
    eq(site.sockets.length, 0, 'websockets');
    eq((await context.cookies()).length, 0, 'cookies');
    assert(site.served.every(p => /^\/(www|pkg)\//.test(p) || p == '/favicon.ico'), `served: ${[...new Set(site.served)]}`);
  });
  await test(C('no console error or page error but the expected ones (the 404)'), async () => {
    const odd = pages.flatMap(p => p.errors.filter(e => !p.expect.some(x => x.test(e))).map(e => `${p.path}: ${e}`));
    eq(odd.length, 0, odd.join('\n'));
  });
  await test(C(csp ? 'the recorder works: an inline script is blocked and reported as a CSP violation' : 'the recorder works: with no CSP an inline script runs'), async () => {
    const p = await context.newPage();
    await p.goto(origin + '/www/t/plain.html');
    // The widget at rest (its report, then its reasons' strings fetched), so that the last call recorded is the test's.
    await ready(p);
    await p.waitForSelector(`${W} section[data-reasons=ready]`);
    await p.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.append(s); });
    // Blocked: the violation event comes as a task of its own; run: at once.
    await p.waitForFunction(blocked => blocked ? window.__rec.csp.length > 0 : window.__inline === 1, csp, { timeout: 10000 });
    const r = await p.evaluate(() => ({ ran: window.__inline, csp: window.__rec.csp.length, calls: window.__rec.calls.length }));
    eq(r.ran, csp ? undefined : 1, 'the inline script ran');
    eq(r.csp, csp ? 1 : 0, 'CSP violations recorded');
    await p.evaluate(() => { setTimeout(() => document.body.insertAdjacentHTML('beforeend', '<b>x</b>')); }); // from the page, not from Playwright
    await p.waitForFunction(() => document.body.querySelector('b'), null, { timeout: 10000 });
    eq(await p.evaluate(() => window.__rec.calls.at(-1)), 'insertAdjacentHTML beforeend', 'an HTML-parsing call recorded');
    await p.close();
  });

  await site.close();
}

// Both by default; `--csp` or `--no-csp` for one of them.
for (const csp of [true, false]) if (!process.argv.includes(csp ? '--no-csp' : '--csp')) await run(csp);
