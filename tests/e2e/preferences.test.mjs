// "What you would like": answers to the questions and the practical limits are kept on the
// device as they are given.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serveApp, storedRecords, t, waitForSaved, withBrowser } from './support.mjs';

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

test('preferences and practical limits survive a reload', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/summary`);
    await page.getByRole('link', { name: t.summary.next }).click();
    await page.getByRole('heading', { level: 1, name: t.prefs.title }).waitFor();

    await page.getByLabel(t.interest.get_fitter).check();
    await page.getByLabel(t.interest.see_others).check();
    await page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.bus).check();
    await page.getByLabel(t.prefs.distance_label).selectOption('5');
    await page.getByLabel(t.prefs.cost_label).selectOption('free');
    await page.getByRole('group', { name: t.weekday.tue }).getByLabel(t.day_part.morning).check();
    await page.getByLabel(t.access_need.step_free).check();
    await page.getByLabel(t.language.pl).check();
    await waitForSaved(page);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: t.prefs.title }).waitFor();
    assert.equal(await page.getByLabel(t.interest.get_fitter).isChecked(), true);
    assert.equal(await page.getByLabel(t.interest.see_others).isChecked(), true);
    assert.equal(await page.getByLabel(t.interest.lose_weight).isChecked(), false);
    assert.equal(await page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.bus).isChecked(), true);
    assert.equal(await page.getByLabel(t.prefs.distance_label).inputValue(), '5');
    assert.equal(await page.getByLabel(t.prefs.cost_label).inputValue(), 'free');
    assert.equal(
      await page.getByRole('group', { name: t.weekday.tue }).getByLabel(t.day_part.morning).isChecked(),
      true,
    );
    assert.equal(
      await page.getByRole('group', { name: t.weekday.wed }).getByLabel(t.day_part.morning).isChecked(),
      false,
    );
    assert.equal(await page.getByLabel(t.access_need.step_free).isChecked(), true);
    assert.equal(await page.getByLabel(t.language.pl).isChecked(), true);
    assert.deepEqual(problems, []);
  });
});

test('getting there by bicycle is a way to travel: kept, and named in a suggestion\'s reasons', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.learn_skills).check();
    const travel = page.getByRole('group', { name: t.prefs.travel_legend });
    await travel.getByLabel(t.travel.cycle).check();
    await waitForSaved(page);
    await page.reload();
    assert.equal(await page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.cycle).isChecked(), true);
    const stored = JSON.parse(await storedRecords(page)).preferences[0];
    assert.deepEqual(stored.data.travel, ['cycle']);

    // A suggestion within cycling reach says it is reached by bicycle.
    await page.goto(`${server.url}#/suggestions`);
    const byBike = fill(t.reason.distance_by, { km: '[\\d.]+', how: t.travel.cycle.toLowerCase() });
    const reasons = page.getByTestId('suggestions').locator('li.suggestion .reasons');
    await reasons.first().waitFor();
    const all = (await reasons.allTextContents()).join('\n');
    assert.match(all, new RegExp(byBike), all);
    assert.deepEqual(problems, []);
  });
});
