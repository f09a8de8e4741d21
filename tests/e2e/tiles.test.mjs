// A directory published as tiles by place (genie-area tiles): the app fetches only the tiles
// within the person's reach, fetches more when they widen it, and suggests exactly what the
// single file would have suggested.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { distDir, serveApp, t, waitForSaved, withBrowser } from './support.mjs';
import { generatedPath, listed, person, removeSites, suggestions, tiledSites } from './tiled_site.mjs';

let sites;
let tiled;
let single;
let noWorker;
before(async () => {
  sites = tiledSites(distDir);
  tiled = await serveApp({ dir: sites.tiled });
  single = await serveApp({ dir: sites.single });
  noWorker = await serveApp({ dir: sites.noWorker });
});
after(async () => {
  await tiled.close();
  await single.close();
  await noWorker.close();
  removeSites(sites);
});

/** The tiles the background worker has checked and kept on the device. */
const checkedCopies = (page) =>
  page.evaluate(async () =>
    (await (await caches.open('genie-checked')).keys()).map((r) => new URL(r.url).pathname.split('/checked/')[1]),
  );

const expected = {};

const index = () => JSON.parse(readFileSync(join(sites.tiled, 'area', 'tiles', 'index.json'), 'utf8'));

test('only the tiles within reach are fetched, more when widened, and the suggestions are the same', async () => {
  await withBrowser(async (open) => {
    const { page } = await open();
    await person(page, single.url);
    expected.walk = await suggestions(page, single.url, ['walk']);
    expected.car = await suggestions(page, single.url, ['walk', 'car']);
  });
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    const fetched = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/area/')) fetched.push(path.split('/area/')[1]);
    });
    await person(page, tiled.url);
    const walk = await suggestions(page, tiled.url, ['walk']);
    assert.deepEqual(walk, expected.walk, 'on foot: as from the single file');
    const { tiles, remote } = index();
    const tileFiles = (names) => names.filter((f) => f.startsWith('tiles/r')).map((f) => f.slice(6));
    const near = tileFiles(fetched);
    assert.ok(fetched.includes('tiles/index.json'), fetched.join(' '));
    // National and online entries, in parts of their own, always come.
    assert.ok(remote.length >= 1);
    for (const part of remote) assert.ok(fetched.includes(`tiles/${part.file}`), `${part.file}: ${fetched.join(' ')}`);
    assert.ok(!fetched.includes('directory.json'), 'the single file is not asked for');
    assert.ok(near.length >= 1 && near.length < tiles.length, `${near.length} of ${tiles.length} tiles on foot`);

    // Wider: by car, more tiles come, each once, and the suggestions still match.
    const car = await suggestions(page, tiled.url, ['walk', 'car']);
    assert.deepEqual(car, expected.car, 'by car: as from the single file');
    const wider = tileFiles(fetched);
    assert.ok(wider.length > near.length, `${wider.length} tiles by car`);
    assert.equal(new Set(wider).size, wider.length, 'no tile fetched twice');
    // Checked off the page by the background worker, which kept what it checked.
    assert.deepEqual((await checkedCopies(page)).filter((f) => f.startsWith('r')).sort(), [...wider].sort());

    // Coming back: the kept checked copies are used, no tile is fetched or checked again, and
    // the suggestions are the same.
    // A copy of a tile the area no longer publishes (replaced since) is dropped.
    await page.evaluate(async () => {
      const cache = await caches.open('genie-checked');
      await cache.put('checked/r1c1-00000000000000aa.json', new Response('old'));
    });
    fetched.length = 0;
    await page.reload();
    const again = await listed(page);
    assert.deepEqual(again, expected.car, 'a second visit: as from the single file');
    assert.deepEqual(tileFiles(fetched), [], 'no tile fetched again');
    // Dropped in the background, soon after the index is read.
    for (let waited = 0; (await checkedCopies(page)).includes('r1c1-00000000000000aa.json'); waited += 100) {
      assert.ok(waited < 5000, 'the replaced tile is dropped');
      await page.waitForTimeout(100);
    }

    // Offline: the worker and the checked copies are on the device, so nothing changes.
    await context.setOffline(true);
    await page.reload();
    assert.deepEqual(await listed(page), expected.car, 'offline: as from the single file');
    await context.setOffline(false);
    assert.deepEqual(problems, []);
  });
});

test('where the background worker cannot run, the page checks the tiles itself, with the same suggestions', async () => {
  assert.ok(expected.car, 'the single-file suggestions from the first journey');
  await withBrowser(async (open) => {
    const { page } = await open();
    await person(page, noWorker.url);
    assert.deepEqual(await suggestions(page, noWorker.url, ['walk']), expected.walk);
    assert.deepEqual(await suggestions(page, noWorker.url, ['walk', 'car']), expected.car);
    assert.deepEqual(await checkedCopies(page), [], 'nothing checked in the background');
  });
});

test('a background worker from another build is let go, and the page checks the tiles itself', async () => {
  assert.ok(expected.car, 'the single-file suggestions from the first journey');
  await withBrowser(async (open) => {
    const { context, page } = await open();
    // The host has a newer worker than this copy of the page: it packs another way, and would
    // answer in that way. This stand-in says it is ready and then never answers.
    await context.route('**/background-loader.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: "postMessage({ kind: 'ready', layout: '00000000000000ff' });",
      }),
    );
    await person(page, tiled.url);
    assert.deepEqual(await suggestions(page, tiled.url, ['walk', 'car']), expected.car);
    assert.deepEqual(await checkedCopies(page), [], 'nothing checked in the background');
  });
});

test('while tiles arrive, the page says how far it has got and keeps answering', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    await person(page, tiled.url);
    // A slow connection: each tile takes a while.
    // On the whole context, so the worker's requests are slowed too.
    await context.route('**/area/tiles/r*', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await page.goto(`${tiled.url}#/suggestions`);
    const preparing = page.getByTestId('preparing');
    const bar = preparing.locator('progress');
    await bar.waitFor();
    const max = Number(await bar.getAttribute('max'));
    const value = Number(await bar.getAttribute('value'));
    assert.ok(max > 0 && value < max, `${value} of ${max}`);
    // The bar is named by the words above it, and the numbers are written out below it.
    assert.equal(await page.getByRole('progressbar', { name: t.suggest.loading }).count(), 1);
    const words = (await preparing.locator('.hint').textContent()).trim();
    const pattern = new RegExp(
      `^${t.suggest.loading_progress.replace('{{ done }}', '[0-9,]+').replace('{{ total }}', '[0-9,]+')}$`,
    );
    assert.match(words, pattern);
    // The page answers meanwhile: a link at the foot of the page works at once.
    await page.getByRole('link', { name: t.privacy.link }).click();
    await page.getByRole('heading', { level: 1, name: t.privacy.title }).waitFor({ timeout: 5000 });
    await page.goBack();
    await page.getByTestId('suggestions').locator('li.suggestion').first().waitFor();
    assert.equal(await preparing.count(), 0, 'the progress goes once the list is there');
    assert.deepEqual(problems, []);
  });
});

test('a plan still says where its activity is after the person narrows their reach', async () => {
  const generated = JSON.parse(readFileSync(generatedPath, 'utf8'));
  const byId = Object.fromEntries(generated.resources.map((r) => [r.id, r]));
  const square = ({ lat, lon }) => `r${Math.floor(lat / 0.1)}c${Math.floor(lon / 0.15)}`;
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    const fetched = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/area/tiles/r')) fetched.push(path.split('/area/tiles/')[1]);
    });
    await person(page, tiled.url);
    // On foot: the squares within walking reach.
    await suggestions(page, tiled.url, ['walk']);
    const walkSquares = new Set(fetched.map((f) => f.split('-')[0].replace(/p[0-9]+$/, '')));
    // By car: choose an entry in a square beyond walking reach.
    const ids = await suggestions(page, tiled.url, ['walk', 'car']);
    const far = ids.find((id) => byId[id].reach.kind === 'local' && !walkSquares.has(square(byId[id].reach.location)));
    assert.ok(far, 'a suggestion beyond walking reach');
    const card = page.getByTestId('suggestions').locator(`li.suggestion[data-resource="${far}"]`);
    await card.getByRole('button', { name: t.suggest.choose }).click();
    await waitForSaved(page);

    // On foot again, after a reload: that square's tile still comes, and the plan says where.
    await suggestions(page, tiled.url, ['walk']);
    fetched.length = 0;
    await page.reload();
    await page.getByTestId('suggestions').locator('li.suggestion').first().waitFor();
    const { address } = byId[far].reach.location;
    const where = page.locator('article.plan').first().getByTestId('where');
    assert.ok((await where.textContent()).includes(address), await where.textContent());
    // Its square's tile came (checked again, or from the copy checked before).
    const held = [...fetched, ...(await checkedCopies(page))];
    const farSquare = square(byId[far].reach.location);
    assert.ok(
      held.some((f) => f.startsWith(`${farSquare}-`) || f.startsWith(`${farSquare}p`)),
      held.join(' '),
    );
    assert.deepEqual(problems, []);
  });
});
