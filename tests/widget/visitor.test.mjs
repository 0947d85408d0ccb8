// The pure logic of the visitor's report (issue 13): which questions make a checklist, a checklist's
// three states and how ticking changes them, and "for you"'s ranking of money (exact, no floating
// point). The widget end to end: tests/e2e/visitor.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checklistFacts, checklistState, tick, answerAll } from '../../src/widget/checklist.js';
import { compareDecimals, byAmount, forYouGroups } from '../../src/widget/foryou.js';
import { acceptedAnswers, encodeForLink, decodeFromLink, profileFromAnswers } from '../../src/widget/answers.js';

const fact = (id, section, type = 'bool', extra = {}) => ({ id, section, type, label: id, ...extra });
const CATALOG = {
  issued: '2023-05-17',
  facts: [
    fact('registered', 'enterprise'), fact('headcount', 'enterprise', 'int'), fact('tobacco', 'enterprise'),
    fact('a', 'projects'), fact('b', 'projects'), fact('asked_after_a', 'projects'), fact('c', 'projects'), fact('amount', 'projects', 'money'),
    fact('d', 'loans'), fact('e', 'loans'), fact('computed', 'loans', 'bool', { computed: true }), fact('f', 'loans'),
  ],
};

test('a checklist: the yes/no questions of a section asked of an empty profile, when there are three or more', () => {
  const asked = new Set(['registered', 'headcount', 'tobacco', 'a', 'b', 'c', 'amount', 'd', 'e', 'computed']);
  // projects: a, b, c (asked_after_a is asked only after an answer); loans: d, e only (f not asked, computed not a question).
  assert.deepEqual([...checklistFacts(CATALOG, asked)], ['a', 'b', 'c']);
  assert.deepEqual([...checklistFacts(CATALOG, new Set([...asked, 'f']))], ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual([...checklistFacts(CATALOG, new Set())], [], 'the engine asked nothing: no checklist');
});

test('a checklist’s state: unknown, answered, or in part', () => {
  const facts = ['a', 'b', 'c'];
  assert.equal(checklistState(facts, {}), 'unknown');
  assert.equal(checklistState(facts, { a: '', b: '', c: '' }), 'unknown', '"not sure" is unknown');
  assert.equal(checklistState(facts, { a: false, b: false, c: false }), 'answered', '"none of these" is answered');
  assert.equal(checklistState(facts, { a: true, b: false, c: false }), 'answered');
  assert.equal(checklistState(facts, { a: true, c: '' }), 'partial');
});

test('ticking a box answers the list: that one yes, the others no; answers already given stay', () => {
  const answers = { other: 'x' };
  tick(answers, ['a', 'b', 'c'], 'b', true);
  assert.deepEqual(answers, { other: 'x', a: false, b: true, c: false });
  tick(answers, ['a', 'b', 'c'], 'a', true);
  assert.deepEqual(answers, { other: 'x', a: true, b: true, c: false }, 'a second tick keeps the first');
  tick(answers, ['a', 'b', 'c'], 'b', false);
  assert.deepEqual(answers, { other: 'x', a: true, b: false, c: false }, 'unticked: no');
  const partial = { a: true, b: '' };
  tick(partial, ['a', 'b', 'c'], 'a', true);
  assert.deepEqual(partial, { a: true, b: false, c: false }, 'a list answered in part: the unknown ones become no');
});

test('"none of these" and "not sure" are different answers, for the engine too', () => {
  const facts = ['a', 'b'];
  const none = {}, unsure = { a: true };
  answerAll(none, facts, false);
  answerAll(unsure, facts, '');
  assert.deepEqual(none, { a: false, b: false });
  assert.deepEqual(unsure, { a: '', b: '' });
  const types = new Map([['a', 'bool'], ['b', 'bool']]);
  assert.deepEqual(profileFromAnswers(none, types), { a: false, b: false }, 'no: told to the engine');
  assert.deepEqual(profileFromAnswers(unsure, types), {}, 'not sure: left unknown');
});

test('yes, no and not sure survive the answers file, the link and this device exactly', () => {
  const types = new Map([['a', 'bool'], ['b', 'bool'], ['c', 'bool'], ['d', 'bool']]);
  const answers = { a: true, b: false, c: '' }; // d: never answered
  const viaFile = acceptedAnswers(JSON.parse(JSON.stringify({ answers }, null, 2)).answers, types);
  const viaLink = acceptedAnswers(/** @type {any} */ (decodeFromLink(encodeForLink({ a: answers }))).a, types);
  const viaDevice = acceptedAnswers(JSON.parse(JSON.stringify({ a: answers, d: '' })).a, types);
  for (const back of [viaFile, viaLink, viaDevice]) {
    assert.deepEqual(back, answers);
    assert.equal(checklistState(['a', 'b', 'c', 'd'], back), 'partial');
  }
});

test('decimals compared exactly, as strings of any length', () => {
  assert.ok(compareDecimals('1200000', '300000') > 0);
  assert.ok(compareDecimals('0.10', '0.09') > 0);
  assert.equal(compareDecimals('100.50', '100.5'), 0);
  assert.equal(compareDecimals('007', '7'), 0);
  assert.ok(compareDecimals('99999999999999999999999999.01', '99999999999999999999999999.001') > 0, 'beyond a double’s precision');
  assert.ok(compareDecimals('9', '10') < 0);
});

test('money first: the largest maximum (a floor by its minimum) first, no estimate last, ties by measure', () => {
  const m = (id, min, max, kind = 'cap') => ({ id, amount: min === null ? null : { min, max, kind } });
  const ranked = byAmount([m(3, null), m(19, '4000', '4000', 'exact'), m(1, '100000', null, 'floor'), m(6, '0', '10000000'), m(5, '0', '1200000'), m(8, '0', '1200000'), m(2, null)]);
  assert.deepEqual(ranked.map(x => x.id), [6, 5, 8, 1, 19, 2, 3]);
});

test('for you: the measures that apply by what they give, the money ranked', () => {
  const measures = [
    { id: 1, kind: 'benefit', status: 'eligible', amount: { min: '100000', max: null, kind: 'floor' } },
    { id: 4, kind: 'support', status: 'eligible', amount: null },
    { id: 5, kind: 'benefit', status: 'eligible', amount: { min: '0', max: '1200000', kind: 'cap' } },
    { id: 7, kind: 'support', status: 'needs_info', amount: null },
    { id: 9, kind: 'programme', status: 'eligible', amount: null },
    { id: 22, kind: 'benefit', status: 'ineligible', amount: null },
    { id: 28, kind: 'government', status: 'eligible', amount: null },
  ];
  assert.deepEqual(forYouGroups(measures).map(([kind, group]) => [kind, group.map(x => x.id)]), [['benefit', [5, 1]], ['support', [4]], ['programme', [9]]]);
  assert.deepEqual(forYouGroups([]), []);
});
