// For the type-checker (tsconfig.json): what the bundler (.ci/bundle.mjs) makes of a .css import.
declare module '*.css' {
  /** The stylesheet's text, minified. */
  const text: string;
  export default text;
}
