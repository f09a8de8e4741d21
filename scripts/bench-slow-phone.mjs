// A first and a repeat visit on a slow phone, in Debian's headless Chromium: Slow 4G (150 ms,
// 1.6 Mbps down, 750 kbps up) and the CPU slowed four times, from a compressing host. Prints
// medians of RUNS fresh profiles as `metric` lines:
//
//   slow_first_words_ms     first contentful paint (the page's own words, before the app)
//   slow_start_usable_ms    the app mounted with its Start link (it can be used)
//   slow_about_you_ms       Start tapped the moment it appears, until About you is drawn (its
//                           code is fetched after the first page, so an early tap may wait)
//   slow_repeat_start_ms    a second visit with an answer saved in the first, from the service
//                           worker's copy, to a usable Start (the saved answers read first)
//
// Timings vary from run to run and machine to machine: they are for reading, never asserted.
//
//   node scripts/bench-slow-phone.mjs [dist]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const dir = process.argv[2] ?? 'dist';
const RUNS = 3;
const START = 'main a.button.primary[href="#/about-you"]';
const SAVED = JSON.parse(readFileSync(new URL('../locales/en.json', import.meta.url), 'utf8')).save.saved;

/** Notes, in page time, when the app's Start link first appears. */
function probe(selector) {
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) {
      window.__startAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Loads the page under the slow settings; resolves to { words, start } in ms from navigation,
 * and with `tap`, `aboutYou`: ms from tapping Start as soon as it appears to About you drawn.
 */
async function visit(page, url, { tap = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__startAt !== undefined, null, { timeout: 60_000 });
  const { words, start } = await page.evaluate(() => ({
    words: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    start: window.__startAt,
  }));
  let aboutYou;
  if (tap) {
    const tapped = await page.evaluate(() => performance.now());
    await page.locator(START).click();
    await page.locator('main input#area').waitFor({ timeout: 60_000 });
    aboutYou = (await page.evaluate(() => performance.now())) - tapped;
    // Something to read on the next visit, as a person coming back has.
    await page.locator('main input#area').fill('MB1 1ED');
    await page.getByTestId('save-status').getByText(SAVED, { exact: true }).waitFor({ timeout: 60_000 });
  }
  await cdp.detach();
  return { words, start, aboutYou };
}

const server = await serve({ dir, port: 0 });
const words = [];
const start = [];
const repeat = [];
const aboutYou = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const profile = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'genie-slow-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 390, height: 844 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    try {
      await context.addInitScript(probe, START);
      const page = context.pages()[0] ?? (await context.newPage());
      const first = await visit(page, server.url, { tap: true });
      words.push(first.words);
      start.push(first.start);
      aboutYou.push(first.aboutYou);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 60_000,
      });
      await page.goto('about:blank');
      repeat.push((await visit(page, server.url)).start);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
console.log(`metric slow_first_words_ms ${median(words).toFixed(0)} ms`);
console.log(`metric slow_start_usable_ms ${median(start).toFixed(0)} ms`);
console.log(`metric slow_about_you_ms ${median(aboutYou).toFixed(0)} ms`);
console.log(`metric slow_repeat_start_ms ${median(repeat).toFixed(0)} ms`);
