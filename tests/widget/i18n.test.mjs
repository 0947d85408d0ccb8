// Every UI string exists, is not empty, and carries the same {placeholders} in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T, LANGS } from '../../www/widget/i18n.js';

const holes = s => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort().join();
const keys = new Set(Object.values(T).flatMap(Object.keys));

test('three languages, matching the language switch', () => {
  assert.deepEqual(Object.keys(T).sort(), ['en', 'ja', 'zh']);
  assert.deepEqual(Object.keys(LANGS).sort(), ['en', 'ja', 'zh']);
});

for (const [lang, table] of Object.entries(T)) {
  test(`${lang}: no string missing or empty`, () => {
    for (const k of keys) {
      assert.equal(typeof table[k], 'string', `${lang}.${k} is missing`);
      assert.ok(table[k].trim(), `${lang}.${k} is empty`);
    }
  });
  test(`${lang}: same placeholders as zh`, () => {
    for (const k of keys) assert.equal(holes(table[k]), holes(T.zh[k]), `${lang}.${k} placeholders`);
  });
}

test('the UI strings used in the code all exist', async () => {
  const { readFile, readdir } = await import('node:fs/promises');
  const dir = new URL('../../www/', import.meta.url);
  const files = ['sme-eligibility.js', ...(await readdir(new URL('widget/', dir))).map(f => 'widget/' + f)];
  for (const f of files) {
    const src = await readFile(new URL(f, dir), 'utf8');
    for (const [, k] of src.matchAll(/\bt\.(\w+)/g)) assert.ok(keys.has(k), `${f} uses t.${k}, which no table has`);
  }
});
