// Every page fits a small phone (320 px wide) at the normal text size and at double it, as
// people with poor eyesight set it: nothing makes the page scroll sideways. The pages hold
// real content: a map with a long name, suggestions near home, a chosen plan and a timeline.
// In every language (Greek and Bulgarian run longer than English), with no serious axe
// violation on any page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { catalogues, openAddForm, seriousAxeViolations, serveApp, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const PAGES = [
  '#/',
  '#/about-you',
  '#/network',
  '#/network/list',
  '#/network/member/1',
  '#/summary',
  '#/preferences',
  '#/suggestions',
  '#/over-time',
  '#/your-data',
  '#/your-data/share',
  '#/privacy',
  '#/receive',
  '#/erased',
];

for (const [tag, t] of Object.entries(catalogues)) {
  test(`every page fits a 320 px phone at normal and double text size (${tag})`, async () => {
    await withBrowser(
      async (open) => {
        const { page, problems } = await open();
        await page.goto(`${server.url}#/about-you`);
        await page.getByLabel(t.about.area_label).fill('MB1 1ED');
        await waitForSaved(page, t);
        assert.equal(await page.locator('html').getAttribute('lang'), tag);
        await page.goto(`${server.url}#/network/list`);
        for (const name of ['Pat', 'Bartholomew Featherstonehaugh-Montgomery', 'Sam']) {
          await openAddForm(page, { words: t });
          await page.getByLabel(t.network.name_label, { exact: true }).fill(name);
          await page.getByRole('button', { name: t.network.add, exact: true }).click();
          await waitForSaved(page, t);
        }
        await page.goto(`${server.url}#/suggestions`);
        const first = page.getByTestId('suggestions').locator('li.suggestion').first();
        await first.getByRole('button', { name: t.suggest.choose }).click();
        await waitForSaved(page, t);

        const wider = [];
        const axe = [];
        for (const size of ['', '200%']) {
          for (const hash of PAGES) {
            await page.goto(`${server.url}${hash}`);
            await page.locator('main h1').first().waitFor();
            // The browser's text size setting, as the root font size.
            await page.evaluate((fontSize) => {
              document.documentElement.style.fontSize = fontSize;
            }, size);
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            if (overflow > 0) wider.push(`${hash} at ${size || '100%'}: ${overflow}px too wide`);
            if (size === '') axe.push(...(await seriousAxeViolations(page)).map((v) => `${hash}: ${v}`));
          }
        }
        // The hand-over page with its QR code and one-time code showing.
        await page.goto(`${server.url}#/hand-over`);
        await page.getByRole('button', { name: t.handover.make, exact: true }).click();
        await page.getByTestId('handover-qr').waitFor();
        for (const size of ['', '200%']) {
          await page.evaluate((fontSize) => {
            document.documentElement.style.fontSize = fontSize;
          }, size);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          if (overflow > 0) wider.push(`#/hand-over at ${size || '100%'}: ${overflow}px too wide`);
        }
        assert.deepEqual(wider, []);
        assert.deepEqual(axe, []);
        assert.deepEqual(problems, []);
      },
      { viewport: { width: 320, height: 640 }, locale: tag === 'en' ? 'en-GB' : tag },
    );
  });
}
