// The files of pkg/ that the page carries inside itself: none here — pkg/widget.js fetches them from
// beside itself (engine.js). The offline page's bundle (.ci/bundle.mjs --offline) puts offline.js in
// this module's place, which gives every file the widget needs from inside the page.

/**
 * A file of pkg/ ('sme_eligibility_bg.wasm', 'ruleset/zh.json'…) as a response made in the page, or
 * null: to be fetched.
 * @param {string} _name
 * @returns {Promise<Response> | null}
 */
export const embeddedFile = _name => null;
