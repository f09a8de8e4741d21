// Storage faults, injected in a real browser: nothing committed is lost, nothing is overwritten
// by defaults, and the person is told plainly what happened and what to do. Faults come from
// the browser itself where it can make them (clearing the site's data, a crashed tab, a tab
// holding an old database open) and otherwise from a wrapper around IndexedDB installed before
// the app starts, switched on per store by a key in local storage that the app never reads.
// (Chromium's quota override does not stop small IndexedDB writes, so a full device is the
// browser's own QuotaExceededError, thrown by the wrapper.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMembers, serveApp, storedRecords, t, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

/** Makes reads (`get`, `getAll`) or writes (`put`, `delete`) of the named stores throw. */
function injectFaults() {
  const failing = (kind, name) =>
    (localStorage.getItem(`test-fail-${kind}`) || '').split(',').includes(name);
  const wrap = (method, kind, error) => {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (failing(kind, this.name)) throw new DOMException(`injected ${kind} fault`, error);
      return original.apply(this, args);
    };
  };
  wrap('get', 'read', 'UnknownError');
  wrap('getAll', 'read', 'UnknownError');
  for (const method of ['put', 'delete']) {
    wrap(method, 'write', 'UnknownError');
    wrap(method, 'full', 'QuotaExceededError');
  }
}

async function setFault(page, kind, stores) {
  await page.evaluate(([kind, stores]) => localStorage.setItem(`test-fail-${kind}`, stores), [kind, stores]);
}

/** Adds one person to the map (without waiting for "Saved"). */
const addMember = (page, name, circle = 'inner') => addMembers(page, [{ name, circle }]);

const notice = (page) => page.getByTestId('storage-notice');

test('a read error on one store leaves what was not read untouched, and says so', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    await context.addInitScript(injectFaults);
    await page.goto(`${server.url}#/network`);
    await addMember(page, 'Pat');
    await waitForSaved(page);
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('Riverside');
    await waitForSaved(page);
    const before = await storedRecords(page);

    // The maps cannot be read for a moment.
    await setFault(page, 'read', 'waves');
    await page.goto(`${server.url}#/network`);
    await page.reload();
    await notice(page).getByRole('heading', { name: t.storage.read_failed_title }).waitFor();
    // What could be read still works and is kept.
    await page.goto(`${server.url}#/about-you`);
    assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'Riverside');
    // A change to the map that was never read is not stored over the saved one.
    await page.goto(`${server.url}#/network`);
    await addMember(page, 'Stranger');
    await page.getByTestId('save-status').getByText(t.save.not_kept).waitFor();
    await setFault(page, 'read', '');
    assert.equal(await storedRecords(page), before, 'nothing stored changed');

    // Once reading works again, everything is there.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
    await page.locator('[data-testid=network-map] [data-member]', { hasText: 'Pat' }).waitFor();
    assert.equal(await page.locator('[data-member]', { hasText: 'Stranger' }).count(), 0);
    assert.equal(await notice(page).count(), 0);
    assert.deepEqual(problems.filter((p) => !p.includes('injected')), []);
  });
});

test('a write error on one store says "not saved" and keeps the rest', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    await context.addInitScript(injectFaults);
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('Riverside');
    await waitForSaved(page);

    await setFault(page, 'write', 'profile');
    await page.getByLabel(t.about.area_label).fill('Hilltop');
    await page.getByTestId('save-status').getByText(t.save.failed).waitFor();
    // The map is another store: it still saves.
    await page.goto(`${server.url}#/network`);
    await addMember(page, 'Pat');
    await waitForSaved(page);

    const stored = await storedRecords(page);
    assert.match(stored, /Riverside/, 'the profile kept its last saved answer');
    assert.doesNotMatch(stored, /Hilltop/);
    assert.match(stored, /"Pat"/);
    await setFault(page, 'write', '');
  });
});

test('a full device: the change is not saved, the person is told, and nothing saved is lost', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    await context.addInitScript(injectFaults);
    await page.goto(`${server.url}#/network`);
    await addMember(page, 'Pat');
    await waitForSaved(page);
    const before = await storedRecords(page);

    await setFault(page, 'full', 'waves,member_edits');
    await addMember(page, 'Sam', 'middle');
    await page.getByTestId('save-status').getByText(t.save.failed_full).waitFor();
    await setFault(page, 'full', '');
    assert.equal(await storedRecords(page), before, 'what was saved is as it was');
    // The next change, with room again, stores everything on screen.
    await addMember(page, 'Jo', 'outer');
    await waitForSaved(page);
    const after = await storedRecords(page);
    assert.match(after, /"Sam"/);
    assert.match(after, /"Jo"/);
  });
});

test('an old Genie tab holding the data open: the person is asked to close it, then all carries on', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    // The older Genie's database (layout version 2), with a profile, held open by a tab that
    // does not step aside when asked.
    await page.goto(`${server.url}manifest.webmanifest`);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('genie', 2);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('profile');
            db.createObjectStore('preferences');
            db.createObjectStore('waves').createIndex('open', 'open', { unique: true });
            db.createObjectStore('choices');
          };
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('profile', 'readwrite');
            tx.objectStore('profile').put(
              { schema: 2, data: { area: 'Riverside', conditions: [], updated_at: 1 } },
              'me',
            );
            tx.oncomplete = () => {
              window.oldGenie = db;
              resolve();
            };
          };
          request.onerror = () => reject(request.error);
        }),
    );
    const app = await context.newPage();
    await app.goto(`${server.url}#/about-you`);
    await notice(app).getByRole('heading', { name: t.storage.blocked_title }).waitFor();
    await notice(app).getByText(t.storage.blocked_body).waitFor();

    // The old tab closes: the app opens the data by itself, upgraded and whole.
    await page.evaluate(() => window.oldGenie.close());
    await app.getByLabel(t.about.area_label).waitFor();
    assert.equal(await app.getByLabel(t.about.area_label).inputValue(), 'Riverside');
    assert.equal(await notice(app).count(), 0);
  });
});

test("the browser clearing the site's data while Genie is open: what is on screen can be saved again", async () => {
  await withBrowser(async (open) => {
    const { page } = await open();
    await page.goto(`${server.url}#/network`);
    await addMember(page, 'Pat');
    await addMember(page, 'Sam', 'middle');
    await waitForSaved(page);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(server.url).origin,
      storageTypes: 'indexeddb',
    });
    await notice(page).getByRole('heading', { name: t.storage.lost_title }).waitFor();
    // Still on screen.
    await page.locator('[data-testid=network-map] [data-member]', { hasText: 'Sam' }).waitFor();
    await notice(page).getByRole('button', { name: t.storage.save_again }).click();
    await notice(page).waitFor({ state: 'detached' });
    await waitForSaved(page);

    await page.reload();
    await page.locator('[data-testid=network-map] [data-member]', { hasText: 'Sam' }).waitFor();
    await page.locator('[data-testid=network-map] [data-member]', { hasText: 'Pat' }).waitFor();
  });
});

test('a tab that crashes in the middle of a save leaves each record whole, old or new', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    await page.goto(`${server.url}#/network`);
    for (const name of ['Pat', 'Sam', 'Jo', 'Ali', 'Bea']) await addMember(page, name);
    await waitForSaved(page);
    const before = JSON.parse(await storedRecords(page));

    // Press Add and crash the renderer while the write is on its way.
    await page.getByLabel(t.network.name_label, { exact: true }).fill('Crash test');
    await page.locator('input[name=new-kind][value=person]').check();
    await page.locator('input[name=new-circle][value=outer]').check();
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    await page.getByRole('button', { name: t.network.add, exact: true }).click({ noWaitAfter: true });
    // The answer to Page.crash never comes: the page it would come from is gone.
    cdp.send('Page.crash').catch(() => {});
    await crashed;

    const again = await context.newPage();
    await again.goto(`${server.url}#/network`);
    await again.locator('[data-testid=network-map] [data-member]', { hasText: 'Bea' }).waitFor();
    assert.equal(await notice(again).count(), 0, 'every record could be read');
    const after = JSON.parse(await storedRecords(again));
    const names = (records) => records.waves[0].data.network.members.map((m) => m.name);
    const was = names(before);
    const now = names(after);
    assert.ok(
      JSON.stringify(now) === JSON.stringify(was) || JSON.stringify(now) === JSON.stringify([...was, 'Crash test']),
      `the map is the old one or the new one, never half: ${now}`,
    );
  });
});

test('two tabs editing one member: different fields both survive; for one field the later wins', async () => {
  await withBrowser(async (open) => {
    const { context, page: first } = await open();
    await first.goto(`${server.url}#/network`);
    await addMember(first, 'Pat');
    await waitForSaved(first);
    const memberLink = first.locator('[data-testid=network-map] [data-member]', { hasText: 'Pat' });
    const id = await memberLink.getAttribute('data-member');
    const second = await context.newPage();
    for (const tab of [first, second]) {
      await tab.goto(`${server.url}#/network/member/${id}`);
      await tab.getByRole('heading', { level: 1, name: fill(t.member.title, { name: 'Pat' }) }).waitFor();
    }
    // At the same moment: a name in one tab, notes in the other.
    await Promise.all([
      first.getByLabel(t.network.name_label).fill('Patricia'),
      second.getByLabel(t.member.notes_label).fill('Rings on Sundays'),
    ]);
    await Promise.all([waitForSaved(first), waitForSaved(second)]);
    for (const tab of [first, second]) {
      await tab.reload();
      await tab.getByRole('heading', { level: 1, name: fill(t.member.title, { name: 'Patricia' }) }).waitFor();
      assert.equal(await tab.getByLabel(t.member.notes_label).inputValue(), 'Rings on Sundays');
    }

    // The same field in both: the later one wins, and the other tab shows it.
    await first.getByLabel(t.member.notes_label).fill('Calls on Mondays');
    await waitForSaved(first);
    await second.getByLabel(t.member.notes_label).fill('Calls on Fridays');
    await waitForSaved(second);
    await first.waitForFunction(
      (label) => [...document.querySelectorAll('textarea')].some((el) => el.value === label),
      'Calls on Fridays',
    );
    const stored = await storedRecords(first);
    assert.match(stored, /Calls on Fridays/);
    assert.doesNotMatch(stored, /Calls on Mondays/);
  });
});
