// What a first visit really downloads, measured in Debian's headless Chromium against the built
// site: every request the host answered, with the bytes it sent, as `metric` lines.
//
//   first_visit_requests      requests answered on a first visit (page, app, worker, its copy)
//   first_visit_bytes         bytes sent for them, as the host sent them (compressed)
//   first_visit_repeats       files asked for more than once (0: every file downloaded once)
//   first_visit_bytes_gzip    the same visit from a host that sends gzip, not brotli
//   first_visit_bytes_plain   the same visit from a host that does not compress
//
// "A first visit" is a fresh profile opening the welcome page until the service worker runs it
// (its offline copy complete), then the suggestions page (which loads the area's directory and
// lookup, kept on use).
//
//   node scripts/bench-first-visit.mjs [dist] [--list]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const list = args.includes('--list');

/** One first visit against a fresh server; resolves to the server's request log. */
export async function firstVisit({ dir, compress = true, prefix = '/', suggestions = true }) {
  const server = await serve({ dir, port: 0, prefix, compress });
  const profile = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'genie-first-visit-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 390, height: 844 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    if (suggestions) {
      await page.goto(`${server.url}#/suggestions`);
      await keptOnUse(page, ['area/lookup.json', 'area/directory.json']);
    }
    return [...server.requests];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}

/** Waits until the worker has kept each of `files` (paths inside the app's folder). */
export async function keptOnUse(page, files, timeout = 30_000) {
  for (const start = Date.now(); Date.now() - start < timeout; ) {
    const urls = await page.evaluate(async () =>
      (await (await caches.open('genie-on-use')).keys()).map((request) => request.url),
    );
    if (files.every((file) => urls.some((url) => url.endsWith(`/${file}`)))) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the worker did not keep ${files.join(', ')}`);
}

/** Per path: how often it was asked for and the bytes sent. */
export function perPath(requests) {
  const paths = new Map();
  for (const { path, bytes } of requests) {
    const entry = paths.get(path) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += bytes;
    paths.set(path, entry);
  }
  return paths;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  for (const [compress, suffix] of [[true, ''], ['gzip', '_gzip'], [false, '_plain']]) {
    const requests = await firstVisit({ dir, compress });
    const paths = perPath(requests);
    if (list) {
      for (const [path, { count, bytes }] of paths) {
        console.log(`${(suffix || '_brotli').slice(1).padEnd(6)} ${String(count).padStart(2)}x ${String(bytes).padStart(8)} ${path}`);
      }
    }
    const total = requests.reduce((sum, r) => sum + r.bytes, 0);
    const repeats = [...paths.values()].filter((p) => p.count > 1).length;
    console.log(`metric first_visit_requests${suffix} ${requests.length} requests`);
    console.log(`metric first_visit_bytes${suffix} ${total} bytes`);
    console.log(`metric first_visit_repeats${suffix} ${repeats} files`);
  }
}
