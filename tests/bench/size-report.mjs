// Transfer sizes — raw, gzip -9 and brotli (quality 11) — of what a first visit to www/embed.html (one
// script, one element) downloads before its first report, for each language the element may be in:
// the page, pkg/widget.js (the widget, the page module's glue bundled in), the page module's wasm,
// the built-in ruleset's core (pkg/ruleset/core.bin) and that language's words (pkg/ruleset/LANG.json).
// Then, listed apart, the files fetched later, only when needed: each language's reasons and clause
// texts (LANG.why.json, LANG.clauses.json: in idle time after the first report), another language's
// words (when the language switches), and the complete module (sme_eligibility_full.js and its wasm:
// only for a `ruleset` attribute). Then, apart again, the offline page (pkg/sme-eligibility-offline.html,
// saved and opened from disk). Not the readable sources (src/widget/) nor pkg/sme_eligibility.js
// (the page module's glue alone, for the npm package: the widget bundles it).
// With --budget BYTES, exits 1 when the largest gzipped first-visit total (over the languages) is over
// it (for CI). --json FILE also writes the figures.
//   node tests/bench/size-report.mjs [--budget 120000] [--json FILE]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const budget = arg('--budget') === undefined ? undefined : Number(arg('--budget'));
if (budget !== undefined && !(budget > 0)) { console.error('size-report: --budget needs a number of bytes'); process.exit(2); }

const LANGS = ['zh', 'ja', 'en'];
const SHARED = ['www/embed.html', 'pkg/widget.js', 'pkg/sme_eligibility_bg.wasm', 'pkg/ruleset/core.bin'];
const LATER = [
  ...LANGS.flatMap(lang => [`pkg/ruleset/${lang}.why.json`, `pkg/ruleset/${lang}.clauses.json`]),
  'pkg/sme_eligibility_full.js', 'pkg/sme_eligibility_full_bg.wasm',
];
const missing = [...SHARED, ...LANGS.map(lang => `pkg/ruleset/${lang}.json`), ...LATER].filter(f => !existsSync(join(root, f)));
if (missing.length) { console.error(`size-report: ${missing.join(', ')} missing: build pkg/ first (.ci/build)`); process.exit(2); }

const measured = new Map();
const size = file => {
  if (!measured.has(file)) {
    const b = readFileSync(join(root, file));
    measured.set(file, {
      file,
      raw: b.length,
      gzip: gzipSync(b, { level: 9 }).length,
      brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length,
    });
  }
  return measured.get(file);
};
const sum = rows => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const first = Object.fromEntries(LANGS.map(lang => {
  const files = [...SHARED, `pkg/ruleset/${lang}.json`].map(size);
  return [lang, { files, total: sum(files) }];
}));
const later = LATER.map(size);
const largest = LANGS.reduce((a, b) => (first[b].total.gzip > first[a].total.gzip ? b : a));

const w = Math.max(...[...measured.keys()].map(f => f.length), 12) + 2;
const n = x => x.toLocaleString('en-US').padStart(10);
const row = (label, r) => console.log(`${label.padEnd(w)} ${n(r.raw)} ${n(r.gzip)} ${n(r.brotli)}`);
const head = title => console.log(`\n${title}\n${''.padEnd(w)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const lang of LANGS) {
  head(`First visit to www/embed.html in ${lang}, before the first report:`);
  for (const r of first[lang].files) row('  ' + r.file, r);
  row(`  total (${lang})`, first[lang].total);
}
head('Fetched later, only when needed (not in the totals above):');
for (const r of later) row('  ' + r.file, r);
console.log('  (LANG.why.json and LANG.clauses.json: in idle time after the first report, for "why", the policy text and print;\n   another LANG.json on a language switch; the complete module only for a ruleset named by the `ruleset` attribute)');
// The offline page: saved and opened from disk, never fetched by the widget (not in the budget).
const OFFLINE = 'pkg/sme-eligibility-offline.html';
if (existsSync(join(root, OFFLINE))) {
  head('Saved, not fetched: the offline page (the widget, its wasm and the built-in ruleset in one file):');
  row('  ' + OFFLINE, size(OFFLINE));
}

const over = budget !== undefined && first[largest].total.gzip > budget;
if (budget !== undefined) console.log(`\nbudget: the largest first visit (${largest}) is ${first[largest].total.gzip.toLocaleString('en-US')} bytes gzipped of ${budget.toLocaleString('en-US')} — ${over ? 'OVER BUDGET' : 'within budget'}`);
if (arg('--json')) writeFileSync(arg('--json'), JSON.stringify({ first, later, largest, budget }, null, 1));
process.exit(over ? 1 : 0);
