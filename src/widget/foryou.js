// The visitor's report (issue 13), above the chapters: what the answers so far give the enterprise.
// "For you": the measures that apply, grouped by what they give (the measure's kind: money — ranked
// by amount —, support to apply for, programmes open to it), each with its amount, departments and
// window; "within reach": the parts one answer or one number away from applying, as the engine finds
// them (report.within_reach, the most money first), each with a way to its question and its measure;
// what is still unknown; and "check your answers" (review.js). This is what the
// summary printout (printout.js) prints, with the estimate notice and the receipt.
import { el, isolated, fillIn, isolatedList, idFor } from './dom.js';
import { punctuation } from './i18n.js';
import { windowText } from './dates.js';
import { answersReview } from './review.js';

/** @typedef {import('sme-eligibility').Report} Report */
/** @typedef {import('sme-eligibility').MeasureReport} MeasureReport */
/** @typedef {import('sme-eligibility').ReachReport} ReachReport */
/** @typedef {import('sme-eligibility').AmountReport} Amount */
/** @typedef {import('./widget.js').Widget} Widget */

/** The groups of "for you", by the measures' kind, in this order. */
const KINDS = /** @type {const} */ (['benefit', 'support', 'programme']);
/** "Still unknown" names this many questions at most (the form has them all). */
const MAX_QUESTIONS = 5;

/**
 * Compares two non-negative decimal strings ("1200000", "28800.5") exactly: negative, 0 or positive.
 * @param {string} a @param {string} b
 */
export function compareDecimals(a, b) {
  const [aInteger, aFraction = ''] = a.split('.');
  const [bInteger, bFraction = ''] = b.split('.');
  const x = aInteger.replace(/^0+/, ''), y = bInteger.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  const width = Math.max(aFraction.length, bFraction.length);
  const p = x + aFraction.padEnd(width, '0'), q = y + bFraction.padEnd(width, '0');
  return p < q ? -1 : p > q ? 1 : 0;
}

/**
 * An amount's rank: its maximum, or for a floor (不低于, no maximum) its minimum.
 * @param {Amount | null} amount
 */
const rankOf = amount => amount && (amount.max ?? amount.min);

/**
 * Measures with money, the largest amount first; those without an estimate after them; ties in the
 * ruleset's order.
 * @template {{ id: number, amount: Amount | null }} M
 * @param {M[]} measures
 * @returns {M[]}
 */
export function byAmount(measures) {
  return [...measures].sort((a, b) => {
    const x = rankOf(a.amount), y = rankOf(b.amount);
    if (x && y) return compareDecimals(y, x) || a.id - b.id;
    return (x ? 0 : 1) - (y ? 0 : 1) || a.id - b.id;
  });
}

/**
 * The measures that apply, grouped by kind (money ranked by amount).
 * @param {MeasureReport[]} measures
 * @returns {[typeof KINDS[number], MeasureReport[]][]} only the groups with a measure
 */
export function forYouGroups(measures) {
  const applying = measures.filter(measure => measure.status === 'eligible');
  return KINDS
    .map(kind => /** @type {[typeof KINDS[number], MeasureReport[]]} */ ([kind, applying.filter(measure => measure.kind === kind)]))
    .map(([kind, group]) => /** @type {[typeof KINDS[number], MeasureReport[]]} */ ([kind, kind === 'benefit' ? byAmount(group) : group]))
    .filter(([, group]) => group.length);
}

/**
 * Everything above the chapters.
 * @param {Widget} widget @param {Report} report
 */
export function visitorReport(widget, report) {
  return el('div', { class: 'fy' },
    forYou(widget, report),
    withinReach(widget, report),
    stillUnknown(widget, report),
    answersReview(widget));
}

/** @param {Widget} widget @param {Report} report */
function forYou(widget, report) {
  const { strings } = widget;
  const groups = forYouGroups(report.measures);
  return [
    el('h4', { text: strings.forYouHeading }),
    groups.length
      ? groups.map(([kind, measures]) => [
        el('h5', { text: strings['forYou_' + kind] }),
        el('ul', { class: 'fyl', 'data-kind': kind }, measures.map(measure => forYouItem(widget, measure, kind === 'benefit'))),
      ])
      : el('p', { text: strings.forYouNone }),
  ];
}

/**
 * "Measure 5 · title — up to CNY 1,200,000 (a maximum)", then its departments and windows.
 * @param {Widget} widget @param {MeasureReport} measure @param {boolean} withAmount
 */
function forYouItem(widget, measure, withAmount) {
  const { strings, lang } = widget;
  const marks = punctuation(lang);
  const windows = measure.parts.filter(part => part.status === 'eligible' && part.window);
  return el('li', { 'data-m': measure.id },
    el('strong', null, fillIn(strings.measureHeading, { n: measure.id }) + marks.gap, isolated(measure.title)),
    withAmount && [' — ', measure.amount
      ? [el('strong', { text: measure.amount.text }), strings[measure.amount.kind]]
      : strings.amountNotEstimated],
    ' ',
    el('span', { class: 'small' },
      measure.departments?.length > 0 && [strings.contactLabel, isolatedList(measure.departments, marks.listSeparator)],
      windows.map((part, index) => [
        index > 0 || measure.departments?.length ? marks.listSeparator : '',
        strings.windowLabel,
        windows.length > 1 && [isolated(part.title), marks.colon],
        windowText(part.window, lang, strings),
      ])),
    ' ', seeMeasure(widget, measure.id, 'fy'));
}

/**
 * A button to a measure's full result in the chapters.
 * @param {Widget} widget @param {number} id @param {string} from what it is in, for its data-k
 */
function seeMeasure(widget, id, from) {
  const { strings } = widget;
  return el('button', { class: 'l', 'data-k': from + id, onclick: () => widget.goTo('m-' + id) },
    strings.seeDetails, el('span', { class: 'sr', text: ' ' + fillIn(strings.measureHeading, { n: id }) }));
}

/**
 * Within reach: "技术改造项目总投资达到 1000万元 → 最高100万元", the measure, the present value, and
 * buttons to the question and to the measure.
 * @param {Widget} widget @param {Report} report
 */
function withinReach(widget, report) {
  const { strings, lang } = widget;
  const marks = punctuation(lang);
  const items = report.within_reach ?? [];
  if (!items.length) return null;
  const facts = new Map(widget.catalog.facts.map(fact => [fact.id, fact]));
  return el('div', { class: 'reach' },
    el('h4', { text: strings.reachHeading }),
    el('p', { class: 'small', text: strings.reachHelp }),
    el('ul', { class: 'fyl' }, items.map(item => {
      const fact = facts.get(item.fact);
      // The present answer, where the change does not say it (a yes/no question's is the other one).
      const now = fact?.type !== 'bool' && item.now;
      return el('li', { 'data-m': item.measure, 'data-fact': item.fact },
        isolated(item.text),
        ' ',
        el('span', { class: 'small' }, marks.parenthesised(fillIn(strings.measureHeading, { n: item.measure })
          + (now ? marks.listSeparator + fillIn(strings.reachNow, { now }) : ''))),
        ' ',
        el('button', { class: 'l', 'data-k': `rq${item.measure}${item.part}`, onclick: () => goToQuestion(widget, item.fact) },
          strings.goToQuestion, el('span', { class: 'sr' }, marks.colon, isolated(fact?.label))),
        ' ', seeMeasure(widget, item.measure, `rm${item.part}`));
    })));
}

/**
 * Moves focus to a fact's question; one the form does not show now (it can no longer change a
 * status) is shown first, as a question the user changed is.
 * @param {Widget} widget @param {string} fact
 */
function goToQuestion(widget, fact) {
  if (!widget.root.getElementById(idFor('i', fact))) {
    widget.touched.add(fact);
    widget.evaluate();
  }
  widget.askFor(fact);
}

/**
 * What is still unknown: how many measures need information, and the questions that decide most.
 * @param {Widget} widget @param {Report} report
 */
function stillUnknown(widget, report) {
  const { strings } = widget;
  const waiting = report.measures.filter(measure => measure.status === 'needs_info').map(measure => measure.id);
  const questions = report.next_questions ?? [];
  return el('div', { class: 'open' },
    el('h4', { text: strings.openHeading }),
    waiting.length
      ? el('p', null, fillIn(strings.openCount, { n: waiting.length }), measureNumbers(widget, waiting))
      : el('p', { text: strings.openNone }),
    questions.length > 0 && [
      el('p', { text: strings.openQuestions }),
      el('ul', null, questions.slice(0, MAX_QUESTIONS).map(question => el('li', null,
        el('button', { class: 'l', 'data-k': 'oq-' + question.fact, onclick: () => widget.askFor(question.fact.split(/[.[]/)[0]) }, isolated(question.label)),
        question.measures.length ? fillIn(strings.openDecides, { n: question.measures.length }) : strings.openAmount))),
      questions.length > MAX_QUESTIONS && el('p', { class: 'small', text: fillIn(strings.openMore, { n: questions.length - MAX_QUESTIONS }) }),
    ]);
}

/**
 * "第5、8条" / "Measures 5, 8" (one: "Measure 5").
 * @param {Widget} widget @param {number[]} ids
 */
function measureNumbers(widget, ids) {
  const { strings, lang } = widget;
  if (ids.length === 1) return fillIn(strings.measureHeading, { n: ids[0] });
  return fillIn(strings.measuresList, { list: ids.join(lang === 'en' ? ', ' : '、') });
}

/**
 * Under a measure in the chapters: the one change that would make a part of it apply ("差一点：…").
 * @param {Widget} widget @param {Report} report @param {MeasureReport} measure
 */
export function reachNote(widget, report, measure) {
  const marks = punctuation(widget.lang);
  const items = (report.within_reach ?? []).filter(item => item.measure === measure.id);
  return items.length > 0 && el('p', { class: 'near' },
    el('strong', { text: widget.strings.reachHeading + marks.colon }),
    isolatedList(items.map(item => item.text), marks.listSeparator));
}
