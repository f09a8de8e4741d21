// Language numbers for the built app, as `metric <name> <value> <unit>` lines:
//
//   catalogue_<tag>_raw, _gzip, _brotli   the bytes one language adds, fetched only by those
//                                          who choose it (English is in the wasm)
//   language_switch_<tag>_ms              from choosing the language to its words on screen,
//                                          with the catalogue fetched from the offline copy
//   language_switch_again_<tag>_ms        the same once its words are already in memory
//
// Times are medians of RUNS switches in Debian's headless Chromium, served on 127.0.0.1.
//
//   node scripts/bench-i18n.mjs [dist]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const dir = process.argv[2] ?? 'dist';
const RUNS = 5;
const root = new URL('../', import.meta.url);
const catalogue = (tag) => JSON.parse(readFileSync(new URL(`locales/${tag}.json`, root), 'utf8'));

const tags = readdirSync(join(dir, 'i18n'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace('.json', ''))
  .sort();
for (const tag of tags) {
  const bytes = readFileSync(join(dir, 'i18n', `${tag}.json`));
  console.log(`metric catalogue_${tag}_raw ${bytes.length} bytes`);
  console.log(`metric catalogue_${tag}_gzip ${gzipSync(bytes, { level: 9 }).length} bytes`);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  console.log(`metric catalogue_${tag}_brotli ${brotli.length} bytes`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Chooses `tag` on the page and resolves to the milliseconds until its welcome title shows. */
const switchTo = (page, tag, title) =>
  page.evaluate(
    ({ tag, title }) =>
      new Promise((resolve) => {
        const input = document.querySelector(`input[name=app-language][value="${tag}"]`);
        const start = performance.now();
        const shown = () => document.querySelector('main h1')?.textContent === title;
        const observer = new MutationObserver(() => {
          if (shown()) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        input.click();
      }),
    { tag, title },
  );

const server = await serve({ dir, port: 0, prefix: '/' });
const profile = mkdtempSync(join(tmpdir(), 'genie-bench-i18n-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  locale: 'en-GB',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const english = catalogue('en').welcome.title;
  const first = {};
  const again = {};
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh page each run, controlled by the service worker: catalogues come from its copy.
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker?.ready);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: english }).waitFor();
    await page.locator('input[name=app-language]').first().waitFor();
    for (const tag of tags) {
      const title = catalogue(tag).welcome.title;
      (first[tag] ??= []).push(await switchTo(page, tag, title));
      await switchTo(page, 'en', english);
      (again[tag] ??= []).push(await switchTo(page, tag, title));
      await switchTo(page, 'en', english);
    }
  }
  for (const tag of tags) {
    console.log(`metric language_switch_${tag}_ms ${median(first[tag]).toFixed(1)} ms`);
    console.log(`metric language_switch_again_${tag}_ms ${median(again[tag]).toFixed(1)} ms`);
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
