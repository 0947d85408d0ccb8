// What the widget's code (www/) and the module's glue (pkg/) must never contain: code from strings,
// HTML from strings, and ways to reach the network other than the two fetches it needs. A static
// companion of tests/e2e/hostile.mjs, which watches the same calls at run time in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const walk = dir => readdirSync(dir).flatMap(n => { const p = join(dir, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
const files = ['www', 'pkg'].flatMap(d => walk(join(root, d))).filter(f => /\.(m?js)$/.test(f))
  .map(f => ({ name: relative(root, f), src: readFileSync(f, 'utf8') }));
// Comments are not code: dropped before matching (line comments only where they start a line or follow
// code with a space, so that "//" inside a URL string is kept).
const code = src => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

const FORBIDDEN = [
  [/\beval\s*\(/, 'eval('],
  [/\bnew\s+Function\b|\bFunction\s*\(/, 'new Function / Function('],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'setTimeout/setInterval with a string'],
  [/\bset(Timeout|Interval)\s*\(\s*[\w$.]+\s*[,)]/, 'setTimeout/setInterval with a value that may be a string (pass a function literal)'],
  [/\bdocument\.write(ln)?\b/, 'document.write'],
  [/\.(innerHTML|outerHTML)\b/, 'innerHTML / outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\b(setHTMLUnsafe|parseHTMLUnsafe|createContextualFragment|DOMParser)\b/, 'an HTML parser'],
  [/\bsrcdoc\b/, 'srcdoc'],
  [/javascript:/i, 'a javascript: URL'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bsendBeacon\b/, 'sendBeacon'],
  [/\b(WebSocket|EventSource|RTCPeerConnection|SharedWorker|Worker)\b/, 'a socket, event source, peer connection or worker'],
  [/\bimportScripts\b|\bserviceWorker\b/, 'importScripts / a service worker'],
  [/\bnew\s+Image\b/, 'new Image'],
  [/\.src\s*=/, 'setting a src'],
  [/\bwindow\.open\b|\blocation\s*=|\blocation\.(assign|replace|href\s*=)/, 'opening or navigating to a URL'],
];

test('the code to check is there: the widget and the module glue', () => {
  const names = files.map(f => f.name);
  for (const f of ['www/sme-eligibility.js', 'www/widget/dom.js', 'pkg/sme_eligibility.js']) assert.ok(names.includes(f), f);
});

for (const { name, src } of files) {
  test(`${name}: no code or HTML from strings, no other way to the network`, () => {
    const c = code(src);
    for (const [re, what] of FORBIDDEN) {
      const m = re.exec(c);
      assert.equal(m, null, `${name} uses ${what}: “${m && c.slice(Math.max(0, m.index - 40), m.index + 40)}”`);
    }
  });
}

// fetch: only the module's own file (pkg/'s glue, when given a URL, which the widget never does: it
// passes the wasm's fetch) and, in the widget, the wasm and the ruleset its `ruleset` attribute names,
// after checking that it is on the page's origin.
test('fetch is called only where expected', () => {
  const calls = files.flatMap(({ name, src }) => [...code(src).matchAll(/\bfetch\s*\(([^)]*)\)/g)].map(m => `${name}: fetch(${m[1]})`));
  assert.deepEqual(calls.sort(), [
    'pkg/sme_eligibility.js: fetch(module_or_path)',
    "www/sme-eligibility.js: fetch(new URL('sme_eligibility_bg.wasm', pkg)",
    'www/sme-eligibility.js: fetch(url)',
  ]);
  const w = code(files.find(f => f.name == 'www/sme-eligibility.js').src);
  assert.match(w, /if \(url\.origin != location\.origin\) throw[^\n]*\n[^\n]*fetch\(url\)/, 'the ruleset URL is checked against the page’s origin just before it is fetched');
});

// The only attributes the widget sets from data go through setAttribute in dom.js's h()/s(); it sets
// no URL attribute but the export's blob: link (an object URL it made itself).
test('the only URL attribute the widget sets is the export’s blob: link', () => {
  const hrefs = files.filter(f => f.name.startsWith('www/') && f.name != 'www/widget/i18n.js') // (i18n.js: strings, one of them named src)
    .flatMap(({ name, src }) => [...code(src).matchAll(/\b(href|src|action|formaction|xlink:href)\s*:/g)].map(m => `${name}: ${m[0]}`));
  assert.deepEqual(hrefs, ['www/sme-eligibility.js: href:']);
  assert.match(code(files.find(f => f.name == 'www/sme-eligibility.js').src), /URL\.createObjectURL\([^\n]*\n\s*const a = h\('a', \{ href: url,/);
});
