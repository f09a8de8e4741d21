// Writes the service worker `sw.js` into a built site, with the list of every file the app
// needs (so it works offline) and a cache version that changes whenever any of them does.
//
//   Run by Trunk as a post_build hook (the staging directory is in TRUNK_STAGING_DIR), or by
//   hand on a built or published site folder, for example after replacing its area files:
//     node scripts/sw-precache.mjs <site folder>
//
// The list is every file in the folder except sw.js itself, hidden files and host settings
// files (_headers, .htaccess, *.conf). The build fails if the page, the wasm module, its JS
// loader, the styles, the icons, the manifest or the area's files are missing from it.
//
// The version is the first 16 hex digits of a sha256 over each listed name and its contents:
// a new build, or a changed area file, gives a new sw.js, which the browser installs as an
// update (the app then offers to reload).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-precache: give a site folder, or run it from a Trunk post_build hook');
  process.exit(1);
}

// Trunk runs post_build hooks side by side: wait until scripts/finish-index.mjs has written the
// loader's hash into index.html, so the listed page is the final one.
const index = join(dir, 'index.html');
for (let waited = 0; readFileSync(index, 'utf8').includes('CSP_SCRIPT_HASH'); waited += 50) {
  if (waited > 30_000) {
    console.error('sw-precache: index.html still has its CSP placeholder after 30 s');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const skip = (name) =>
  name === 'sw.js' || name.startsWith('.') || name === '_headers' || name === '_redirects' ||
  name.endsWith('.conf');

function walk(folder) {
  return readdirSync(folder)
    .filter((name) => !skip(name))
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const files = walk(dir)
  .map((path) => relative(dir, path).split(sep).join('/'))
  .sort();

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

const hash = createHash('sha256');
let bytes = 0;
for (const file of files) {
  const body = readFileSync(join(dir, file));
  bytes += body.length;
  hash.update(`${file}\0${createHash('sha256').update(body).digest('hex')}\n`);
}
const version = hash.digest('hex').slice(0, 16);

writeFileSync(join(dir, 'sw.js'), workerSource(version, files));
console.log(`sw-precache: ${files.length} files, ${bytes} bytes, version ${version}`);

/** The text of sw.js: the worker below with its version and file list filled in. */
function workerSource(version, files) {
  return `// Genie's service worker, written at build time by scripts/sw-precache.mjs.
// Keeps a copy of every file the app needs, so it opens and works without a connection.
'use strict';
const VERSION = ${JSON.stringify(version)};
const FILES = ${JSON.stringify(files, null, 2)};
(${worker.toString()})(VERSION, FILES);
`;
}

// The worker itself. It runs in the browser, not here: only its text is used, so it may refer
// to nothing outside itself.
function worker(VERSION, FILES) {
  const PREFIX = 'genie-';
  const CACHE = PREFIX + VERSION;
  const scope = new URL('./', self.location).href;
  const PAGE = new URL('index.html', scope).href;
  const precached = new Set(FILES.map((file) => new URL(file, scope).href));
  // The area's files may be replaced on the server without a new build: they are answered
  // from the cache at once and refreshed in the background for the next visit.
  const AREA = new URL('area/', scope).href;

  self.addEventListener('install', (event) => {
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) =>
          cache.addAll([...precached].map((url) => new Request(url, { cache: 'reload' }))),
        ),
    );
    // No skipWaiting here: an update waits until the person chooses to reload (the app asks).
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((names) =>
          Promise.all(
            names
              .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
              .map((name) => caches.delete(name)),
          ),
        )
        .then(() => self.clients.claim()),
    );
  });

  self.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  });

  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    url.hash = '';
    url.search = '';
    if (url.origin !== self.location.origin) return;

    // Any page inside the app's folder is the app (addresses use # for pages).
    if (request.mode === 'navigate') {
      if (!url.href.startsWith(scope)) return;
      event.respondWith(
        caches
          .open(CACHE)
          .then((cache) => cache.match(PAGE))
          .then((cached) => cached || fetch(request)),
      );
      return;
    }

    if (!precached.has(url.href)) return;
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(url.href).then((cached) => {
          if (!cached) {
            return fetch(request).then((response) => {
              if (response.ok) cache.put(url.href, response.clone());
              return response;
            });
          }
          if (url.href.startsWith(AREA)) {
            event.waitUntil(
              fetch(url.href, { cache: 'no-cache' })
                .then((fresh) => (fresh.ok ? cache.put(url.href, fresh) : undefined))
                .catch(() => undefined),
            );
          }
          return cached;
        }),
      ),
    );
  });
}
