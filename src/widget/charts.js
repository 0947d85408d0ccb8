// Two SVG pictures of a report: the application windows on a timeline, and the estimated amounts as
// bars. Each is an image with a text alternative, and its data as a list under "show as text".
// Horizontal positions are percentages of the width, so that nothing needs the layout to be read.
import { el, svgEl, isolated, fillIn } from './dom.js';
import { punctuation } from './i18n.js';
import { formatDate, windowText } from './dates.js';

/** @typedef {import('sme-eligibility').Report} Report */
/** @typedef {import('./widget.js').Widget} Widget */

const MS_PER_DAY = 864e5;
/** @param {string} isoDate */
const dayNumber = isoDate => Date.parse(isoDate) / MS_PER_DAY;
/** @param {number} value */
const percent = value => value + '%';

/**
 * An arrow head at (x %, y), pointing left (width < 0) or right: a window or an amount with no end.
 * @param {number} x @param {number} y @param {string} cssClass @param {number} width
 */
function arrowHead(x, y, cssClass, width) {
  return svgEl('svg', { x: percent(x), y, overflow: 'visible' },
    svgEl('path', { class: cssClass, d: `M0 0l${width} 6l${-width} 6z` }));
}

/**
 * @param {Record<string, string>} strings @param {string} title @param {string} summary the text alternative
 * @param {import('./dom.js').Child[]} shapes @param {number} height @param {import('./dom.js').Child[]} dataAsText one item per row
 */
function figure(strings, title, summary, shapes, height, dataAsText) {
  return el('figure', null,
    svgEl('svg', { height, role: 'img', 'aria-label': summary }, shapes),
    el('figcaption', null, el('details', null,
      el('summary', { text: title + ' — ' + strings.showAsText }),
      el('ul', null, dataAsText.map(item => el('li', null, item))))));
}

// Timeline layout: the first 12 % of the width holds the row labels; bars run from 12 % to 98 %.
const TIMELINE_START = 12;
const TIMELINE_END = 98;
const ROW_HEIGHT = 18;
const FIRST_ROW_Y = 22;

/**
 * The dated windows of every measure's parts as they stand on the as-of date (as amended, unless the
 * text alone is read), with the years and the as-of date marked; where a later document changes a
 * window, the clause's own is drawn thin beneath it, for comparison.
 * @param {Widget} widget @param {Report} report
 */
export function windowTimeline(widget, report) {
  const { strings, lang } = widget;
  const marks = punctuation(lang);
  const rows = report.measures.flatMap(measure => measure.parts
    .filter(part => part.window)
    .map(part => ({ measure, part, ...part.window })));
  if (!rows.length) return null;

  // A month of margin on either side of every date shown.
  const days = [report.as_of, report.summary.period.from, report.summary.period.to,
    ...rows.flatMap(row => [row.from, row.to, row.part.text_window?.from, row.part.text_window?.to])]
    .filter(Boolean).map(dayNumber);
  const first = Math.min(...days) - 30;
  const last = Math.max(...days) + 30;
  const x = (/** @type {string} */ isoDate) => TIMELINE_START + (dayNumber(isoDate) - first) / (last - first) * (TIMELINE_END - TIMELINE_START);
  const height = FIRST_ROW_Y + rows.length * ROW_HEIGHT + 16;

  const shapes = [];
  const firstYear = new Date(first * MS_PER_DAY).getUTCFullYear() + 1;
  const lastYear = new Date(last * MS_PER_DAY).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const yearX = x(year + '-01-01');
    shapes.push(svgEl('line', { class: 'ax', x1: percent(yearX), x2: percent(yearX), y1: 14, y2: height }));
    if (yearX < 88) shapes.push(svgEl('text', { x: percent(yearX), dx: 2, y: 12, text: year })); // room for "2024"
  }
  rows.forEach((row, index) => {
    const y = FIRST_ROW_Y + index * ROW_HEIGHT;
    const start = row.from ? x(row.from) : TIMELINE_START;
    const end = row.to ? x(row.to) : TIMELINE_END;
    const cssClass = 'wn ' + row.state;
    const label = row.measure.parts.length > 1 ? `${row.measure.id}${row.part.id}` : String(row.measure.id);
    const clause = row.part.text_window;
    const clauseStart = clause?.from ? x(clause.from) : TIMELINE_START;
    const clauseEnd = clause?.to ? x(clause.to) : TIMELINE_END;
    shapes.push(
      svgEl('text', { x: 0, y: y + 10, text: label }),
      svgEl('rect', { class: cssClass, x: percent(start), y: y + 1, width: percent(Math.max(0.3, end - start)), height: 10, rx: 2 }),
      clause && svgEl('rect', { class: 'wn tx', x: percent(clauseStart), y: y + 12, width: percent(Math.max(0.3, clauseEnd - clauseStart)), height: 3 }),
      !row.from && arrowHead(TIMELINE_START, y, cssClass, -6),
      !row.to && arrowHead(TIMELINE_END, y, cssClass, 6));
  });
  const asOfX = x(report.as_of);
  const labelOnTheLeft = asOfX > 50;
  shapes.push(
    svgEl('line', { class: 'asof', x1: percent(asOfX), x2: percent(asOfX), y1: 14, y2: height }),
    svgEl('text', { x: percent(asOfX), dx: labelOnTheLeft ? -3 : 3, 'text-anchor': labelOnTheLeft && 'end', y: height - 2, text: report.as_of }));

  const summary = fillIn(strings.timelineSummary, {
    n: rows.length,
    date: formatDate(report.as_of, lang),
    open: rows.filter(row => row.state === 'open').length,
  });
  return figure(strings, strings.timelineTitle, summary, shapes, height, rows.map(row => [
    fillIn(strings.measureHeading, { n: row.measure.id }) + marks.gap,
    isolated(row.part.title),
    marks.colon + windowText(row, lang, strings),
    row.part.text_window && marks.listSeparator + strings.clauseWindowLabel + windowText(row.part.text_window, lang, strings),
  ]));
}

const BAR_ROW_HEIGHT = 34;

/**
 * The estimated amounts of the measures that apply: an exact amount solid, a cap dashed, a floor
 * open-ended (an arrow), a range solid to its minimum then dashed to its maximum. Drawing only: the
 * amounts shown as text are the engine's exact decimals.
 * @param {Widget} widget @param {Report} report
 */
export function amountBars(widget, report) {
  const { strings, lang } = widget;
  const marks = punctuation(lang);
  const measures = report.measures.filter(measure => measure.status === 'eligible' && measure.amount);
  if (!measures.length) return null;
  const largest = Math.max(...measures.map(measure => Number(measure.amount.max ?? measure.amount.min))) || 1;
  const width = (/** @type {string} */ amount) => percent(Math.max(0.3, Number(amount) / largest * 95));
  const shapes = measures.flatMap((measure, index) => {
    const { min, max, kind } = measure.amount;
    const y = index * BAR_ROW_HEIGHT;
    return [
      svgEl('text', { x: 0, y: y + 12, text: fillIn(strings.measureHeading, { n: measure.id }) + ' ' + measure.amount.text }),
      (kind === 'cap' || kind === 'range') && svgEl('rect', { class: 'bx cap', x: 0, y: y + 16, width: width(max), height: 12 }),
      kind !== 'cap' && svgEl('rect', { class: 'bx', x: 0, y: y + 16, width: width(min), height: 12 }),
      kind === 'floor' && [
        svgEl('line', { class: 'fl', x1: width(min), x2: '97%', y1: y + 22, y2: y + 22 }),
        arrowHead(97, y + 16, 'bx', 8),
      ],
    ];
  });
  return figure(strings, strings.amountsTitle, fillIn(strings.amountsSummary, { n: measures.length }), shapes,
    measures.length * BAR_ROW_HEIGHT + 4,
    measures.map(measure => [
      fillIn(strings.measureHeading, { n: measure.id }) + marks.gap,
      isolated(measure.title),
      marks.colon + measure.amount.text + (strings[measure.amount.kind] ?? ''),
    ]));
}
