// Bundles the widget into one minified ES module: src/widget/index.js and everything it imports —
// the page module's wasm-bindgen glue (imported as 'sme-eligibility') and the stylesheet (style.css,
// as minified text) included; the complete module ('sme-eligibility/full') stays a file of its own. Used by .ci/build; the output is the same bytes for the same inputs.
//   node .ci/bundle.mjs GLUE.js OUT.js
// GLUE.js: the glue wasm-bindgen just made (not the committed pkg/'s, which may be older).
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [glue, out] = process.argv.slice(2);
if (!glue || !out) {
  console.error('usage: node .ci/bundle.mjs GLUE.js OUT.js');
  process.exit(2);
}
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

await build({
  absWorkingDir: root,
  entryPoints: ['src/widget/index.js'],
  outfile: out,
  bundle: true,
  format: 'esm',
  // The widget needs constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4): nothing older
  // to compile down to. Private and static class fields, ??= stay as written.
  target: 'es2022',
  minify: true,
  charset: 'utf8', // 中文 and 日本語 as UTF-8, not \u escapes (smaller, and readable in the file)
  legalComments: 'none',
  plugins: [engineGlue, cssAsText],
  logLevel: 'warning',
});
