// <sme-eligibility>: which of the 28 measures of 沪企服办〔2023〕1号 apply to an enterprise, worked out
// in the browser by the WebAssembly engine; no answer leaves the page.
//
// The entry point of pkg/widget.js, the one module a page loads (built by .ci/build with esbuild, the
// engine's glue and these sources in one minified file). Use: www/embed.html, one script and one
// element. Attributes (lang, as-of, ruleset), styling (--sme-*) and the Content-Security-Policy it
// needs: README.md, "Embedding the widget".
import { Widget } from './widget.js';

class SmeEligibility extends HTMLElement {
  static observedAttributes = ['lang', 'as-of', 'ruleset'];

  /** The element's state, in a private field: the host page sees no property of it. */
  #widget = /** @type {Widget | null} */ (null);

  connectedCallback() {
    if (this.#widget) return; // moved in the page: keep everything
    this.#widget = new Widget(this);
    this.#widget.start();
  }

  /** @param {string} name @param {string | null} previous @param {string | null} value */
  attributeChangedCallback(name, previous, value) {
    const widget = this.#widget;
    if (!widget || previous === value) return; // (before connection, start() reads the attributes)
    if (name === 'ruleset') {
      widget.start();
    } else if (name === 'lang') {
      widget.languageChanged();
    } else if (widget.ruleset) {
      // as-of: the attribute's date replaces one the user chose
      widget.asOf = '';
      widget.evaluate();
    }
  }
}

if (!customElements.get('sme-eligibility')) customElements.define('sme-eligibility', SmeEligibility);
