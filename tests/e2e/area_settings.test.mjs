// A commissioner's own area folder: its name, help and contact words on the welcome page, its
// logo in the header, and its colours, but only colours people can read.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { distDir, serveApp, t, withBrowser } from './support.mjs';

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

/** A copy of the build with `area.json` changed by `change`; resolves to { server, cleanup }. */
async function serveWithArea(change, files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'genie-area-'));
  cpSync(distDir, dir, { recursive: true });
  const settings = JSON.parse(readFileSync(join(dir, 'area', 'area.json'), 'utf8'));
  writeFileSync(join(dir, 'area', 'area.json'), JSON.stringify(change(settings)));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'area', name), text);
  const server = await serveApp({ dir });
  return {
    server,
    cleanup: () => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b3d2e"/></svg>';

test("the area's words, logo and readable colours are shown", async () => {
  const { server, cleanup } = await serveWithArea(
    (s) => ({ ...s, name: 'Eastvale', logo: 'logo.svg', theme: { accent: '#0b3d2e' }, help_text: 'Ring us any time.', contact: '01632 960999' }),
    { 'logo.svg': LOGO },
  );
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      await page.goto(server.url);
      const help = page.getByTestId('area-help');
      await help.getByRole('heading', { name: fill(t.welcome.area_title, { area: 'Eastvale' }) }).waitFor();
      await help.getByText('Ring us any time.').waitFor();
      await help.getByText('01632 960999', { exact: false }).waitFor();
      const logo = page.getByRole('img', { name: 'Eastvale' });
      await logo.waitFor();
      assert.equal(await logo.getAttribute('src'), 'area/logo.svg');
      assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loads');
      const start = page.getByRole('link', { name: t.welcome.start });
      assert.equal(await start.evaluate((a) => getComputedStyle(a).backgroundColor), 'rgb(11, 61, 46)');
      assert.deepEqual(problems, []);
    });
  } finally {
    cleanup();
  }
});

test('colours that fail contrast, and logos from elsewhere, are not used', async () => {
  const { server, cleanup } = await serveWithArea((s) => ({
    ...s,
    logo: 'https://tracker.example/logo.png',
    theme: { accent: '#ffeb3b', accent_text: '#ffffff' },
  }));
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      await page.goto(server.url);
      await page.getByTestId('area-help').waitFor();
      assert.equal(await page.locator('img.area-logo').count(), 0);
      const start = page.getByRole('link', { name: t.welcome.start });
      // Genie's own accent stays.
      assert.equal(await start.evaluate((a) => getComputedStyle(a).backgroundColor), 'rgb(29, 78, 137)');
      assert.deepEqual(problems, []);
    });
  } finally {
    cleanup();
  }
});

test('a directory Genie cannot read is explained, with the area contact, not shown as "nothing matches"', async () => {
  // A list saved in a newer format than this Genie knows, next to the area's contact words.
  const { server, cleanup } = await serveWithArea((s) => ({ ...s, contact: '01632 960999' }), {
    'directory.json': JSON.stringify({ version: 99, area: 'Eastvale', resources: [] }),
  });
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      await page.goto(`${server.url}#/suggestions`);
      const notice = page.getByTestId('directory-unusable');
      await notice.getByText(t.suggest.unusable).waitFor();
      await notice.getByText(fill(t.suggest.unusable_contact, { contact: '01632 960999' })).waitFor();
      assert.equal(await page.getByTestId('no-match').count(), 0);
      assert.deepEqual(problems, []);
    });
  } finally {
    cleanup();
  }
});
