// The element and its host page (issue 14): the language it speaks when it is given none, and its
// following later changes; the listeners it adds outside its shadow root, all removed when it leaves
// the page; and the two events it tells the page — `sme-ready` and `sme-error` — which carry no
// answer and no result (README.md, "Embedding the widget").
import { el } from './dom.js';

/** @typedef {import('./widget.js').Widget} Widget */

/** A language tag the widget speaks (zh…, ja…, en…). */
const SPOKEN = /^(zh|ja|en)\b/i;

/**
 * The language a page gives what it holds at `node`: the nearest lang attribute from there up
 * (across shadow roots), if the widget speaks it; else the first language of the browser's it speaks;
 * else zh-CN. An empty lang attribute says nothing and is passed over.
 * @param {Node | null} node
 */
export function pageLanguage(node) {
  for (let at = node; at; at = at.parentNode ?? /** @type {ShadowRoot} */ (at).host) {
    const lang = at instanceof Element && at.getAttribute('lang');
    if (lang) {
      if (SPOKEN.test(lang)) return lang;
      break; // the page is in a language the widget does not speak: the reader's browser may say one it does
    }
  }
  return [...(navigator.languages ?? []), navigator.language].find(lang => SPOKEN.test(lang ?? '')) ?? 'zh-CN';
}

/**
 * An element's language: its own `lang` attribute when it has one (whatever it says), else its page's.
 * @param {Element} host
 */
export function languageOf(host) {
  return host.getAttribute('lang') || pageLanguage(host.parentNode ?? null);
}

/**
 * What one element holds outside its shadow root while it is in the page: listeners on the window,
 * and a watch over the lang attributes above it and the browser's languages. connect() adds them
 * all, disconnect() removes them all; the element connects on entering the page and disconnects on
 * leaving it (moved elsewhere, it does both).
 */
export class PageLink {
  /**
   * @param {Element} host the element
   * @param {() => string} language the element's UI language now
   * @param {() => void} onLanguageChange called when that is no longer the one shown
   */
  constructor(host, language, onLanguageChange) {
    this.host = host;
    this.language = language;
    this.onLanguageChange = onLanguageChange;
    /** The UI language last followed. */
    this.shown = language();
    /** @type {[string, EventListener][]} window listeners, kept while connected */
    this.listeners = [['languagechange', () => this.checkLanguage()]];
    this.connected = false;
    this.observer = new MutationObserver(() => this.checkLanguage());
  }

  /** The element's language may have changed (its lang attribute, an ancestor's, the browser's): follow it. */
  checkLanguage() {
    const now = this.language();
    if (now === this.shown) return;
    this.shown = now;
    this.onLanguageChange();
  }

  /**
   * A window listener that lives while the element is in the page.
   * @param {string} type @param {EventListener} listener
   */
  listen(type, listener) {
    this.listeners.push([type, listener]);
    if (this.connected) addEventListener(type, listener);
  }

  connect() {
    if (this.connected) return;
    this.connected = true;
    for (const [type, listener] of this.listeners) addEventListener(type, listener);
    // A lang attribute may change anywhere above the element: in its document, and in each shadow
    // root it sits in (a component's that holds it).
    for (let root = this.host.getRootNode(); root; root = root instanceof ShadowRoot ? root.host.getRootNode() : null) {
      this.observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang'] });
    }
  }

  disconnect() {
    if (!this.connected) return;
    this.connected = false;
    for (const [type, listener] of this.listeners) removeEventListener(type, listener);
    this.observer.disconnect();
  }
}

/**
 * Tells the page (an event on the element, bubbling and composed: it crosses shadow roots). The
 * details' types are declared for the npm package in element.d.ts.
 * @param {Element} host @param {'sme-ready' | 'sme-error'} type
 * @param {import('./element.d.ts').SmeReadyDetail | import('./element.d.ts').SmeErrorDetail} detail
 */
function tell(host, type, detail) {
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}

/**
 * `sme-ready`: the engine and the ruleset are loaded. Its detail names the ruleset: id, version and
 * content hash — nothing of what is entered or decided.
 * @param {Widget} widget
 */
export function tellReady(widget) {
  const { id, version, hash } = widget.catalog;
  tell(widget.host, 'sme-ready', { ruleset: { id, version, hash } });
}

/**
 * What went wrong, for a script: 'ruleset-origin' (the `ruleset` attribute names another origin),
 * 'ruleset-http' (it could not be fetched), 'ruleset-invalid' (the engine refused it), 'engine' (the
 * engine, the built-in ruleset or a language's words could not be loaded).
 * @param {Widget} widget
 * @returns {import('./element.d.ts').SmeErrorCode}
 */
function errorCode(widget) {
  // By the errors' names (engine.js's classes and the engine's RulesetLoadError): engine.js imports this module.
  const name = /** @type {any} */ (widget.loadError)?.name;
  if (name === 'RulesetOriginError') return 'ruleset-origin';
  if (name === 'RulesetHttpError') return 'ruleset-http';
  if (name === 'RulesetLoadError' && widget.host.getAttribute('ruleset') && !widget.ruleset) return 'ruleset-invalid';
  return 'engine';
}

/**
 * `sme-error`: a load failed. Its detail: the code, and the message the element shows, in its
 * language (a ruleset's problems one to a line).
 * @param {Widget} widget
 */
export function tellError(widget) {
  const shown = el('div', null, widget.loadErrorContent());
  for (const item of shown.querySelectorAll('li')) item.prepend('\n');
  tell(widget.host, 'sme-error', { code: errorCode(widget), message: shown.textContent.trim() });
}
