// How long the main pages are on a 360 x 740 phone, as `metric <name> <value> <unit>` lines:
// the page's full height in CSS pixels and in screens of 740 px, with a map of eight members,
// the area set and two interests named. Long pages are hard to take in on a phone.
//
//   node scripts/bench-pages.mjs            (against dist/, built by scripts/bench.sh)
import { addMembers, serveApp, t, waitForSaved, withBrowser } from '../tests/e2e/support.mjs';

const SCREEN = { width: 360, height: 740 };
const MEMBERS = [
  { name: 'Pat', kind: 'person', circle: 'inner' },
  { name: 'Biscuit', kind: 'pet', circle: 'inner' },
  { name: 'Sam', kind: 'person', circle: 'inner' },
  { name: 'Tuesday choir', kind: 'group', circle: 'middle' },
  { name: 'Dr Okafor', kind: 'person', circle: 'middle' },
  { name: 'Allotment', kind: 'place', circle: 'outer' },
  { name: 'Jo next door', kind: 'person', circle: 'outer' },
  { name: 'Patient forum', kind: 'online', circle: 'outer' },
];

const server = await serveApp();
try {
  await withBrowser(
    async (open) => {
      const { page } = await open();
      await page.goto(`${server.url}#/about-you`);
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await waitForSaved(page);
      await page.goto(`${server.url}#/network`);
      await addMembers(page, MEMBERS);
      await waitForSaved(page);
      await page.goto(`${server.url}#/preferences`);
      await page.getByLabel(t.interest.get_fitter).check();
      await page.getByLabel(t.interest.social).check();
      await waitForSaved(page);

      const pages = [
        ['network', '#/network', '[data-testid=network-map]'],
        ['network_list', '#/network/list', 'li.member-row'],
        ['preferences', '#/preferences', 'h1'],
        ['suggestions', '#/suggestions', '[data-testid=suggestions]'],
      ];
      for (const [name, hash, ready] of pages) {
        await page.goto(`${server.url}#/summary`);
        await page.goto(`${server.url}${hash}`);
        await page.locator(ready).first().waitFor();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        console.log(`metric page_height_360_${name} ${height} px`);
        console.log(`metric page_screens_360_${name} ${(height / SCREEN.height).toFixed(1)} screens`);
      }
    },
    { viewport: SCREEN, touch: true },
  );
} finally {
  await server.close();
}
