// Page load time of www/index.html under the strict CSP (.ci/serve.mjs), in fresh browser contexts
// (nothing cached): navigation start → the results section's data-state="ready" (the first complete
// report; before that hook existed, the receipt line), and → the first frame painted after it.
// The times come back through a binding: nothing (such as Playwright's polling script) runs in the
// page while it loads.
//   node tests/e2e/load-time.mjs [LOADS=20] [PAGE=index.html]
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

const LOADS = Number(process.argv[2] ?? 20), PAGE = process.argv[3] ?? 'index.html';
const median = a => { const s = [...a].sort((x, y) => x - y), n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const server = await startServer({ port: 0, csp: true });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

const observe = () => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const r = attach.call(this, init);
    new MutationObserver((_, o) => {
      const done = r.querySelector('[data-state=ready]') || !r.querySelector('[data-state]') && r.querySelector('.receipt');
      if (!done) return;
      o.disconnect();
      const ready = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__loaded(ready, performance.now())));
    }).observe(r, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
    return r;
  };
};

const runs = [];
for (let i = 0; i <= LOADS; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(observe);
  let done;
  const loaded = new Promise(ok => done = ok);
  await page.exposeFunction('__loaded', (ready, painted) => done({ ready, painted }));
  await page.goto(`${base}/www/${PAGE}`);
  const t = { ...await loaded, ...await page.evaluate(() => ({
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    wasm: performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'))?.responseEnd,
  })) };
  if (i) runs.push(t); // the first load warms Chromium's own caches
  await context.close();
}
await browser.close(); server.close();
const row = k => `${k.padEnd(8)} median ${median(runs.map(r => r[k])).toFixed(1).padStart(6)} ms   min ${Math.min(...runs.map(r => r[k])).toFixed(1).padStart(6)}   max ${Math.max(...runs.map(r => r[k])).toFixed(1).padStart(6)}`;
console.log(`${PAGE}, ${runs.length} fresh loads, strict CSP\n` + ['dcl', 'wasm', 'ready', 'painted'].map(row).join('\n'));
