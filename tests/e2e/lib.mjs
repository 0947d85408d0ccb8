// Shared by the end-to-end tests (run.mjs, hostile.mjs, node:test files run in order, each check a
// test): assertions, the site served by .ci/serve.mjs with Debian's Chromium (playwright-core) on it
// recording every request, helpers that read the widget's shadow DOM and wait for its states, and the
// built-in ruleset compiled by sme-check.
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

// ---- assertions -----------------------------------------------------------------------------------
// (Messages that show what was found; a failing check is reported by node:test and the next one runs.)
export const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
export const eq = (a, b, msg) => assert(a === b, `${msg}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
export const has = (text, part, msg) => assert(String(text).includes(part), `${msg}: “${part}” not in “${String(text).slice(0, 300)}”`);

// ---- the site and the browser --------------------------------------------------------------------
// www/ and pkg/ (plus `files`: URL path → content) on a free port, with or without the strict CSP,
// and a Chromium context recording every request by every route it could take (`requests`, URLs),
// what the server saw (`served`, paths), websockets, console errors and page errors (`problems`).
export async function browse({ csp = true, files } = {}) {
  const served = [];
  const server = await startServer({ port: 0, csp, files, onRequest: (m, p) => served.push(p) });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profileDir = mkdtempSync(join(tmpdir(), 'sme-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    serviceWorkers: 'block', locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, acceptDownloads: true,
  });
  const requests = [], sockets = [], problems = [];
  await context.route('**/*', route => { requests.push(route.request().url()); route.continue(); });
  context.on('request', r => requests.push(r.url()));
  const watch = page => {
    page.on('request', r => requests.push(r.url()));
    page.on('websocket', ws => sockets.push(ws.url()));
    page.on('console', m => { if (m.type() == 'error' && !/favicon\.ico/.test(m.location().url ?? '')) problems.push(`console: ${m.text()}`); });
    page.on('pageerror', e => problems.push(`pageerror: ${e.message}`));
    return page;
  };
  context.on('page', watch);
  const close = async () => { await context.close(); server.close(); rmSync(profileDir, { recursive: true, force: true }); };
  return { server, origin, context, served, requests, sockets, problems, close };
}

// ---- helpers on the page -----------------------------------------------------------------------
export const W = 'sme-eligibility'; // Playwright's CSS pierces the open shadow root
export const text = (page, sel) => page.locator(`${W} ${sel}`).first().innerText();
// Measures off screen are not laid out (content-visibility: auto), so their innerText is empty: their
// words are read from the DOM (the accessibility tree has them too).
export const words = (page, sel) => page.locator(`${W} ${sel}`).first().textContent();
export const value = (page, sel) => page.locator(`${W} ${sel}`).first().inputValue();
// The widget's ready state: its results section says data-state="loading" from an answer's change
// until the report of the answers on screen is shown (typing pauses 250 ms first), then "ready". So,
// after an action, this waits for everything the action set off: the report, the questions it shows,
// the errors by their fields.
export const ready = page => page.waitForSelector(`${W} section[data-state=ready]`, { timeout: 15000 });
// The next frame, laid out and painted (after a change of viewport, say).
export const nextFrame = page => page.evaluate(() => new Promise(done => requestAnimationFrame(() => done())));
// The save panel's message line, emptied; then whatever `action` makes the widget say there.
export async function messageAfter(page, action, what = 'the action') {
  const line = page.locator(`${W} .tools [role=status]`).first();
  await line.evaluate(e => { e.textContent = ''; });
  await action();
  await page.waitForFunction(() => document.querySelector('sme-eligibility').shadowRoot.querySelector('.tools [role=status]').textContent, null, { timeout: 10000 })
    .catch(() => { throw new Error(`${what}: no message`); });
  return line.innerText();
}

// ---- the built-in ruleset, compiled -----------------------------------------------------------------
// The sme-check binary when built (cargo test and .ci/build leave one, in target/ or $CARGO_TARGET_DIR),
// else built now by cargo.
const targets = [process.env.CARGO_TARGET_DIR, 'target'].filter(Boolean).map(t => resolve(root, t));
export const cli = targets.flatMap(t => ['release', 'debug'].map(p => join(t, p, 'sme-check'))).find(f => existsSync(f));
export function compiledRuleset() {
  const dir = join(root, 'src/rules/shanghai-2023-1'), opts = { cwd: root, maxBuffer: 1 << 26 };
  return cli ? execFileSync(cli, ['compile', dir], opts)
    : execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'sme-check', '--', 'compile', dir], { ...opts, stdio: ['ignore', 'pipe', 'inherit'] });
}
