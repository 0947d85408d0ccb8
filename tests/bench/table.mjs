// Prints the benchmark table from the figures .ci/bench left in DIR (size.json, twiggy.txt,
// browser.json, node.json, native.json, batch.jsonl), each figure next to its target.
//   node tests/bench/table.mjs target/bench
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const read = f => (existsSync(join(dir, f)) ? JSON.parse(readFileSync(join(dir, f), 'utf8')) : null);
const size = read('size.json'), browser = read('browser.json'), node = read('node.json'), native = read('native.json');
const batch = existsSync(join(dir, 'batch.jsonl')) ? readFileSync(join(dir, 'batch.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map(l => JSON.parse(l)) : [];
const fmt = (x, d = 0) => (x == null || Number.isNaN(x) ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const verdict = ok => (ok ? 'MET' : 'MISSED');
const lines = [];
const p = (...a) => lines.push(a.join(''));
const rule = t => p('\n── ' + t + ' ' + '─'.repeat(Math.max(0, 96 - t.length)));

p(`Performance and size (issue #5) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus().length} × ${cpus()[0]?.model?.trim()} — Node ${process.version}${browser?.chromium ? ' — Chromium ' + browser.chromium : ''}`);

rule('Transfer size: a first visit to www/embed.html, before the first report (bytes)');
if (size?.first) {
  const files = [...Object.values(size.first).flatMap(l => l.files), ...size.later];
  const w = Math.max(...files.map(f => f.file.length), 12) + 2;
  const line = (label, f, more = '') => p('  ', label.padEnd(w), fmt(f.raw).padStart(11), fmt(f.gzip).padStart(11), fmt(f.brotli).padStart(11), more);
  p('  ', ''.padEnd(w), 'raw'.padStart(11), 'gzip -9'.padStart(11), 'brotli'.padStart(11));
  const [lang0] = Object.keys(size.first);
  for (const f of size.first[lang0].files.slice(0, -1)) line(f.file, f);
  for (const [lang, l] of Object.entries(size.first)) line(l.files.at(-1).file, l.files.at(-1));
  for (const [lang, l] of Object.entries(size.first)) {
    line(`total (${lang})`, l.total, `   target ≤ 100 KB (102,400) gzipped: ${verdict(l.total.gzip <= 102400)} (${(l.total.gzip / 1024).toFixed(1)} KB)`);
  }
  const wasm = size.first[size.largest].files.find(f => f.file.endsWith('.wasm'));
  if (wasm) p('  ', `the wasm is ${(100 * wasm.gzip / size.first[size.largest].total.gzip).toFixed(0)}% of the gzipped total`);
  p('  ', 'fetched later, only when needed:');
  for (const f of size.later) line(f.file, f);
} else p('  (no figures)');
if (existsSync(join(dir, 'twiggy.txt'))) {
  rule('Biggest contributors to the wasm');
  for (const l of readFileSync(join(dir, 'twiggy.txt'), 'utf8').trimEnd().split('\n')) p('  ', l);
}

rule('Browser (headless Chromium, localhost)');
if (browser?.load) {
  const l = browser.load;
  p(`  navigation → first complete report, median of ${l.loads} fresh loads: ${fmt(l.median_ms, 1)} ms (min ${fmt(l.min_ms, 1)}, max ${fmt(l.max_ms, 1)}; DOMContentLoaded ${fmt(l.dcl_median_ms, 1)} ms, wasm fetched ${fmt(l.wasm_fetched_median_ms, 1)} ms)`);
  if (l.blank_median_ms !== undefined) p(`  a blank page's load (a fresh context each, to its load event), same run, median: ${fmt(l.blank_median_ms, 1)} ms`);
  p(`     target ≤ 150 ms: ${verdict(l.median_ms <= 150)}`);
}
if (browser?.phases) {
  p('  the engine\'s share of a load (median of ' + browser.phases.runs + ' fresh pages, timed in the page):');
  p('    ', Object.entries(browser.phases.ms).map(([k, v]) => `${k} ${fmt(v, 1)} ms`).join(' · '));
  p('    ', `the first report (decide) of the empty profile: ${fmt(browser.phases.reportBytes)} bytes as JSON; JSON.parse of that text alone: ${fmt(browser.phases.jsonParseMs, 2)} ms`);
}
if (browser?.evaluate) {
  const e = browser.evaluate;
  const full = e['ours (full)'].median_us;
  p(`  one evaluation of the 28 measures through the JS API, median over ${fmt(e['ours (full)'].n)} profiles (statuses checked equal on all ${fmt(browser.compared)} peer evaluations first):`);
  for (const [k, v] of Object.entries(e)) p('    ', k.padEnd(20), `${fmt(v.median_us, 0)} µs`.padStart(12), `   p90 ${fmt(v.p90_us, 0)} µs`);
  for (const peer of ['json-rules-engine', 'zen-engine-wasm']) {
    if (!e[peer]) continue;
    const r = full / e[peer].median_us, rs = e['ours (decide)'].median_us / e[peer].median_us;
    const x = n => `${n.toFixed(3)} (${(1 / n).toFixed(1)}× ${n < 1 ? 'faster' : 'slower'})`;
    p('    ', `ours (full) / ${peer} = ${x(r)}   ours (decide) / ${peer} = ${x(rs)}`);
    if (e['ours (decisions)']) {
      // The row: statuses + amounts + missing facts, ≥ 20× json-rules-engine and ≥ 10× zen.
      const rd = e['ours (decisions)'].median_us / e[peer].median_us, want = peer === 'json-rules-engine' ? 20 : 10;
      p('    ', `ours (decisions) / ${peer} = ${x(rd)}`);
      p('    ', `   target: statuses + amounts + missing facts ≥ ${want}× faster than ${peer}: ${verdict(rd <= 1 / want)}`);
    }
    const wantFull = peer === 'json-rules-engine' ? 10 : 5;
    p('    ', `   target: full evaluation with explanations ≥ ${wantFull}× faster than ${peer}: ${verdict(r <= 1 / wantFull)}`);
  }
} else if (browser?.diffs) p('  STOPPED: the engines gave different statuses (see the log)');

rule('Node (one process, same profiles): evaluations per second');
if (node?.perSecond) {
  const s = node.perSecond;
  p(`  median over ${s['ours (decide)'].chunks} chunks of 1,000 profiles (statuses checked equal on all ${fmt(node.compared)} peer evaluations first):`);
  for (const [k, v] of Object.entries(s)) p('    ', k.padEnd(20), `${fmt(v.median)} /s`.padStart(12));
  for (const peer of ['json-rules-engine', 'zen-engine']) {
    if (!s[peer]) continue;
    p('    ', `ours (full) / ${peer} = ${(s['ours (full)'].median / s[peer].median).toFixed(2)}×   ours (decide) / ${peer} = ${(s['ours (decide)'].median / s[peer].median).toFixed(2)}×  (evaluations per second; > 1: ours faster)`);
  }
} else if (node?.diffs) p('  STOPPED: the engines gave different statuses (see the log)');
if (node?.statuses || node?.anatomy) rule('The profile set, and what a full report weighs');
if (node?.statuses) {
  const order = ['eligible', 'needs_info', 'ineligible', 'expired', 'not_applicable'];
  const short = { eligible: 'E', needs_info: 'N', ineligible: 'I', expired: 'X', not_applicable: '–' };
  const cells = Object.entries(node.statuses).map(([id, c]) => `${id}:` + order.filter(s => c[s]).map(s => short[s]).join(''));
  p(`  statuses the profile set reaches, by measure (E eligible, N needs_info, I ineligible, X expired, – not applicable):`);
  for (let i = 0; i < cells.length; i += 10) p('    ', cells.slice(i, i + 10).map(c => c.padEnd(10)).join(''));
}
if (node?.anatomy?.reports) {
  const a = node.anatomy, n = a.reports;
  p(`  a full report (ours: the complete module's evaluate) weighs ${fmt(a.bytes / n / 1024, 1)} KB as JSON on average (${fmt(n)} profiles); explanations ${fmt(100 * a.explanation / a.bytes)}% of it; ${fmt(a.reasons / n)} reasons a report, ${fmt(100 * a.repeated / a.reasons)}% of them repeating a reason given earlier in the same report`);
  if (a.decideBytes) p(`  the page's first report (the page module's decide, no reasons) weighs ${fmt(a.decideBytes / n / 1024, 1)} KB on average`);
}

const cargo = existsSync('Cargo.toml') ? readFileSync('Cargo.toml', 'utf8') : '';
const optLevel = /\[profile\.release\][^[]*?opt-level\s*=\s*("?\w+"?)/.exec(cargo)?.[1] ?? '?';
rule(`Native (release build, opt-level ${optLevel})`);
if (native) {
  p(`  one evaluation of the 28 measures, median of ${fmt(native.evaluate?.n)} timings (${fmt(native.profiles)} profiles × ${native.passes} passes):`);
  const rows = [['evaluate', 'statuses, amounts, missing facts'], ['summary', '+ summary report (what batch writes)'], ['full', '+ full report with explanations (what the widget shows)'], ['full+json', '+ that report as JSON text']];
  for (const [k, what] of rows) if (native[k]) p('    ', k.padEnd(10), `${(native[k].median_ns / 1000).toFixed(2)} µs`.padStart(12), `  p90 ${(native[k].p90_ns / 1000).toFixed(2)} µs`.padEnd(18), '  ', what);
  if (native.full) p(`     target one full evaluation ≤ 5 µs: ${verdict(native.full.median_ns <= 5000)} (full report ${(native.full.median_ns / 1000).toFixed(1)} µs; the evaluation alone ${(native.evaluate.median_ns / 1000).toFixed(1)} µs: ${verdict(native.evaluate.median_ns <= 5000)})`);
}
if (batch.length) {
  p('  sme-check batch, NDJSON in and out, one core (taskset), as_of 2023-07-01:');
  for (const b of batch) p('    ', `${b.name} ${b.detail}`.padEnd(14), `${fmt(b.profiles)} profiles`.padStart(20), `${fmt(b.seconds, 2)} s`.padStart(10), `${fmt(b.profiles / b.seconds)} profiles/s`.padStart(20), `${fmt(b.bytes / b.seconds / 1048576, 1)} MB/s in`.padStart(14), `peak RSS ${fmt(b.max_rss_kb / 1024, 1)} MB`.padStart(18));
  const s10 = batch.find(b => b.name === '10k' && b.detail === 'summary'), s1m = batch.find(b => b.name === '1M' && b.detail === 'summary');
  // The throughput target is for screening a register: the compact status lines (issue 11).
  const screening = batch.find(b => b.name === '1M' && b.detail === 'status') ?? batch.find(b => b.name === '10k' && b.detail === 'status');
  const best = screening ?? s1m ?? s10;
  if (best) p(`     target ≥ 200,000 profiles/s on one core (--detail ${best.detail}): ${verdict(best.profiles / best.seconds >= 200000)}`);
  if (s10 && s1m) {
    const per10 = s10.seconds / s10.profiles, per1m = s1m.seconds / s1m.profiles;
    p(`     cost per profile 1M / 10k = ${(per1m / per10).toFixed(2)} (1.00 = linear); peak memory 1M / 10k = ${(s1m.max_rss_kb / s10.max_rss_kb).toFixed(2)}: memory flat: ${verdict(s1m.max_rss_kb <= s10.max_rss_kb * 1.25)}`);
  }
}
console.log(lines.join('\n'));
