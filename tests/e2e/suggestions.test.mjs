// From preferences to a plan: suggestions come from the sample area's directory, ranked with
// their reasons; up to three can be chosen and planned, a fourth is refused plainly, and
// everything is still there after a reload.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { serveApp, t, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);
const directory = JSON.parse(readFileSync(new URL('../../public/area/directory.json', import.meta.url)));
const byId = Object.fromEntries(directory.resources.map((r) => [r.id, r]));

test('answer preferences, see reasons, choose three, plan, reload', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await waitForSaved(page);

    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.get_fitter).check();
    await page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.walk).check();
    await page.getByLabel(t.prefs.cost_label).selectOption('free');
    await waitForSaved(page);
    await page.getByRole('link', { name: t.prefs.next }).click();

    const list = page.getByTestId('suggestions');
    await list.waitFor();
    const cards = list.locator('li.suggestion');
    const ids = await cards.evaluateAll((els) => els.map((e) => e.dataset.resource));
    assert.ok(ids.length >= 4, `expected several suggestions, got ${ids.length}`);
    const fitness = new Set(['fitness_exercise', 'swimming', 'walking_outdoors']);
    for (const id of ids) {
      const r = byId[id];
      assert.equal(r.status, 'active', `${id} is running`);
      assert.ok(r.subcategories.some((s) => fitness.has(s)), `${id} matches an interest`);
      assert.ok(r.cost.kind === 'free', `${id} is free, as asked`);
    }
    // Every card says why, in words from the catalogue.
    const first = cards.first();
    await first.getByText(t.reason.free, { exact: true }).waitFor();
    assert.ok((await first.locator('[data-reason=matches_interest]').count()) >= 1);
    // Nearest first among those at a place with the same other reasons is the rule; at least
    // the distance is shown when home is known.
    assert.ok((await list.locator('[data-reason=distance]').count()) >= 1);

    // The map around home numbers the local suggestions as the list does.
    const dots = await page.locator('[data-testid=nearby-map] g title').allTextContents();
    const local = ids.map((id, i) => [i + 1, byId[id]]).filter(([, r]) => r.reach.kind === 'local');
    assert.ok(local.length >= 1, 'some suggestions are at a place');
    assert.deepEqual(dots, local.map(([n, r]) => `${n}. ${r.name}`));

    // Choose three.
    const chosenNames = [];
    for (let i = 0; i < 3; i += 1) {
      const card = cards.nth(i);
      chosenNames.push(await card.locator('h3').textContent());
      await card.getByRole('button', { name: t.suggest.choose }).click();
      await page
        .getByTestId('announcement')
        .getByText(fill(t.suggest.chose, { name: chosenNames[i], count: i + 1 }))
        .waitFor();
    }
    // A fourth is refused with a clear message.
    await cards.nth(3).getByRole('button', { name: t.suggest.choose }).click();
    await page.getByTestId('choose-refused').getByText(t.suggest.full).waitFor();
    assert.equal(await page.locator('article.plan').count(), 3);

    // A small plan for the first.
    const plan = page.locator('article.plan').first();
    await plan.getByLabel(t.suggest.first_step).fill('Ring to ask about Tuesday');
    await plan.getByLabel(t.suggest.when).fill('Next Tuesday');
    await plan.getByRole('group', { name: t.suggest.barriers }).getByLabel(t.barrier.confidence).check();
    await plan.getByLabel(t.suggest.travel).selectOption('walk');
    // Where it is, from the directory, to work out how to get there.
    const firstEntry = byId[ids[0]];
    if (firstEntry.reach.kind === 'local' && firstEntry.reach.location.address) {
      await plan.getByTestId('where').getByText(firstEntry.reach.location.address, { exact: false }).waitFor();
    }
    await waitForSaved(page);

    await page.reload();
    await page.getByTestId('suggestions').waitFor();
    const plans = page.locator('article.plan');
    assert.equal(await plans.count(), 3);
    const titles = await plans.locator('h3').allTextContents();
    assert.deepEqual(
      titles,
      chosenNames.map((name) => fill(t.suggest.plan_title, { name })),
    );
    const kept = plans.first();
    assert.equal(await kept.getByLabel(t.suggest.first_step).inputValue(), 'Ring to ask about Tuesday');
    assert.equal(await kept.getByLabel(t.suggest.when).inputValue(), 'Next Tuesday');
    assert.equal(await kept.getByRole('group', { name: t.suggest.barriers }).getByLabel(t.barrier.confidence).isChecked(), true);
    assert.equal(await kept.getByLabel(t.suggest.travel).inputValue(), 'walk');

    // The chosen activities are part of the network now, as plans.
    await page.goto(`${server.url}#/network`);
    const planned = page.getByTestId('planned');
    await planned.getByRole('heading', { name: t.network.planned_title }).waitFor();
    assert.deepEqual(await planned.locator('li').allTextContents(), chosenNames);
    await planned.getByRole('link', { name: t.network.planned_link }).click();
    await page.getByTestId('suggestions').waitFor();

    // Removing one frees a place.
    await kept.getByRole('button', { name: t.suggest.remove }).click();
    await waitForSaved(page);
    assert.equal(await page.locator('article.plan').count(), 2);
    assert.deepEqual(problems, []);
  });
});

test('when nothing matches, the person is told which limit left most out', async () => {
  await withBrowser(async (open) => {
    const { page } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.lose_weight).check();
    await page.getByLabel(t.language.pa).check();
    await waitForSaved(page);
    await page.goto(`${server.url}#/suggestions`);
    await page.getByTestId('no-match').waitFor();
    await page
      .getByTestId('relax')
      .getByText(fill(t.suggest.relax, { limit: t.limit.language }))
      .waitFor();
  });
});

test('a note that an entry has closed stays on the device, hides it, and can be shared by choice', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await waitForSaved(page);
    await page.goto(`${server.url}#/suggestions`);
    const cards = page.getByTestId('suggestions').locator('li.suggestion');
    await cards.first().waitFor();
    const id = await cards.first().getAttribute('data-resource');
    const name = byId[id].name;
    await cards.first().getByRole('button', { name: t.suggest.choose }).click();

    // Nothing is offered for sharing until there is a note.
    assert.equal(await page.getByTestId('share-notes').count(), 0);
    const plan = page.locator('article.plan').first();
    await plan.getByText(t.suggest.entry_note_title).click();
    await plan.getByLabel(t.reported.closed).check();
    await plan.getByLabel(t.suggest.entry_note_text).fill('Moved to the library; café & garden closed');
    await waitForSaved(page);

    // The person sees exactly what would be shared, as text.
    const preview = page.getByTestId('share-notes-preview');
    const text = await preview.textContent();
    assert.ok(text.includes(fill(t.share_notes.entry, { name, id })), text);
    assert.ok(text.includes(t.reported.closed), text);
    assert.ok(text.includes('Moved to the library; café & garden closed'), text);
    // The e-mail is a draft in the person's own e-mail app, to the area's feedback address.
    const href = await page.getByTestId('share-notes-email').getAttribute('href');
    const area = JSON.parse(readFileSync(new URL('../../public/area/area.json', import.meta.url)));
    assert.ok(href.startsWith(`mailto:${area.feedback_email}?subject=`), href);
    assert.equal(decodeURIComponent(href.split('&body=')[1]), text);

    // Reported closed: no longer suggested, and the page says why.
    await page.getByText(fill(t.suggest.hidden_closed, { names: name })).waitFor();
    const shown = await cards.evaluateAll((els) => els.map((e) => e.dataset.resource));
    assert.ok(!shown.includes(id), 'the closed entry is not suggested again');

    // Kept on the device.
    await page.reload();
    await page.getByTestId('share-notes-preview').waitFor();
    assert.equal(await page.getByTestId('share-notes-preview').textContent(), text);
    assert.deepEqual(problems, []);
  });
});
