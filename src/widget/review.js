// "Check your answers" (issue 13): every answer given, by section of the questionnaire, in the
// language shown, each with a Change button that moves focus to its question. As in GOV.UK's pattern
// the button's accessible name says what it changes ("Change<span class=sr> Registered in
// Shanghai</span>"). Printed with the summary, without the buttons.
import { el, isolated, fillIn, idFor, focusControl } from './dom.js';
import { punctuation } from './i18n.js';
import { answered, moneyReadBack } from './answers.js';
import { formatDate, isIsoDate } from './dates.js';

/** @typedef {import('sme-eligibility').FactInfo} FactInfo */
/** @typedef {import('./widget.js').Widget} Widget */

/**
 * A disclosure "Check your answers (N)" with the answers by section.
 * @param {Widget} widget
 */
export function answersReview(widget) {
  const { strings, catalog, answers } = widget;
  const sections = catalog.sections
    .map(section => ({ section, facts: catalog.facts.filter(fact => fact.section === section.id && !fact.computed && answered(answers[fact.id])) }))
    .filter(({ facts }) => facts.length);
  const count = sections.reduce((total, { facts }) => total + facts.length, 0);
  return widget.disclosure('review', fillIn(strings.reviewHeading, { n: count }), el('div', { class: 'rv' },
    count
      ? sections.map(({ section, facts }) => [
        el('h5', { text: section.title }),
        el('dl', null, facts.flatMap(fact => answerRows(widget, fact))),
      ])
      : el('p', { text: strings.reviewNone })));
}

/**
 * A fact's answer as rows (a list: one row per entry), each with its Change button.
 * @param {Widget} widget @param {FactInfo} fact
 */
function answerRows(widget, fact) {
  const { lang, answers, root } = widget;
  const answer = answers[fact.id];
  if (fact.type !== 'list') return [row(widget, fact.id, fact.label, answerText(widget, fact, answer), () => widget.askFor(fact.id))];
  const marks = punctuation(lang);
  return /** @type {Record<string, unknown>[]} */ (answer).map((entry, index) => {
    const label = fact.label + ' › ' + fillIn(widget.strings.personHeading, { n: index + 1 });
    const text = fact.fields
      .filter(field => answered(entry[field.id]))
      .map(field => field.label + marks.colon + answerText(widget, field, entry[field.id]))
      .join(lang === 'en' ? '; ' : '；');
    return row(widget, fact.id + index, label, text, () => focusControl(root.getElementById(idFor('f', fact.id + index))));
  });
}

/**
 * @param {Widget} widget @param {string} key @param {string} label @param {string} text
 * @param {() => void} change moves focus to the question
 */
function row(widget, key, label, text, change) {
  const { strings, lang } = widget;
  return el('div', null,
    el('dt', null, isolated(label)),
    el('dd', null, isolated(text)),
    el('dd', { class: 'ctl' }, el('button', { class: 'l', 'data-k': 'rv-' + key, onclick: change },
      strings.change, el('span', { class: 'sr' }, lang === 'en' ? ' ' : '', isolated(label)))));
}

/**
 * An answer as the page says it: yes or no, a choice's title, an amount read back (5000万元), a date
 * in words, a number with its unit; what the engine cannot read, as it was typed.
 * @param {Widget} widget @param {FactInfo} fact @param {unknown} answer
 */
export function answerText(widget, fact, answer) {
  const { strings, lang } = widget;
  if (typeof answer === 'boolean') return answer ? strings.yes : strings.no;
  const typed = String(answer);
  if (fact.choices) return fact.choices.find(choice => choice.id === typed)?.title ?? typed;
  if (fact.type === 'money') return moneyReadBack(typed, lang) || typed;
  if (fact.type === 'date') return isIsoDate(typed) ? formatDate(typed, lang) : typed;
  return fact.unit ? typed + (lang === 'en' ? ' ' : '') + fact.unit : typed;
}
