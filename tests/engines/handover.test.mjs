// The hand-over's receiving side in WebKit and Firefox ESR: Chromium, as the supporter's
// tablet, makes the codes; the engine, as the person's phone (an iPhone's browser is WebKit),
// opens each code's link as a camera app would, types the one-time code and keeps what
// arrived. The engine then shows the map, the link is gone from its address, and neither side
// asked any host but the local test server. Each engine's result is printed as a `metric` line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { addMembers, launch, profileDir as chromiumProfile, waitForSaved } from '../e2e/support.mjs';
import { available, launchFirefox, launchWebKit, profileDir } from './drivers.mjs';
import { foreignRequests, serveApp, step, t, until } from './journeys.mjs';

const launchers = {
  webkit: () => launchWebKit(),
  firefox: (profile) => launchFirefox(profile),
};
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => String(values[key]));
// Enough for more than one code (compressed, eight short names fit in one), so later links
// arrive in a page already open.
const members = [
  { name: 'Pat', circle: 'inner' },
  { name: 'Sam Okafor', circle: 'inner' },
  { name: 'Bingo club', kind: 'group', circle: 'middle' },
  { name: 'Dr Chen', circle: 'middle' },
  { name: 'Rover', kind: 'pet', circle: 'inner' },
  { name: 'Allotment', kind: 'place', circle: 'outer' },
  { name: 'Aunt Margaret', circle: 'outer' },
  { name: 'Choir', kind: 'group', circle: 'outer' },
  { name: 'Neighbour at number 12', circle: 'middle' },
  { name: 'Grandson Tomasz', circle: 'inner' },
  { name: 'Wednesday lunch club', kind: 'group', circle: 'middle' },
  { name: 'The library', kind: 'place', circle: 'outer' },
  { name: 'Community nurse', circle: 'middle' },
  { name: 'Crossword', kind: 'activity', circle: 'outer' },
  { name: 'Old friend from work', circle: 'outer' },
  { name: 'Radio', kind: 'thing', circle: 'middle' },
  { name: 'Cousin in Leeds', circle: 'outer' },
  { name: 'Walking group', kind: 'group', circle: 'middle' },
  { name: 'Pharmacist', circle: 'outer' },
  { name: 'Garden', kind: 'place', circle: 'inner' },
];

/** The tablet's codes: each QR code decoded from a screenshot, and the one-time code. */
async function makeCodes(url) {
  const profile = chromiumProfile();
  const tablet = await launch(profile.dir, { viewport: { width: 1024, height: 1366 } });
  try {
    const { page } = tablet;
    await page.goto(`${url}#/network/list`);
    await addMembers(page, members);
    await waitForSaved(page);
    await page.goto(`${url}#/hand-over`);
    await page.getByRole('button', { name: t.handover.make, exact: true }).click();
    await page.getByTestId('handover-qr').waitFor();
    const code = await page.getByTestId('handover-code').textContent();
    const count = Number((await page.getByTestId('handover-code-of').textContent()).match(/of (\d+)/)[1]);
    const links = [];
    for (let index = 1; index <= count; index += 1) {
      await page.getByTestId('handover-code-of').getByText(fill(t.handover.code_of, { index, count })).waitFor();
      const png = PNG.sync.read(await page.getByTestId('handover-qr').screenshot());
      const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      assert.ok(read, 'the QR code decodes');
      links.push(read.data);
      if (index < count) await page.getByRole('button', { name: t.handover.next }).click();
    }
    assert.deepEqual([...tablet.foreign].map((r) => r.url()), []);
    return { code, links };
  } finally {
    await tablet.context.close().catch(() => {});
    profile.cleanup();
  }
}

for (const engine of ['webkit', 'firefox']) {
  test(`a hand-over opens on a phone running ${engine}`, { skip: !process.env.CI && !available(engine) && `${engine} is not installed` }, async () => {
    const server = await serveApp();
    const profile = profileDir();
    let browser;
    let passed = false;
    try {
      const { code, links } = await makeCodes(server.url);
      assert.ok(links.length >= 2, 'more than one code');
      browser = await launchers[engine](profile.dir);
      // Each link as the camera opens it; the part is read and the address replaced.
      for (const [i, link] of links.entries()) {
        await browser.goto(link);
        await until(browser, 'the count of codes read', 'testid', 'receive-progress', null, {
          ok: (s) => s === fill(t.handover.progress, { received: i + 1, count: links.length }),
        });
        assert.equal(await step(browser, 'hash'), '#/receive');
      }
      // Whether this engine could have unpacked by itself (Genie no longer asks it to).
      const streams = await browser.run(() => typeof DecompressionStream === 'function');
      console.log(`metric engine_${engine}_has_decompression_stream ${streams ? 1 : 0} count`);
      await until(browser, 'the code field', 'fill', t.handover.code_label, code.replace('-', '').toLowerCase());
      await until(browser, 'the open button', 'click', t.handover.open);
      await until(browser, 'what arrived', 'testid', 'receive-names', null, {
        ok: (s) => s && members.every((m) => s.includes(m.name)),
      });
      await until(browser, 'the keep button', 'click', t.handover.keep_yes);
      await until(browser, 'kept', 'testid', 'receive-result', null, { ok: (s) => s === t.handover.kept });
      await browser.goto(`${server.url}#/network/list`);
      for (const { name } of members) await until(browser, `${name} on the map`, 'has-text', name);
      // The same codes again: refused.
      await browser.goto(links[0]);
      await until(browser, 'the used message', 'testid', 'receive-problem', null, { ok: (s) => s === t.handover.used });
      assert.deepEqual(await foreignRequests(browser), []);
      passed = true;
    } finally {
      console.log(`metric engine_${engine}_handover_passed ${passed ? 1 : 0} count`);
      await browser?.close().catch(() => {});
      server.close();
      profile.cleanup();
    }
  });
}
