// "About you": answers are kept on the device without a save button, through a reload and a
// full browser restart; a browser that refuses storage still lets the person carry on; data
// saved by a newer Genie is left alone, with a way to reload; and the page is never blank
// while the app downloads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serveApp, withBrowser, t, waitForSaved } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

async function fillAboutYou(page) {
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
  await page.getByRole('link', { name: t.welcome.start }).click();
  await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();

  await page.getByLabel(t.about.area_label).fill('MB2 7QD');
  await page
    .getByRole('group', { name: t.about.age_legend })
    .getByLabel(t.age_band.from_70_to_79)
    .check();
  await page
    .getByRole('group', { name: t.about.gender_legend })
    .getByLabel(t.gender.woman)
    .check();
  await page.getByLabel(t.condition.copd).check();
  await page.getByLabel(t.condition.arthritis).check();
  await page.getByLabel(t.about.other_condition_label).fill('Glaucoma');
  await waitForSaved(page);
}

async function expectAboutYou(page) {
  await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
  assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'MB2 7QD');
  const age = page.getByRole('group', { name: t.about.age_legend });
  assert.equal(await age.getByLabel(t.age_band.from_70_to_79).isChecked(), true);
  assert.equal(await age.getByLabel(t.age_band.from_60_to_69).isChecked(), false);
  const gender = page.getByRole('group', { name: t.about.gender_legend });
  assert.equal(await gender.getByLabel(t.gender.woman).isChecked(), true);
  assert.equal(await page.getByLabel(t.condition.copd).isChecked(), true);
  assert.equal(await page.getByLabel(t.condition.arthritis).isChecked(), true);
  assert.equal(await page.getByLabel(t.condition.diabetes).isChecked(), false);
  assert.equal(await page.getByLabel(t.about.other_condition_label).inputValue(), 'Glaucoma');
}

test('About you answers survive a reload and a browser restart', async () => {
  await withBrowser(async (open) => {
    let { context, page, problems } = await open();
    await fillAboutYou(page);

    await page.reload();
    await expectAboutYou(page);

    // The welcome page now offers to carry on rather than start.
    await page.goto(server.url);
    await page.getByRole('link', { name: t.welcome.carry_on }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();

    ({ context, page, problems } = await open());
    await page.goto(`${server.url}#/about-you`);
    await expectAboutYou(page);

    // Clearing an answer is saved too.
    await page
      .getByRole('group', { name: t.about.gender_legend })
      .getByLabel(t.about.prefer_not_to_say)
      .check();
    await waitForSaved(page);
    await page.reload();
    const gender = page.getByRole('group', { name: t.about.gender_legend });
    await gender.getByLabel(t.about.prefer_not_to_say).waitFor();
    assert.equal(await gender.getByLabel(t.about.prefer_not_to_say).isChecked(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('When the browser refuses storage the person is told plainly and can carry on', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    // As in some private modes: IndexedDB is missing altogether.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
    });
    // And offline before the code that reads saved answers came: kept in memory, nothing
    // needs reading back.
    await page.route('**/*-page-stored.wasm', (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}#/about-you`);
    const notice = page.getByRole('alert');
    await notice.getByText(t.storage.unavailable_title).waitFor();
    await notice.getByText(t.storage.unavailable_body).waitFor();

    await page.getByLabel(t.about.area_label).fill('Riverside');
    await page.getByLabel(t.condition.diabetes).check();
    await page.getByTestId('save-status').getByText(t.save.session_only).waitFor();
    assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'Riverside');
    assert.equal(await page.getByLabel(t.condition.diabetes).isChecked(), true);

    // Coming back to the tab reads nothing again: the notice and the answers stay as they are.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForTimeout(1000);
    assert.deepEqual(await notice.locator('h2').allTextContents(), [t.storage.unavailable_title]);
    assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'Riverside');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});

test('a condition named here moves groups for it up the suggestions, saying why', async () => {
  const { readFileSync } = await import('node:fs');
  const directory = JSON.parse(readFileSync(new URL('../../public/area/directory.json', import.meta.url)));
  const byId = Object.fromEntries(directory.resources.map((r) => [r.id, r]));
  const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await waitForSaved(page);
    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.learn_about_health).check();
    await page.getByLabel(t.interest.get_fitter).check();
    await waitForSaved(page);

    const reasonFor = fill(t.reason.for_condition, { what: t.condition.copd });
    const cards = page.getByTestId('suggestions').locator('li.suggestion');
    await page.goto(`${server.url}#/suggestions`);
    await cards.first().waitFor();
    assert.equal(await page.locator('[data-reason=for_condition]').count(), 0, 'nothing named yet');
    const before = await cards.evaluateAll((els) => els.map((e) => e.dataset.resource));

    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.condition.copd).check();
    await waitForSaved(page);
    await page.goto(`${server.url}#/suggestions`);
    await cards.first().waitFor();
    const after = await cards.evaluateAll((els) => els.map((e) => e.dataset.resource));
    // Every entry marked as linked to COPD is about breathing or lungs, carries the reason in
    // words, and has moved up the list (or into the first page of it).
    const linked = await cards
      .filter({ has: page.locator('[data-reason=for_condition]') })
      .evaluateAll((els) => els.map((e) => e.dataset.resource));
    assert.ok(linked.length >= 1, 'something for COPD is suggested');
    for (const id of linked) {
      const entry = byId[id];
      assert.match(`${entry.name} ${entry.description}`.toLowerCase(), /breath|lung|copd|respiratory/, id);
      const was = before.indexOf(id);
      assert.ok(was === -1 || after.indexOf(id) < was, `${id} moved up`);
      await page.locator(`li.suggestion[data-resource="${id}"]`).getByText(reasonFor).waitFor();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('data saved by a newer Genie is left untouched, and the notice offers a reload', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    // A newer Genie's database on this device: a higher version and a store this one lacks.
    await page.goto(`${server.url}manifest.webmanifest`);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('genie', 99);
          request.onupgradeneeded = () => request.result.createObjectStore('from_the_future');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.goto(`${server.url}#/about-you`);
    const notice = page.getByTestId('storage-notice');
    await notice.getByRole('heading', { name: t.storage.newer_title }).waitFor();
    await notice.getByText(t.storage.newer_body).waitFor();

    await page.getByLabel(t.about.area_label).fill('Riverside');

    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: t.storage.reload }).click();
    await reloaded;
    await page.getByTestId('storage-notice').getByRole('heading', { name: t.storage.newer_title }).waitFor();

    // Nothing was written into the newer database, and it was not downgraded.
    const stored = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('genie');
          request.onsuccess = () => {
            const db = request.result;
            const result = { version: db.version, stores: [...db.objectStoreNames] };
            db.close();
            resolve(result);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    assert.deepEqual(stored, { version: 99, stores: ['from_the_future'] });
    await context.close();
  });
});

test('while the app downloads, the page shows its name and that it is opening', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    // Hold the app's code back, as a slow connection does, and look at the page meanwhile.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url);
    const splash = page.locator('#splash');
    await splash.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
    await splash.getByText(t.welcome.lead).waitFor();
    await splash.getByRole('status').getByText(t.loading).waitFor();
    assert.equal(await page.title(), t.app_name);

    release();
    await page.getByRole('link', { name: t.welcome.start }).waitFor();
    assert.equal(await page.locator('#splash').count(), 0);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    // The other pages' code may still be in the route when the browser closes.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});

test('nothing in view jumps while the app, or the area list, arrives', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    await context.addInitScript(() => {
      window.genieShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const nodes = entry.sources.map((s) => s.node?.nodeName ?? '?').join(' ');
          window.genieShifts.push(`${entry.value.toFixed(3)} ${nodes}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // A slow connection, so each part arrives on its own.
    const slow = async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    };
    await page.route(/\.(wasm|json)$/, slow);
    for (const [hash, ready] of [
      ['', () => page.getByRole('link', { name: t.welcome.start })],
      ['#/suggestions', () => page.getByTestId('suggestions').locator('li.suggestion').first()],
    ]) {
      await page.goto(`${server.url}${hash}`);
      await ready().waitFor();
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(() => window.genieShifts), [], `layout shifts on "${hash}"`);
    }
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});

test('the device can find the neighbourhood, and only its name is kept', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    await context.grantPermissions(['geolocation'], { origin: server.url });
    const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);
    await page.goto(`${server.url}#/about-you`);
    // A short walk from the middle of Riverside in the sample area.
    await context.setGeolocation({ latitude: 52.5931, longitude: -1.9391 });
    await page.getByRole('button', { name: t.about.locate }).click();
    await page.getByTestId('locate-status').getByText(fill(t.about.located, { name: 'Riverside' })).waitFor();
    assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'Riverside');
    await waitForSaved(page);
    await page.reload();
    assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'Riverside');
    // Nothing but the name is stored: no coordinates anywhere in the saved profile.
    const stored = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('genie');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const get = request.result.transaction('profile').objectStore('profile').getAll();
            get.onsuccess = () => resolve(JSON.stringify(get.result));
            get.onerror = () => reject(get.error);
          };
        }),
    );
    assert.ok(stored.includes('Riverside'), stored);
    assert.ok(!stored.includes('52.59') && !stored.includes('1.939'), stored);

    // Far outside the area: the person is asked to type it instead, and nothing changes.
    await context.setGeolocation({ latitude: 51.5072, longitude: -0.1276 });
    await page.getByRole('button', { name: t.about.locate }).click();
    await page.getByTestId('locate-status').getByText(t.about.locate_outside).waitFor();
    assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'Riverside');
    assert.deepEqual(problems, []);
  });
});
