// Bundles the widget into one minified ES module: src/widget/index.js and everything it imports —
// the page module's wasm-bindgen glue (imported as 'sme-eligibility') and the stylesheet (style.css,
// as minified text) included; the complete module ('sme-eligibility/full') stays a file of its own. Used by .ci/build; the output is the same bytes for the same inputs.
//   node .ci/bundle.mjs GLUE.js OUT.js
// GLUE.js: the glue wasm-bindgen just made (not the committed pkg/'s, which may be older).
//
// With --offline, the offline page instead (README.md, "Offline: one file"): one HTML file, the shell
// src/widget/offline.html filled with the same bundle in an inline module script, where offline.js
// takes embedded.js's place and carries the files the widget fetches elsewhere — the page module's
// wasm, the built-in ruleset's core and the string tables of all three languages, each gzipped, in
// base64 — and with no complete module (a `ruleset` attribute is not offered offline). Its
// Content-Security-Policy allows its own inline script and style by their hashes, and WebAssembly;
// default-src 'none' forbids every request.
//   node .ci/bundle.mjs --offline DIR OUT.html
// DIR: the package just built (its glue sme_eligibility.js, sme_eligibility_bg.wasm, ruleset/).
import { build, transform } from 'esbuild';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const offline = process.argv[2] === '--offline';
const [input, out] = process.argv.slice(offline ? 3 : 2);
if (!input || !out) {
  console.error('usage: node .ci/bundle.mjs GLUE.js OUT.js\n       node .ci/bundle.mjs --offline DIR OUT.html');
  process.exit(2);
}
const glue = offline ? join(input, 'sme_eligibility.js') : input;
const root = fileURLToPath(new URL('..', import.meta.url));

/** 'sme-eligibility' (the engine's package name, as the sources import it) → the glue given; and
 *  'sme-eligibility/full' (the complete module, imported only for a ruleset of the page's own) → the
 *  file beside widget.js in pkg/, left out of the bundle: a dynamic import of its own. */
const engineGlue = {
  name: 'engine-glue',
  setup(b) {
    b.onResolve({ filter: /^sme-eligibility$/ }, () => ({ path: resolve(glue) }));
    b.onResolve({ filter: /^sme-eligibility\/full$/ }, () => ({ path: './sme_eligibility_full.js', external: true }));
  },
};

/** A .css import is the stylesheet's text, minified (for CSSStyleSheet.replaceSync). */
const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

/** The offline page's modules: offline.js for embedded.js; its files; no complete module. */
const offlineFiles = {
  name: 'offline-files',
  setup(b) {
    b.onResolve({ filter: /^\.\/embedded\.js$/ }, () => ({ path: resolve(root, 'src/widget/offline.js') }));
    b.onResolve({ filter: /^sme-eligibility\/(offline-files|full)$/ }, ({ path }) => ({ path, namespace: 'offline' }));
    b.onLoad({ filter: /^sme-eligibility\/full$/, namespace: 'offline' }, () => ({
      contents: "export default () => Promise.reject(new Error('no complete module in the offline page'));",
      loader: 'js',
    }));
    b.onLoad({ filter: /^sme-eligibility\/offline-files$/, namespace: 'offline' }, async () => {
      const names = ['sme_eligibility_bg.wasm', ...(await readdir(join(input, 'ruleset'))).sort().map(name => 'ruleset/' + name)];
      const files = {};
      for (const name of names) files[name] = gzipSync(await readFile(join(input, name)), { level: 9 }).toString('base64');
      return { contents: `export const files = ${JSON.stringify(files)};`, loader: 'js' };
    });
  },
};

const bundled = await build({
  absWorkingDir: root,
  entryPoints: ['src/widget/index.js'],
  ...(offline ? { write: false, outfile: 'offline.js' } : { outfile: out }),
  bundle: true,
  format: 'esm',
  // The widget needs constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4): nothing older
  // to compile down to. Private and static class fields, ??= stay as written.
  target: 'es2022',
  minify: true,
  charset: 'utf8', // 中文 and 日本語 as UTF-8, not \u escapes (smaller, and readable in the file)
  legalComments: 'none',
  plugins: offline ? [offlineFiles, engineGlue, cssAsText] : [engineGlue, cssAsText],
  logLevel: 'warning',
});

if (offline) {
  const widget = bundled.outputFiles[0].text.trim();
  // Inside <script>: esbuild already writes "<\/script" in strings; nothing else may end the element.
  if (/<\/script|<!--/i.test(widget)) throw new Error('the bundle holds "</script" or "<!--": it cannot be inlined');
  const shell = await readFile(join(root, 'src/widget/offline.html'), 'utf8');
  const page = shell.replace(/<!--[\s\S]*?-->\n/, '').replace('{{WIDGET}}', () => widget);
  const hash = text => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const inline = tag => [...page.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map(match => hash(match[1]));
  const csp = `default-src 'none'; script-src ${inline('script').join(' ')} 'wasm-unsafe-eval'; style-src ${inline('style').join(' ')}; base-uri 'none'; form-action 'none'`;
  await writeFile(out, page.replace('{{CSP}}', () => csp));
}
