// Each page's code arrives apart from the first load (scripts/split-app.mjs,
// src/ui/page_loader.rs): a first visit asks for the welcome page's code first and the other
// pages' code once that page is up, each file once; a page whose code cannot be fetched says so
// in plain words and opens when asked again, with nothing lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstLoad, pageCode } from '../../scripts/site-files.mjs';
import { distDir, serveApp, storedRecords, t, waitForSaved, withBrowser } from './support.mjs';

const first = firstLoad(distDir);
const code = pageCode(distDir, first);
const isPageCode = (url) => code.some((file) => new URL(url).pathname.endsWith(`/${file}`));

test('the build keeps the other pages out of the first load', () => {
  assert.ok(code.length >= 5, `expected the pages' code in files of its own, found ${code.length}`);
  assert.ok(code.every((file) => /^genie-[0-9a-f]{16}-(page|part)-[\w-]+\.wasm$/.test(file)), code.join(', '));
  assert.ok(!first.some((file) => code.includes(file)));
  // The page names exactly one app module, and it is none of the pages' files.
  assert.equal(first.filter((file) => file.endsWith('.wasm')).length, 1, first.join(', '));
});

test("a first visit shows the welcome page before any other page's code and fetches each file once", async () => {
  const server = await serveApp();
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      // Holds every page-code request until the welcome page has been seen drawn.
      const held = [];
      let release;
      const released = new Promise((resolve) => (release = resolve));
      await page.route('**/*.wasm', async (route) => {
        if (isPageCode(route.request().url())) {
          held.push(route.request().url());
          await released;
        }
        await route.continue();
      });
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      release();
      // The rest arrives in the background; the worker then keeps it without a second download.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      const asked = server.requests.map((request) => request.path);
      for (const file of code) {
        const times = asked.filter((url) => url.endsWith(`/${file}`)).length;
        assert.equal(times, 1, `${file} was asked for ${times} times`);
      }
      // Every other page now opens from memory.
      await page.getByRole('link', { name: t.welcome.start }).click();
      await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
      assert.deepEqual(problems, []);
      // Background fetches of page code may still be in the route when the browser closes.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  } finally {
    await server.close();
  }
});

test('a page whose code cannot be fetched says so, and opens when asked again', async () => {
  const server = await serveApp();
  try {
    await withBrowser(async (open) => {
      const { page } = await open();
      let failing = true;
      await page.route('**/*.wasm', (route) =>
        failing && isPageCode(route.request().url()) ? route.abort('internetdisconnected') : route.continue(),
      );
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      await page.getByRole('link', { name: t.welcome.start }).click();
      const notice = page.getByTestId('page-unavailable');
      await notice.getByText(t.page_unavailable).waitFor();
      assert.equal(await notice.getAttribute('role'), 'alert');
      // The header, footer and saved state are still there: only the page is missing.
      await page.getByRole('link', { name: t.over_time.title }).waitFor();

      failing = false;
      await notice.getByRole('button', { name: t.page_retry }).click();
      await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
      assert.equal(await notice.count(), 0);
      // And the page works: an answer is stored.
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await waitForSaved(page);
      // Background fetches of page code may still be in the route when the browser closes.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  } finally {
    await server.close();
  }
});

test('pages open from a host that sends the wasm files with another type than application/wasm', async () => {
  const server = await serveApp();
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      await page.route('**/*.wasm', async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers(), 'content-type': 'application/octet-stream' };
        await route.fulfill({ response, headers });
      });
      await page.goto(server.url);
      await page.getByRole('link', { name: t.welcome.start }).click();
      await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
      await page.getByRole('link', { name: t.over_time.title }).click();
      await page.getByRole('heading', { level: 1, name: t.over_time.title }).waitFor();
      assert.deepEqual(problems.filter((p) => !/MIME|application\/wasm/i.test(p)), []);
      // Background fetches of page code may still be in the route when the browser closes.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  } finally {
    await server.close();
  }
});

test('asking for other pages while code is on its way shows the page asked for last, without errors', async () => {
  const server = await serveApp();
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      let release;
      const released = new Promise((resolve) => (release = resolve));
      await page.route('**/*.wasm', async (route) => {
        if (isPageCode(route.request().url())) await released;
        await route.continue();
      });
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      // Start while nothing has come: the loading line, then two other pages.
      await page.getByRole('link', { name: t.welcome.start }).click();
      await page.locator('main .loading').getByText(t.loading).waitFor();
      await page.goto(`${server.url}#/privacy`);
      await page.goto(`${server.url}#/network`);
      release();
      await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
      assert.deepEqual(problems, []);
      // Background fetches of page code may still be in the route when the browser closes.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  } finally {
    await server.close();
  }
});

test('saved answers are read by code fetched when needed; without it nothing stored is touched', async () => {
  const server = await serveApp();
  try {
    await withBrowser(async (open) => {
      let { context, page, problems } = await open();
      await page.goto(server.url);
      await page.getByRole('link', { name: t.welcome.start }).click();
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await waitForSaved(page);
      const before = await storedRecords(page);
      // The offline copy is gone (the browser cleared it, or the worker never finished), and
      // the connection with it.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      await page.evaluate(async () => {
        for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
        for (const key of await caches.keys()) await caches.delete(key);
      });
      await context.close();

      ({ context, page, problems } = await open());
      let failing = true;
      const asked = [];
      await page.route('**/*.wasm', (route) => {
        if (!isPageCode(route.request().url())) return route.continue();
        asked.push(route.request().url());
        return failing ? route.abort('internetdisconnected') : route.continue();
      });
      await page.goto(server.url);
      // The app opens, says it could not open the saved answers, and changes nothing.
      const notice = page.getByTestId('storage-notice');
      await notice.getByText(t.storage.read_failed_title).waitFor();
      assert.ok(
        asked.some((url) => url.endsWith('-page-stored.wasm')),
        `reading saved answers asked for code of its own: ${asked.join(', ')}`,
      );
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      assert.equal(await storedRecords(page), before);

      // With the connection back, reloading reads them.
      failing = false;
      await notice.getByRole('button', { name: t.storage.reload }).click();
      await page.getByRole('link', { name: t.welcome.carry_on }).waitFor();
      assert.equal(await notice.count(), 0);
      await page.getByRole('link', { name: t.welcome.carry_on }).click();
      assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'MB1 1ED');
      assert.equal(await storedRecords(page), before);
      assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|could not be fetched/i.test(p)), []);
      // Background fetches of page code may still be in the route when the browser closes.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  } finally {
    await server.close();
  }
});
