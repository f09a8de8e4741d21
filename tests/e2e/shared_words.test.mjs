// What leaves the app in words, in the person's language: the printable summary, the text
// shared or saved from it, and the calendar file for a reminder. Each holds the language's words
// from its catalogue and none of the English-only ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { addMembers, catalogues, englishOnly, serveApp, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

/**
 * The English-only messages found in `text`: a line or a part of a line (between line breaks,
 * ": ", ", " or a leading "- ") that is a whole English-only message.
 */
function englishIn(text, english) {
  const parts = text
    .split(/\r?\n/)
    .flatMap((line) => [line, ...line.split(/: |, |^\s*- /)])
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.flatMap((part) => english.filter((e) => e.pattern.test(part)).map((e) => `${e.key}: ${part}`));
}

/** An .ics file's lines as written before folding, with the text escapes undone. */
const unfold = (ics) => ics.replace(/\r\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n');

for (const tag of ['el', 'nl']) {
  test(`the printable summary, the shared text and a calendar reminder are in ${catalogues[tag].locale.self_name}`, async () => {
    const w = catalogues[tag];
    const english = englishOnly(tag);
    await withBrowser(
      async (open) => {
        const { page, problems } = await open();
        await page.goto(server.url);
        await page.evaluate((chosen) => localStorage.setItem('genie-language', JSON.stringify(chosen)), tag);
        await page.goto(`${server.url}#/about-you`);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: w.about.title }).waitFor();
        await page.getByLabel(w.about.area_label).fill('MB1 1ED');
        await page.goto(`${server.url}#/network`);
        await addMembers(page, [{ name: 'Ana' }, { name: 'Bo', circle: 'middle' }], { words: w });
        await waitForSaved(page, w);

        // Something chosen, with what might get in the way.
        await page.goto(`${server.url}#/preferences`);
        await page.getByLabel(w.interest.get_fitter).check();
        await waitForSaved(page, w);
        await page.goto(`${server.url}#/suggestions`);
        const card = page.getByTestId('suggestions').locator('li.suggestion').first();
        await card.waitFor();
        const chosen = (await card.locator('.suggestion-name').textContent()).trim();
        await card.getByRole('button', { name: w.suggest.choose }).click();
        const barriers = page.locator('article.plan').first().getByRole('group', { name: w.suggest.barriers });
        await barriers.getByLabel(w.barrier.cost).check();
        await waitForSaved(page, w);

        // The printable summary: its headings in the language, every text on it checked.
        await page.goto(`${server.url}#/your-data/share`);
        await page.getByRole('heading', { level: 1, name: w.share.title }).waitFor();
        const printable = page.getByTestId('printable-summary');
        await printable.getByText(w.share.heading, { exact: true }).waitFor();
        for (const heading of [w.share.circles, w.share.helps, w.share.chosen]) {
          await printable.getByText(heading, { exact: true }).waitFor();
        }
        await printable.getByText(chosen, { exact: true }).first().waitFor();
        const texts = await printable.evaluate((root) => {
          const out = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.textContent.trim()) out.push(node.textContent.trim());
          }
          return out;
        });
        const printed = texts.flatMap((text) => english.filter((e) => e.pattern.test(text)).map((e) => `${e.key}: ${text}`));
        assert.deepEqual(printed, [], `no English on the printable summary in ${tag}`);

        // The words shared or saved: the language's own lines, no English-only message.
        const preview = await page.getByTestId('share-preview').textContent();
        assert.ok(preview.includes(w.share.heading), preview);
        assert.ok(preview.includes(fill(w.share.text_line, { label: w.circle.inner, names: 'Ana' })), preview);
        assert.ok(preview.includes(`- ${chosen}\n`), preview);
        assert.deepEqual(englishIn(preview, english), [], `no English in the shared text in ${tag}`);
        const [saved] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: w.share.save }).click(),
        ]);
        assert.equal(readFileSync(await saved.path(), 'utf8'), preview);

        // A reminder for the check-in, as a calendar file.
        await page.goto(`${server.url}#/over-time`);
        const reminders = page.getByTestId('reminders');
        const summary = fill(w.reminders.check_in, { name: chosen });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          reminders.getByRole('button').filter({ hasText: chosen }).first().click(),
        ]);
        const ics = unfold(readFileSync(await download.path(), 'utf8'));
        assert.ok(ics.includes(`\r\nSUMMARY:${summary}\r\n`), ics);
        assert.ok(ics.includes(`\r\nDESCRIPTION:${w.reminders.description}\r\n`), ics);
        const values = ics
          .split('\r\n')
          .filter((line) => /^(SUMMARY|DESCRIPTION|LOCATION|COMMENT)[;:]/.test(line))
          .map((line) => line.slice(line.indexOf(':') + 1))
          .join('\n');
        assert.deepEqual(englishIn(values, english), [], `no English in the calendar file in ${tag}`);
        assert.deepEqual(problems, []);
      },
      { locale: 'en-GB' },
    );
  });
}
