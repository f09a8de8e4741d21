// Hand-over from a supporter's tablet to the person's phone, in two browsers with their own
// profiles (a tablet and a phone viewport): a whole supporter session, then the QR codes read
// from the tablet's screen (decoded here from screenshots) and opened as links in new tabs on
// the phone, the one-time code typed, and the phone then holds the same records the tablet
// had while the tablet holds none. A wrong code and a used hand-over say so and change
// nothing. The fallback: the protected file opened on the phone with the same code. A
// supporter session left open past the area's hours is erased on the next start. Neither
// browser asks any host but the local test server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  addMembers,
  catalogues,
  launch,
  profileDir,
  seriousAxeViolations,
  serveApp,
  storedRecords,
  t,
  waitForSaved,
  withBrowser,
} from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => String(values[key]));

/** Opens a tablet and a phone, each on its own fresh profile; closes both afterwards. `init`
 * scripts run in every page of that device before Genie does. */
async function withTwoDevices(journey, { tabletInit, phoneInit } = {}) {
  const profiles = [profileDir(), profileDir()];
  const tablet = await launch(profiles[0].dir, { viewport: { width: 1024, height: 1366 }, init: tabletInit });
  const phone = await launch(profiles[1].dir, {
    viewport: { width: 390, height: 844 },
    touch: true,
    init: phoneInit,
  });
  try {
    await journey(tablet, phone);
    const reached = [...tablet.foreign, ...phone.foreign].map((r) => r.url());
    assert.deepEqual(reached, [], 'nothing is asked of any other host');
    assert.deepEqual([...tablet.problems, ...phone.problems], []);
  } finally {
    await tablet.context.close().catch(() => {});
    await phone.context.close().catch(() => {});
    for (const p of profiles) p.cleanup();
  }
}

/** Starts a supporter session on the welcome page and makes a small session. */
async function supporterSession(page, members) {
  await page.goto(`${server.url}#/`);
  await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
  await page.getByRole('button', { name: t.handover.helping_start }).click();
  await page.getByRole('button', { name: t.handover.helping_yes }).click();
  await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
  await page.getByTestId('supporter-banner').getByText(t.handover.banner).waitFor();
  await page.getByLabel(t.about.area_label).fill('MB1 1AA');
  await waitForSaved(page);
  await page.goto(`${server.url}#/network/list`);
  await addMembers(page, members);
  await waitForSaved(page);
  // The banner is on every page.
  await page.getByTestId('supporter-banner').waitFor();
}

/** Every record in the stores the person's data lives in, store by store. */
async function personRecords(page) {
  const all = JSON.parse(await storedRecords(page));
  const out = {};
  for (const [store, records] of Object.entries(all)) {
    if (records.length > 0) out[store] = records;
  }
  return out;
}

/** Decodes the QR code now on the tablet's screen. */
async function readQr(page) {
  const png = PNG.sync.read(await page.getByTestId('handover-qr').screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, 'the QR code on screen decodes');
  return code.data;
}

/** Makes the codes on the tablet and reads each one; gives the links and the one-time code. */
async function makeCodes(page, { from = 'banner' } = {}) {
  if (from === 'banner') {
    await page.getByTestId('supporter-banner').getByRole('link', { name: t.handover.banner_link }).click();
  } else {
    await page.goto(`${server.url}#/your-data`);
    await page.getByRole('link', { name: t.handover.data_open }).click();
  }
  await page.getByRole('heading', { level: 1, name: t.handover.give_title }).waitFor();
  const started = performance.now();
  await page.getByRole('button', { name: t.handover.make, exact: true }).click();
  await page.getByTestId('handover-qr').waitFor();
  const encodeMs = performance.now() - started;
  const code = await page.getByTestId('handover-code').textContent();
  const first = await page.getByTestId('handover-code-of').textContent();
  const count = Number(first.match(/of (\d+)/)[1]);
  const links = [];
  for (let index = 1; index <= count; index += 1) {
    await page.getByTestId('handover-code-of').getByText(fill(t.handover.code_of, { index, count })).waitFor();
    links.push(await readQr(page));
    if (index < count) await page.getByRole('button', { name: t.handover.next }).click();
  }
  return { code, links, encodeMs };
}

/** Opens a link in a new tab on the phone, as its camera app would. */
async function openOnPhone(phone, link) {
  const page = await phone.context.newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: t.handover.receive_title }).waitFor();
  return page;
}

test('a supporter session goes to the phone by QR codes; the tablet keeps nothing', async () => {
  await withTwoDevices(async (tablet, phone) => {
    const members = [
      { name: 'Pat', circle: 'inner' },
      { name: 'Sam Okafor', circle: 'inner' },
      { name: 'Bingo club', kind: 'group', circle: 'middle' },
      { name: 'Dr Chen', circle: 'middle' },
      { name: 'Rover', kind: 'pet', circle: 'inner' },
      { name: 'Allotment', kind: 'place', circle: 'outer' },
      { name: 'Aunt Margaret', circle: 'outer' },
      { name: 'Choir', kind: 'group', circle: 'outer' },
    ];
    const names = members.map((m) => m.name);
    await supporterSession(tablet.page, members);
    // One person's session at a time.
    await tablet.page.goto(`${server.url}#/`);
    await tablet.page.getByTestId('helping').getByText(t.handover.helping_open).waitFor();
    assert.equal(await tablet.page.getByRole('button', { name: t.handover.helping_start }).count(), 0);

    const before = await personRecords(tablet.page);
    assert.ok(before.waves && before.profile, 'the tablet holds the session');
    const { code, links, encodeMs } = await makeCodes(tablet.page);
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    for (const link of links) {
      assert.ok(link.startsWith(`${server.url}#/h/1/`), link);
    }
    assert.ok(links.length >= 2, 'this session needs more than one code');
    assert.deepEqual(await seriousAxeViolations(tablet.page), []);
    console.log(`metric handover_codes_browser_8_members ${links.length} codes`);
    console.log(`metric handover_encode_browser_8_members ${encodeMs.toFixed(0)} ms`);

    // Each code opens its own tab; the link leaves the address bar and the history at once.
    let last;
    for (const [i, link] of links.entries()) {
      last = await openOnPhone(phone, link);
      const progress = fill(t.handover.progress, { received: i + 1, count: links.length });
      await last.getByTestId('receive-progress').getByText(progress).waitFor();
      assert.ok(last.url().endsWith('#/receive'), last.url());
      assert.equal(await last.evaluate(() => location.hash), '#/receive');
      if (i < links.length - 1) {
        // Nowhere in this tab's history is the link itself.
        await last.goBack();
        assert.ok(!last.url().includes('/h/'), last.url());
        await last.close();
      }
    }
    const empty = await personRecords(last);

    // A wrong code says so and changes nothing.
    const wrong = code.startsWith('0') ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    await last.getByLabel(t.handover.code_label).fill(wrong);
    await last.getByRole('button', { name: t.handover.open, exact: true }).click();
    await last.getByTestId('receive-problem').getByText(t.handover.wrong_code).waitFor();
    await last.getByLabel(t.handover.code_label).fill('ABC');
    await last.getByRole('button', { name: t.handover.open, exact: true }).click();
    await last.getByTestId('receive-problem').getByText(t.handover.bad_code).waitFor();
    assert.deepEqual(await personRecords(last), empty);

    // The right code, typed as people do: small letters, no dash.
    await last.getByLabel(t.handover.code_label).fill(code.replace('-', '').toLowerCase());
    const started = performance.now();
    await last.getByRole('button', { name: t.handover.open, exact: true }).click();
    await last.getByTestId('receive-arrived').waitFor();
    console.log(`metric handover_decode_browser_8_members ${(performance.now() - started).toFixed(0)} ms`);
    assert.deepEqual(await seriousAxeViolations(last), []);
    const shown = await last.getByTestId('receive-names').textContent();
    for (const name of names) assert.ok(shown.includes(name), `${name} in ${shown}`);
    await last.getByRole('button', { name: t.handover.keep_yes }).click();
    await last.getByTestId('receive-result').getByText(t.handover.kept).waitFor();
    assert.deepEqual(await personRecords(last), before, 'the phone holds the same records');

    // The same codes again: refused, nothing changes.
    const again = await openOnPhone(phone, links[0]);
    await again.getByTestId('receive-problem').getByText(t.handover.used).waitFor();
    assert.deepEqual(await personRecords(again), before);

    // The supporter checks the names and erases the tablet.
    const check = await tablet.page.getByTestId('handover-names').textContent();
    for (const name of names) assert.ok(check.includes(name), `${name} in ${check}`);
    await tablet.page.getByRole('button', { name: t.handover.confirm_start }).click();
    await tablet.page.getByRole('button', { name: t.handover.confirm_yes }).click();
    await tablet.page.getByRole('heading', { level: 1, name: t.handover.erased_title }).waitFor();
    await tablet.page.getByTestId('erased-body').getByText(t.handover.erased_body).waitFor();
    assert.deepEqual(await personRecords(tablet.page), {}, 'the tablet holds none of the records');
    const keys = await tablet.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('genie-')));
    assert.deepEqual(keys.filter((k) => k !== 'genie-keeping'), []);
    assert.equal(await tablet.page.getByTestId('supporter-banner').count(), 0);
  });
});

test('the protected file opens on the phone with the same one-time code', async () => {
  await withTwoDevices(async (tablet, phone) => {
    await supporterSession(tablet.page, [{ name: 'Josephine Bloggs', circle: 'inner' }]);
    const before = await personRecords(tablet.page);
    const { code, links } = await makeCodes(tablet.page);
    const [download] = await Promise.all([
      tablet.page.waitForEvent('download'),
      tablet.page.getByRole('button', { name: t.handover.file_send }).click(),
    ]);
    const file = await download.path();
    assert.match(download.suggestedFilename(), /\.encrypted\.json$/);
    assert.ok(!readFileSync(file, 'utf8').includes('Josephine'), 'the file is not readable');

    const page = phone.page;
    await page.goto(`${server.url}#/your-data`);
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.locator('#restore-passphrase').fill('WRONG-CODE1');
    await page.getByRole('button', { name: t.data.restore_open }).click();
    await page.getByTestId('restore-problem').getByText(t.data.error_wrong_passphrase).waitFor();
    assert.deepEqual(await personRecords(page), {});
    await page.locator('#restore-passphrase').fill(code.toLowerCase());
    await page.getByRole('button', { name: t.data.restore_open }).click();
    await page.getByTestId('restore-preview').waitFor();
    await page.getByRole('button', { name: t.data.replace_yes }).click();
    await page.getByTestId('restore-result').getByText(t.data.restore_done).waitFor();
    assert.deepEqual(await personRecords(page), before);

    // The file works once: opened again it says so before asking for the code, and nothing
    // changes (a change made since stays).
    await page.goto(`${server.url}#/network/list`);
    await addMembers(page, [{ name: 'Added later', circle: 'outer' }]);
    await waitForSaved(page);
    const since = await personRecords(page);
    await page.goto(`${server.url}#/your-data`);
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.getByTestId('restore-problem').getByText(t.data.error_handover_used).waitFor();
    assert.equal(await page.locator('#restore-passphrase').count(), 0);
    assert.deepEqual(await personRecords(page), since);
    // The codes of the same hand-over are used with it.
    const again = await openOnPhone(phone, links[0]);
    await again.getByTestId('receive-problem').getByText(t.handover.used).waitFor();
    assert.deepEqual(await personRecords(again), since);
  });
});

test('at a follow-up the phone gives the map to a supporter session on the tablet', async () => {
  await withTwoDevices(async (tablet, phone) => {
    // The person's own phone, with their map.
    await phone.page.goto(`${server.url}#/network/list`);
    await addMembers(phone.page, [
      { name: 'Pat', circle: 'inner' },
      { name: 'Walking group', kind: 'group', circle: 'middle' },
    ]);
    await waitForSaved(phone.page);
    const mine = await personRecords(phone.page);

    // The supporter starts a session on the empty tablet; the phone gives, the tablet reads.
    await tablet.page.goto(`${server.url}#/`);
    await tablet.page.getByRole('button', { name: t.handover.helping_start }).click();
    await tablet.page.getByRole('button', { name: t.handover.helping_yes }).click();
    await tablet.page.getByTestId('supporter-banner').waitFor();
    const { code, links } = await makeCodes(phone.page, { from: 'your-data' });
    // The phone keeps its own copy: no erasing offered there.
    await phone.page.getByText(t.handover.keep_own).waitFor();
    assert.equal(await phone.page.getByRole('button', { name: t.handover.confirm_start }).count(), 0);
    let last;
    for (const link of links) last = await openOnPhone(tablet, link);
    await last.getByLabel(t.handover.code_label).fill(code);
    await last.getByRole('button', { name: t.handover.open, exact: true }).click();
    await last.getByRole('button', { name: t.handover.keep_yes }).click();
    await last.getByTestId('receive-result').getByText(t.handover.kept).waitFor();
    assert.deepEqual(await personRecords(last), mine);
    await last.getByTestId('supporter-banner').waitFor();
    assert.deepEqual(await personRecords(phone.page), mine, 'the phone still has its map');
  });
});

test('a supporter session left open past the area hours is erased on the next start', async () => {
  await withTwoDevices(async (tablet) => {
    const page = tablet.page;
    await supporterSession(page, [{ name: 'Lee', circle: 'inner' }]);
    assert.ok((await personRecords(page)).waves);
    // Started 25 hours ago by the device's clock (the sample area sets no hours: 24).
    await page.evaluate(() => {
      const mark = JSON.parse(localStorage.getItem('genie-supporter'));
      mark.started_at = Date.now() - 25 * 3600 * 1000;
      localStorage.setItem('genie-supporter', JSON.stringify(mark));
    });
    await page.goto(`${server.url}#/network/list`);
    await page.reload();
    await page.getByTestId('erased-body').getByText(t.handover.expired_body).waitFor();
    assert.deepEqual(await personRecords(page), {});
  });
});

test('after a few wrong codes the phone asks for a growing wait, kept across reloads', async () => {
  await withTwoDevices(async (tablet, phone) => {
    await supporterSession(tablet.page, [{ name: 'Robin', circle: 'inner' }]);
    const before = await personRecords(tablet.page);
    const { code, links } = await makeCodes(tablet.page);
    let page;
    for (const link of links) page = await openOnPhone(phone, link);
    const wrong = code.startsWith('0') ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    const tryCode = async (typed) => {
      await page.getByLabel(t.handover.code_label).fill(typed);
      await page.getByRole('button', { name: t.handover.open, exact: true }).click();
    };
    const problem = page.getByTestId('receive-problem');
    // The first three wrong codes cost nothing but the message.
    const wrongSoFar = (n) =>
      page.waitForFunction(
        (n) => JSON.parse(localStorage.getItem('genie-handover-attempts'))?.wrong === n,
        n,
      );
    for (let n = 1; n <= 3; n += 1) {
      await tryCode(wrong);
      await wrongSoFar(n);
      await problem.getByText(t.handover.wrong_code).waitFor();
    }
    // The fourth asks for 30 seconds, said plainly; the right code is not tried meanwhile.
    await tryCode(wrong);
    await wrongSoFar(4);
    await problem.getByText(fill(t.handover.wait_seconds_other, { count: 30 })).waitFor();
    await tryCode(code);
    const waitWords = new RegExp(
      `^${t.handover.wait_seconds_other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{\\{ count \\}\\}', '(\\d+)')}$`,
    );
    assert.match(await problem.textContent(), waitWords);
    assert.equal(await page.getByTestId('receive-arrived').count(), 0);
    assert.deepEqual(await personRecords(page), {});

    // A reload does not end the wait.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: t.handover.receive_title }).waitFor();
    const seconds = Number((await problem.textContent()).match(waitWords)?.[1]);
    assert.ok(seconds > 0 && seconds <= 30, `${seconds} seconds left`);
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('genie-handover-attempts')));
    assert.equal(kept.wrong, 4);

    // Once the wait has passed (the clock moved on 31 seconds), one more wrong code asks for
    // a minute: the wait grows.
    const moveOn = (ms) =>
      page.evaluate((ms) => {
        const a = JSON.parse(localStorage.getItem('genie-handover-attempts'));
        a.last_wrong_at -= ms;
        localStorage.setItem('genie-handover-attempts', JSON.stringify(a));
      }, ms);
    await moveOn(31_000);
    await tryCode(wrong);
    await wrongSoFar(5);
    await problem.getByText(fill(t.handover.wait_minutes_one, { count: 1 })).waitFor();

    // After the wait the right code opens it, and the count starts afresh.
    await moveOn(61_000);
    await tryCode(code);
    await page.getByTestId('receive-arrived').waitFor();
    await page.getByRole('button', { name: t.handover.keep_yes }).click();
    await page.getByTestId('receive-result').getByText(t.handover.kept).waitFor();
    assert.deepEqual(await personRecords(page), before);
    assert.equal(await page.evaluate(() => localStorage.getItem('genie-handover-attempts')), null);
  });
});

// A browser from before CompressionStream (Safari 16.4, Firefox 113, Chrome 103).
const withoutCompression = () => {
  delete globalThis.CompressionStream;
  delete globalThis.DecompressionStream;
};

/** The frame's flags byte, from the first code's link: 1 when the data is compressed. */
function frameFlags(links) {
  const data = links.map((link) => link.split('/').pop()).join('');
  return Buffer.from(data, 'base64url')[1];
}

for (const [side, options, flags] of [
  ['the tablet', { tabletInit: withoutCompression }, 0],
  ['the phone', { phoneInit: withoutCompression }, 1],
]) {
  test(`a hand-over round-trips when ${side} has no CompressionStream`, async () => {
    await withTwoDevices(async (tablet, phone) => {
      const members = [
        { name: 'Pat', circle: 'inner' },
        { name: 'Sam Okafor', circle: 'inner' },
        { name: 'Bingo club', kind: 'group', circle: 'middle' },
        { name: 'Dr Chen', circle: 'middle' },
        { name: 'Rover', kind: 'pet', circle: 'inner' },
        { name: 'Allotment', kind: 'place', circle: 'outer' },
      ];
      const lacking = side === 'the tablet' ? tablet.page : phone.page;
      await lacking.goto(`${server.url}#/`);
      assert.equal(await lacking.evaluate(() => typeof DecompressionStream), 'undefined');
      await supporterSession(tablet.page, members);
      const before = await personRecords(tablet.page);
      const { code, links } = await makeCodes(tablet.page);
      // The frame says whether its data is compressed.
      assert.equal(frameFlags(links), flags);
      console.log(`metric handover_codes_browser_6_members_compressed_${flags} ${links.length} codes`);
      let last;
      for (const link of links) last = await openOnPhone(phone, link);
      await last.getByLabel(t.handover.code_label).fill(code);
      await last.getByRole('button', { name: t.handover.open, exact: true }).click();
      const shown = await last.getByTestId('receive-names').textContent();
      for (const { name } of members) assert.ok(shown.includes(name), `${name} in ${shown}`);
      await last.getByRole('button', { name: t.handover.keep_yes }).click();
      await last.getByTestId('receive-result').getByText(t.handover.kept).waitFor();
      assert.deepEqual(await personRecords(last), before, 'the phone holds the same records');
    }, options);
  });
}

/** The number of pages in a PDF, from its page objects. */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test('the guide for supporters is a page: reached by keyboard, read aloud, one printed A4 page', async () => {
  await withBrowser(async (open) => {
    const { page } = await open();
    await page.goto(`${server.url}#/`);
    await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
    // From "Helping someone?" by keyboard alone.
    const link = page.getByTestId('helping').getByRole('link', { name: t.guide.open_link });
    let reached = false;
    for (let n = 0; n < 60 && !reached; n += 1) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((el) => el === document.activeElement);
    }
    assert.ok(reached, 'the guide link is reached with Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: t.guide.title }).waitFor();
    assert.ok(page.url().endsWith('#/supporter-guide'), page.url());
    assert.deepEqual(await seriousAxeViolations(page), []);
    // Its sections are headings a screen reader can jump between, and it names the buttons
    // as the screen does.
    const sections = await page.getByTestId('supporter-guide').getByRole('heading', { level: 2 }).allTextContents();
    assert.deepEqual(sections, [
      t.guide.before_title,
      t.guide.start_title,
      t.guide.together_title,
      t.guide.hand_title,
      t.guide.check_title,
      t.guide.keeps_title,
      t.guide.next_time_title,
    ]);
    const text = await page.getByTestId('supporter-guide').textContent();
    for (const label of [t.handover.helping_start, t.handover.make, t.handover.keep_yes, t.handover.file_send]) {
      assert.ok(text.includes(`“${label}”`), label);
    }
    assert.ok(!text.includes('{{'), 'every placeholder is filled');

    // Printed: only the guide, at a readable size, on one A4 page.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: t.guide.print }).isVisible(), false);
    assert.equal(await page.locator('.app-header').isVisible(), false);
    const size = await page.getByTestId('supporter-guide').evaluate((el) => parseFloat(getComputedStyle(el.querySelector('p')).fontSize));
    assert.ok(size >= 14, `printed at ${size} px (10.5 pt or more)`);
    await page.emulateMedia({ media: null });
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    console.log(`metric supporter_guide_a4_pages_en ${pages} pages`);
    assert.equal(pages, 1);

    // From the hand-over page as well.
    await page.goto(`${server.url}#/hand-over`);
    await page.getByRole('link', { name: t.guide.open_link }).click();
    await page.getByRole('heading', { level: 1, name: t.guide.title }).waitFor();
  }, { viewport: { width: 1024, height: 1366 } });
});

test('the guide for supporters is in the language on screen and prints on one A4 page in each', async () => {
  for (const tag of ['nl', 'nb', 'el', 'bg', 'es']) {
    const words = catalogues[tag];
    await withBrowser(async (open) => {
      const { page } = await open();
      await page.goto(`${server.url}#/supporter-guide`);
      await page.getByRole('heading', { level: 1, name: words.guide.title }).waitFor();
      const text = await page.getByTestId('supporter-guide').textContent();
      assert.ok(text.includes(words.handover.make), `${tag}: ${words.handover.make}`);
      assert.ok(!text.includes('{{'), `${tag}: every placeholder is filled`);
      const pages = pdfPages(await page.pdf({ format: 'A4' }));
      console.log(`metric supporter_guide_a4_pages_${tag} ${pages} pages`);
      assert.equal(pages, 1, tag);
    }, { locale: tag });
  }
});
