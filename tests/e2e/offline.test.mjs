// Offline and updates: after one visit the service worker keeps a copy of the app, filled from
// what the page downloaded (every file is downloaded once), and keeps the area's files once the
// app has fetched them, so the whole journey (About you, the network, preferences, choosing a
// suggestion) works with no connection, at the site's root and from a sub-folder. A newer
// build is offered with "A new version of Genie is ready"; reloading keeps everything entered.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { keptOnUse } from '../../scripts/bench-first-visit.mjs';
import { distDir, openAddForm, serveApp, t, waitForSaved, withBrowser } from './support.mjs';

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

/**
 * Opens the app, waits until its service worker runs the page (the app is kept), then opens
 * the suggestions once, which fetches the area's directory and lookup (kept on use).
 */
async function firstVisit(page, url) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
  await page.goto(`${url}#/suggestions`);
  await page.getByRole('heading', { level: 1, name: t.suggest.title }).waitFor();
  await keptOnUse(page, ['area/area.json', 'area/directory.json', 'area/lookup.json']);
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
}

/** About you, one network member, preferences, and one suggestion chosen. */
async function journey(page, url) {
  await page.getByRole('link', { name: t.welcome.start }).click();
  await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
  await page.getByLabel(t.about.area_label).fill('MB1 1ED');
  await page.getByLabel(t.condition.copd).check();
  await waitForSaved(page);

  await page.goto(`${url}#/network`);
  await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
  await openAddForm(page);
  await page.getByLabel(t.network.name_label, { exact: true }).fill('Pat');
  await page.locator('input[name=new-kind][value=person]').check();
  await page.locator('input[name=new-circle][value=inner]').check();
  await page.getByRole('button', { name: t.network.add, exact: true }).click();
  await page.getByTestId('member-count').getByText('1').waitFor();
  await waitForSaved(page);

  await page.goto(`${url}#/preferences`);
  await page.getByLabel(t.interest.get_fitter).check();
  await page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.walk).check();
  await page.getByLabel(t.prefs.cost_label).selectOption('free');
  await waitForSaved(page);
  await page.getByRole('link', { name: t.prefs.next }).click();

  // Suggestions come from the area's directory and lookup, read from the worker's copy.
  const cards = page.getByTestId('suggestions').locator('li.suggestion');
  await cards.first().waitFor();
  assert.ok((await page.locator('[data-reason=distance]').count()) >= 1, 'distances need the lookup');
  const name = await cards.first().locator('.suggestion-name').textContent();
  await cards.first().getByRole('button', { name: t.suggest.choose }).click();
  await page
    .getByTestId('announcement')
    .getByText(fill(t.suggest.chose, { name, count: 1 }))
    .waitFor();
  await waitForSaved(page);
  assert.equal(await page.locator('article.plan').count(), 1);
  return name;
}

/** Checks that what `journey` entered is all still there. */
async function assertKept(page, url, chosen) {
  await page.goto(`${url}#/about-you`);
  await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
  assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'MB1 1ED');
  assert.equal(await page.getByLabel(t.condition.copd).isChecked(), true);
  await page.goto(`${url}#/network/list`);
  await page.getByTestId('member-count').getByText('1').waitFor();
  await page.getByText('Pat', { exact: true }).first().waitFor();
  await page.goto(`${url}#/suggestions`);
  await page.locator('article.plan').first().waitFor();
  const titles = await page.locator('article.plan h3').allTextContents();
  assert.deepEqual(titles, [fill(t.suggest.plan_title, { name: chosen })]);
}

/** Failed requests are expected while offline; anything else on the console is a problem. */
const realProblems = (problems) =>
  problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|ServiceWorker/.test(p));

async function offlineJourney(prefix) {
  const server = await serveApp({ prefix });
  try {
    await withBrowser(async (open) => {
      const { context, page, problems } = await open();
      await firstVisit(page, server.url);
      const scope = await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration()).scope,
      );
      assert.equal(scope, server.url, 'the worker looks after the app folder only');

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      const chosen = await journey(page, server.url);

      // Still offline, after a reload.
      await page.reload();
      await assertKept(page, server.url, chosen);
      assert.deepEqual(realProblems(problems), []);
    });
  } finally {
    await server.close();
  }
}

test('a first visit downloads every file once, and the kept copy needs no more', async () => {
  const server = await serveApp();
  try {
    await withBrowser(async (open) => {
      const { context, page } = await open();
      await firstVisit(page, server.url);
      // A file the app asks for again is revalidated: the host answers 304, with no body.
      const downloads = server.requests.filter(({ status }) => status !== 304);
      assert.ok(server.requests.filter(({ status }) => status === 304).every(({ bytes }) => bytes === 0));
      const counts = new Map();
      for (const { path } of downloads) {
        // The page opened as the folder's address is index.html.
        const file = path === '/' ? '/index.html' : path;
        counts.set(file, (counts.get(file) ?? 0) + 1);
      }
      const files = [...counts.keys()];
      const twice = files.filter((file) => counts.get(file) > 1);
      assert.deepEqual(twice, [], 'no file is downloaded twice');
      for (const needed of ['.wasm', '.js', '.css', 'area/directory.json', 'area/lookup.json']) {
        assert.ok(files.some((file) => file.endsWith(needed)), `${needed} was fetched`);
      }
      const kept = await page.evaluate(async () => {
        const names = await caches.keys();
        return names.length;
      });
      assert.equal(kept, 2, 'one copy of the app and one of what was used');
      // The area's settings came before the worker ran the page: the page names them to the
      // worker once it has taken over, and it keeps them from what was fetched.
      const settingsKept = await page.waitForFunction(
        async () => Boolean(await (await caches.open('genie-on-use')).match('area/area.json')),
        null,
        { polling: 100, timeout: 10_000 },
      );
      assert.ok(await settingsKept.jsonValue(), 'the settings fetched at start are kept');

      // Offline, nothing more is asked of the host.
      const before = server.requests.length;
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      await page.goto(`${server.url}#/suggestions`);
      await page.getByTestId('suggestions').locator('li.suggestion').first().waitFor();
      assert.equal(server.requests.length, before);
    });
  } finally {
    await server.close();
  }
});

test('after one visit, the whole journey works offline', async () => {
  await offlineJourney('/');
});

test('offline from a sub-folder (/genie/)', async () => {
  await offlineJourney('/genie/');
});

test('area files replaced on the host reach the app at once, and are kept for offline', async () => {
  const site = mkdtempSync(join(tmpdir(), 'genie-area-'));
  cpSync(distDir, site, { recursive: true });
  const settingsFile = join(site, 'area', 'area.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  const server = await serveApp({ dir: site });
  try {
    await withBrowser(async (open) => {
      const { context, page } = await open();
      await firstVisit(page, server.url);
      await page.getByText(settings.help_text.trim()).waitFor();

      // The commissioner replaces area.json, with no new build (sw.js is unchanged).
      const worker = readFileSync(join(site, 'sw.js'), 'utf8');
      const replaced = 'Millbrook Community Link has moved to the library.';
      writeFileSync(settingsFile, JSON.stringify({ ...settings, help_text: replaced }));
      await page.reload();
      await page.getByText(replaced).waitFor();
      assert.equal(readFileSync(join(site, 'sw.js'), 'utf8'), worker);
      assert.equal(await page.getByTestId('update-prompt').count(), 0, 'not an update of the app');

      // Offline, the replaced file is the one kept.
      await context.setOffline(true);
      await page.reload();
      await page.getByText(replaced).waitFor();
    });
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('a newer build is offered, and reloading keeps what was entered', async () => {
  // The "newer build": the same files with a new cache version in sw.js, as a rebuild gives.
  const newer = mkdtempSync(join(tmpdir(), 'genie-newer-'));
  cpSync(distDir, newer, { recursive: true });
  const worker = readFileSync(join(newer, 'sw.js'), 'utf8');
  const version = worker.match(/const VERSION = "([0-9a-f]+)";/)?.[1];
  assert.ok(version, 'sw.js names its version');
  const next = `${version.slice(0, -4)}beef`;
  writeFileSync(join(newer, 'sw.js'), worker.replace(`"${version}"`, `"${next}"`));

  let server = await serveApp();
  const port = Number(new URL(server.url).port);
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      await firstVisit(page, server.url);
      const chosen = await journey(page, server.url);
      assert.equal(await page.getByTestId('update-prompt').count(), 0, 'no prompt on first install');

      // The site is updated: same address, newer files.
      await server.close();
      server = await serveApp({ dir: newer, port });
      await page.reload();
      const prompt = page.getByTestId('update-prompt');
      await prompt.getByText(t.update.title).waitFor({ timeout: 30_000 });
      await prompt.getByText(t.update.body).waitFor();

      // "Later" puts it away for now.
      await prompt.getByRole('button', { name: t.update.later }).click();
      await prompt.waitFor({ state: 'detached' });

      // Next time, "Reload now": the new version takes over and the page reloads.
      await page.reload();
      await prompt.waitFor({ timeout: 30_000 });
      const reloaded = page.waitForEvent('load');
      await prompt.getByRole('button', { name: t.update.reload }).click();
      await reloaded;
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(
        async (next) => (await caches.keys()).includes(`genie-${next}`),
        next,
      );
      assert.deepEqual(
        (await page.evaluate(() => caches.keys())).sort(),
        [`genie-${next}`, 'genie-on-use'],
        'old copy removed, what was used kept',
      );
      assert.equal(await page.getByTestId('update-prompt').count(), 0);

      await assertKept(page, server.url, chosen);
      assert.deepEqual(realProblems(problems), []);
    });
  } finally {
    await server.close();
    rmSync(newer, { recursive: true, force: true });
  }
});
