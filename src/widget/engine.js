// The engine: the WebAssembly module (one per page, shared by every element), and the ruleset an
// element evaluates with: the built-in one, or another named by its `ruleset` attribute.
import init, { Engine } from 'sme-eligibility';

// This file is only ever run bundled into pkg/widget.js, beside the wasm: import.meta.url is then
// pkg/widget.js. The wasm is requested as soon as the module is evaluated — while the page is still
// being parsed, and in parallel with nothing else to wait for — not when the first element connects.
const wasmResponse = fetch(new URL('sme_eligibility_bg.wasm', import.meta.url));
// A failed request is reported by each element awaiting it (loadEngine), not as an unhandled rejection.
wasmResponse.catch(() => {});

/** @type {Promise<unknown> | undefined} */
let engineLoaded;

/** Compiles and starts the WebAssembly module, once per page. */
export function loadEngine() {
  engineLoaded ??= init({ module_or_path: wasmResponse });
  return engineLoaded;
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
 * The engine for a `ruleset` attribute: the built-in ruleset when there is none; else the ruleset at
 * that URL, which must be on the page's origin (checked before any request), answer 2xx, and pass the
 * engine's checks. Throws a RulesetUnavailableError, or the engine's RulesetLoadError listing every
 * problem of the ruleset. Call after loadEngine().
 * @param {string | null} rulesetAttribute
 */
export async function engineFor(rulesetAttribute) {
  if (!rulesetAttribute) return new Engine();
  const url = new URL(rulesetAttribute, document.baseURI);
  if (url.origin !== location.origin) throw new RulesetOriginError(rulesetAttribute);
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new RulesetHttpError(rulesetAttribute, error.message); // no answer: the network error's words stand for a status
  }
  if (!response.ok) throw new RulesetHttpError(rulesetAttribute, response.status);
  return Engine.fromJson(await response.text());
}
