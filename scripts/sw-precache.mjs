// Writes the service worker `sw.js` into a built site: it keeps the files a first visit loads
// (so Genie opens offline) and every other file of the site the app fetches, once fetched.
//
//   Run by Trunk as a post_build hook (the staging directory is in TRUNK_STAGING_DIR), or by
//   hand on a built or published site folder:
//     node scripts/sw-precache.mjs <site folder>
//
// The first-load files are the page, every file of the site it names (styles, the JS loader and
// the wasm module it starts, the icon, the manifest) and the icons the manifest names. sw.js
// lists each with the sha256 of its contents. The build fails if the page, the wasm module, its
// JS loader, the styles, the icons, the manifest or the area's files are missing.
//
// Every file is downloaded once on a first visit: the worker fills its copy from the browser's
// HTTP cache, which holds what the page has just downloaded, and uses such a copy only when its
// sha256 is the one listed here (otherwise it downloads the file afresh). Other files (the
// area's, language catalogues) are kept on use, see `worker` below.
//
// The version is the first 16 hex digits of a sha256 over each first-load file's name and
// contents: a new build gives a new sw.js, which the browser installs as an update (the app then
// offers to reload). The area's files are not in it: they may be replaced on the host at any
// time, and the worker asks the host for them on every use while online.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoad, pageCode, siteFiles } from './site-files.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-precache: give a site folder, or run it from a Trunk post_build hook');
  process.exit(1);
}

// Trunk runs post_build hooks side by side: wait until scripts/finish-index.mjs has written the
// loader's hash into index.html, so the listed page is the final one.
const index = join(dir, 'index.html');
for (let waited = 0; readFileSync(index, 'utf8').includes('CSP_SCRIPT_HASH'); waited += 50) {
  if (waited > 300_000) {
    console.error('sw-precache: index.html still has its CSP placeholder after 5 minutes');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const files = siteFiles(dir);

const needed = [
  ['the page', (f) => f === 'index.html'],
  ['the wasm module', (f) => f.endsWith('.wasm')],
  ['its JS loader', (f) => /^[^/]+\.js$/.test(f)],
  ['the styles', (f) => f.endsWith('.css')],
  ['the icons', (f) => f.startsWith('icons/') && f.endsWith('.png')],
  ['the manifest', (f) => f === 'manifest.webmanifest'],
  ['the area settings', (f) => f === 'area/area.json'],
  // One file, or tiles by place with their index (genie-area tiles).
  ['the area directory', (f) => f === 'area/directory.json' || f === 'area/tiles/index.json'],
  ['the area lookup', (f) => f === 'area/lookup.json'],
];
const missing = needed.filter(([, test]) => !files.some(test)).map(([what]) => what);
if (missing.length) {
  console.error(`sw-precache: not in ${dir}: ${missing.join(', ')}`);
  process.exit(1);
}

const first = firstLoad(dir, files);
const firstNeeded = [
  ['the wasm module', (f) => f.endsWith('.wasm')],
  ['its JS loader', (f) => f.endsWith('.js')],
  ['the styles', (f) => f.endsWith('.css')],
];
const unnamed = firstNeeded.filter(([, test]) => !first.some(test)).map(([what]) => what);
if (unnamed.length) {
  console.error(`sw-precache: index.html does not name ${unnamed.join(', ')}`);
  process.exit(1);
}

// The app's own files: the first load and the code of the other pages, which the page fetches
// once the first page is up (before it registers this worker, so the copies come from the HTTP
// cache).
const code = pageCode(dir, first, files);
const app = [...first, ...code].sort();
const digest = (file) => createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
const digests = app.map(digest);
const hash = createHash('sha256');
let bytes = 0;
app.forEach((file, i) => {
  bytes += statSync(join(dir, file)).size;
  hash.update(`${file}\0${digests[i]}\n`);
});
const version = hash.digest('hex').slice(0, 16);
const onUse = files.filter((file) => !app.includes(file));

// Written whole under a hidden name first: scripts/compress.mjs starts once sw.js exists.
writeFileSync(join(dir, '.sw.js.part'), workerSource(version, app, digests, onUse));
renameSync(join(dir, '.sw.js.part'), join(dir, 'sw.js'));
// A host must never send an older compressed copy in place of this sw.js.
for (const stale of ['sw.js.br', 'sw.js.gz']) rmSync(join(dir, stale), { force: true });
console.log(
  `sw-precache: ${first.length} first-load files and ${code.length} of page code, ${bytes} bytes, ` +
    `${onUse.length} kept on use, version ${version}`,
);

/** The text of sw.js: the worker below with its version and file lists filled in. */
function workerSource(version, app, digests, onUse) {
  return `// Genie's service worker, written at build time by scripts/sw-precache.mjs.
// Keeps a copy of the files the app needs, so it opens and works without a connection.
'use strict';
const VERSION = ${JSON.stringify(version)};
const FILES = ${JSON.stringify(app, null, 2)};
const SHA256 = ${JSON.stringify(digests, null, 2)};
const ON_USE = ${JSON.stringify(onUse, null, 2)};
(${worker.toString()})(VERSION, FILES, SHA256, ON_USE);
`;
}

// The worker itself. It runs in the browser, not here: only its text is used, so it may refer
// to nothing outside itself.
//
// - The app's files (FILES: the first load and the other pages' code) are kept in a cache per
//   version, answered from it first.
// - Any other same-origin GET inside the app's folder (the area's files, language catalogues)
//   is kept on use in one cache shared by all versions: while online it is answered from the
//   host (the browser revalidates its own copy, so an unchanged file costs no download) and the
//   answer kept; offline, or when the host cannot be reached, from the kept copy. A file whose
//   name carries a content hash never changes, so its kept copy is used first.
function worker(VERSION, FILES, SHA256, ON_USE) {
  const PREFIX = 'genie-';
  const CACHE = PREFIX + VERSION;
  const KEPT = PREFIX + 'on-use';
  // The background worker's checked copies of directory tiles (crates/genie-worker): kept
  // across versions, which tell their own copies apart.
  const CHECKED = PREFIX + 'checked';
  const scope = new URL('./', self.location).href;
  const PAGE = new URL('index.html', scope).href;
  const first = new Map(FILES.map((file, i) => [new URL(file, scope).href, SHA256[i]]));
  const onUse = new Set(ON_USE.map((file) => new URL(file, scope).href));
  // Trunk's names: main-144ab4e9250b403f.css, genie-2d919a811f048a24_bg.wasm, nl.<hash>.json.
  const HASHED = /[.-][0-9a-f]{16,}(?:_bg)?\.[a-z]+$/;

  const hex = (buffer) =>
    [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const isListed = (response, sha256) =>
    response
      .arrayBuffer()
      .then((body) => crypto.subtle.digest('SHA-256', body))
      .then((sum) => hex(sum) === sha256);

  // One first-load file: the copy the page has just downloaded, from the HTTP cache, when it
  // is the file this build lists; otherwise (not in the HTTP cache, or an older copy there)
  // downloaded afresh and kept as the host serves it.
  // The page may have been opened as the folder's address (`.../genie/`): that copy counts.
  async function keep(cache, url, sha256) {
    for (const held of url === PAGE ? [scope, PAGE] : [url]) {
      try {
        const response = await fetch(held, { cache: 'force-cache' });
        if (response.ok && (await isListed(response.clone(), sha256))) {
          return cache.put(url, response);
        }
      } catch (error) {
        // Nothing usable held: download it below.
      }
    }
    const fresh = await fetch(url, { cache: 'reload' });
    if (!fresh.ok) throw new Error(`${url}: ${fresh.status}`);
    return cache.put(url, fresh);
  }

  // What the page fetched before this worker ran it (the area's settings at start, a
  // catalogue), as the page lists it once this worker has taken over: copied from the HTTP
  // cache, so it works offline too. Only the files the page names, and only those kept on use:
  // asking for every such file "only if cached" downloaded each one in WebKit (an iPhone's
  // engine), every tile of a large area and every language among them.
  async function adoptFetched(urls) {
    const kept = await caches.open(KEPT);
    const named = new Set();
    for (const name of urls) {
      try {
        const url = new URL(name);
        url.hash = '';
        url.search = '';
        if (onUse.has(url.href)) named.add(url.href);
      } catch (notAnAddress) {
        // Not a file of this app.
      }
    }
    await Promise.all(
      [...named].map(async (url) => {
        if (await kept.match(url)) return;
        try {
          const held = await fetch(url, { cache: 'force-cache' });
          if (held.ok && held.type === 'basic') await kept.put(url, held);
        } catch (error) {
          // Not reachable now: kept when the app next asks for it.
        }
      }),
    );
  }

  // Copies of hashed files no build lists any more (an older catalogue) are dropped.
  async function dropOutdated() {
    const kept = await caches.open(KEPT);
    const requests = await kept.keys();
    await Promise.all(
      requests
        .filter((request) => HASHED.test(new URL(request.url).pathname) && !onUse.has(request.url))
        .map((request) => kept.delete(request)),
    );
  }

  self.addEventListener('install', (event) => {
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) => Promise.all([...first].map(([url, sha256]) => keep(cache, url, sha256)))),
    );
    // No skipWaiting here: an update waits until the person chooses to reload (the app asks).
  });

  // An older version's copy may hold files now kept on use (older workers kept the area's
  // files with the app): they move over before that copy goes, so offline use carries on.
  async function moveFrom(name) {
    const old = await caches.open(name);
    const kept = await caches.open(KEPT);
    for (const url of onUse) {
      const response = (await kept.match(url)) ? undefined : await old.match(url);
      if (response) await kept.put(url, response);
    }
    await caches.delete(name);
  }

  self.addEventListener('activate', (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((names) =>
          Promise.all(
            names
              .filter((name) => name.startsWith(PREFIX) && ![CACHE, KEPT, CHECKED].includes(name))
              .map(moveFrom),
          ),
        )
        .then(dropOutdated)
        .then(() => self.clients.claim()),
    );
  });

  self.addEventListener('message', (event) => {
    const data = event.data;
    if (data && data.type === 'SKIP_WAITING') self.skipWaiting();
    if (data && data.type === 'KEEP_FETCHED' && Array.isArray(data.urls)) {
      event.waitUntil(adoptFetched(data.urls.filter((url) => typeof url === 'string')));
    }
  });

  // Answers from the network and keeps a good answer in `cacheName` (the worker stays alive
  // until it is stored).
  function fetchAndKeep(event, cacheName, url) {
    let stored = Promise.resolve();
    const answer = fetch(event.request).then((response) => {
      if (response.ok && response.type === 'basic') {
        const copy = response.clone();
        stored = caches.open(cacheName).then((cache) => cache.put(url, copy));
      }
      return response;
    });
    try {
      event.waitUntil(answer.then(() => stored).catch(() => undefined));
    } catch (late) {
      // The event is already settled: the copy is still stored, only not waited for.
    }
    return answer;
  }

  // Kept copy first: for files that never change under their name.
  function keptFirst(event, cacheName, url) {
    return caches
      .open(cacheName)
      .then((cache) => cache.match(url))
      .then((cached) => cached || fetchAndKeep(event, cacheName, url));
  }

  // The host first, the kept copy when it cannot be reached.
  function hostFirst(event, url) {
    return fetchAndKeep(event, KEPT, url).catch((offline) =>
      caches
        .open(KEPT)
        .then((kept) => kept.match(url))
        .then((cached) => cached || Promise.reject(offline)),
    );
  }

  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' || request.headers.has('range')) return;
    const url = new URL(request.url);
    url.hash = '';
    url.search = '';
    if (url.origin !== self.location.origin || !url.href.startsWith(scope)) return;
    if (url.href === self.location.href) return;

    // Any page inside the app's folder is the app (addresses use # for pages).
    if (request.mode === 'navigate') {
      event.respondWith(
        caches
          .open(CACHE)
          .then((cache) => cache.match(PAGE))
          .then((cached) => cached || fetch(request)),
      );
      return;
    }
    if (first.has(url.href)) {
      event.respondWith(keptFirst(event, CACHE, url.href));
    } else if (HASHED.test(url.pathname)) {
      event.respondWith(keptFirst(event, KEPT, url.href));
    } else {
      event.respondWith(hostFirst(event, url.href));
    }
  });
}
