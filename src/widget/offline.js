// The offline page's files (README.md, "Offline: one file"): the page module's wasm, the built-in
// ruleset's core and the string tables of all three languages, inside the page itself, each as
// base64 of its gzip. Bundled into the offline page in place of embedded.js (.ci/bundle.mjs
// --offline), which also writes the module 'sme-eligibility/offline-files'. Nothing is ever fetched:
// a file is decoded, inflated (DecompressionStream) and handed over as a response made in the page.
import { files } from 'sme-eligibility/offline-files';

const TYPES = { wasm: 'application/wasm', json: 'application/json', bin: 'application/octet-stream' };

/**
 * A file of pkg/, from inside the page; a name it does not hold gives a 404 (never a request).
 * @param {string} name
 * @returns {Promise<Response>}
 */
export function embeddedFile(name) {
  const base64 = Object.hasOwn(files, name) ? files[name] : null;
  if (base64 === null) return Promise.resolve(new Response(null, { status: 404 }));
  const gzipped = Uint8Array.from(atob(base64), char => char.charCodeAt(0));
  const body = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return Promise.resolve(new Response(body, { headers: { 'Content-Type': TYPES[name.split('.').pop()] } }));
}
