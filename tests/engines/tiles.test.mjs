// A directory published as tiles in WebKit (an iPhone's browser engine) and Firefox ESR: the
// background worker starts there too, checks the tiles and keeps the checked copies; the
// suggestions are exactly those Chromium gives from the same directory as one file; a reload
// fetches no tile again. Each engine's result is printed as a `metric` line.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serve } from '../../scripts/serve.mjs';
import { launch, profileDir as chromiumProfile } from '../e2e/support.mjs';
import { person, removeSites, suggestions, tiledSites } from '../e2e/tiled_site.mjs';
import { available, launchFirefox, launchWebKit, profileDir } from './drivers.mjs';
import { distDir, step, t, until } from './journeys.mjs';

const launchers = {
  webkit: () => launchWebKit(),
  firefox: (profile) => launchFirefox(profile),
};

let sites;
let expected;
before(async () => {
  sites = tiledSites(distDir, 'engines-tiles');
  // Chromium, from the single file: what every engine must suggest from the tiles.
  const single = await serve({ dir: sites.single });
  const profile = chromiumProfile();
  const chromium = await launch(profile.dir);
  try {
    await person(chromium.page, single.url);
    expected = await suggestions(chromium.page, single.url, ['walk', 'car']);
  } finally {
    await chromium.context.close();
    profile.cleanup();
    await single.close();
  }
});
after(() => removeSites(sites));

/** Sets, in the page, each travel mode's box to whether it is in `modes`. */
function travelBy(modes) {
  for (const box of document.querySelectorAll('input[name=travel]')) {
    if (box.checked !== modes.includes(box.value)) box.click();
  }
  return [...document.querySelectorAll('input[name=travel]')].filter((b) => b.checked).map((b) => b.value);
}

/** Opens every suggestion in the page and lists them by entry id. */
async function listAll(more) {
  const wait = () => new Promise((done) => setTimeout(done, 50));
  const count = () => document.querySelectorAll('li.suggestion').length;
  for (let i = 0; i < 500; i += 1) {
    // "Show all" opens the rest once (clicked again it would close them).
    const all = document.querySelector('[data-testid=show-all][aria-expanded=false]');
    const next = [...document.querySelectorAll('main button')].find((b) => b.textContent.trim() === more);
    if (!all && !next) break;
    const before = count();
    (all ?? next).click();
    // Until the longer list is drawn (at most 5 s).
    for (let w = 0; w < 100 && count() === before; w += 1) await wait();
  }
  return [...document.querySelectorAll('li.suggestion')].map((e) => e.dataset.resource);
}

/**
 * Fails unless `actual` lists the same suggestions as `expected` in the same order; the
 * message says how they differ (a whole list of ids would be cut short in the report).
 */
function sameList(actual, expected, message) {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  const want = new Set(expected);
  const got = new Set(actual);
  const first = actual.findIndex((id, i) => id !== expected[i]);
  const extra = actual.filter((id) => !want.has(id));
  const missing = expected.filter((id) => !got.has(id));
  const twice = actual.length - got.size;
  assert.fail(
    `${message}: ${actual.length} listed, ${expected.length} expected; first differs at ${first}` +
      ` (${JSON.stringify(actual.slice(Math.max(0, first - 2), first + 6))} against` +
      ` ${JSON.stringify(expected.slice(Math.max(0, first - 2), first + 6))});` +
      ` ${extra.length} not expected ${JSON.stringify(extra.slice(0, 10))},` +
      ` ${missing.length} missing ${JSON.stringify(missing.slice(0, 10))}, ${twice} listed twice`,
  );
}

/** Marks every checked copy the background worker kept; lists them. */
async function markCheckedCopies() {
  const cache = await caches.open('genie-checked');
  const names = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const headers = new Headers(response.headers);
    headers.set('x-test-mark', '1');
    await cache.put(request, new Response(await response.arrayBuffer(), { headers }));
    names.push(request.url.split('/checked/')[1]);
  }
  return names.sort();
}

/** How many checked copies the background worker has kept. */
async function keptCount() {
  return (await (await caches.open('genie-checked')).keys()).length;
}

/** Tiles the page itself asked for (the worker's requests are its own). */
function pageTileRequests() {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes('/area/tiles/r'));
}

/** The checked copies that still carry the mark. */
async function markedCopies() {
  const cache = await caches.open('genie-checked');
  const names = [];
  for (const request of await cache.keys()) {
    if ((await cache.match(request)).headers.get('x-test-mark') === '1') names.push(request.url.split('/checked/')[1]);
  }
  return names.sort();
}

/** In the page: what it says, whether it is shown, and how late a zero timeout fires. */
async function pageState() {
  const started = performance.now();
  await new Promise((done) => setTimeout(done, 0));
  const timeout = Math.round(performance.now() - started);
  const kept = await caches
    .open('genie-checked')
    .then((c) => c.keys())
    .then((k) => k.length)
    .catch((e) => String(e));
  const loaded = performance
    .getEntriesByType('resource')
    .map((e) => `${Math.round(e.startTime)} ${e.initiatorType} ${e.name.split('/').pop()}`);
  return {
    said: document.body.innerText.slice(0, 600),
    loaded,
    visibility: document.visibilityState,
    controlled: Boolean(navigator.serviceWorker?.controller),
    timeout,
    kept,
  };
}

/** The page's state and every area file the host was asked for, by time since the first request. */
async function explain(browser, server, reloadedAt) {
  const page = await browser.run(pageState).catch((e) => `(the page did not answer: ${e.message})`);
  const start = server.requests[0]?.at ?? 0;
  const asked = server.requests
    .filter((r) => reloadedAt === null || r.at >= reloadedAt || r.path.includes('/area/'))
    .map((r) => `${r.at - start} ms ${r.status} ${r.path.split('/').pop()}`);
  const reload = reloadedAt ? `reloaded at ${reloadedAt - start} ms` : 'not reloaded';
  return `page: ${JSON.stringify(page)}\n${reload}; asked of the host:\n${asked.join('\n')}`;
}

const saved = (browser) => until(browser, 'saved', 'testid', 'save-status', null, { ok: (s) => s === t.save.saved });

for (const engine of Object.keys(launchers)) {
  test(`tiles in ${engine}`, { skip: !process.env.CI && !available(engine) && `${engine} is not installed` }, async () => {
    const server = await serve({ dir: sites.tiled });
    const profile = profileDir();
    const browser = await launchers[engine](profile.dir);
    let passed = false;
    let reloadedAt = null;
    try {
      const { url } = server;
      await browser.goto(`${url}#/about-you`);
      await until(browser, 'the area field', 'fill', t.about.area_label, 'MB1 1ED');
      await saved(browser);
      await browser.goto(`${url}#/preferences`);
      await until(browser, 'an interest', 'check', 'input[name=interests][value=get_fitter]');
      await until(browser, 'an interest', 'check', 'input[name=interests][value=social]');
      assert.deepEqual((await browser.run(travelBy, ['walk', 'car'])).sort(), ['car', 'walk']);
      await saved(browser);
      await browser.goto(`${url}#/suggestions`);
      await until(browser, 'a suggestion', 'count', 'li.suggestion', null, { ms: 30_000 });
      await until(browser, 'every suggestion ready', 'count', '[data-testid=show-all]', null, { ms: 30_000 });
      sameList(await browser.run(listAll, t.suggest.show_more), expected, 'as Chromium from the single file');
      const tiles = () => server.requests.filter((r) => r.path.includes('/area/tiles/r')).length;
      const fetched = tiles();
      assert.ok(fetched > 0, 'tiles were fetched');
      // Checked in the background and kept: each kept copy is marked, so a copy checked again
      // (and kept anew) on the next visit would lose its mark.
      // The worker keeps each copy after the page has its entries: on a busy machine the last
      // ones are kept a moment after the suggestions show. Wait for every tile fetched.
      const distinct = new Set(server.requests.filter((r) => r.path.includes('/area/tiles/r')).map((r) => r.path)).size;
      for (let end = Date.now() + 30_000; (await browser.run(keptCount)) < distinct && Date.now() < end; ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      // Only the tiles within the person's reach came from the host, each checked and kept
      // (the offline copy must not fetch the others).
      assert.equal(await browser.run(keptCount), distinct, 'every tile fetched was one the page asked for');
      const kept = await browser.run(markCheckedCopies);
      assert.ok(kept.length > 0, 'checked in the background and kept');

      reloadedAt = Date.now();
      await browser.reload();
      await until(browser, 'every suggestion ready', 'count', '[data-testid=show-all]', null, { ms: 30_000 });
      sameList(await browser.run(listAll, t.suggest.show_more), expected, 'coming back');
      // Who asked again, if anyone did: the page itself (the worker gone) or the worker.
      const byPage = await browser.run(pageTileRequests);
      assert.equal(tiles(), fetched, `no tile fetched again (${byPage.length} of them by the page itself)`);
      assert.deepEqual(await browser.run(markedCopies), kept, 'no tile checked again');
      assert.deepEqual(byPage, [], 'nor fetched by the page itself');
      assert.deepEqual(await step(browser, 'foreign'), []);
      passed = true;
    } catch (error) {
      // What the page and the host saw, for whoever reads the failure.
      error.message += `\n${await explain(browser, server, reloadedAt)}`;
      throw error;
    } finally {
      console.log(`metric engine_${engine}_tiles_passed ${passed ? 1 : 0} count`);
      await browser.close().catch(() => {});
      await server.close();
      profile.cleanup();
    }
  });
}
