// Transfer sizes of everything the widget and its pages load: pkg/widget.js (the widget, the engine's
// glue bundled in), pkg/*.wasm, and the pages with their own scripts and styles (www/*.html,
// www/**/*.js, www/**/*.css) — raw, gzip -9 and brotli (quality 11) — and the total. Not the readable
// sources (src/widget/) nor pkg/sme_eligibility.js (the glue alone, for the npm package: the widget
// does not load it). With --budget BYTES, exits 1 when the gzipped total is over it (for CI).
// --json FILE also writes the figures.
//   node tests/bench/size-report.mjs [--budget 100000] [--json FILE]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const budget = arg('--budget') === undefined ? undefined : Number(arg('--budget'));
if (budget !== undefined && !(budget > 0)) { console.error('size-report: --budget needs a number of bytes'); process.exit(2); }

const walk = dir => readdirSync(dir).flatMap(n => { const p = join(dir, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
const files = [
  ...readdirSync(join(root, 'pkg')).filter(n => n.endsWith('.wasm') || n == 'widget.js').map(n => join(root, 'pkg', n)),
  ...walk(join(root, 'www')).filter(p => /\.(js|css)$/.test(p)),
  ...readdirSync(join(root, 'www')).filter(n => n.endsWith('.html')).map(n => join(root, 'www', n)),
].sort();
if (!files.some(f => f.endsWith('.wasm')) || !files.some(f => f.endsWith('widget.js'))) { console.error('size-report: pkg/*.wasm or pkg/widget.js is missing: build pkg/ first (.ci/build)'); process.exit(2); }

const rows = files.map(f => {
  const b = readFileSync(f);
  return {
    file: relative(root, f),
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const w = Math.max(...rows.map(r => r.file.length), 5);
const n = x => x.toLocaleString('en-US').padStart(10);
console.log(`${'file'.padEnd(w)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(w)} ${n(r.raw)} ${n(r.gzip)} ${n(r.brotli)}`);
console.log(`${'total'.padEnd(w)} ${n(total.raw)} ${n(total.gzip)} ${n(total.brotli)}`);
const over = budget !== undefined && total.gzip > budget;
if (budget !== undefined) console.log(`budget: ${total.gzip.toLocaleString('en-US')} bytes gzipped of ${budget.toLocaleString('en-US')} — ${over ? 'OVER BUDGET' : 'within budget'}`);
if (arg('--json')) writeFileSync(arg('--json'), JSON.stringify({ files: rows, total, budget }, null, 1));
process.exit(over ? 1 : 0);
