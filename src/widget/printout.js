// Printing (issue 13). Whatever starts a print — the widget's Print button or the browser's own Print
// menu (Ctrl+P) — prints the summary by default: for you, within reach, what is still unknown, whom to
// contact, the answers, the estimate notice and the receipt, in one or two A4 pages. "Print with all
// explanations" prints every measure with its "why" (the widget's print stylesheet, style.css). Both
// hide the rest of the host page (its navigation, header, footer) for the print only: a
// document-level stylesheet adopted for the print and dropped after it (allowed under a strict CSP,
// as the shadow root's own is).
import { el, buildPendingContent } from './dom.js';

/** @typedef {import('./widget.js').Widget} Widget */

/** @type {CSSStyleSheet | undefined} made on the first print */
let hostPageSheet;

/**
 * The host page's stylesheet while the widget prints: nothing of the page is printed but the
 * <sme-eligibility> elements and their ancestors; pages with a 10 mm margin.
 */
function hostPagePrintSheet() {
  if (!hostPageSheet) {
    hostPageSheet = new CSSStyleSheet();
    hostPageSheet.replaceSync('@media print{body :not(sme-eligibility,:has(sme-eligibility)){display:none!important}}@page{margin:10mm}');
  }
  return hostPageSheet;
}

/**
 * Makes the coming print show 'summary' or 'all' (every measure, every "why" built), until afterprint.
 * @param {Widget} widget @param {'summary' | 'all'} what
 */
function preparePrint(widget, what) {
  const widgetBody = /** @type {HTMLElement | null} */ (widget.root.querySelector('.w'));
  if (!widgetBody) return;
  const sheet = hostPagePrintSheet();
  const page = document;
  const prepared = Boolean(widgetBody.dataset.print);
  widgetBody.dataset.print = what;
  if (what === 'all') widget.root.querySelectorAll('details').forEach(buildPendingContent);
  if (!page.adoptedStyleSheets.includes(sheet)) page.adoptedStyleSheets = [...page.adoptedStyleSheets, sheet];
  if (prepared) return;
  addEventListener('afterprint', () => {
    page.adoptedStyleSheets = page.adoptedStyleSheets.filter(adopted => adopted !== sheet);
    delete widgetBody.dataset.print;
  }, { once: true });
}

/**
 * On beforeprint: a print no Print button chose (the browser's own Print menu) prints the summary.
 * @param {Widget} widget
 */
export function printSummaryByDefault(widget) {
  const widgetBody = /** @type {HTMLElement | null} */ (widget.root.querySelector('.w'));
  if (widgetBody && !widgetBody.dataset.print) preparePrint(widget, 'summary');
}

/**
 * Prints the report: 'summary' (the default) or 'all' (every measure and its explanation).
 * @param {Widget} widget @param {'summary' | 'all'} what
 */
export function printReport(widget, what) {
  preparePrint(widget, what);
  print();
}

/**
 * The two Print buttons of the save panel.
 * @param {Widget} widget
 */
export function printButtons(widget) {
  const { strings } = widget;
  return [
    el('button', { 'data-k': 'print', text: strings.printSummary, onclick: () => printReport(widget, 'summary') }),
    el('button', { 'data-k': 'printall', text: strings.printAll, onclick: () => printReport(widget, 'all') }),
  ];
}
