// For the type-checker (tsconfig.json): what the bundler (.ci/bundle.mjs) makes of a .css import.
declare module '*.css' {
  /** The stylesheet's text, minified. */
  const text: string;
  export default text;
}

// The offline page's files (offline.js), written by .ci/bundle.mjs --offline: a file of pkg/ by its
// path ('sme_eligibility_bg.wasm', 'ruleset/core.bin', 'ruleset/zh.json'…) → base64 of its gzip.
declare module 'sme-eligibility/offline-files' {
  export const files: Record<string, string>;
}
