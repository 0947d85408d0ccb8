// The widget's pure logic: profile building, import checks, the link fragment, dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileFromAnswers as profile, acceptedAnswers as clean, encodeForLink as encode, decodeFromLink as decode, moneyReadBack as moneyText, answered } from '../../src/widget/answers.js';
import { today, suggestedAsOf as bestAsOf } from '../../src/widget/dates.js';
import { uiLanguage as langOf } from '../../src/widget/i18n.js';

const types = new Map([['headcount', 'int'], ['revenue', 'money'], ['registered_in_shanghai', 'bool'], ['industry', 'enum'],
  ['hires', 'list'], ['hires.hired_on', 'date'], ['hires.contract_months', 'int'], ['hires.social_insurance_paid', 'bool']]);

test('lang attribute → UI language', () => {
  assert.equal(langOf('zh-CN'), 'zh');
  assert.equal(langOf(null), 'zh');
  assert.equal(langOf('ja'), 'ja');
  assert.equal(langOf('ja-JP'), 'ja');
  assert.equal(langOf('EN-gb'), 'en');
  assert.equal(langOf('fr'), 'zh');
  assert.equal(langOf('jav'), 'zh');
});

test('today is the local calendar date', () => {
  assert.equal(today(new Date(2023, 6, 1, 23, 59)), '2023-07-01');
  assert.equal(today(new Date(2024, 11, 31, 0, 0)), '2024-12-31');
});

test('profile: empty answers are unknown, typed numbers are normalised, nothing else changes', () => {
  const p = profile({
    headcount: '８０', revenue: '50,000,000.50', industry: 'industry', registered_in_shanghai: true, total: '',
    hires: [{ hired_on: '2023-03-01', contract_months: ' 24 ', social_insurance_paid: false }, {}],
  }, types);
  assert.deepEqual(p, {
    headcount: '80', revenue: '50000000.50', industry: 'industry', registered_in_shanghai: true,
    hires: [{ hired_on: '2023-03-01', contract_months: '24', social_insurance_paid: false }, {}],
  });
  assert.deepEqual(profile({ headcount: '-5' }, types), { headcount: '-5' }, 'a wrong entry goes to the engine as typed');
  assert.deepEqual(profile({ headcount: 'abc' }, types), { headcount: 'abc' });
});

test('answered', () => {
  assert.ok(answered(false));
  assert.ok(answered('0'));
  assert.ok(!answered(''));
  assert.ok(!answered([]));
});

test('clean takes answers whole, or refuses them whole (null)', () => {
  assert.equal(clean(null, types), null);
  assert.equal(clean([1], types), null);
  assert.equal(clean('x', types), null);
  const good = { headcount: '80', revenue: '', registered_in_shanghai: true, industry: '<script>x</script>', hires: [{ hired_on: '2023-01-02', social_insurance_paid: false }, {}] };
  assert.deepEqual(clean(good, types), good, 'known facts with answers of their type, hostile text included, are kept as they are');
  assert.deepEqual(clean({}, types), {});
  const refused = {
    'an unknown fact': { headcount: '80', evil: 'x' },
    'an object for a number': { revenue: { a: 1 } },
    'a number, not a string': { headcount: 80 },
    'Infinity': JSON.parse('{"headcount": 1e400}'),
    'a string for yes/no': { registered_in_shanghai: 'true' },
    'a boolean for a number': { headcount: true },
    'a too long string': { headcount: 'x'.repeat(500) },
    'a list entry that is not an object': { hires: [{ hired_on: '2023-01-02' }, 5] },
    'an unknown field in a list entry': { hires: [{ hired_on: '2023-01-02', x: 1 }] },
    'a list too long': { hires: Array.from({ length: 501 }, () => ({})) },
    'a list for a single answer': { headcount: ['80'] },
    'a single answer for a list': { hires: 'x' },
    'deep nesting': { hires: [JSON.parse('{"hired_on":' + '['.repeat(5000) + ']'.repeat(5000) + '}')] },
    '__proto__': JSON.parse('{"__proto__": {"polluted": 1}}'),
    '__proto__ in a list entry': JSON.parse('{"hires": [{"__proto__": {"polluted": 1}}]}'),
    'constructor.prototype': JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
    'prototype': { prototype: '1' },
  };
  for (const [what, a] of Object.entries(refused)) assert.equal(clean(a, types), null, what);
  assert.equal(({}).polluted, undefined, 'no prototype pollution');
});

test('fragment encoding round-trips, is URL-safe and compact', () => {
  const o = { a: { headcount: '80', district: 'minhang', note: '上海 “引号” 🙂', registered_in_shanghai: true, hires: [{ group: 'graduate_2023' }] }, d: '2023-07-01' };
  const s = encode(o);
  assert.match(s, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decode(s), o);
  assert.ok(s.length < JSON.stringify(o).length * 1.5);
  assert.throws(() => decode('!!!'));
  assert.throws(() => decode(encode('x').slice(0, -2) + '__'));
});

const cat = (period, parts) => ({ period, measures: [{ id: 1, parts }] });

test('as-of suggestion: the latest date on which the most windows are open', () => {
  const c = cat({ from: '2023-05-17', to: '2024-12-31' }, [
    { id: 'a', from: '2023-01-01', to: '2023-12-31' },
    { id: 'b', to: '2023-12-31' },
    { id: 'c', from: '2023-01-01', to: '2024-12-31' },
    { id: 'd', from: '2022-01-01' },
    { id: 'e', from: '2022-10-01', to: '2022-12-31' },
    { id: 'f' },
  ]);
  assert.deepEqual(bestAsOf(c), { date: '2023-12-31', open: 4 });
  // Ties go to the later date; only dates inside the policy period count.
  assert.deepEqual(bestAsOf(cat({ from: '2023-01-01', to: '2023-12-31' }, [{ id: 'a', from: '2023-02-01', to: '2023-03-01' }, { id: 'b', from: '2023-06-01', to: '2023-07-01' }])),
    { date: '2023-07-01', open: 1 });
  assert.deepEqual(bestAsOf(cat({ from: '2023-05-17', to: '2024-12-31' }, [{ id: 'a', from: '2020-01-01', to: '2021-01-01' }])), { date: '2024-12-31', open: 0 });
  assert.deepEqual(bestAsOf(cat({ from: '2023-05-17', to: null }, [{ id: 'a', from: '2023-06-01', to: '2023-09-30' }])), { date: '2023-09-30', open: 1 });
});

test('money read back: 万元 in Chinese, grouped elsewhere, exact', () => {
  assert.equal(moneyText('50000000', 'zh'), '5000万元');
  assert.equal(moneyText('12000000', 'zh'), '1200万元');
  assert.equal(moneyText('5000', 'zh'), '0.5万元');
  assert.equal(moneyText('1234.56', 'zh'), '0.123456万元');
  assert.equal(moneyText('0', 'zh'), '0万元');
  assert.equal(moneyText('１,２００', 'zh'), '0.12万元');
  assert.equal(moneyText('50000000', 'en'), 'CNY 50,000,000');
  assert.equal(moneyText('1234567.5', 'ja'), '1,234,567.5元');
  assert.equal(moneyText('-5', 'zh'), '');
  assert.equal(moneyText('abc', 'en'), '');
  assert.equal(moneyText('', 'en'), '');
});
