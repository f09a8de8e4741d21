// A whole first session on a mid-range phone: 360 x 740, touch only, the CPU slowed four
// times. Every step is done by taps as a person would, and at the end what is stored is
// exactly what was entered: no tap changed anything it was not aimed at.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMembers, serveApp, storedRecords, t, throttleCpu, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

const MEMBERS = [
  { name: 'Pat', kind: 'person', circle: 'inner' },
  { name: 'Biscuit', kind: 'pet', circle: 'inner' },
  { name: 'Tuesday choir', kind: 'group', circle: 'middle' },
  { name: 'Allotment', kind: 'place', circle: 'outer' },
];

test('a whole session by taps on a slowed phone stores exactly what was entered', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(server.url);
      await throttleCpu(page, 4);

      // Start, and where the person lives.
      await page.getByRole('link', { name: t.welcome.start, exact: true }).tap();
      await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
      await page.getByLabel(t.about.area_label).tap();
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await waitForSaved(page);

      // The map, by taps.
      await page.goto(`${server.url}#/network`);
      await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
      await addMembers(page, MEMBERS, { tap: true });
      await waitForSaved(page);

      // Pat, opened from the map with a tap, helps with comfort.
      const pat = page.locator('[data-testid=network-map] [data-member]', { hasText: 'Pat' });
      await page.getByRole('button', { name: t.network.add_done, exact: true }).tap();
      await pat.scrollIntoViewIfNeeded();
      const box = await pat.locator('path').boundingBox();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await page.getByRole('heading', { level: 1, name: fill(t.member.title, { name: 'Pat' }) }).waitFor();
      await page.locator('input[type=checkbox][value=comfort]').tap();
      await waitForSaved(page);
      await page.getByRole('link', { name: t.member.back }).first().tap();
      await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();

      // What the map shows, then what the person would like.
      await page.getByRole('link', { name: t.network.next_summary }).tap();
      await page.getByRole('heading', { level: 1, name: t.summary.title }).waitFor();
      await page.goto(`${server.url}#/preferences`);
      await page.getByLabel(t.interest.get_fitter).tap();
      await page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.walk).tap();
      await page.getByLabel(t.prefs.cost_label).selectOption('free');
      await waitForSaved(page);
      await page.getByRole('link', { name: t.prefs.next }).tap();

      // One suggestion chosen, by a tap.
      const list = page.getByTestId('suggestions');
      await list.waitFor();
      const card = list.locator('li.suggestion').first();
      const chosenId = await card.getAttribute('data-resource');
      const chosenName = (await card.locator('.suggestion-name').textContent()).trim();
      await card.getByRole('button', { name: t.suggest.choose }).tap();
      await page
        .getByTestId('announcement')
        .getByText(fill(t.suggest.chose, { name: chosenName, count: 1 }))
        .waitFor();
      await waitForSaved(page);

      // What is stored is what was entered, and nothing else.
      const stored = JSON.parse(await storedRecords(page));
      const members = stored.waves[0].data.network.members;
      assert.deepEqual(
        members.map((m) => ({ name: m.name, kind: m.kind, circle: m.circle })),
        MEMBERS,
      );
      // A member's page keeps each field as its own record until the map is next written
      // whole: fold those in, as the app does when it opens.
      for (const { data: edit } of stored.member_edits ?? []) {
        const member = members.find((m) => m.id === edit.member);
        if (member) member[edit.field] = edit.value;
      }
      const gives = Object.fromEntries(members.map((m) => [m.name, m.gives ?? []]));
      assert.deepEqual(gives, { Pat: ['comfort'], Biscuit: [], 'Tuesday choir': [], Allotment: [] });
      assert.deepEqual(
        stored.choices.map((c) => c.data?.resource_id ?? c.resource_id),
        [chosenId],
      );
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});
