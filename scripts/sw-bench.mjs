// Offline numbers for the built app, as `metric <name> <value> <unit>` lines:
//
//   precache_files, precache_bytes, precache_brotli_bytes  what the service worker keeps
//   sw_install_ms        from the app registering its worker to that worker running the page
//                        (sw.js fetched, every listed file stored, old copies removed)
//   first_visit_tti_ms   a first visit, online: navigation to the first page ready to use
//   offline_tti_ms       a later visit with no connection, from the worker's copy
//
// Times are medians of RUNS fresh browser profiles, on 127.0.0.1 (no network delay), in
// Debian's headless Chromium; "ready to use" is when the page's heading is shown, which the
// app does once its storage is open.
//
//   node scripts/sw-bench.mjs [dist]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const dir = process.argv[2] ?? 'dist';
const RUNS = 5;

const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
const files = JSON.parse(worker.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
let bytes = 0;
let brotli = 0;
for (const file of files) {
  const body = readFileSync(join(dir, file));
  bytes += body.length;
  brotli += brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}
console.log(`metric precache_files ${files.length} files`);
console.log(`metric precache_bytes ${bytes} bytes`);
console.log(`metric precache_brotli_bytes ${brotli} bytes`);

// Records, in page time, when the app registers its worker, when a worker first runs the page,
// and when the first page heading appears.
function probe() {
  const marks = (window.__genieMarks = {});
  const container = navigator.serviceWorker;
  if (container) {
    const register = container.register.bind(container);
    container.register = (...args) => {
      marks.register ??= performance.now();
      return register(...args);
    };
    container.addEventListener('controllerchange', () => {
      marks.controlled ??= performance.now();
    });
  }
  new MutationObserver((_, observer) => {
    if (document.querySelector('main h1')) {
      marks.interactive = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = await serve({ dir, port: 0 });
const install = [];
const first = [];
const offline = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const profile = mkdtempSync(join(tmpdir(), 'genie-sw-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 390, height: 844 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    try {
      await context.addInitScript(probe);
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(30_000);
      await page.goto(server.url);
      await page.waitForFunction(() => window.__genieMarks.interactive !== undefined);
      await page.waitForFunction(() => window.__genieMarks.controlled !== undefined);
      const marks = await page.evaluate(() => window.__genieMarks);
      install.push(marks.controlled - marks.register);
      first.push(marks.interactive);

      await context.setOffline(true);
      await page.goto('about:blank');
      await page.goto(server.url);
      await page.waitForFunction(() => window.__genieMarks.interactive !== undefined);
      offline.push(await page.evaluate(() => window.__genieMarks.interactive));
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
console.log(`metric sw_install_ms ${median(install).toFixed(1)} ms`);
console.log(`metric first_visit_tti_ms ${median(first).toFixed(1)} ms`);
console.log(`metric offline_tti_ms ${median(offline).toFixed(1)} ms`);
