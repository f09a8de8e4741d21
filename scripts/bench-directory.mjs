// Directory benchmark: the release build in Chromium at 360 px with the CPU slowed four times,
// on made-up directories of 1,000 / 10,000 / 50,000 entries (a seeded generator spreads them
// over towns; `cargo run --example directory_gen`). Prints `metric <name> <value> <unit>`:
// bytes fetched on a first and a second visit (as sent, compressed), time to suggestions, the
// longest main-thread task (PerformanceObserver long tasks), wasm memory, the time of an update
// after a choice (on the first visit, and again once the page has settled) and after a change of
// preferences, and the suggestions page height.
//
//   node scripts/bench-directory.mjs [dist] [sizes, e.g. 1000,10000,50000]
//
// Nothing passes or fails on time: the numbers are for reading.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { launch, profileDir, t } from '../tests/e2e/support.mjs';

const root = new URL('../', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');
const sizes = (process.argv[3] ?? '1000,10000,50000').split(',').map(Number);
const work = join(root, 'target', 'bench-directory');
mkdirSync(work, { recursive: true });

/** A site folder: the build with a generated directory of `n` entries in place of the sample. */
function site(n) {
  const json = join(work, `directory-${n}.json`);
  if (!existsSync(json)) {
    execFileSync('cargo', ['run', '--release', '-q', '-p', 'genie-core', '--example', 'directory_gen', '--', String(n), json], {
      stdio: 'inherit',
    });
  }
  const dir = join(work, `site-${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(dist, dir, { recursive: true });
  // Whatever the build writes for the area (one file, or tiles beside it), made from the
  // generated directory by the area tool when it can, else copied as one file.
  const area = join(dir, 'area');
  if (existsSync(join(root, 'scripts', 'bench-area.sh'))) {
    execFileSync('bash', [join(root, 'scripts', 'bench-area.sh'), json, area], { stdio: 'inherit' });
  } else {
    cpSync(json, join(area, 'directory.json'));
  }
  execFileSync('node', [join(root, 'scripts', 'sw-precache.mjs'), dir], { stdio: 'ignore' });
  return dir;
}

/** A pass-through server in front of the static one that counts the bytes it sends, by path. */
async function countingServer(dir) {
  const inner = await serve({ dir });
  const target = new URL(inner.url);
  const sent = new Map();
  const server = createServer((req, res) => {
    const forward = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        // The service worker fills its cache with `cache: 'reload'` requests (sent with
        // "Pragma: no-cache"); the page's own requests are counted apart from those.
        const by = req.headers.pragma === 'no-cache' ? 'sw' : 'page';
        const path = `${by} ${new URL(req.url, 'http://x').pathname}`;
        upstream.on('data', (chunk) => sent.set(path, (sent.get(path) ?? 0) + chunk.length));
        upstream.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    take: () => {
      const all = [...sent.entries()];
      sent.clear();
      return all;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await inner.close();
    },
  };
}

/** Runs in the page before the app: long tasks, when the list first appears, the wasm memory. */
const init = `
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  new MutationObserver(() => {
    if (window.__listAt === undefined && document.querySelector('[data-testid=suggestions] li')) {
      window.__listAt = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function visit(page, url) {
  await page.goto(url);
  await page.getByTestId('suggestions').locator('li').first().waitFor({ timeout: 120_000 });
  // Let the page settle, so long tasks after the list appears are counted too.
  await page.waitForTimeout(1500);
  return page.evaluate(() => ({
    toList: window.__listAt,
    longest: window.__longest,
    memory: window.__wasm?.memory?.buffer?.byteLength ?? 0,
    height: document.documentElement.scrollHeight,
  }));
}

/** Time from a press to the next painted frame after the page has changed. */
async function updateMs(page, locator) {
  const handle = await locator.elementHandle();
  return page.evaluate(
    (el) =>
      new Promise((done) => {
        const start = performance.now();
        el.click();
        requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
      }),
    handle,
  );
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const sum = (entries, test = () => true) => entries.filter(([p]) => test(p)).reduce((a, [, b]) => a + b, 0);

for (const n of sizes) {
  const dir = site(n);
  const size = (path) =>
    statSync(path).isDirectory() ? readdirSync(path).reduce((a, f) => a + size(join(path, f)), 0) : statSync(path).size;
  console.log(`metric dir_area_files_raw_kb_${n} ${kb(size(join(dir, 'area')))} KB`);
  const server = await countingServer(dir);
  const profile = profileDir();
  try {
    const { context, page } = await launch(profile.dir, { viewport: { width: 360, height: 740 }, init });
    // The person: a home in the area, two interests, walking and the bus (at full speed).
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.get_fitter).check();
    await page.getByLabel(t.interest.social).check();
    const travel = page.getByRole('group', { name: t.prefs.travel_legend });
    await travel.getByLabel(t.travel.walk).check();
    await travel.getByLabel(t.travel.bus).check();
    await page.getByTestId('save-status').getByText(t.save.saved, { exact: true }).waitFor();
    // A fresh start of the page: what a first visit to suggestions does. The bytes of the
    // first visit count from the very first page, as the app installs itself then.
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    const first = await visit(page, `${server.url}#/suggestions`);
    // The service worker installs in the background: give it time to finish its fetches.
    await page.waitForTimeout(3000);
    const firstBytes = server.take();
    const choose = page.getByTestId('suggestions').locator('li').first().getByRole('button', { name: t.suggest.choose });
    const update = await updateMs(page, choose);

    await page.goto('about:blank');
    server.take();
    const second = await visit(page, `${server.url}#/suggestions`);
    await page.waitForTimeout(1000);
    const secondBytes = server.take();
    // Again once the page has settled (the first visit's number includes the service worker
    // and the tiles' background work still going on beside it).
    const chooseNext = page.getByTestId('suggestions').getByRole('button', { name: t.suggest.choose, exact: true }).first();
    const settledUpdate = await updateMs(page, chooseNext);
    // A change of preferences: going by car as well, on the preferences page.
    await page.goto(`${server.url}#/preferences`);
    const car = page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.car);
    await car.waitFor();
    await page.waitForTimeout(1000);
    const prefsUpdate = await updateMs(page, car);

    const area = (p) => p.includes('/area/');
    const pageArea = (p) => p.startsWith('page ') && p.includes('/area/');
    console.log(`metric dir_first_visit_kb_${n} ${kb(sum(firstBytes))} KB`);
    console.log(`metric dir_first_visit_area_kb_${n} ${kb(sum(firstBytes, area))} KB`);
    console.log(`metric dir_first_visit_area_by_page_kb_${n} ${kb(sum(firstBytes, pageArea))} KB`);
    console.log(`metric dir_second_visit_kb_${n} ${kb(sum(secondBytes))} KB`);
    console.log(`metric dir_second_visit_area_kb_${n} ${kb(sum(secondBytes, area))} KB`);
    for (const [name, v] of [['first', first], ['second', second]]) {
      console.log(`metric dir_to_suggestions_ms_${name}_${n} ${v.toList?.toFixed(0)} ms`);
      console.log(`metric dir_longest_task_ms_${name}_${n} ${v.longest.toFixed(0)} ms`);
    }
    console.log(`metric dir_wasm_memory_mb_${n} ${(second.memory / 1048576).toFixed(1)} MB`);
    console.log(`metric dir_update_after_choice_ms_${n} ${update.toFixed(0)} ms`);
    console.log(`metric dir_update_after_choice_settled_ms_${n} ${settledUpdate.toFixed(0)} ms`);
    console.log(`metric dir_update_after_preference_ms_${n} ${prefsUpdate.toFixed(0)} ms`);
    console.log(`metric suggestions_page_height_360_px_${n} ${first.height} px`);
    await cdp.detach().catch(() => {});
    await context.close();
  } finally {
    profile.cleanup();
    await server.close();
  }
}
writeFileSync(join(work, 'last-run.txt'), new Date().toISOString());
