// The questionnaire: in each section, the questions that can still change a result (the report's
// next_questions) and those already answered or touched. A question's node is made once and kept:
// on each report it is only moved, added or removed, so that typing keeps its focus and caret.
import { el, isolated, fillIn, fillInIsolated, idFor, focusControl } from './dom.js';
import { punctuation } from './i18n.js';
import { answered, moneyReadBack } from './answers.js';
import { Checklists } from './checklist.js';

/** @typedef {import('sme-eligibility').FactInfo} FactInfo */
/** @typedef {import('sme-eligibility').Report} Report */
/** @typedef {import('./widget.js').Widget} Widget */

/** Up to this many choices are radio buttons (plus "not sure"); more make a <select>. */
const MAX_RADIO_CHOICES = 3;

/**
 * The fact a path belongs to: 'hires' for 'hires.0.group' or the engine's 'hires[0].group'.
 * @param {string} path
 */
const topFact = path => path.split(/[.[]/)[0];

/**
 * Sets aria-describedby to the ids given (a space-separated list), or removes it when there are none.
 * @param {Element} element @param {string} ids
 */
function describeBy(element, ids) {
  if (ids.trim()) element.setAttribute('aria-describedby', ids.trim());
  else element.removeAttribute('aria-describedby');
}

export class Questionnaire {
  /** @param {Widget} widget */
  constructor(widget) {
    this.widget = widget;
    /** @type {Map<string, HTMLElement>} a fact's id → its node, kept across reports */
    this.nodes = new Map();
    /** @type {HTMLFieldSetElement[]} one per section of the catalog, in its order */
    this.sections = [];
    /** @type {Checklists} the sections' yes/no questions answered as lists (checklist.js) */
    this.checklists = null;
  }

  /** The empty form, its sections filled by update(). */
  build() {
    const { strings, catalog } = this.widget;
    this.nodes = new Map();
    this.checklists = new Checklists(this.widget);
    this.sections = catalog.sections.map(section =>
      el('fieldset', { id: 's-' + section.id }, el('legend', { text: section.title })));
    return el('form', {
      part: 'form',
      'aria-labelledby': 'fh',
      novalidate: true,
      onsubmit: (/** @type {Event} */ event) => event.preventDefault(),
      oninput: (/** @type {Event} */ event) => this.onInput(/** @type {HTMLInputElement} */ (event.target)),
    }, el('h3', { id: 'fh', text: strings.formHeading }), el('p', { class: 'help', text: strings.formHelp }), this.sections);
  }

  /**
   * Keeps the raw answer of the control that changed (the typed string, a boolean, a choice's id),
   * and asks for a new report.
   * @param {HTMLInputElement | HTMLSelectElement} control
   */
  onInput(control) {
    const widget = this.widget;
    const path = control.name; // 'headcount', or 'hires.0.group' for a list entry's field
    if (!path) return;
    const type = widget.factTypes.get(path.replace(/\.\d+\./, '.'));
    /** @type {string | boolean} */
    let answer = control.value;
    if (type === 'bool') answer = answer === '' ? '' : answer === 'true';
    const [fact, entryIndex, field] = path.split('.');
    if (field) widget.answers[fact][entryIndex][field] = answer;
    else widget.answers[fact] = answer;
    widget.touched.add(fact);
    if (type === 'money') widget.root.getElementById(idFor('x', path)).textContent = moneyReadBack(/** @type {string} */ (answer), widget.lang);
    widget.answersChanged();
  }

  /**
   * The control(s) for one question: radio buttons for yes/no and up to three choices, a <select>
   * for more, a text or date input otherwise; with its label, help, and a place for its error.
   * @param {FactInfo} fact @param {string} path its name: the fact's id, or 'list.N.field'
   * @param {string | boolean | undefined} answer
   */
  field(fact, path, answer) {
    const { strings, lang } = this.widget;
    const id = idFor('i', path);
    const help = fact.help && el('p', { class: 'help', id: idFor('h', path) },
      isolated(fact.help), fact.source && [' ' + strings.sourceLabel, isolated(fact.source)]);
    const label = [isolated(fact.label), fact.unit && fillInIsolated(punctuation(lang).parenthesised('{unit}'), { unit: fact.unit })];
    const error = el('p', { class: 'err', id: idFor('e', path), hidden: true });
    const describedBy = [help && help.id, fact.type === 'money' && idFor('x', path)].filter(Boolean).join(' ') || null;
    const choices = fact.type === 'bool'
      ? [['true', strings.yes], ['false', strings.no]]
      : fact.choices?.map(choice => [choice.id, choice.title]);

    if (choices && choices.length <= MAX_RADIO_CHOICES) {
      const current = answer === true ? 'true' : answer === false ? 'false' : answer ?? '';
      return el('fieldset', { class: 'f', id, 'aria-describedby': describedBy },
        el('legend', null, label),
        help,
        el('div', { class: 'opts' }, [...choices, ['', strings.notSure]].map(([value, text]) =>
          el('label', null, el('input', { type: 'radio', name: path, value, checked: current === value }), text))),
        error);
    }

    const control = choices
      ? el('select', { id, name: path, 'aria-describedby': describedBy, value: answer ?? '' },
        el('option', { value: '', text: strings.choose }),
        choices.map(([value, text]) => el('option', { value, text })))
      : el('input', {
        id,
        name: path,
        type: fact.type === 'date' ? 'date' : 'text',
        value: answer ?? '',
        autocomplete: 'off',
        'aria-describedby': describedBy,
        inputmode: fact.type === 'money' ? 'decimal' : fact.type === 'date' ? null : 'numeric',
        min: fact.type === 'date' && fact.min,
        max: fact.type === 'date' && fact.max,
      });
    // The ids it is described by without its error: showError() adds the error's, update() restores these.
    control.dataset.d = describedBy ?? '';
    return el('div', { class: 'f' },
      el('label', { for: id }, label),
      help,
      control,
      fact.type === 'money' && el('p', { class: 'small', id: idFor('x', path), text: moneyReadBack(/** @type {string} */ (answer), lang) }),
      error);
  }

  /**
   * A list question (the persons hired): a fieldset per entry with its fields and a remove button,
   * and an add button. Adding or removing rebuilds the list and moves focus into it.
   * @param {FactInfo} fact
   * @returns {HTMLFieldSetElement}
   */
  listField(fact) {
    const widget = this.widget;
    const { strings } = widget;
    const entries = widget.answers[fact.id] ?? [];
    const rebuild = (/** @type {string} */ focusSelector) => {
      widget.touched.add(fact.id);
      const node = this.listField(fact);
      this.nodes.get(fact.id).replaceWith(node);
      this.nodes.set(fact.id, node);
      focusControl(node.querySelector(focusSelector));
      widget.answersChanged();
    };
    return el('fieldset', { class: 'f', id: idFor('i', fact.id), 'aria-describedby': fact.help && idFor('h', fact.id) },
      el('legend', { text: fact.label }),
      fact.help && el('p', { class: 'help', id: idFor('h', fact.id), text: fact.help }),
      entries.map((entry, index) => el('fieldset', { id: idFor('f', fact.id + index) },
        el('legend', { text: fillIn(strings.personHeading, { n: index + 1 }) }),
        fact.fields.map(field => this.field(field, `${fact.id}.${index}.${field.id}`, entry[field.id])),
        el('button', {
          type: 'button',
          class: 'l',
          text: fillIn(strings.removePerson, { n: index + 1 }),
          onclick: () => {
            entries.splice(index, 1);
            rebuild('.add');
          },
        }))),
      el('button', {
        type: 'button',
        class: 'add',
        text: strings.addPerson,
        onclick: () => {
          widget.answers[fact.id] = [...entries, {}];
          rebuild('#' + idFor('f', fact.id + entries.length));
        },
      }),
      el('p', { class: 'err', id: idFor('e', fact.id), hidden: true }));
  }

  /** @param {FactInfo} fact */
  nodeFor(fact) {
    let node = this.nodes.get(fact.id);
    if (!node) {
      node = fact.type === 'list' ? this.listField(fact) : this.field(fact, fact.id, this.widget.answers[fact.id]);
      this.nodes.set(fact.id, node);
    }
    return node;
  }

  /**
   * Shows the questions this report makes relevant, in the catalog's order, and its errors by their
   * fields.
   * @param {Report} report
   */
  update(report) {
    const widget = this.widget;
    const shown = new Set([
      ...(report.next_questions ?? []).map(question => topFact(question.fact)),
      ...widget.touched,
      ...Object.keys(widget.answers).filter(fact => answered(widget.answers[fact])),
    ]);
    widget.catalog.sections.forEach((section, index) => {
      const facts = widget.catalog.facts.filter(fact => fact.section === section.id && !fact.computed && shown.has(fact.id));
      const wanted = this.checklists.nodes(section.id, facts, fact => this.nodeFor(fact));
      this.arrange(this.sections[index], wanted);
    });
    for (const error of widget.root.querySelectorAll('p.err')) /** @type {HTMLElement} */ (error).hidden = true;
    for (const control of widget.root.querySelectorAll('[aria-invalid]')) {
      control.removeAttribute('aria-invalid');
      describeBy(control, /** @type {HTMLElement} */ (control).dataset.d);
    }
    for (const error of report.errors) this.showError(error.field, error.message);
  }

  /**
   * Makes a section hold exactly `wanted` after its legend, in that order, moving only what must move
   * (a node moved loses focus). A section with no question is hidden.
   * @param {HTMLFieldSetElement} section @param {HTMLElement[]} wanted
   */
  arrange(section, wanted) {
    for (const node of [...section.children]) {
      if (node.tagName !== 'LEGEND' && !wanted.includes(/** @type {HTMLElement} */ (node))) node.remove();
    }
    wanted.forEach((node, index) => {
      const place = section.children[index + 1] ?? null; // after the legend
      if (place !== node) section.insertBefore(node, place);
    });
    section.hidden = !wanted.length;
  }

  /**
   * Shows an error of the engine (translated, naming the field) under its field, and marks the
   * control invalid. `path` is the engine's: 'headcount', 'hires[0].hired_on', 'as_of'.
   * @param {string} path @param {string} message
   */
  showError(path, message) {
    const root = this.widget.root;
    const error = root.getElementById(idFor('e', path));
    const control = root.getElementById(idFor('i', path));
    if (!error) return;
    error.replaceChildren(isolated(message));
    error.hidden = false;
    // Radio groups and lists have no data-d: their error is shown, not tied to a single control.
    if (control?.dataset.d != null) {
      control.setAttribute('aria-invalid', 'true');
      describeBy(control, control.dataset.d + ' ' + error.id);
    }
  }
}
