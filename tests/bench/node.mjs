// Node: evaluations per second of ours (the wasm modules through their JS APIs, each initSync with
// the bytes of its wasm: the page module's `decide` on the packed built-in ruleset of pkg/ruleset/,
// and the complete module's `evaluate`, the full report) against json-rules-engine and
// @gorules/zen-engine (native, JDM), in one process, on the same profiles, after checking that all
// give the same 28 statuses on every profile. Writes its figures as JSON.
//   node tests/bench/node.mjs RULESET.json PROFILES.json OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodings, ourEngines, ours, OURS, peers, check } from './engines.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [rsPath, setPath, outPath] = process.argv.slice(2);
const rs = JSON.parse(readFileSync(rsPath, 'utf8'));
const set = JSON.parse(readFileSync(setPath, 'utf8'));
const enc = encodings(rs);
writeFileSync(join(dirname(outPath), 'json-rules-engine.rules.json'), JSON.stringify(enc.jre, null, 1));
writeFileSync(join(dirname(outPath), 'zen.jdm.json'), JSON.stringify(enc.jdm, null, 1));

const page = await import(join(root, 'pkg/sme_eligibility.js'));
page.initSync({ module: readFileSync(join(root, 'pkg/sme_eligibility_bg.wasm')) });
const complete = await import(join(root, 'pkg/sme_eligibility_full.js'));
complete.initSync({ module: readFileSync(join(root, 'pkg/sme_eligibility_full_bg.wasm')) });
const JRE = (await import(join(root, 'tests/bench/node_modules/json-rules-engine/dist/index.js'))).default;
const zenNode = await import(join(root, 'tests/bench/node_modules/@gorules/zen-engine/index.js'));
const mine = ourEngines(page, complete, readFileSync(join(root, 'pkg/ruleset/core.bin')), JSON.parse(readFileSync(join(root, 'pkg/ruleset/zh.json'), 'utf8')));
const engines = { ...ours(mine), ...peers(enc, { JRE, zenNode }) };

const log = (...a) => console.error('[node]', ...a);
log(`checking ${Object.keys(engines).length - 1} engines against ours on ${set.length} profiles`);
const { [OURS.decide]: reference, ...others } = engines;
const t0 = performance.now();
const { compared, diffs } = await check(set, reference, others);
if (diffs.length) {
  console.error('[node] DIFFERENT STATUSES — no comparison is possible:');
  for (const d of diffs) console.error('  ' + JSON.stringify(d), JSON.stringify(set[d.profile]));
  writeFileSync(outPath, JSON.stringify({ ok: false, diffs }));
  process.exit(1);
}
log(`all ${compared} evaluations agree on all 28 statuses (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

// What the engines said, measure by measure (the set should reach every status a measure can
// have), and what a full report weighs: the JSON size of `engine.evaluate(profile, { as_of, lang })`,
// how much of it is explanation, and how many reasons repeat one given earlier in the same report;
// beside it, what the page module's first report (`decide`) weighs.
const statuses = {};
for (const r of set) {
  const got = await reference(r.profile, r.as_of);
  for (const [id, s] of Object.entries(got)) (statuses[id] ??= {})[s] = (statuses[id][s] ?? 0) + 1;
}
const anatomy = { reports: 0, bytes: 0, explanation: 0, reasons: 0, repeated: 0, decideBytes: 0 };
for (const { as_of, profile } of set.slice(0, 1000)) {
  const r = mine.full.evaluate(profile, { as_of, lang: 'zh' });
  anatomy.reports++;
  anatomy.bytes += Buffer.byteLength(JSON.stringify(r));
  anatomy.decideBytes += Buffer.byteLength(JSON.stringify(mine.decide.decide(profile, { as_of, lang: 'zh' })));
  const seen = new Set();
  for (const m of r.measures) for (const p of m.parts) {
    anatomy.explanation += Buffer.byteLength(JSON.stringify(p.explanation ?? []));
    for (const x of p.explanation ?? []) { anatomy.reasons++; const k = x.depth + x.text; if (seen.has(k)) anatomy.repeated++; seen.add(k); }
  }
}

// Throughput: the set in chunks of 1000, engines interleaved chunk by chunk (so a busy moment of the
// shared machine hits all of them); evaluations per second per chunk, median over the chunks.
const CHUNK = 1000;
const rates = Object.fromEntries(Object.keys(engines).map(k => [k, []]));
for (const [name, ev] of Object.entries(engines)) for (const r of set.slice(0, 300)) await ev(r.profile, r.as_of); // warm-up
for (let c = 0; c * CHUNK < set.length; c++) {
  const chunk = set.slice(c * CHUNK, (c + 1) * CHUNK);
  for (const [name, ev] of Object.entries(engines)) {
    const t = performance.now();
    for (const r of chunk) await ev(r.profile, r.as_of);
    rates[name].push(chunk.length / ((performance.now() - t) / 1000));
  }
}
const median = a => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const result = { ok: true, profiles: set.length, compared, node: process.version, statuses, anatomy, perSecond: {} };
for (const [k, v] of Object.entries(rates)) result.perSecond[k] = { median: median(v), chunks: v.length };
log(JSON.stringify(result.perSecond));
writeFileSync(outPath, JSON.stringify(result, null, 1));
