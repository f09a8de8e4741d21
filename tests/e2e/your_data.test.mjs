// "Your data": a backup saved, everything deleted, the backup brought back with the same data;
// a damaged file changes nothing; a backup protected with a passphrase opens only with it;
// a name written as HTML stays text everywhere, printed summary and its map picture included;
// the printed summary carries what might get in the way of each plan; and two open tabs
// never lose each other's edits.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  openAddForm,
  plural,
  profileDir,
  seriousAxeViolations,
  serveApp,
  storedRecords,
  t,
  waitForSaved,
  withBrowser,
} from './support.mjs';

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
const EVIL = '<img src=x onerror=alert(1)>';

function memberRow(page, name) {
  return page.locator('li.member-row').filter({ has: page.getByText(name, { exact: true }) });
}

async function addMember(page, name, circle) {
  await page.goto(`${server.url}#/network/list`);
  await openAddForm(page);
  await page.getByLabel(t.network.name_label, { exact: true }).fill(name);
  await page.locator(`input[name=new-circle][value=${circle}]`).check();
  await page.getByRole('button', { name: t.network.add, exact: true }).click();
  await memberRow(page, name).waitFor();
  await waitForSaved(page);
}

async function giveSupport(page, name, task) {
  await page.goto(`${server.url}#/network/list`);
  await memberRow(page, name).getByRole('link', { name: t.network.edit }).click();
  await page.getByRole('heading', { level: 1, name: fill(t.member.title, { name }) }).waitFor();
  await page.locator(`input[type=checkbox][value=${task}]`).check();
  await waitForSaved(page);
}

/** Makes the data every journey starts from. */
async function makeData(page) {
  await page.goto(`${server.url}#/about-you`);
  await page.getByLabel(t.about.area_label).fill('MB1 1AA');
  await waitForSaved(page);
  await addMember(page, 'Pat', 'inner');
  await addMember(page, EVIL, 'middle');
  await giveSupport(page, EVIL, 'shopping');
}

async function expectData(page) {
  await page.goto(`${server.url}#/network/list`);
  await memberRow(page, 'Pat').waitFor();
  await memberRow(page, EVIL).waitFor();
  assert.equal(await page.locator('li.member-row').count(), 2);
  await page.goto(`${server.url}#/about-you`);
  await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
  assert.equal(await page.getByLabel(t.about.area_label).inputValue(), 'MB1 1AA');
}

async function openYourData(page) {
  await page.goto(`${server.url}#/your-data`);
  await page.getByRole('heading', { level: 1, name: t.data.title }).waitFor();
}

/** Saves a backup (protected when a passphrase is given) and returns the downloaded file. */
async function saveBackup(page, passphrase) {
  await openYourData(page);
  if (passphrase) {
    await page.getByLabel(t.data.protect_label).check();
    await page.getByLabel(t.data.passphrase_label, { exact: true }).fill(passphrase);
    await page.getByLabel(t.data.passphrase_again_label).fill(passphrase);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t.data.backup_save, exact: true }).click(),
  ]);
  const name = download.suggestedFilename();
  const path = join(files.dir, `${Date.now()}-${name}`);
  await download.saveAs(path);
  await page.getByTestId('backup-result').getByText(fill(t.data.backup_saved, { file: name })).waitFor();
  return { name, path, text: readFileSync(path, 'utf8') };
}

async function deleteEverything(page) {
  await openYourData(page);
  await page.getByRole('button', { name: t.data.erase_start }).click();
  await page.getByRole('button', { name: t.data.erase_yes }).click();
  await page.waitForURL((url) => url.hash === '#/' || url.hash === '');
  await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
  await page.goto(`${server.url}#/network/list`);
  await page.getByText(t.network.empty).waitFor();
  assert.equal(await page.locator('li.member-row').count(), 0);
}

async function chooseFile(page, path) {
  await openYourData(page);
  await page.getByTestId('restore-file').setInputFiles(path);
}

async function replaceWithBackup(page) {
  const preview = page.getByTestId('restore-preview');
  await preview.waitFor();
  await preview.getByText(plural(t.data, 'preview_maps', 1)).waitFor();
  await preview.getByText(fill(t.data.preview_about, { answer: t.data.preview_included })).waitFor();
  await page.getByRole('button', { name: t.data.replace_yes }).click();
  await page.getByTestId('restore-result').getByText(t.data.restore_done).waitFor();
}

/** Dismisses every alert or prompt the page opens, keeping its words: there should be none. */
function recordDialogs(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

test('a backup brings everything back after deleting everything; a damaged one changes nothing', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    const dialogs = recordDialogs(page);
    await makeData(page);

    const backup = await saveBackup(page);
    assert.match(backup.name, /^genie-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(backup.text);
    assert.equal(parsed.genie_backup, 1);
    assert.ok(backup.text.includes(EVIL), 'names are kept as written');

    await openYourData(page);
    assert.deepEqual(await seriousAxeViolations(page), []);

    // The question takes focus when it appears; "No" deletes nothing and puts focus back.
    const focused = (text) =>
      page.waitForFunction((words) => document.activeElement?.textContent?.trim() === words, text);
    await page.getByRole('button', { name: t.data.erase_start }).focus();
    await page.keyboard.press('Enter');
    await focused(t.data.erase_confirm);
    await page.getByRole('button', { name: t.data.erase_no }).click();
    await focused(t.data.erase_start);
    // Escape does the same.
    await page.keyboard.press('Enter');
    await focused(t.data.erase_confirm);
    await page.keyboard.press('Escape');
    await focused(t.data.erase_start);
    await expectData(page);

    await deleteEverything(page);
    await chooseFile(page, backup.path);
    await replaceWithBackup(page);
    await expectData(page);

    // A copy cut short: the damaged message, and nothing on the device changes.
    const damaged = join(files.dir, 'damaged.json');
    writeFileSync(damaged, backup.text.slice(0, Math.floor(backup.text.length / 2)));
    await chooseFile(page, damaged);
    await page.getByTestId('restore-problem').getByText(t.data.error_damaged).waitFor();
    assert.equal(await page.getByTestId('restore-preview').count(), 0);
    // Not a backup at all.
    const other = join(files.dir, 'other.json');
    writeFileSync(other, '{"hello": "world"}');
    await chooseFile(page, other);
    await page.getByTestId('restore-problem').getByText(t.data.error_not_a_backup).waitFor();
    await expectData(page);

    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('a backup protected with a passphrase opens only with that passphrase', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    await makeData(page);
    const backup = await saveBackup(page, 'three blind mice');
    assert.match(backup.name, /\.encrypted\.json$/);
    const wrapper = JSON.parse(backup.text);
    assert.equal(wrapper.genie_backup_encrypted, 1);
    // Nothing readable outside the ciphertext, and the ciphertext is not the plain text. (Short
    // words such as "Pat" turn up in random base64 by chance, so look for longer ones, in bytes.)
    const { ciphertext, ...rest } = wrapper;
    assert.ok(!JSON.stringify(rest).includes('Pat'), 'names cannot be read in a protected backup');
    const sealed = Buffer.from(ciphertext, 'base64');
    for (const secret of [EVIL, 'MB1 1AA', 'genie_backup']) {
      assert.equal(sealed.indexOf(Buffer.from(secret, 'utf8')), -1, `${secret} is not readable`);
    }

    await deleteEverything(page);
    await chooseFile(page, backup.path);
    await page.getByLabel(t.data.passphrase_label, { exact: true }).fill('three blind mouse');
    await page.getByRole('button', { name: t.data.restore_open }).click();
    await page.getByTestId('restore-problem').getByText(t.data.error_wrong_passphrase).waitFor();
    // The field says it was wrong and points at the message.
    const field = page.getByLabel(t.data.passphrase_label, { exact: true });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const describedBy = await field.getAttribute('aria-describedby');
    assert.ok(describedBy, 'the field points at the message');
    assert.equal(
      await page.evaluate((id) => document.getElementById(id)?.textContent?.trim(), describedBy),
      t.data.error_wrong_passphrase,
    );
    await page.getByLabel(t.data.passphrase_label, { exact: true }).fill('three blind mice');
    await page.getByRole('button', { name: t.data.restore_open }).click();
    await replaceWithBackup(page);
    await expectData(page);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('a name written as HTML is shown as text on the map, the summary and the printable summary', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    const dialogs = recordDialogs(page);
    await makeData(page);
    const images = () => page.evaluate(() => document.querySelectorAll('img').length);

    // Something chosen, with what might get in the way of it.
    await page.goto(`${server.url}#/suggestions`);
    const card = page.getByTestId('suggestions').locator('li.suggestion').first();
    await card.waitFor();
    const chosen = (await card.locator('.suggestion-name').textContent()).trim();
    await card.getByRole('button', { name: t.suggest.choose }).click();
    const barriers = page.locator('article.plan').first().getByRole('group', { name: t.suggest.barriers });
    await barriers.getByLabel(t.barrier.confidence).check();
    await barriers.getByLabel(t.barrier.cost).check();
    await waitForSaved(page);
    const barrierLine = fill(t.share.barriers, {
      barriers: [t.barrier.cost, t.barrier.confidence].map((b) => b.toLowerCase()).join(t.share.barrier_separator),
    });

    await page.goto(`${server.url}#/network/list`);
    await memberRow(page, EVIL).waitFor();
    assert.equal(await images(), 0);
    await page.goto(`${server.url}#/network`);
    await page.getByTestId('network-map').waitFor();
    assert.equal(await images(), 0);

    await page.goto(`${server.url}#/summary`);
    await page.getByRole('heading', { level: 1, name: t.summary.title }).waitFor();
    await page.locator('dd[data-area=everyday]').getByText(EVIL, { exact: true }).waitFor();
    assert.equal(await images(), 0);
    await page.getByRole('link', { name: t.data.share_open }).click();

    await page.getByRole('heading', { level: 1, name: t.share.title }).waitFor();
    const printable = page.getByTestId('printable-summary');
    await printable.getByText(EVIL, { exact: true }).first().waitFor();
    const preview = await page.getByTestId('share-preview').textContent();
    assert.ok(preview.includes(`${t.circle.middle}: ${EVIL}`), preview);
    assert.ok(preview.includes(`${t.area.everyday}: ${EVIL}`), preview);
    assert.ok(preview.includes(`${t.circle.inner}: Pat`), preview);
    // The plan's line on what might get in the way, on the page and in the words sent.
    await printable.locator('.printable-chosen li', { hasText: chosen }).getByText(barrierLine, { exact: true }).waitFor();
    assert.ok(preview.includes(`- ${chosen}\n`), preview);
    assert.ok(preview.includes(`  ${barrierLine}\n`), preview);
    // A picture of the map, drawn in the page, with the names as text.
    const picture = printable.getByTestId('printable-map');
    assert.equal(await picture.evaluate((e) => e.tagName.toLowerCase()), 'svg');
    assert.deepEqual(await picture.locator('g.picture-member title').allTextContents(), ['Pat', EVIL]);
    assert.deepEqual(await picture.locator('g.picture-member text').allTextContents(), [
      'Pat',
      `${EVIL.slice(0, 13)}…`,
    ]);
    await picture
      .getByRole('img', { name: fill(t.network.member_label, { name: EVIL, kind: t.kind.person, circle: t.circle.middle }) })
      .waitFor();
    assert.equal(await picture.locator('image, foreignObject, img').count(), 0);
    assert.equal(await images(), 0);
    assert.deepEqual(await seriousAxeViolations(page), []);

    // Printed: the summary shows; the header, buttons and the message preview do not.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await printable.isVisible(), true);
    // The map prints black on white.
    assert.equal(await picture.isVisible(), true);
    const paint = (selector, property) =>
      picture.locator(selector).first().evaluate((e, p) => getComputedStyle(e)[p], property);
    assert.equal(await paint('path.shape', 'fill'), 'rgb(255, 255, 255)');
    assert.equal(await paint('path.shape', 'stroke'), 'rgb(0, 0, 0)');
    assert.equal(await paint('circle.band', 'fill'), 'rgb(255, 255, 255)');
    assert.equal(await paint('text.name', 'fill'), 'rgb(0, 0, 0)');
    assert.equal(await page.locator('.app-header').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: t.share.print }).isVisible(), false);
    assert.equal(await page.getByTestId('share-preview').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });

    // The text file holds exactly the words shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.share.save }).click(),
    ]);
    const path = join(files.dir, 'summary.txt');
    await download.saveAs(path);
    assert.equal(readFileSync(path, 'utf8'), preview);

    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('two tabs never lose an edit', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
    const other = await context.newPage();
    await other.goto(`${server.url}#/about-you`);
    await other.getByRole('heading', { level: 1, name: t.about.title }).waitFor();

    await page.getByLabel(t.about.area_label).fill('MB9 9ZZ');
    await waitForSaved(page);
    // The other tab hears of it and shows it without a reload...
    await other.waitForFunction(() => document.getElementById('area')?.value === 'MB9 9ZZ');
    // ...so its own edit to the same record keeps the first one.
    await other.getByLabel(t.condition.copd).check();
    await waitForSaved(other);
    await page.waitForFunction(
      () => document.querySelector('input[type=checkbox][value=copd]')?.checked === true,
    );

    for (const tab of [page, other]) {
      await tab.reload();
      await tab.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
      assert.equal(await tab.getByLabel(t.about.area_label).inputValue(), 'MB9 9ZZ');
      assert.equal(await tab.getByLabel(t.condition.copd).isChecked(), true);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('a backup opened on a new device that cannot fetch the code to read it changes nothing, and works when it can', async () => {
  const backup = await withBrowser(async (open) => {
    const { page } = await open();
    await makeData(page);
    return saveBackup(page);
  });
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    // A new device, offline before the code that reads saved answers was kept.
    let failing = true;
    await page.route('**/*-page-stored.wasm', (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
    const before = await storedRecords(page);
    await chooseFile(page, backup.path);
    await page.getByTestId('restore-preview').waitFor();
    await page.getByRole('button', { name: t.data.replace_yes }).click();
    await page.getByTestId('restore-problem').getByText(t.data.error_restore_failed).waitFor();
    assert.equal(await storedRecords(page), before, 'nothing on the device changed');
    await page.goto(`${server.url}#/network/list`);
    await page.getByText(t.network.empty).waitFor();

    failing = false;
    await chooseFile(page, backup.path);
    await replaceWithBackup(page);
    await expectData(page);
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|could not be fetched/i.test(p)), []);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});
