// The results: the summary, the pictures, then each measure by chapter with its status, amount,
// windows, the later documents that amend it, departments, the questions it still needs, and "why"
// (asked of the engine and built when first opened).
import { el, isolated, fillIn, fillInIsolated, isolatedList } from './dom.js';
import { punctuation } from './i18n.js';
import { formatDate, windowText, today } from './dates.js';
import { amountBars, windowTimeline } from './charts.js';
import { visitorReport, reachNote } from './foryou.js';

/** @typedef {import('sme-eligibility').Report} Report */
/** @typedef {import('sme-eligibility').MeasureReport} MeasureReport */
/** @typedef {import('sme-eligibility').PartReport} PartReport */
/** @typedef {import('sme-eligibility').Reason} Reason */
/** @typedef {import('sme-eligibility').AmendmentReport} AmendmentReport */
/** @typedef {import('sme-eligibility').PartWhy & { amendments?: AmendmentReport[] }} PartWhy the engine gives a part's amendments with their words and notes (not declared in its .d.ts) */
/** @typedef {import('./widget.js').Widget} Widget */
/** @typedef {Map<string, Reason[]>} NamedConditions a named condition's id → its explanation */

/** The mark before a status or an outcome (read out as words by a screen reader, not as the mark). */
const MARKS = { eligible: '✓', needs_info: '?', ineligible: '✗', expired: '○', not_applicable: '–', met: '✓', not_met: '✗', unknown: '?' };
const STATUSES = /** @type {const} */ (['eligible', 'needs_info', 'ineligible', 'expired', 'not_applicable']);
/** How deep explanations of named conditions nest inside each other at most. */
const MAX_NESTING = 4;

/** @param {keyof typeof MARKS} statusOrOutcome */
function mark(statusOrOutcome) {
  return el('span', { class: 'o', 'aria-hidden': 'true', text: MARKS[statusOrOutcome] });
}

/**
 * A paragraph "Label: value…", or nothing when the first value is empty.
 * @param {string} label @param {...import('./dom.js').Child} values
 */
function labelled(label, ...values) {
  return values[0] ? el('p', null, label, ...values) : null;
}

/**
 * The content of the results section for a report.
 * @param {Widget} widget @param {Report} report
 * @returns {import('./dom.js').Child[]}
 */
export function resultsContent(widget, report) {
  const { strings, catalog } = widget;
  const questionLabels = new Map((report.next_questions ?? []).map(question => [question.fact, question.label]));
  return [
    report.summary.windows_closed && windowsClosedAlert(widget, report),
    summaryBox(widget, report),
    visitorReport(widget, report),
    decisionNotice(widget, report),
    amountBars(widget, report),
    windowTimeline(widget, report),
    catalog.chapters.map(chapter => [
      el('h4', { text: fillIn(strings.chapterHeading, { n: chapter.id }) + chapter.title }),
      report.measures
        .filter(measure => String(measure.chapter) === chapter.id)
        .map(measure => measureResult(widget, measure, questionLabels, report)),
    ]),
    el('p', { class: 'small receipt' }, fillInIsolated(strings.receipt, { ...report.ruleset, engine: report.engine }),
      fillIn(strings.receiptDates, { asOf: formatDate(report.as_of, widget.lang), today: formatDate(today(), widget.lang) })),
  ];
}

/**
 * Every window has closed on the as-of date: say so, and offer the date with the most windows open.
 * @param {Widget} widget @param {Report} report
 */
function windowsClosedAlert(widget, report) {
  const { strings, lang, suggestion } = widget;
  return el('div', { class: 'alert', role: 'note' },
    el('p', { text: fillIn(strings.allWindowsClosed, { date: formatDate(report.as_of, lang) }) }),
    suggestion.date && el('button', {
      class: 'p',
      'data-k': 'best',
      text: fillIn(strings.suggestAsOf, { date: formatDate(suggestion.date, lang), n: suggestion.open }),
      onclick: () => {
        widget.setAsOf(suggestion.date);
        widget.root.getElementById('rh').focus();
      },
    }));
}

/** @param {Widget} widget @param {Report} report */
function summaryBox(widget, report) {
  const { strings, lang } = widget;
  const summary = report.summary;
  return el('div', { class: 'sum', part: 'summary' },
    el('p', { class: 'big', text: fillIn(strings.eligible, { n: summary.eligible }) }),
    el('ul', { class: 'counts' }, STATUSES.map(status =>
      el('li', { class: status }, mark(status), fillIn(strings[status], { n: summary[status] })))),
    summary.amount
      ? el('p', null, strings.totalLabel, el('strong', { text: summary.amount.text }), strings[summary.amount.kind])
      : el('p', { text: strings.noTotal }),
    summary.eligible_without_amount > 0 && el('p', { text: fillIn(strings.eligibleWithoutAmount, { n: summary.eligible_without_amount }) }),
    labelled(strings.sizeClassLabel, report.size_class.text),
    el('p', { text: fillIn(strings.asOfSentence, { date: formatDate(report.as_of, lang) }) }),
    el('p', { class: 'reading', text: fillIn(widget.textOnly ? strings.readingTextOnly : strings.readingAmended, { year: widget.textYear }) }));
}

/**
 * "An estimate, not a decision: ask …", naming the departments of the benefits and support that apply.
 * @param {Widget} widget @param {Report} report
 */
function decisionNotice(widget, report) {
  const { strings, lang } = widget;
  const departments = [...new Set(report.measures
    .filter(measure => measure.status === 'eligible' && /benefit|support/.test(measure.kind))
    .flatMap(measure => measure.departments ?? []))];
  return el('p', { class: 'notice', role: 'note' }, fillInIsolated(strings.notice, {
    departments: departments.length ? isolatedList(departments, punctuation(lang).listSeparator) : strings.noticeAllDepartments,
  }));
}

/**
 * One measure's result.
 * @param {Widget} widget @param {MeasureReport} measure
 * @param {Map<string, string>} questionLabels the open questions: fact → its label
 * @param {Report} report the report it is part of (for its parts within reach)
 */
function measureResult(widget, measure, questionLabels, report) {
  const { strings, lang } = widget;
  const marks = punctuation(lang);
  // Only the facts the questionnaire asks now can be linked to their question.
  const stillToAnswer = measure.status === 'needs_info' ? measure.missing.filter(fact => questionLabels.has(fact)) : [];
  return el('article', { id: 'm-' + measure.id, class: measure.status, part: 'measure ' + measure.status, tabindex: '-1', 'aria-labelledby': 'mh-' + measure.id },
    el('h5', { id: 'mh-' + measure.id, text: fillIn(strings.measureHeading, { n: measure.id }) + marks.gap + measure.title }),
    el('p', { class: 'st', part: 'status ' + measure.status }, mark(measure.status), ' ', measure.status_text,
      measure.ended && ' — ' + fillIn(strings.endedOn, { date: formatDate(measure.ended, lang) })),
    measure.amount && labelled(strings.amountLabel, el('strong', { text: measure.amount.text }), strings[measure.amount.kind]),
    measure.parts.filter(part => part.window).map(part => el('p', null, strings.windowLabel,
      measure.parts.length > 1 && [isolated(part.title), marks.colon],
      windowText(part.window, lang, strings))),
    measure.parts.filter(part => part.amendments?.length || part.text_status).map(part => amendedPart(widget, measure, part)),
    labelled(strings.contactLabel, ...isolatedList(measure.departments ?? [], marks.listSeparator)),
    stillToAnswer.length > 0 && el('p', { class: 'ctl' }, strings.stillToAnswer, stillToAnswer.map((fact, index) => [
      index > 0 ? marks.listSeparator : '',
      el('button', { class: 'l', 'data-k': `q${measure.id}${fact}`, text: questionLabels.get(fact), onclick: () => widget.askFor(fact) }),
    ])),
    reachNote(widget, report, measure),
    measure.note && el('p', { class: 'small', text: strings.noteLabel + measure.note }),
    widget.disclosure('why' + measure.id, strings.whyHeading, () => widget.withReasons(() => whyContent(widget, measure))),
    el('button', { class: 'l', 'data-k': 'tc' + measure.id, text: strings.readClause, onclick: () => widget.goTo('c-' + measure.id) }));
}

/**
 * A part that later documents in force change (issue 10): each document's sentence ("the clause's
 * period ended on …; … extends it to …") with how far its wording was checked, and what the clause
 * alone would give where that differs.
 * @param {Widget} widget @param {MeasureReport} measure @param {PartReport} part
 */
function amendedPart(widget, measure, part) {
  const { strings, lang } = widget;
  return el('div', { class: 'amd' },
    measure.parts.length > 1 && el('p', null, el('strong', null, isolated(part.title))),
    (part.amendments ?? []).map(amendment => el('p', null,
      isolated(amendment.text),
      el('small', { text: punctuation(lang).parenthesised(fillIn(strings.evidenceLabel, { level: strings[amendment.evidence] })) }))),
    part.text_status_text && el('p', { class: 'small', text: part.text_status_text }));
}

/**
 * "Why": each part's conditions (asked of the engine now, for the report on screen, which is the last
 * it decided on), then the clause (and, in Japanese or English, its Chinese original).
 * @param {Widget} widget @param {MeasureReport} measure
 */
function whyContent(widget, measure) {
  const { strings, lang } = widget;
  const clause = widget.catalog.measures.find(info => info.id === measure.id);
  const why = widget.ruleset.engine.why(measure.id, lang);
  /** @type {Map<string, PartWhy>} */
  const partsWhy = new Map((why?.parts ?? []).map(part => [part.id, part]));
  /** @type {NamedConditions} the named conditions its reasons name (and theirs name), and the size class */
  const namedConditions = new Map([
    ['size_class', why?.size_class],
    ...(why?.derived ?? []).map(/** @returns {[string, Reason[]]} */ condition => [condition.id, condition.explanation]),
  ]);
  return el('div', { class: 'why' },
    measure.parts.map(part => partExplanation(widget, measure, part, partsWhy.get(part.id), namedConditions)),
    el('p', null, el('strong', { text: strings.clauseHeading })),
    el('blockquote', { text: clause.text }),
    lang !== 'zh' && widget.disclosure('zh' + measure.id, strings.chineseOriginal, el('blockquote', { lang: 'zh-CN', text: clause.text_zh })));
}

/**
 * @param {Widget} widget @param {MeasureReport} measure @param {PartReport} part the decision
 * @param {PartWhy | undefined} why its reasons @param {NamedConditions} namedConditions
 */
function partExplanation(widget, measure, part, why, namedConditions) {
  const { strings, lang } = widget;
  const amount = part.amount?.text ?? part.amount_problem;
  return el('div', { class: 'part' },
    el('p', null, el('strong', null, isolated(part.title), punctuation(lang).colon), part.status_text, amount && ' — ' + amount),
    labelled(strings.formulaLabel, isolated(why?.formula)),
    labelled(strings.basisLabel, why?.basis),
    why?.amount_cite && labelled(strings.clauseWordsLabel, el('q', { text: why.amount_cite })),
    reasonList(widget, measure, why?.explanation ?? [], namedConditions, 0),
    why?.note && el('p', { class: 'small', text: strings.noteLabel + why.note }),
    (why?.amendments ?? []).map(amendment => el('div', { class: 'amd' },
      el('p', null, strings.amendedByLabel, isolated(amendment.title)),
      amendment.cite && labelled(strings.documentWordsLabel, el('q', { text: amendment.cite })),
      amendment.note && el('p', { class: 'small', text: strings.noteLabel + amendment.note }))));
}

/**
 * The conditions with their outcomes. A condition that is a named condition (the SME size class, one
 * of the measure's why().derived) has its own explanation nested under it.
 * @param {Widget} widget @param {MeasureReport} measure @param {Reason[]} reasons
 * @param {NamedConditions} namedConditions @param {number} nesting
 * @returns {HTMLUListElement}
 */
function reasonList(widget, measure, reasons, namedConditions, nesting) {
  const { strings, lang } = widget;
  return el('ul', { class: 'rs' }, reasons.map(reason => {
    const nested = nesting < MAX_NESTING ? namedConditions.get(reason.fact) : undefined;
    // A clause word from another measure's clause (a named condition's) says which.
    const otherClause = reason.clause && reason.clause !== measure.id ? fillIn(strings.measureHeading, { n: reason.clause }) + ' ' : '';
    return el('li', { class: `${reason.outcome} d${Math.min(reason.depth, 4)}` },
      mark(reason.outcome),
      el('span', { class: 'sr', text: strings[reason.outcome] + punctuation(lang).colon }),
      isolated(reason.text),
      reason.cite && [' ', el('small', null, otherClause, el('q', { text: reason.cite }))],
      reason.source && el('small', { text: ' ' + strings.sourceLabel + reason.source }),
      nested?.length > 0 && reasonList(widget, measure, nested, namedConditions, nesting + 1));
  }));
}
