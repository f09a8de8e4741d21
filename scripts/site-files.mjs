// Which files of a built site a visit needs, read from the site itself (scripts/sw-precache.mjs
// keeps them for offline use, scripts/bench-size.mjs measures the first load):
//
// - the first load: index.html, every file of the site it names (in attributes and in its
//   inline start-up script), the modules those JS files import, and the icons the manifest
//   names: what must arrive before the first page can be used;
// - the page code: the files of each page's code (scripts/split-app.mjs) that the first-load JS
//   fetches when a page is first shown, named there as `new URL("./...", import.meta.url)`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Not part of the site: the worker itself, hidden files, host settings and the compressed
// copies the build writes beside large files (scripts/compress.mjs).
const skip = (name) =>
  name === 'sw.js' || name.startsWith('.') || name === '_headers' || name === '_redirects' ||
  name.endsWith('.conf') || name.endsWith('.br') || name.endsWith('.gz');

/** Every file of the site in `dir`, as sorted paths relative to it with `/`. */
export function siteFiles(dir) {
  const walk = (folder) =>
    readdirSync(folder)
      .filter((name) => !skip(name))
      .flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
  return walk(dir)
    .map((path) => relative(dir, path).split(sep).join('/'))
    .sort();
}

/** The references in `text` that name files of the site, resolved against `base`. */
function named(files, refs, base = '') {
  const found = [];
  for (const ref of refs) {
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(ref)) continue; // another site, data:, an anchor
    const file = new URL(ref, `http://site/${base}`).pathname.slice(1);
    if (files.includes(file)) found.push(file);
  }
  return found;
}

const read = (dir, file) => readFileSync(join(dir, file), 'utf8');
const folderOf = (file) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '');

/** The files a first visit loads, sorted. */
export function firstLoad(dir, files = siteFiles(dir)) {
  const first = new Set(['index.html']);
  const html = read(dir, 'index.html').replace(/<!--[\s\S]*?-->/g, '');
  const refs = [
    ...[...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/['"](\.\/[^'"\s]+)['"]/g)].map((m) => m[1]),
  ];
  // The area's files are the commissioner's, replaced on the host without a new build: never
  // part of the app, even when the page asks for one early.
  for (const file of named(files, refs)) if (!file.startsWith('area/')) first.add(file);
  // Modules the first-load JS imports, and theirs.
  const queue = [...first].filter((file) => file.endsWith('.js'));
  for (let file = queue.shift(); file; file = queue.shift()) {
    const imports = [...read(dir, file).matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    for (const imported of named(files, imports, folderOf(file))) {
      if (!first.has(imported)) {
        first.add(imported);
        queue.push(imported);
      }
    }
  }
  for (const manifest of [...first].filter((file) => file.endsWith('.webmanifest'))) {
    const icons = JSON.parse(read(dir, manifest)).icons ?? [];
    for (const file of named(files, icons.map((icon) => icon.src), folderOf(manifest))) first.add(file);
  }
  return [...first].sort();
}

/** The files of the pages' code the first-load JS fetches on use, sorted. */
export function pageCode(dir, first, files = siteFiles(dir)) {
  const code = new Set();
  for (const file of first.filter((f) => f.endsWith('.js'))) {
    const urls = [...read(dir, file).matchAll(/new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)];
    for (const found of named(files, urls.map((m) => m[1]), folderOf(file))) {
      if (!first.includes(found)) code.add(found);
    }
  }
  return [...code].sort();
}
