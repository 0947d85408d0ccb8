// The widget's size is its own (issue 14): its base is the user's default text size or --sme-font-size,
// never the host page's root font size — so no rem in its styles, as written (src/widget/style.css) or
// as shipped (the stylesheet's text minified into pkg/widget.js). tests/e2e/host.mjs measures it on
// host pages that change their root size or reset CSS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const REM = /(?:\d|\.)rem\b/;

test('no rem in the widget’s styles (src/widget/style.css, comments aside)', () => {
  const css = readFileSync(root + 'src/widget/style.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  assert.equal(REM.exec(css), null);
  assert.match(css, /font: var\(--sme-font-size, medium\)/, 'the base: --sme-font-size, else the user’s default');
});

test('no rem in what ships (pkg/widget.js)', () => {
  const shipped = readFileSync(root + 'pkg/widget.js', 'utf8');
  assert.match(shipped, /var\(--sme-font-size, ?medium\)/, 'the stylesheet is in the bundle');
  assert.equal(REM.exec(shipped), null);
});
