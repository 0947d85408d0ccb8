// Checklists (issue 13): the yes/no questions of a section about what the enterprise does or holds,
// answered as one list — "Which of these apply to your enterprise?" — instead of a radio group each.
//
// Which questions make a checklist: the yes/no questions of a section that the engine asks of an
// enterprise that has answered nothing, on the day the policy was issued, when a section has at least
// three. A question the ruleset asks only after another answer (its `ask_if`: whether the first loan
// was guaranteed by the fund, whether a "小升规" enterprise buys growth services) is never asked of an
// empty profile, so it stays a question of its own, shown when its condition holds. (The catalog does
// not say which facts have an ask_if; the engine's questions show it.)
//
// A question keeps its three states in the answers exactly as its radio buttons would — true, false,
// or '' (or no key) for "not sure" — so the answers file, the link and this device carry them as they
// are:
// - a checklist nobody has answered: every question unknown, and "not sure" ticked (as a radio group
//   shows "not sure" checked);
// - ticking or unticking any box, or ticking "none of these", answers the whole list: ticked is
//   "yes", unticked is "no";
// - "not sure" makes every question of the list unknown again.
// A list answered in part (an answers file made with the radio buttons, or a question shown only after
// the list was answered) marks its questions still unknown, and says so.
import { el, isolated, idFor } from './dom.js';

/** @typedef {import('sme-eligibility').FactInfo} FactInfo */
/** @typedef {import('./answers.js').Answers} Answers */
/** @typedef {import('./widget.js').Widget} Widget */
/** @typedef {'unknown' | 'answered' | 'partial'} ChecklistState */

/** A section needs at least this many yes/no questions for a checklist to save clicks. */
const MIN_QUESTIONS = 3;

/** @type {WeakMap<object, Set<string>>} an engine → the facts that are asked in checklists */
const membersByEngine = new WeakMap();

/**
 * The facts of the catalog answered in checklists, from the questions the engine asks of an empty
 * profile on the day the policy was issued (see the top of this file).
 * @param {Pick<import('sme-eligibility').Catalog, 'facts' | 'issued'>} catalog
 * @param {Set<string>} askedOfNobody the facts asked of an empty profile
 * @returns {Set<string>}
 */
export function checklistFacts(catalog, askedOfNobody) {
  /** @type {Map<string, string[]>} section → its yes/no questions asked of an empty profile */
  const bySection = new Map();
  for (const fact of catalog.facts) {
    if (fact.type !== 'bool' || fact.computed || !askedOfNobody.has(fact.id)) continue;
    bySection.set(fact.section, [...(bySection.get(fact.section) ?? []), fact.id]);
  }
  return new Set([...bySection.values()].filter(facts => facts.length >= MIN_QUESTIONS).flat());
}

/**
 * Whether the questions of a list are all unknown, all answered, or some of each.
 * @param {string[]} facts @param {Answers} answers
 * @returns {ChecklistState}
 */
export function checklistState(facts, answers) {
  const known = facts.filter(fact => typeof answers[fact] === 'boolean').length;
  if (known === 0) return 'unknown';
  return known === facts.length ? 'answered' : 'partial';
}

/**
 * A box ticked (yes) or unticked (no): the list is answered, so every question of it still unknown
 * becomes "no".
 * @param {Answers} answers @param {string[]} facts the list's questions shown @param {string} fact @param {boolean} yes
 */
export function tick(answers, facts, fact, yes) {
  for (const other of facts) if (typeof answers[other] !== 'boolean') answers[other] = false;
  answers[fact] = yes;
}

/**
 * "None of these" (false) or "not sure" ('') for every question of the list.
 * @param {Answers} answers @param {string[]} facts @param {false | ''} answer
 */
export function answerAll(answers, facts, answer) {
  for (const fact of facts) answers[fact] = answer;
}

/**
 * The checklists of one questionnaire: which facts they hold, and one node per section, made once and
 * kept (so that focus stays on a box while the report changes around it).
 */
export class Checklists {
  /** @param {Widget} widget */
  constructor(widget) {
    this.widget = widget;
    const engine = widget.ruleset.engine;
    let members = membersByEngine.get(engine);
    if (!members) {
      // Asked before the first report (render() builds the form, then evaluates): engine.why()
      // explains the last profile decided, which is then the answers' again.
      let asked = new Set();
      try {
        const report = engine.decide({}, { as_of: widget.catalog.issued, lang: widget.lang });
        asked = new Set((report.next_questions ?? []).map(question => question.fact));
      } catch {
        // no checklists: every question keeps its radio buttons
      }
      members = checklistFacts(widget.catalog, asked);
      membersByEngine.set(engine, members);
    }
    this.members = members;
    /** @type {Map<string, Checklist>} a section's id → its checklist */
    this.lists = new Map();
  }

  /**
   * The nodes a section shows for the facts it asks: each fact's own node (`nodeFor`), the facts of its
   * checklist replaced by the checklist, where the first of them is.
   * @param {string} section @param {FactInfo[]} facts in the catalog's order
   * @param {(fact: FactInfo) => HTMLElement} nodeFor
   * @returns {HTMLElement[]}
   */
  nodes(section, facts, nodeFor) {
    const listed = facts.filter(fact => this.members.has(fact.id));
    if (!listed.length) return facts.map(nodeFor);
    let list = this.lists.get(section);
    if (!list) {
      list = new Checklist(this.widget, section);
      this.lists.set(section, list);
    }
    list.show(listed);
    return facts.flatMap(fact => (!this.members.has(fact.id) ? [nodeFor(fact)] : fact === listed[0] ? [list.node] : []));
  }
}

/** One section's checklist: a box per question, then "none of these" and "not sure". */
class Checklist {
  /** @param {Widget} widget @param {string} section */
  constructor(widget, section) {
    this.widget = widget;
    const { strings } = widget;
    /** @type {string[]} the questions shown, in the catalog's order */
    this.facts = [];
    /** @type {Map<string, { row: HTMLElement, box: HTMLInputElement, tag: HTMLElement }>} */
    this.rows = new Map();
    this.items = el('div', { class: 'cki' });
    this.none = el('input', { type: 'checkbox', 'data-k': 'kn-' + section, onchange: () => this.answer(() => answerAll(widget.answers, this.facts, this.none.checked ? false : '')) });
    this.unsure = el('input', { type: 'checkbox', 'data-k': 'ku-' + section, onchange: () => this.answer(() => answerAll(widget.answers, this.facts, '')) });
    this.stateLine = el('p', { class: 'small', id: 'ks-' + section });
    this.node = el('fieldset', { class: 'f ck', id: 'k-' + section, 'aria-describedby': `kh-${section} ks-${section}` },
      el('legend', { text: strings.checklistLegend }),
      el('p', { class: 'help', id: 'kh-' + section, text: strings.checklistHelp }),
      this.items,
      el('div', { class: 'opts' },
        el('label', null, this.none, strings.noneOfThese),
        el('label', null, this.unsure, strings.notSure)),
      this.stateLine);
  }

  /**
   * Shows these questions (adding, moving or removing only the rows that must change) with their
   * answers.
   * @param {FactInfo[]} facts
   */
  show(facts) {
    this.facts = facts.map(fact => fact.id);
    const wanted = facts.map(fact => this.rowFor(fact).row);
    for (const row of [...this.items.children]) if (!wanted.includes(/** @type {HTMLElement} */ (row))) row.remove();
    wanted.forEach((row, index) => {
      if (this.items.children[index] !== row) this.items.insertBefore(row, this.items.children[index] ?? null);
    });
    this.sync();
  }

  /** @param {FactInfo} fact */
  rowFor(fact) {
    let row = this.rows.get(fact.id);
    if (!row) {
      const { strings } = this.widget;
      const box = el('input', {
        type: 'checkbox',
        id: idFor('i', fact.id),
        'data-k': 'ck-' + fact.id,
        'aria-describedby': fact.help ? idFor('h', fact.id) : null,
        onchange: () => this.answer(() => tick(this.widget.answers, this.facts, fact.id, box.checked)),
      });
      const tag = el('span', { class: 'tag', text: strings.unknownTag });
      row = {
        box,
        tag,
        row: el('div', { class: 'f' },
          el('label', null, box, el('span', null, isolated(fact.label), tag)),
          fact.help && el('p', { class: 'help', id: idFor('h', fact.id) },
            isolated(fact.help), fact.source && [' ' + strings.sourceLabel, isolated(fact.source)])),
      };
      this.rows.set(fact.id, row);
    }
    return row;
  }

  /** The boxes, "none of these", "not sure" and the sentence under them, as the answers stand. */
  sync() {
    const { answers, strings } = this.widget;
    const state = checklistState(this.facts, answers);
    for (const fact of this.facts) {
      const { box, tag } = this.rows.get(fact);
      box.checked = answers[fact] === true;
      tag.hidden = state !== 'partial' || typeof answers[fact] === 'boolean';
    }
    this.none.checked = state === 'answered' && this.facts.every(fact => answers[fact] === false);
    this.unsure.checked = state === 'unknown';
    this.stateLine.textContent = strings[{ unknown: 'checklistUnknown', answered: 'checklistAnswered', partial: 'checklistPartial' }[state]];
  }

  /**
   * Changes the answers of the list, shows them at once, and asks for a new report. Its questions stay
   * shown from now on, as a question changed does.
   * @param {() => void} change
   */
  answer(change) {
    const widget = this.widget;
    change();
    for (const fact of this.facts) widget.touched.add(fact);
    this.sync();
    widget.answersChanged();
  }
}
