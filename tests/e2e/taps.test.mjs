// A tap never changes anything it was not aimed at. On a slow phone the browser sends a tap's
// click well after the finger lifts; if the page has changed by then, that click must not land
// on the new page (it once changed a member's kind from Person to Group). Here every control
// that opens another page is tapped many times with the CPU slowed four and six times, with
// real touch input, and the stored records must be exactly as they were.
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
  { name: 'Tuesday choir', kind: 'group', circle: 'middle' },
  { name: 'Jo next door', kind: 'person', circle: 'outer' },
];

/** Adds members by taps, and waits until they are saved. */
async function addByTaps(page, members) {
  await addMembers(page, members, { tap: true });
  await waitForSaved(page);
}

/** A real touch tap (touchstart, touchend, then the browser's own click) on a member's shape. */
async function tapOnMap(page, name) {
  const node = page.locator('[data-testid=network-map] [data-member]', { hasText: name });
  await node.scrollIntoViewIfNeeded();
  const box = await node.locator('path').boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

const memberHeading = (page, name) =>
  page.getByRole('heading', { level: 1, name: fill(t.member.title, { name }) });
const networkHeading = (page) => page.getByRole('heading', { level: 1, name: t.network.title });

test('taps that open pages change nothing, on a CPU slowed 4 and 6 times', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(`${server.url}#/network`);
      await addByTaps(page, MEMBERS);
      const before = await storedRecords(page);
      assert.match(before, /Tuesday choir/, 'the records to compare are there');

      let taps = 0;
      for (const rate of [4, 6]) {
        await throttleCpu(page, rate);
        for (let round = 0; round < 2; round += 1) {
          for (const { name } of MEMBERS) {
            // The map: a tap on a member opens them (what once changed their kind).
            await page.getByRole('link', { name: t.network.view_map, exact: true }).tap();
            await networkHeading(page).waitFor();
            await tapOnMap(page, name);
            await memberHeading(page, name).waitFor();
            // Back to the list, whose rows hold Remove buttons under the finger.
            await page.getByRole('link', { name: t.member.back }).first().tap();
            await networkHeading(page).waitFor();
            // A row's Change link opens the member again.
            await page
              .locator('li.member-row')
              .filter({ has: page.getByText(name, { exact: true }) })
              .getByRole('link', { name: t.network.edit })
              .tap();
            await memberHeading(page, name).waitFor();
            await page.getByRole('link', { name: t.member.back }).first().tap();
            await networkHeading(page).waitFor();
            taps += 4;
          }
          // The footer's links, and the next-step link from the map.
          await page.getByRole('link', { name: t.data.nav_link, exact: true }).tap();
          await page.getByRole('heading', { level: 1, name: t.data.title }).waitFor();
          await page.getByRole('link', { name: t.over_time.title, exact: true }).tap();
          await page.getByRole('heading', { level: 1, name: t.over_time.title }).waitFor();
          await page.goto(`${server.url}#/network`);
          await page.getByRole('link', { name: t.network.next_summary }).tap();
          await page.getByRole('heading', { level: 1, name: t.summary.title }).waitFor();
          await page.getByRole('link', { name: t.summary.back }).tap();
          await networkHeading(page).waitFor();
          taps += 4;
        }
      }
      await throttleCpu(page, 1);
      // Any late click would have been handled by now; give a stray save time to land.
      await page.waitForTimeout(500);
      const after = await storedRecords(page);
      assert.equal(after, before, `${taps} taps changed the stored records`);
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});

test("a press's late click that arrives on the next page changes nothing there", async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(`${server.url}#/network`);
      await addByTaps(page, MEMBERS.slice(0, 1));
      const before = await storedRecords(page);
      const id = await page.locator('[data-testid=network-map] [data-member]').first().getAttribute('data-member');

      // What a slow phone does: the finger goes down on the map, the member's page opens,
      // and only then does the browser deliver the tap's click, where the finger was, which
      // is now the "Group or organisation" choice.
      await page.getByTestId('network-map').dispatchEvent('pointerdown', {
        pointerId: 5,
        pointerType: 'touch',
        button: 0,
        isPrimary: true,
      });
      await page.evaluate((id) => {
        location.hash = `#/network/member/${id}`;
      }, id);
      await memberHeading(page, 'Pat').waitFor();
      const group = page.locator('input[name=edit-kind][value=group]');
      await group.dispatchEvent('click', { detail: 1 });
      await page.waitForTimeout(300);
      assert.equal(await page.locator('input[name=edit-kind][value=person]').isChecked(), true);
      assert.equal(await storedRecords(page), before, 'the late click changed a stored record');

      // A new press on this page acts as usual.
      await page.locator('input[name=edit-kind][value=group]').tap();
      await waitForSaved(page);
      assert.match(await storedRecords(page), /"kind": ?"group"/);
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});
