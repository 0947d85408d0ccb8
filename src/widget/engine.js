// The engine: the page's WebAssembly module (one per page, shared by every element), and the ruleset
// an element decides with — the built-in one, packed beside the module (ruleset/core.bin and each
// language's strings, fetched as they are needed), or another named by its `ruleset` attribute,
// checked by the complete module (sme_eligibility_full.js, loaded only then) and packed in the page.
import init, { Engine } from 'sme-eligibility';
import { uiLanguage } from './i18n.js';
import { languageOf, pageLanguage } from './host.js';
import { embeddedFile } from './embedded.js';

/** @typedef {import('sme-eligibility').StringTable} StringTable */

// This file is only ever run bundled into pkg/widget.js, beside the wasm and ruleset/: import.meta.url
// is then pkg/widget.js. Everything a first report needs is requested as soon as the module is
// evaluated, in parallel — while the page is still being parsed, not when the first element connects.
// (In the offline page, every one of these files is inside the page: embeddedFile gives it, and
// nothing is fetched.)
/** The page module's wasm, requested at once; again after a failure, by the next loadEngine(). */
function wasmFile() {
  const response = embeddedFile('sme_eligibility_bg.wasm') ?? fetch(new URL('sme_eligibility_bg.wasm', import.meta.url));
  // A failed request is reported by each element awaiting it (loadEngine), not as an unhandled rejection.
  response.catch(() => {});
  return response;
}
/** @type {Promise<Response> | undefined} */
let wasmResponse = wasmFile();

/** @type {Map<string, Promise<any>>} a file of ruleset/ → its content, requested once per page */
const files = new Map();

/**
 * A file of the built-in ruleset (pkg/ruleset/NAME): requested once, and again only after a failure.
 * @param {string} name @param {(response: Response) => Promise<any>} read
 */
function rulesetFile(name, read) {
  let content = files.get(name);
  if (!content) {
    content = (embeddedFile('ruleset/' + name) ?? fetch(new URL('ruleset/' + name, import.meta.url))).then(response => {
      if (!response.ok) throw new Error(`ruleset/${name}: ${response.status}`);
      return read(response);
    });
    content.catch(() => files.delete(name));
    files.set(name, content);
  }
  return content;
}

const coreBytes = () => rulesetFile('core.bin', async response => new Uint8Array(await response.arrayBuffer()));
/**
 * A string table of the built-in ruleset: 'zh' (a first report and the questionnaire), 'zh.why' (the
 * reasons), 'zh.clauses' (the clause texts); likewise for ja and en.
 * @param {string} name
 * @returns {Promise<StringTable>}
 */
const stringTable = name => rulesetFile(name + '.json', response => response.json());

// The page's likely language: the first element's (the one the page shows first), else the page's.
// An element that names a ruleset of its own needs none of the built-in one's files.
const firstElement = document.querySelector('sme-eligibility');
if (!firstElement?.hasAttribute('ruleset')) {
  const lang = uiLanguage(firstElement ? languageOf(firstElement) : pageLanguage(document.documentElement));
  for (const content of [coreBytes(), stringTable(lang)]) content.catch(() => {});
}

/** @type {Promise<unknown> | undefined} */
let engineLoaded;

/** Compiles and starts the WebAssembly module, once per page; after a failure, tries anew on the next call. */
export function loadEngine() {
  if (!engineLoaded) {
    engineLoaded = init({ module_or_path: wasmResponse ??= wasmFile() });
    engineLoaded.catch(() => {
      engineLoaded = undefined;
      wasmResponse = undefined;
    });
  }
  return engineLoaded;
}

/**
 * The string tables a language needs: for a first report and the questionnaire ('words'), and for
 * "why", the policy text and print ('reasons': the reasons, the clauses, and the Chinese original).
 * @param {'zh' | 'ja' | 'en'} lang @param {'words' | 'reasons'} what
 */
export function tablesFor(lang, what) {
  if (what === 'words') return [lang];
  return [lang + '.why', lang + '.clauses', ...(lang === 'zh' ? [] : ['zh.clauses'])];
}

/** One element's engine, and which string tables it holds (a string not yet added reads as ''). */
export class Ruleset {
  /** @param {Engine} engine @param {Iterable<string>} held the names of the tables added */
  constructor(engine, held) {
    this.engine = engine;
    this.held = new Set(held);
  }

  /** @param {string[]} names */
  holds(names) {
    return names.every(name => this.held.has(name));
  }

  /**
   * Adds the tables not held yet, fetching those the page has not fetched (the built-in ruleset's:
   * another ruleset's are all held from the start).
   * @param {string[]} names
   */
  async add(names) {
    const missing = names.filter(name => !this.held.has(name));
    const tables = await Promise.all(missing.map(stringTable));
    missing.forEach((name, index) => {
      if (this.held.has(name)) return; // added meanwhile by another call
      this.engine.addStrings(tables[index]);
      this.held.add(name);
    });
  }
}

/** A ruleset named by the `ruleset` attribute that could not be fetched; `url` is the attribute's value. */
export class RulesetUnavailableError extends Error {
  /** @param {string} message @param {string} url */
  constructor(message, url) {
    super(message);
    this.name = 'RulesetUnavailableError';
    this.url = url;
  }
}

/** The ruleset is on another origin (or is a javascript: or data: URL): it is never requested. */
export class RulesetOriginError extends RulesetUnavailableError {
  /** @param {string} url */
  constructor(url) {
    super(`ruleset not on this page's origin: ${url}`, url);
    this.name = 'RulesetOriginError';
  }
}

/** The server did not answer 2xx; `status` is its status code, or the network error's message. */
export class RulesetHttpError extends RulesetUnavailableError {
  /** @param {string} url @param {number | string} status */
  constructor(url, status) {
    super(`ruleset ${url}: ${status}`, url);
    this.name = 'RulesetHttpError';
    this.status = status;
  }
}

/**
 * The engine for a `ruleset` attribute, holding the strings of `lang`'s first report: the built-in
 * ruleset when there is none; else the ruleset at that URL, which must be on the page's origin
 * (checked before any request), answer 2xx, and pass the complete module's checks — then it is
 * packed, and the page's engine holds all its strings at once. Throws a RulesetUnavailableError, or
 * the engine's RulesetLoadError (listing every problem of the ruleset). Call after loadEngine().
 * @param {string | null} rulesetAttribute @param {'zh' | 'ja' | 'en'} lang
 * @returns {Promise<Ruleset>}
 */
export async function rulesetFor(rulesetAttribute, lang) {
  if (!rulesetAttribute) {
    const [core, strings] = await Promise.all([coreBytes(), stringTable(lang)]);
    return new Ruleset(new Engine(core, strings), [lang]);
  }
  const url = new URL(rulesetAttribute, document.baseURI);
  // A page opened from disk (file:) has an opaque origin, which nothing is on: not even another file.
  if (location.origin === 'null') throw new RulesetOriginError(rulesetAttribute);
  if (url.origin !== location.origin) throw new RulesetOriginError(rulesetAttribute);
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new RulesetHttpError(rulesetAttribute, error.message); // no answer: the network error's words stand for a status
  }
  if (!response.ok) throw new RulesetHttpError(rulesetAttribute, response.status);
  const text = await response.text();
  const { core, strings: tables } = (await completeModule()).Engine.fromJson(text).pack();
  const first = tables.find(table => table.lang === lang) ?? tables[0];
  const engine = new Engine(core, first);
  for (const table of tables) if (table !== first) engine.addStrings(table);
  // Whole tables from 0: every string of every language, clause texts included.
  return new Ruleset(engine, tables.flatMap(table => [table.lang, ...tablesFor(table.lang, 'reasons')]));
}

/** @type {Promise<typeof import('sme-eligibility/full')> | undefined} */
let complete;

/**
 * The complete module (its loader checks any compiled ruleset in full), imported and started once,
 * only for a page with a ruleset of its own: a file beside this one, not part of the bundle.
 */
function completeModule() {
  if (!complete) {
    complete = import('sme-eligibility/full').then(async module => {
      await module.default({ module_or_path: new URL('sme_eligibility_full_bg.wasm', import.meta.url) });
      return module;
    });
    complete.catch(() => { complete = undefined; }); // tried again by the next element that needs it
  }
  return complete;
}
