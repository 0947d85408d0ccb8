// The policy text, clause by clause, under the report: each clause beside its Chinese original (in
// Japanese and English), with a link back to its result. Built when first opened (and its clause
// texts there).
import { el, isolated, fillIn, fillInIsolated } from './dom.js';
import { punctuation } from './i18n.js';
import { formatDate } from './dates.js';

/** @typedef {import('./widget.js').Widget} Widget */

/** @param {Widget} widget */
export function policyText(widget) {
  const { strings, lang, catalog } = widget;
  const marks = punctuation(lang);
  return el('section', { class: 'policy', 'aria-labelledby': 'ph' },
    el('h3', { id: 'ph', text: strings.policyHeading }),
    el('p', { class: 'small' },
      isolated(catalog.title), ' ', isolated(catalog.document), marks.listSeparator,
      isolated(catalog.issuer), marks.listSeparator, formatDate(catalog.issued, lang),
      fillInIsolated(marks.parenthesised('{source}'), { source: catalog.source })),
    // The clause texts are strings of their own (ruleset/LANG.clauses.json): read from the catalog
    // once they are there (widget.catalog is then made anew).
    widget.disclosure('pd', strings.policyShowAll, () => widget.withReasons(() => el('div', null, widget.catalog.chapters.map(chapter => [
      el('h4', { text: fillIn(strings.chapterHeading, { n: chapter.id }) + chapter.title }),
      widget.catalog.measures.filter(measure => String(measure.chapter) === chapter.id).map(measure => clause(widget, measure)),
    ])))));
}

/** @param {Widget} widget @param {import('sme-eligibility').MeasureInfo} measure */
function clause(widget, measure) {
  const { strings, lang } = widget;
  const marks = punctuation(lang);
  const showOriginal = lang !== 'zh';
  return el('div', { class: 'clause', id: 'c-' + measure.id, tabindex: '-1' },
    el('h5', null,
      fillIn(strings.measureHeading, { n: measure.id }) + marks.gap,
      isolated(measure.title),
      showOriginal && el('span', { lang: 'zh-CN', text: marks.gap + measure.title_zh })),
    el('div', { class: 'pair' },
      el('p', { text: measure.text }),
      showOriginal && el('p', { lang: 'zh-CN', text: measure.text_zh })),
    measure.text_note && el('p', { class: 'small', text: strings.noteLabel + measure.text_note }),
    el('button', { class: 'l', 'data-k': 'tr' + measure.id, text: strings.seeResult, onclick: () => widget.goTo('m-' + measure.id) }));
}
