// The catalogue check and layout (scripts/catalogue.mjs): each kind of mistake a translator
// can make is caught and said, and a complete catalogue passes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORIES, catalogueFile, check, shapeHash, slots } from '../../scripts/catalogue.mjs';

const english = {
  app_name: 'Genie',
  greeting: 'Hello {{ name }}',
  sep: ', ',
  list: { count_one: '{{ count }} member', count_other: '{{ count }} members', rests_on_one: 'Only {{ name }}' },
};
const dutch = {
  app_name: 'Genie',
  greeting: 'Hallo {{ name }}',
  sep: ', ',
  list: { count_one: '{{ count }} lid', count_other: '{{ count }} leden', rests_on_one: 'Alleen {{ name }}' },
};
const allowed = new Set(['* app_name']);
const clone = (value) => JSON.parse(JSON.stringify(value));

test('a complete catalogue passes', () => {
  assert.deepEqual(check(english, 'nl', dutch, allowed), []);
});

test('each mistake is found and named by its key', () => {
  const cases = [
    ['a missing message', (c) => delete c.greeting, /^greeting: missing/],
    ['a placeholder English lacks', (c) => (c.greeting = 'Hallo {{ naam }}'), /^greeting: placeholders \{\{ naam \}\}/],
    ['a missing placeholder', (c) => (c.greeting = 'Hallo'), /^greeting: placeholders/],
    ['a message English lacks', (c) => (c.extra = 'x'), /^extra: not in English/],
    ['a plural form Dutch does not use', (c) => (c.list.count_few = '{{ count }} x'), /^list\.count_few: "nl" has no "few"/],
    ['a missing plural form', (c) => delete c.list.count_one, /^list\.count_one: missing/],
    ['a message left in English', (c) => (c.greeting = 'Hello {{ name }}'), /^greeting: the same as English/],
  ];
  for (const [what, change, expected] of cases) {
    const catalogue = clone(dutch);
    change(catalogue);
    const problems = check(english, 'nl', catalogue, allowed);
    assert.equal(problems.length, 1, `${what}: ${problems.join(' | ')}`);
    assert.match(problems[0], expected, what);
  }
});

test("a language's own plural categories are required: Spanish has many", () => {
  const spanish = { ...clone(dutch), greeting: 'Hola {{ name }}', list: { ...dutch.list, rests_on_one: 'Solo {{ name }}' } };
  const problems = check(english, 'es', spanish, allowed);
  assert.deepEqual(problems.map((p) => p.split(':')[0]), ['list.count_many']);
});

test('the layout gives six slots a plural group and a shape that follows the keys', () => {
  const { slots: values, paths } = slots(english, dutch);
  assert.equal(values.length, 3 + CATEGORIES.length + 1);
  assert.deepEqual(paths.slice(0, 2), ['app_name', 'greeting']);
  assert.equal(values[paths.indexOf('list.count_other')], '{{ count }} leden');
  assert.equal(values[paths.indexOf('list.count_few')], '');
  const file = JSON.parse(catalogueFile(english, dutch));
  assert.equal(file.shape, shapeHash(paths));
  assert.notEqual(shapeHash(paths), shapeHash([...paths, 'new']));
});
