// What the widget's code must never contain: code from strings, HTML from strings, and ways to reach
// the network other than the fetches it needs (the wasm, the built-in ruleset's files, a ruleset its
// `ruleset` attribute names, and the complete module for that one). Checked in its sources
// (src/widget/), in what ships (pkg/widget.js: the sources and the page module's glue bundled and
// minified; pkg/sme_eligibility.js and pkg/sme_eligibility_full.js: the glues alone) and in the pages'
// own scripts (www/). A static companion of tests/e2e/hostile.mjs, which
// watches the same calls at run time in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const walk = dir => readdirSync(dir).flatMap(n => { const p = join(dir, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
const files = ['src/widget', 'www', 'pkg'].flatMap(d => walk(join(root, d))).filter(f => /\.(m?js)$/.test(f))
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

const source = name => code(files.find(f => f.name == name).src);
const SHIPPED = 'pkg/widget.js';

test('the code to check is there: the widget’s sources, the shipped bundle and the module glue', () => {
  const names = files.map(f => f.name);
  for (const f of ['src/widget/index.js', 'src/widget/dom.js', 'src/widget/engine.js', SHIPPED, 'pkg/sme_eligibility.js', 'pkg/sme_eligibility_full.js']) assert.ok(names.includes(f), f);
  // The bundle is one line: a comment stripped wrongly (a " //" inside a string) would hide code from these checks.
  const shipped = files.find(f => f.name == SHIPPED).src;
  assert.ok(code(shipped).length > 0.99 * shipped.length, 'pkg/widget.js: no part of the bundle is taken for a comment');
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

// fetch: only the modules' own files (each glue's fetch of its wasm: the widget passes the page
// module's fetch, and the complete module's URL) and, in the widget, the wasm, the files of the
// built-in ruleset beside it (ruleset/NAME, names of its own: core.bin and the string tables) and the
// ruleset its `ruleset` attribute names, after checking that it is on the page's origin.
const fetches = name => [...code(files.find(f => f.name == name).src).matchAll(/\bfetch\s*\(([^)]*)\)/g)].map(m => `fetch(${m[1]})`);
test('fetch is called only where expected', () => {
  const calls = files.filter(f => f.name != SHIPPED).flatMap(({ name }) => fetches(name).map(c => `${name}: ${c}`));
  assert.deepEqual(calls.sort(), [
    'pkg/sme_eligibility.js: fetch(module_or_path)',
    'pkg/sme_eligibility_full.js: fetch(module_or_path)',
    "src/widget/engine.js: fetch(new URL('ruleset/' + name, import.meta.url)",
    "src/widget/engine.js: fetch(new URL('sme_eligibility_bg.wasm', import.meta.url)",
    'src/widget/engine.js: fetch(url)',
  ]);
  // The names given to ruleset/: core.bin and the string tables, never anything from the page.
  const engine = source('src/widget/engine.js');
  assert.deepEqual([...engine.matchAll(/=> rulesetFile\(([^,]+),/g)].map(m => m[1]).sort(), ["'core.bin'", "name + '.json'"]);
  assert.equal([...engine.matchAll(/\brulesetFile\(/g)].length, 3, 'rulesetFile: its definition and those two calls');
  assert.match(source('src/widget/engine.js'), /if \(url\.origin !== location\.origin\) throw[^\n]*\n(?:[^\n]*\n){0,2}[^\n]*fetch\(url\)/,
    'the ruleset URL is checked against the page’s origin just before it is fetched');
  // The bundle: the same four calls, the glue's and the ruleset's on a (minified) variable.
  const shipped = fetches(SHIPPED).map(c => c.replace(/^fetch\([\w$]+\)$/, 'fetch(a variable)').replace(/"ruleset\/"\+[\w$]+,/, '"ruleset/"+a variable,')).sort();
  assert.deepEqual(shipped, ['fetch(a variable)', 'fetch(a variable)', 'fetch(new URL("ruleset/"+a variable,import.meta.url)', 'fetch(new URL("sme_eligibility_bg.wasm",import.meta.url)']);
  // The complete module is a file of its own, imported by the bundle (and nothing else is).
  assert.deepEqual([...source(SHIPPED).matchAll(/\bimport\(([^)]*)\)/g)].map(m => m[1]), ['"./sme_eligibility_full.js"']);
  assert.match(source(SHIPPED), /\.origin!==?location\.origin\)throw [\s\S]{0,60}?fetch\([\w$]+\)/, 'pkg/widget.js: the origin check before the ruleset’s fetch');
});

// The only attributes the widget sets from data go through setAttribute in dom.js's el()/svgEl(); it
// sets no URL attribute but the export's blob: link (an object URL it made itself).
test('the only URL attribute the widget sets is the export’s blob: link', () => {
  const hrefs = files.filter(f => f.name.startsWith('src/widget/') || f.name.startsWith('www/') || f.name == SHIPPED)
    .flatMap(({ name, src }) => [...code(src).matchAll(/\b(href|src|action|formaction|xlink:href)\s*:/g)].map(m => `${name}: ${m[0]}`));
  assert.deepEqual(hrefs.sort(), ['pkg/widget.js: href:', 'src/widget/saving.js: href:']);
  assert.match(source('src/widget/saving.js'), /URL\.createObjectURL\([^\n]*\n\s*const link = el\('a', \{ href: url,/);
});
