// The declarations of pkg/widget.js — the npm package's 'sme-eligibility/widget' (copied to
// pkg/widget.d.ts by .ci/build). Importing the module defines <sme-eligibility>; it exports nothing.
// Its attributes, events and parts: README.md, "Embedding the widget".

/** `sme-ready`'s detail: the engine and the ruleset are loaded; this is the ruleset. */
export interface SmeReadyDetail {
  ruleset: { id: string; version: string; hash: string };
}

/** What failed to load: the `ruleset` attribute's ruleset (another origin; not fetched; refused by the
 *  engine), or the engine, the built-in ruleset or a language's words. */
export type SmeErrorCode = 'ruleset-origin' | 'ruleset-http' | 'ruleset-invalid' | 'engine';

/** `sme-error`'s detail: the code, and the message the element shows, in its language. */
export interface SmeErrorDetail {
  code: SmeErrorCode;
  message: string;
}

/** <sme-eligibility lang="zh-CN|ja|en" as-of="YYYY-MM-DD" ruleset="URL" large-text>: no property or method of
 *  its own (its answers are not the page's to read). */
export interface SmeEligibilityElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'sme-eligibility': SmeEligibilityElement;
  }
  // Both bubble and are composed: they reach the document and the window too.
  interface GlobalEventHandlersEventMap {
    'sme-ready': CustomEvent<SmeReadyDetail>;
    'sme-error': CustomEvent<SmeErrorDetail>;
  }
}
