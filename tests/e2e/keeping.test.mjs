// Keeping the work where the browser may clear it: on an iPhone (Safari's user agent) the
// notice with the Home Screen steps comes once About you is started, saves a copy, hides for
// good and is still under "Your data"; the safety net after the summary, with the chosen
// activities and beside a check-in that is due says when the last copy was saved; and the
// installed app's first start brings a saved copy across in one file choice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openAddForm, profileDir, seriousAxeViolations, serveApp, t, waitForSaved, withBrowser } from './support.mjs';

let server;
let files;
before(async () => {
  server = await serveApp();
  files = profileDir();
});
after(() => {
  server.close();
  files.cleanup();
});

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const iphone = { userAgent: IPHONE, touch: true };
/** The Home Screen app: Safari's own flag says it runs from the Home Screen. */
const installed = {
  ...iphone,
  init: () => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true }),
};

async function aboutYou(page) {
  await page.goto(`${server.url}#/about-you`);
  await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
  await page.getByLabel(t.about.area_label).fill('MB1 1AA');
  await waitForSaved(page);
}

async function addMember(page, name) {
  await page.goto(`${server.url}#/network/list`);
  await openAddForm(page);
  await page.getByLabel(t.network.name_label, { exact: true }).fill(name);
  await page.locator('input[name=new-circle][value=inner]').check();
  await page.getByRole('button', { name: t.network.add, exact: true }).click();
  await page.locator('li.member-row').filter({ hasText: name }).waitFor();
  await waitForSaved(page);
}

/** Presses a "Save a copy now" inside `scope` and returns the file. */
async function saveCopy(page, scope, resultId) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: t.keeping.save_now }).click(),
  ]);
  const name = download.suggestedFilename();
  const path = join(files.dir, `${Date.now()}-${name}`);
  await download.saveAs(path);
  await scope.getByTestId(resultId).getByText(fill(t.data.backup_saved, { file: name })).waitFor();
  return { name, path };
}

test('on an iPhone the notice comes once there is something to lose, saves a copy, and hides for good', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
    // Nothing typed yet: nothing to lose, no notice.
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('keeping-notice').count(), 0);

    await aboutYou(page);
    const notice = page.getByTestId('keeping-notice');
    await notice.getByRole('heading', { name: t.keeping.seven_days_title }).waitFor();
    const steps = notice.getByTestId('home-screen-steps');
    await steps.getByText(t.keeping.step_share).waitFor();
    await steps.getByText(t.keeping.step_add).waitFor();
    assert.equal(await steps.locator('svg.step-picture').count(), 3);
    await notice.getByTestId('last-copy').getByText(t.keeping.last_never).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);

    // Step one saves the copy the Home Screen app will open.
    const copy = await saveCopy(page, steps, 'steps-copy-result');
    assert.match(copy.name, /^genie-backup-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(JSON.parse(readFileSync(copy.path, 'utf8')).genie_backup, 1);
    await notice.getByTestId('last-copy').getByText(t.keeping.last_today).waitFor();

    // Put away, it stays away after a reload and a new member; "Your data" still has it.
    await notice.getByRole('button', { name: t.keeping.hide }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await addMember(page, 'Pat');
    assert.equal(await page.getByTestId('keeping-notice').count(), 0);
    await page.goto(`${server.url}#/your-data`);
    const help = page.getByTestId('keeping-help');
    await help.getByTestId('home-screen-steps').waitFor();
    await help.getByTestId('last-copy').getByText(t.keeping.last_today).waitFor();
    assert.deepEqual(problems, []);
  }, iphone);
});

test('the safety net after the summary saves a copy and says plainly when the last one was', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await addMember(page, 'Pat');
    await page.goto(`${server.url}#/summary`);
    const net = page.getByTestId('safety-net');
    await net.getByRole('heading', { name: t.keeping.net_title }).waitFor();
    await net.getByTestId('last-copy').getByText(t.keeping.last_never).waitFor();
    await saveCopy(page, net, 'net-copy-result');
    await net.getByTestId('last-copy').getByText(t.keeping.last_today).waitFor();

    // Ten days later, the date and "more than a week ago".
    const tenDaysAgo = Date.now() - 10 * 24 * 60 * 60 * 1000;
    await page.evaluate((at) => localStorage.setItem('genie-keeping-last-copy', String(at)), tenDaysAgo);
    await page.reload();
    const date = await page.evaluate(
      (at) => new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
      tenDaysAgo,
    );
    await page.getByTestId('safety-net').getByText(fill(t.keeping.last_stale, { date })).waitFor();
    assert.deepEqual(problems, []);
  }, iphone);
});

test("the installed app's first start opens the copy saved in the browser", async () => {
  // In the Safari tab: some work, and a copy of it.
  const copy = await withBrowser(async (open) => {
    const { page } = await open();
    await aboutYou(page);
    await addMember(page, 'Pat');
    await addMember(page, 'Sam');
    await page.goto(`${server.url}#/your-data`);
    return saveCopy(page, page.getByTestId('keeping-help'), 'steps-copy-result');
  }, iphone);

  // The Home Screen app has its own, empty storage, and offers to open that copy.
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(server.url);
    const offer = page.getByTestId('bring-across');
    await offer.getByRole('heading', { name: t.keeping.across_title }).waitFor();
    await offer.getByTestId('restore-file').setInputFiles(copy.path);
    await offer.getByTestId('restore-preview').waitFor();
    await offer.getByRole('button', { name: t.data.replace_yes }).click();
    await offer.getByTestId('restore-result').getByText(t.data.restore_done).waitFor();
    await page.goto(`${server.url}#/network/list`);
    await page.locator('li.member-row').filter({ hasText: 'Sam' }).waitFor();
    assert.equal(await page.locator('li.member-row').count(), 2);
    // Installed, the work is kept: no notice, no safety net.
    await page.goto(`${server.url}#/summary`);
    await page.getByRole('heading', { level: 1, name: t.summary.title }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('keeping-notice').count(), 0);
    assert.equal(await page.getByTestId('safety-net').count(), 0);
    assert.deepEqual(problems, []);
  }, installed);

  // Starting afresh puts the offer away for good.
  await withBrowser(async (open) => {
    const { page } = await open();
    await page.goto(server.url);
    const offer = page.getByTestId('bring-across');
    await offer.getByRole('button', { name: t.keeping.across_fresh }).click();
    await offer.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('bring-across').count(), 0);
  }, installed);
});

test('the safety net comes with the chosen activities and again when a check-in is due', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    const DAY = 24 * 60 * 60 * 1000;
    const start = new Date('2026-01-05T09:00:00');
    await context.clock.install({ time: start });
    await aboutYou(page);
    await addMember(page, 'Pat');
    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.get_fitter).check();
    await waitForSaved(page);
    await page.goto(`${server.url}#/suggestions`);
    const cards = page.getByTestId('suggestions').locator('li.suggestion');
    await cards.first().waitFor();
    // Nothing chosen yet: the end of the session has not come.
    assert.equal(await page.getByTestId('safety-net').count(), 0);
    await cards.first().getByRole('button', { name: t.suggest.choose }).click();
    await waitForSaved(page);
    const net = page.getByTestId('safety-net');
    await net.getByTestId('last-copy').getByText(t.keeping.last_never).waitFor();
    await saveCopy(page, net, 'net-copy-result');

    // Two weeks on, the check-in is due on the welcome page, and the copy is two weeks old.
    await context.clock.setSystemTime(new Date(start.getTime() + 15 * DAY));
    await page.goto(server.url);
    await page.reload();
    await page.getByTestId('due-notice').waitFor();
    const date = await page.evaluate(
      (at) => new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
      start.getTime(),
    );
    await page.getByTestId('safety-net').getByText(fill(t.keeping.last_stale, { date })).waitFor();
    assert.deepEqual(problems, []);
  }, iphone);
});
