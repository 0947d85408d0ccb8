// One <sme-eligibility> element's state and rendering, kept out of the host page's reach: the
// answers live here, in DOM properties of the shadow tree, never in an attribute, a property of the
// element or an event the page could read.
//
// States, shown to scripts and tests by `data-state` in the shadow root: a first paragraph
// "loading" while the engine starts; then the results section (#rh's section) is "loading" while an
// answer awaits evaluation (or the words of another language are fetched) and "ready" once the report
// on screen is the report of the answers on screen; or, when the engine or the ruleset cannot be
// loaded, an alert with data-state "error". The results section's `data-reasons` is "ready" once the
// words of every "why" and the clause texts are there (fetched in idle time after the first report);
// a "why" opened before shows a "loading" paragraph (data-state "loading") until they are.
import { el, isolated, fillIn, fillInIsolated, focusControl, idFor, disclosure, buildPendingContent, childNodes } from './dom.js';
import { STRINGS, LANGUAGES, uiLanguage, punctuation } from './i18n.js';
import { styleSheet } from './style.js';
import { today, isIsoDate, suggestedAsOf } from './dates.js';
import { profileFromAnswers, acceptedAnswers, decodeFromLink } from './answers.js';
import { loadEngine, rulesetFor, tablesFor, RulesetUnavailableError, RulesetOriginError, RulesetHttpError } from './engine.js';
import { Questionnaire } from './form.js';
import { resultsContent } from './report.js';
import { policyText } from './policy.js';
import { savePanel, readFromDevice, storeOnDevice } from './saving.js';
import { PageLink, languageOf, tellReady, tellError } from './host.js';
import { largeTextSwitch, applyLargeText, followLargeTextAttribute } from './largetext.js';
import { printSummaryByDefault } from './printout.js';

/** @typedef {import('./engine.js').Ruleset} Ruleset */
/** @typedef {import('sme-eligibility').Catalog} Catalog */
/** @typedef {import('sme-eligibility').RulesetLoadError} RulesetLoadError */
/** @typedef {import('./answers.js').Answers} Answers */
/** @typedef {{ a?: unknown, d?: unknown }} SavedAnswers answers and as-of date, as a link or this device keeps them */

/** Answers are evaluated this long after the last keystroke, not at each one. */
const EVALUATION_DELAY_MS = 250;
/** Events that must not reach the host page's listeners: what is typed here is not the page's business. */
const PRIVATE_EVENTS = ['input', 'beforeinput', 'keydown', 'keyup', 'keypress'];

/**
 * Runs `callback` once the browser is idle (soon in any case), or on the next task where there is no
 * requestIdleCallback (Safari).
 * @param {() => void} callback
 */
function whenIdle(callback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: 1000 });
  else setTimeout(() => callback(), 0);
}

/**
 * Every fact's type by its id, and each list field's as 'list.field'.
 * @param {Catalog} catalog
 * @returns {Map<string, string>}
 */
function factTypesOf(catalog) {
  return new Map(catalog.facts.flatMap(fact => [
    [fact.id, fact.type],
    ...(fact.fields ?? []).map(/** @returns {[string, string]} */ field => [fact.id + '.' + field.id, field.type]),
  ]));
}

export class Widget {
  /** @param {HTMLElement} host the <sme-eligibility> element */
  constructor(host) {
    this.host = host;
    this.root = host.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [styleSheet];
    for (const type of PRIVATE_EVENTS) this.root.addEventListener(type, event => event.stopPropagation());
    /** Its listeners outside the shadow root and its language's source, while in the page (host.js). */
    this.page = new PageLink(host, () => this.lang, () => this.languageChanged());
    // The browser's own Print prints the summary, as the Print button does (printout.js).
    this.page.listen('beforeprint', () => printSummaryByDefault(this));

    this.questionnaire = new Questionnaire(this);
    /** @type {Answers} */
    this.answers = {};
    /** The as-of date the user chose; '' for the `as-of` attribute, else today. */
    this.asOf = '';
    /** @type {Set<string>} facts the user changed: their questions stay shown even when no longer asked */
    this.touched = new Set();
    /** @type {Set<string>} the data-k of the disclosures open, kept across re-rendering */
    this.openDisclosures = new Set();
    this.keepOnDevice = false;
    /** @type {boolean | null} large text as the user chose it (largetext.js); null: as the `large-text` attribute says */
    this.largeText = null;
    followLargeTextAttribute(this);
    /** Whether the report reads the policy text alone (the switch "as the 2023 text stands"), not as amended. */
    this.textOnly = false;
    /** @type {Ruleset | null} the engine and the strings it holds */
    this.ruleset = null;
    /** Counts the starts: a start overtaken by a later one (the `ruleset` attribute changed) drops its result. */
    this.starts = 0;
    /** Whether fetching the strings of "why" and of the clauses is already planned for idle time. */
    this.reasonsPlanned = false;
    /** @type {{ ruleset: Ruleset, lang: string, promise: Promise<void> } | null} those strings being added */
    this.reasons = null;
    /** @type {unknown} why the engine or the ruleset could not be loaded; null when they were */
    this.loadError = null;
    /** @type {Catalog} */
    this.catalog = null;
    /** @type {Map<string, string>} */
    this.factTypes = new Map();
    /** Whether the answers were restored from the link or this device (once per element). */
    this.restored = false;
    /** @type {string | null} a UI string to say once the next render has made the message line */
    this.pendingMessage = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} the evaluation waiting for typing to pause */
    this.evaluationTimer = undefined;
    /** @type {ReturnType<typeof suggestedAsOf>} */
    this.suggestion = { date: null, open: 0 };
    // Made by render():
    /** @type {HTMLElement} */ this.results = null;
    /** @type {HTMLElement} */ this.liveRegion = null;
    /** @type {HTMLElement} */ this.message = null;
    /** @type {HTMLInputElement} */ this.asOfInput = null;
    /** @type {HTMLElement} */ this.linkBox = null;
  }

  /** The UI language: of the element's lang attribute, else of its page's (host.js). */
  get lang() { return uiLanguage(languageOf(this.host)); }
  /** The UI strings of the element's language. */
  get strings() { return STRINGS[this.lang]; }
  /** Where this device keeps the answers, when asked to: one key per ruleset. */
  get storageKey() { return 'sme-eligibility:' + this.catalog.id; }

  /**
   * Loads the engine and the ruleset (again, when the `ruleset` attribute changes) with the words of
   * the element's language, then renders.
   */
  async start() {
    const run = ++this.starts;
    this.root.replaceChildren(el('p', { class: 'w', lang: LANGUAGES[this.lang].code, role: 'status', 'data-state': 'loading', text: this.strings.loading }));
    this.ruleset = null;
    this.loadError = null;
    let ruleset = null;
    try {
      await loadEngine();
      ruleset = await rulesetFor(this.host.getAttribute('ruleset'), this.lang);
      // The language may have changed while the first one's words were fetched.
      while (!ruleset.holds(tablesFor(this.lang, 'words'))) await ruleset.add(tablesFor(this.lang, 'words'));
    } catch (error) {
      if (run === this.starts) this.loadError = error;
    }
    if (run !== this.starts) return; // overtaken: the later start renders
    this.ruleset = this.loadError ? null : ruleset;
    if (this.ruleset) {
      this.catalog = this.ruleset.engine.catalog(this.lang);
      this.factTypes = factTypesOf(this.catalog);
      if (!this.restored) {
        this.restored = true;
        this.restore();
      }
    }
    this.render();
    if (this.loadError) tellError(this);
    else tellReady(this);
  }

  /** Loads again what failed: the engine and the ruleset, or the words of the language asked for. */
  retry() {
    if (this.ruleset) this.languageChanged();
    else this.start();
  }

  // ---- Answers in, whole or not at all -------------------------------------------------------------

  /** The answers of the link (#sme=…), else those kept on this device, if any; and links opened later. */
  restore() {
    const kept = readFromDevice(this.storageKey);
    this.keepOnDevice = Boolean(kept);
    this.largeText = typeof kept?.t === 'boolean' ? kept.t : null;
    const fromLink = this.takeLink();
    if (!fromLink) this.adopt(kept); // no link, or a link refused
    this.page.listen('hashchange', () => {
      if (this.takeLink() !== null) this.render();
    });
  }

  /**
   * Takes the answers in the address's fragment, and removes them from the address bar.
   * @returns {boolean | null} null: no answers there; true: taken; false: refused (the message is
   * said by the next render, and the answers are unchanged)
   */
  takeLink() {
    const match = /^#sme=(.*)$/.exec(location.hash);
    if (!match) return null;
    history.replaceState(history.state, '', location.pathname + location.search);
    let saved;
    try {
      saved = decodeFromLink(match[1]);
    } catch {
      saved = undefined; // not base64url JSON: refused below like any other wrong content
    }
    if (this.adopt(/** @type {SavedAnswers} */ (saved))) return true;
    this.pendingMessage = 'importRefused';
    this.openDisclosures.add('tools'); // where the message is
    return false;
  }

  /**
   * Replaces the answers and the as-of date as a whole, when every answer is an answer of its question
   * and the date is a date or empty; otherwise changes nothing.
   * @param {SavedAnswers | null | undefined} saved
   * @returns {Answers | null} the answers taken, or null
   */
  adopt(saved) {
    const asOf = saved?.d ?? '';
    const answers = asOf === '' || isIsoDate(asOf) ? acceptedAnswers(saved?.a, this.factTypes) : null;
    if (answers) {
      this.answers = answers;
      this.asOf = /** @type {string} */ (asOf);
      this.touched = new Set();
    }
    return answers;
  }

  // ---- Languages and the strings they need ----------------------------------------------------------

  /**
   * The `lang` attribute changed: renders in the new language, once its words are there (the answers
   * stay). While they are fetched the results say "loading".
   */
  async languageChanged() {
    const ruleset = this.ruleset;
    if (!ruleset) {
      if (this.loadError) this.render(); // the error, in the new language
      return; // else start() is still loading, and renders in the language asked for last
    }
    const lang = this.lang;
    const words = tablesFor(lang, 'words');
    const recovering = Boolean(this.loadError); // a language's words failed before: now tried again
    if (!ruleset.holds(words)) {
      clearTimeout(this.evaluationTimer);
      if (this.results) this.results.dataset.state = 'loading';
      try {
        await ruleset.add(words);
        this.loadError = null;
      } catch (error) {
        this.loadError = error;
      }
      if (ruleset !== this.ruleset || lang !== this.lang) return; // switched again meanwhile: that switch renders
    } else {
      this.loadError = null;
    }
    this.render();
    if (this.loadError) tellError(this);
    else if (recovering) tellReady(this);
  }

  /**
   * The strings of "why" and of the clause texts in the language shown, fetched and added once
   * (another ruleset's are there from the start); then the catalog, with its clause texts, anew.
   */
  loadReasons() {
    const { ruleset, lang } = this;
    if (this.reasons?.ruleset !== ruleset || this.reasons.lang !== lang) {
      const names = tablesFor(lang, 'reasons');
      const promise = (async () => {
        if (!ruleset.holds(names)) {
          await ruleset.add(names);
          if (ruleset === this.ruleset && lang === this.lang) this.catalog = ruleset.engine.catalog(lang);
        }
        if (ruleset === this.ruleset && lang === this.lang && this.results) this.results.dataset.reasons = 'ready';
      })();
      // One promise per ruleset and language, so that what waits on it runs in the order it asked;
      // forgotten on failure, so that the next need tries again.
      promise.catch(() => {
        if (this.reasons?.promise === promise) this.reasons = null;
      });
      this.reasons = { ruleset, lang, promise };
    }
    return this.reasons.promise;
  }

  /**
   * Content that needs the strings of "why" or the clause texts: built now when they are there, else a
   * "loading" paragraph replaced by the content once they are (if it is still on screen by then).
   * @param {() => import('./dom.js').Child} build
   * @returns {import('./dom.js').Child}
   */
  withReasons(build) {
    if (this.ruleset.holds(tablesFor(this.lang, 'reasons'))) return build();
    const { strings, lang, ruleset } = this;
    const placeholder = el('p', { class: 'small', role: 'status', 'data-state': 'loading', text: strings.loading });
    this.loadReasons().then(() => {
      // Still on screen, for the same ruleset and language (else a new rendering has replaced it).
      if (placeholder.isConnected && ruleset === this.ruleset && lang === this.lang) placeholder.replaceWith(...childNodes(build()));
    }, () => {
      placeholder.dataset.state = 'error';
      placeholder.textContent = strings.reasonsFailed;
    });
    return placeholder;
  }

  /** After a report: fetch the strings of "why" and of the clauses in idle time, so that "why" and print are instant. */
  planReasons() {
    if (this.reasonsPlanned || this.ruleset.holds(tablesFor(this.lang, 'reasons'))) return;
    this.reasonsPlanned = true;
    whenIdle(() => {
      this.reasonsPlanned = false;
      if (this.ruleset) this.loadReasons().catch(() => {}); // a failure is said where they are needed (withReasons)
    });
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  /** Builds the whole element anew (on load, a language change, answers taken from a file or link). */
  render() {
    const focusedKey = /** @type {HTMLElement | null} */ (this.root.activeElement)?.dataset.k;
    const lang = LANGUAGES[this.lang].code; // said inside too: the page's own lang may be another (host.js)
    if (this.loadError) {
      this.root.replaceChildren(el('div', { class: 'w', lang },
        el('div', { class: 'alert', role: 'alert', 'data-state': 'error', part: 'error' }, this.loadErrorContent(),
          el('p', null, el('button', { 'data-k': 'retry', text: this.strings.retry, onclick: () => this.retry() })))));
      return;
    }
    this.catalog = this.ruleset.engine.catalog(this.lang);
    this.suggestion = suggestedAsOf(this.catalog);
    this.liveRegion = el('p', { class: 'sr', role: 'status', 'aria-live': 'polite' });
    const reasons = this.ruleset.holds(tablesFor(this.lang, 'reasons')) ? 'ready' : 'loading';
    this.results = el('section', { 'aria-labelledby': 'rh', 'data-reasons': reasons, part: 'results' });
    this.message = el('p', { role: 'status' });
    this.root.replaceChildren(el('div', { class: 'w', lang },
      this.header(),
      this.controls(),
      savePanel(this),
      el('div', { class: 'cols' }, this.questionnaire.build(), this.results),
      policyText(this),
      this.liveRegion));
    applyLargeText(this);
    if (this.pendingMessage) {
      this.say(this.pendingMessage, true);
      this.pendingMessage = null;
    }
    this.evaluate();
    if (focusedKey) this.focusByKey(focusedKey);
  }

  header() {
    const { strings, catalog } = this;
    return el('div', null,
      el('h2', { text: strings.title }),
      el('p', { class: 'small' },
        isolated(catalog.title),
        fillInIsolated(punctuation(this.lang).parenthesised('{document}'), { document: catalog.document })),
      el('p', { class: 'small', text: strings.privacy }));
  }

  /** The year of the policy's text ("as the 2023 text stands"). */
  get textYear() { return this.catalog.issued.slice(0, 4); }

  /** The language switch, the as-of date, and the switch between the policy as amended and its text alone. */
  controls() {
    const { strings } = this;
    this.asOfInput = el('input', {
      type: 'date',
      id: 'i-as_of',
      'data-k': 'asof',
      'data-d': '',
      onchange: (/** @type {Event} */ event) => {
        const date = /** @type {HTMLInputElement} */ (event.target).value;
        if (date) this.setAsOf(date); // cleared: keep the date until another is chosen
      },
    });
    return el('div', { class: 'row ctl' },
      el('div', { class: 'row', role: 'group', 'aria-label': strings.language },
        Object.entries(LANGUAGES).map(([lang, { code, name }]) => el('button', {
          lang: code,
          'data-k': 'l' + lang,
          'aria-pressed': String(lang === this.lang),
          text: name,
          onclick: () => this.host.setAttribute('lang', code),
        }))),
      largeTextSwitch(this),
      el('div', { class: 'f' },
        el('label', { for: 'i-as_of', text: strings.asOfLabel }),
        this.asOfInput,
        el('p', { class: 'err', id: 'e-as_of', hidden: true })),
      el('div', { class: 'f' },
        el('label', { class: 'row' },
          el('input', {
            type: 'checkbox',
            id: 'i-text_only',
            'data-k': 'textonly',
            checked: this.textOnly,
            'aria-describedby': 'h-text_only',
            onchange: (/** @type {Event} */ event) => {
              this.textOnly = /** @type {HTMLInputElement} */ (event.target).checked;
              this.evaluate();
            },
          }),
          fillIn(strings.textOnlyLabel, { year: this.textYear })),
        el('p', { class: 'help', id: 'h-text_only', text: strings.textOnlyHelp })));
  }

  /** Why nothing could be loaded: the engine, or the ruleset with each of its problems. */
  loadErrorContent() {
    const { strings } = this;
    const error = /** @type {any} */ (this.loadError);
    const isEngineError = error?.name === 'RulesetLoadError';
    // The built-in ruleset's files, or another language's words, are the engine's own: not the page's ruleset.
    const ofTheRulesetAttribute = this.host.getAttribute('ruleset') && !this.ruleset;
    if (!ofTheRulesetAttribute || (!(error instanceof RulesetUnavailableError) && !isEngineError)) return strings.engineLoadFailed;
    /** @type {RulesetLoadError['errors'] | undefined} */
    const problems = isEngineError ? error.errors : undefined;
    let reason = '';
    if (error instanceof RulesetOriginError) reason = strings.rulesetOtherOrigin;
    if (error instanceof RulesetHttpError) reason = fillIn(strings.rulesetHttpStatus, { status: error.status });
    return [
      fillInIsolated(strings.rulesetLoadFailed, { url: error.url ?? this.host.getAttribute('ruleset') }),
      reason,
      problems && el('ul', null, problems.map(problem => el('li', null,
        problem.path && [isolated(problem.path), ': '],
        isolated(problem.message[this.lang])))),
    ];
  }

  // ---- Evaluating ----------------------------------------------------------------------------------

  /** Decides on the answers now, and shows the report, the questions it asks and the errors. */
  evaluate() {
    clearTimeout(this.evaluationTimer);
    // (Re)starting, or another language's words still on their way: start() or languageChanged()
    // renders (and decides) once they are here.
    if (!this.ruleset?.holds(tablesFor(this.lang, 'words'))) return;
    const strings = this.strings;
    const focused = /** @type {HTMLElement | null} */ (this.root.activeElement);
    const focusedResultKey = focused && this.results.contains(focused) ? focused.dataset.k : null;
    const report = this.ruleset.engine.decide(profileFromAnswers(this.answers, this.factTypes), {
      as_of: this.asOf || this.host.getAttribute('as-of') || today(),
      lang: this.lang,
      text_only: this.textOnly,
    });
    if (this.root.activeElement !== this.asOfInput) this.asOfInput.value = report.as_of;
    this.questionnaire.update(report);
    this.results.replaceChildren(
      el('h3', { id: 'rh', tabindex: '-1', text: strings.resultsHeading }),
      .../** @type {(Node | string)[]} */ (resultsContent(this, report).flat(9).filter(Boolean)));
    this.results.dataset.state = 'ready';
    if (focusedResultKey) this.focusByKey(focusedResultKey);
    this.announce(report);
    if (this.keepOnDevice) storeOnDevice(this);
    this.planReasons();
  }

  /**
   * Tells screen readers the new outcome in a sentence, only when it changed.
   * @param {import('sme-eligibility').Report} report
   */
  announce(report) {
    const { strings } = this;
    const summary = report.summary;
    const total = summary.amount ? strings.totalLabel + summary.amount.text : '';
    const sentence = fillIn(strings.liveSummary, { ...summary, total });
    if (this.liveRegion.textContent !== sentence) this.liveRegion.textContent = sentence;
  }

  /** An answer changed: evaluate once typing pauses; until then the results say they are not current. */
  answersChanged() {
    clearTimeout(this.evaluationTimer);
    this.results.dataset.state = 'loading';
    this.evaluationTimer = setTimeout(() => this.evaluate(), EVALUATION_DELAY_MS);
  }

  /** @param {string} date YYYY-MM-DD */
  setAsOf(date) {
    this.asOf = date;
    this.evaluate();
  }

  // ---- Moving around, and messages -----------------------------------------------------------------

  /** @param {string} key a data-k */
  focusByKey(key) {
    /** @type {HTMLElement | null} */ (this.root.querySelector(`[data-k="${CSS.escape(key)}"]`))?.focus();
  }

  /**
   * Focuses the question of a fact ("still to answer" in a result).
   * @param {string} fact
   */
  askFor(fact) {
    focusControl(this.root.getElementById(idFor('i', fact)));
  }

  /**
   * Focuses a result (m-N) or a clause (c-N), opening the policy text for a clause.
   * @param {string} id
   */
  goTo(id) {
    if (id.startsWith('c-')) {
      const policy = /** @type {HTMLDetailsElement} */ (this.root.querySelector('.policy details'));
      policy.open = true;
      buildPendingContent(policy);
    }
    const target = this.root.getElementById(id);
    if (target) target.focus();
    else this.loadReasons().then(() => this.root.getElementById(id)?.focus(), () => {}); // the clauses are on their way
  }

  /**
   * Says a UI string in the save panel's message line.
   * @param {string} key @param {boolean} [isError]
   */
  say(key, isError = false) {
    this.message.textContent = this.strings[key];
    this.message.className = isError ? 'err' : '';
  }

  /**
   * A disclosure whose open state is kept across re-rendering (see dom.js).
   * @param {string} key @param {string} title @param {import('./dom.js').Child | (() => import('./dom.js').Child)} content
   */
  disclosure(key, title, content) {
    return disclosure(this.openDisclosures, key, title, content);
  }
}
