// In headless Chromium (playwright-core, Debian's chromium), served by .ci/serve.mjs:
//  1. navigation to the first complete report on www/index.html, median of LOADS fresh loads (a new
//     browser context each: nothing cached). "Complete report": the moment the
//     results section inside the <sme-eligibility> shadow root has data-state="ready" (a
//     MutationObserver records performance.now() the moment it is set, reported through a binding).
//  2. one evaluation of all 28 measures through the JS API, median over the profile set: ours (the
//     page module's `engine.decide(profile, { as_of, lang })`, the report the widget shows first,
//     on the packed built-in ruleset; and the complete module's `engine.evaluate(profile, { as_of,
//     lang })`, the full report with every explanation) against json-rules-engine (bundled by
//     bundle-jre.mjs) and @gorules/zen-engine-wasm, in the same page, after checking that all give
//     the same 28 statuses on every profile. The page is cross-origin isolated (COOP/COEP), so
//     performance.now() ticks in 5 µs steps rather than 100 µs.
// Bench-only files are served by intercepting /bench/ (the server serves only www/ and pkg/).
//   node tests/bench/browser.mjs RULESET.json PROFILES.json OUT.json [LOADS]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const [rsPath, setPath, outPath, loadsArg] = process.argv.slice(2);
const LOADS = Number(loadsArg ?? 25);
const log = (...a) => console.error('[browser]', ...a);
const median = a => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

const server = await startServer({ port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const result = { chromium: browser.version() };
try {
  // ── 1. Navigation to the first complete report ─────────────────────────────────────────────
  // The widget sets data-state="ready" on its results section once a report is rendered (older
  // builds: the receipt line). The time comes back through a binding, so no polling script runs in
  // the page while it loads.
  const observe = () => {
    const seen = root => new MutationObserver((_, obs) => {
      if (!(root.querySelector('[data-state=ready]') || (!root.querySelector('[data-state]') && root.querySelector('.receipt')))) return;
      obs.disconnect();
      const report = performance.now();
      window.__loaded({
        report,
        domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
        wasm: performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'))?.responseEnd,
      });
    }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const r = attach.call(this, init);
      if (this.localName === 'sme-eligibility') seen(r);
      return r;
    };
  };
  const loads = [], blanks = [];
  for (let i = 0; i < LOADS + 1; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let done;
    const loaded = new Promise(r => { done = r; });
    await page.exposeFunction('__loaded', t => done(t));
    await page.addInitScript(observe);
    await page.goto(`${base}/www/index.html`);
    const t = await Promise.race([loaded, new Promise((_, no) => setTimeout(() => no(new Error('no report within 30 s')), 30000))]);
    if (i > 0) { loads.push(t); } // the first load starts Chromium's caches of its own
    await context.close();
    // A blank page in a fresh context (answered by the browser's interception, as the bench's own
    // files are), for the floor of any load in this run: its load event, beside the first report.
    const blankContext = await browser.newContext({ serviceWorkers: 'block' });
    const blankPage = await blankContext.newPage();
    await blankPage.route(`${base}/blank.html`, route => route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<!doctype html><html lang="en"><title>blank</title></html>' }));
    await blankPage.goto(`${base}/blank.html`, { waitUntil: 'load' });
    const blank = await blankPage.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd);
    if (i > 0) blanks.push(blank);
    await blankContext.close();
  }
  result.load = {
    loads: loads.length,
    median_ms: median(loads.map(l => l.report)),
    min_ms: Math.min(...loads.map(l => l.report)),
    max_ms: Math.max(...loads.map(l => l.report)),
    dcl_median_ms: median(loads.map(l => l.domContentLoaded)),
    wasm_fetched_median_ms: median(loads.map(l => l.wasm ?? NaN)),
    blank_median_ms: median(blanks),
  };
  log('load', JSON.stringify(result.load));

  // ── 1b. The engine's share: each step of starting the engine, timed in a fresh page ──────────
  const phases = [];
  for (let i = 0; i < 9; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/www/embed.html`);
    await page.waitForFunction(() => document.querySelector('sme-eligibility')?.shadowRoot?.querySelector('.receipt'), null, { timeout: 30000 });
    phases.push(await page.evaluate(async () => {
      const t = [performance.now()];
      const m = await import('/pkg/sme_eligibility.js?fresh=' + Math.random());
      t.push(performance.now());
      const get = (f, read) => fetch(f, { cache: 'no-store' }).then(read);
      const [bytes, core, zh] = await Promise.all([get('/pkg/sme_eligibility_bg.wasm', r => r.arrayBuffer()),
        get('/pkg/ruleset/core.bin', r => r.arrayBuffer()), get('/pkg/ruleset/zh.json', r => r.json())]);
      t.push(performance.now());
      const mod = await WebAssembly.compile(bytes);
      t.push(performance.now());
      await m.default({ module_or_path: mod });
      t.push(performance.now());
      const e = new m.Engine(new Uint8Array(core), zh);
      t.push(performance.now());
      e.catalog('zh');
      t.push(performance.now());
      e.decide({}, { as_of: '2023-07-01', lang: 'zh' });
      t.push(performance.now());
      const r = e.decide({}, { as_of: '2023-07-01', lang: 'zh' });
      t.push(performance.now());
      const json = JSON.stringify(r), t0 = performance.now();
      JSON.parse(json);
      return { d: t.slice(1).map((x, i) => x - t[i]), reportBytes: new TextEncoder().encode(json).length, jsonParse: performance.now() - t0 };
    }));
    await context.close();
  }
  const steps = ['import glue', 'fetch wasm, core.bin, zh.json', 'compile', 'instantiate', 'new Engine(core, zh)', "catalog('zh')", 'first decide({})', 'second decide({})'];
  result.phases = {
    runs: phases.length,
    ms: Object.fromEntries(steps.map((k, i) => [k, median(phases.map(x => x.d[i]))])),
    reportBytes: phases[0].reportBytes,
    jsonParseMs: median(phases.map(x => x.jsonParse)),
  };
  log('phases', JSON.stringify(result.phases));

  // ── 2. One evaluation through the JS API, ours against the peers ───────────────────────────
  const files = {
    '/bench/translate.mjs': join(here, 'translate.mjs'),
    '/bench/peers.mjs': join(here, 'peers.mjs'),
    '/bench/engines.mjs': join(here, 'engines.mjs'),
    '/bench/json-rules-engine.js': join(dirname(outPath), 'json-rules-engine.js'),
    '/bench/ruleset.json': rsPath,
    '/bench/profiles.json': setPath,
  };
  const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.html': 'text/html' };
  const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
  const context = await browser.newContext();
  await context.route(`${base}/bench/**`, route => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/bench/') return route.fulfill({ status: 200, headers: { ...ISOLATED, 'Content-Type': 'text/html' }, body: '<!doctype html><title>bench</title>' });
    const file = files[path] ?? (path.startsWith('/bench/zen/') && join(root, 'tests/bench/node_modules/@gorules/zen-engine-wasm', path.slice('/bench/zen/'.length)));
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, headers: { ...ISOLATED, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }, body: readFileSync(file) });
  });
  const page = await context.newPage();
  page.on('console', m => { if (m.type() === 'error') log('page:', m.text()); });
  await page.goto(`${base}/bench/`);
  const out = await page.evaluate(async () => {
    const say = m => console.log(m);
    const [{ encodings, ourEngines, ourReports, ours, OURS, peers, check }, page, complete, JRE, zen] = await Promise.all([
      import('/bench/engines.mjs'), import('/pkg/sme_eligibility.js'), import('/pkg/sme_eligibility_full.js'),
      import('/bench/json-rules-engine.js'), import('/bench/zen/index.js'),
    ]);
    await page.default({ module_or_path: '/pkg/sme_eligibility_bg.wasm' });
    await complete.default({ module_or_path: '/pkg/sme_eligibility_full_bg.wasm' });
    await zen.default({ module_or_path: '/bench/zen/dist/zen_engine_wasm_bg.wasm' });
    const [rs, set, core, zh] = await Promise.all([fetch('/bench/ruleset.json').then(r => r.json()), fetch('/bench/profiles.json').then(r => r.json()),
      fetch('/pkg/ruleset/core.bin').then(r => r.arrayBuffer()), fetch('/pkg/ruleset/zh.json').then(r => r.json())]);
    const mine = ourEngines(page, complete, new Uint8Array(core), zh);
    const engines = { ...ours(mine), ...peers(encodings(rs), { JRE: JRE.default, zenWasm: zen }) };
    const { [OURS.decide]: reference, ...others } = engines;
    const { compared, diffs } = await check(set, reference, others);
    if (diffs.length) return { ok: false, diffs, profiles: diffs.map(d => set[d.profile]) };
    // Ours exactly as called (the report object is what the widget renders, or the full report).
    const raw = {
      ...ourReports(mine),
      'json-rules-engine': engines['json-rules-engine'],
      'zen-engine-wasm': engines['zen-engine-wasm'],
    };
    const times = Object.fromEntries(Object.keys(raw).map(k => [k, []]));
    for (const ev of Object.values(raw)) for (const r of set.slice(0, 300)) await ev(r.profile, r.as_of); // warm-up
    const CHUNK = 500;
    for (let c = 0; c * CHUNK < set.length; c++) {
      const chunk = set.slice(c * CHUNK, (c + 1) * CHUNK);
      for (const [name, ev] of Object.entries(raw)) {
        const ts = times[name];
        for (const r of chunk) {
          const t = performance.now();
          await ev(r.profile, r.as_of);
          ts.push(performance.now() - t);
        }
      }
    }
    const med = a => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
    const p90 = a => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.9)];
    const res = {};
    for (const [k, v] of Object.entries(times)) res[k] = { median_us: med(v) * 1000, p90_us: p90(v) * 1000, n: v.length };
    return { ok: true, compared, isolated: crossOriginIsolated, evaluate: res };
  });
  if (!out.ok) {
    console.error('[browser] DIFFERENT STATUSES — no comparison is possible:');
    for (let i = 0; i < out.diffs.length; i++) console.error('  ' + JSON.stringify(out.diffs[i]), JSON.stringify(out.profiles[i]));
    result.ok = false;
    result.diffs = out.diffs;
  } else {
    log(`all ${out.compared} evaluations agree on all 28 statuses; cross-origin isolated: ${out.isolated}`);
    Object.assign(result, out);
    log('evaluate', JSON.stringify(out.evaluate));
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
writeFileSync(outPath, JSON.stringify(result, null, 1));
process.exit(result.ok === false ? 1 : 0);
