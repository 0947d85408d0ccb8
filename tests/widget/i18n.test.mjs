// Every UI string exists, is not empty, and carries the same {placeholders} in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS as T, LANGUAGES as LANGS } from '../../src/widget/i18n.js';

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
  const dir = new URL('../../src/widget/', import.meta.url);
  const files = (await readdir(dir)).filter(f => f.endsWith('.js'));
  let uses = 0;
  for (const f of files) {
    const src = await readFile(new URL(f, dir), 'utf8');
    for (const [, k] of src.matchAll(/\bstrings\.(\w+)/g)) {
      uses++;
      assert.ok(keys.has(k), `${f} uses strings.${k}, which no table has`);
    }
  }
  assert.ok(uses > 50, `only ${uses} uses of strings.… found in src/widget/: is the UI strings' variable still named strings?`);
});
