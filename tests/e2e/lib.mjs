// Shared by the end-to-end tests (run.mjs, hostile.mjs): the check harness, the site served by
// .ci/serve.mjs with Debian's Chromium (playwright-core) on it recording every request, helpers that
// read the widget's shadow DOM, and the built-in ruleset compiled by sme-check.
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

// ---- harness -----------------------------------------------------------------------------------
let failures = 0;
export async function check(name, fn) {
  try { await fn(); console.log(`  ok    ${name}`); } catch (e) { failures++; console.log(`  FAIL  ${name}\n        ${String(e.message ?? e).split('\n').slice(0, 6).join('\n        ')}`); }
}
export const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
export const eq = (a, b, msg) => assert(a === b, `${msg}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
export const has = (text, part, msg) => assert(String(text).includes(part), `${msg}: “${part}” not in “${String(text).slice(0, 300)}”`);
// Prints the outcome; the exit code.
export function finish() {
  console.log(failures ? `\n${failures} check(s) failed` : '\nall checks passed');
  return failures ? 1 : 0;
}

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
export const settle = page => page.waitForTimeout(400); // the widget re-evaluates 250 ms after the last keystroke
// The hook for "report complete": the results section's data-state (loading → ready).
export const ready = page => page.waitForSelector(`${W} section[data-state=ready]`, { timeout: 15000 });

// ---- the built-in ruleset, compiled -----------------------------------------------------------------
// The sme-check binary when built (cargo test and .ci/build leave one), else built now by cargo.
export const cli = ['target/release/sme-check', 'target/debug/sme-check'].map(f => join(root, f)).find(f => existsSync(f));
export function compiledRuleset() {
  const dir = join(root, 'src/rules/shanghai-2023-1'), opts = { cwd: root, maxBuffer: 1 << 26 };
  return cli ? execFileSync(cli, ['compile', dir], opts)
    : execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'sme-check', '--', 'compile', dir], { ...opts, stdio: ['ignore', 'pipe', 'inherit'] });
}
