// Where the time of a page load goes: a Chrome CPU profile (CDP Profiler) of www/index.html from
// navigation to the complete report, summed by function (self time) and by script, plus the
// long tasks. For finding the cause when the load target is missed.
//   node tests/bench/profile-load.mjs [LOADS]
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

const LOADS = Number(process.argv[2] ?? 5);
const server = await startServer({ port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const self = new Map(), byUrl = new Map();
let total = 0, reportAt = 0;
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); new MutationObserver((_, o) => { if (r.querySelector('.receipt')) { window.__at = performance.now(); o.disconnect(); } }).observe(r, { childList: true, subtree: true }); return r; };
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${base}/www/index.html`);
  await page.waitForFunction(() => window.__at);
  const { profile } = await cdp.send('Profiler.stop');
  reportAt += await page.evaluate(() => window.__at);
  const dt = new Map();
  for (let k = 0; k < profile.samples.length; k++) dt.set(profile.samples[k], (dt.get(profile.samples[k]) ?? 0) + (profile.timeDeltas[k] ?? 0));
  for (const n of profile.nodes) {
    const t = (dt.get(n.id) ?? 0) / 1000;
    if (!t) continue;
    const f = n.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').slice(-2).join('/') + ':' + (f.lineNumber + 1) : ''}`;
    self.set(name, (self.get(name) ?? 0) + t);
    const u = f.url ? f.url.split('/').slice(-2).join('/') : f.functionName;
    byUrl.set(u, (byUrl.get(u) ?? 0) + t);
    if (f.functionName !== '(idle)') total += t;
  }
  await context.close();
}
await browser.close(); server.close();
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / LOADS).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
console.log(`report complete at ${(reportAt / LOADS).toFixed(1)} ms (mean of ${LOADS}); CPU busy ${(total / LOADS).toFixed(1)} ms per load`);
console.log('by script (self time per load):\n' + top(byUrl, 12));
console.log('by function (self time per load):\n' + top(self, 25));
