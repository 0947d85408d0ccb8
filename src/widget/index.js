// <sme-eligibility>: which of the 28 measures of 沪企服办〔2023〕1号 apply to an enterprise, worked out
// in the browser by the WebAssembly engine; no answer leaves the page.
//
// The entry point of pkg/widget.js, the one module a page loads (built by .ci/build with esbuild, the
// engine's glue and these sources in one minified file). Use: www/embed.html, one script and one
// element. Attributes (lang, as-of, ruleset), events (sme-ready, sme-error), styling (--sme-*,
// ::part) and the Content-Security-Policy it needs: README.md, "Embedding the widget".
//
// Its life in the page: on entering it, the element adds its listeners outside its shadow root and
// watches the lang attributes above it (host.js); on leaving it, it removes them all. Moved in the
// page, it keeps everything else (its answers too); back in a page after a failed load, it tries again.
import { Widget } from './widget.js';

class SmeEligibility extends HTMLElement {
  static observedAttributes = ['lang', 'as-of', 'ruleset'];

  /** The element's state, in a private field: the host page sees no property of it. */
  #widget = /** @type {Widget | null} */ (null);

  connectedCallback() {
    const widget = this.#widget;
    if (widget) { // moved in the page, or back in it: keep everything, follow the language it is in now
      widget.page.connect();
      if (widget.loadError) widget.retry();
      else widget.page.checkLanguage();
      return;
    }
    this.#widget = new Widget(this);
    this.#widget.page.connect();
    this.#widget.start();
  }

  disconnectedCallback() {
    this.#widget?.page.disconnect();
  }

  /** @param {string} name @param {string | null} previous @param {string | null} value */
  attributeChangedCallback(name, previous, value) {
    const widget = this.#widget;
    if (!widget || previous === value) return; // (before connection, start() reads the attributes)
    if (name === 'ruleset') {
      widget.start();
    } else if (name === 'lang') {
      widget.page.checkLanguage();
    } else if (widget.ruleset) {
      // as-of: the attribute's date replaces one the user chose
      widget.asOf = '';
      widget.evaluate();
    }
  }
}

if (!customElements.get('sme-eligibility')) customElements.define('sme-eligibility', SmeEligibility);
