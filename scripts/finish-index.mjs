// Finishes the index.html Trunk has staged, in one write (scripts/sw-precache.mjs waits for it):
//
// 1. The page's own words (title, description, the splash shown while the app starts, the
//    no-JavaScript message) are written as {{key}} placeholders, filled here from the English
//    catalogue, so every word a person reads comes from locales/.
// 2. Each language's catalogue other than English is written as i18n/<tag>.json in the
//    layout the app reads (scripts/catalogue.mjs), fetched only when that language is chosen.
//    The app carries the layout's hash: a build whose wasm lacks it stops here.
// 3. Trunk writes a small inline <script type="module"> to start the app. A strict Content
//    Security Policy blocks inline scripts unless their hash is listed, so the sha256 of every
//    inline script takes the place of CSP_SCRIPT_HASH.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueFile, readCatalogues, shapeHash, slots } from './catalogue.mjs';

const fail = (message) => {
  console.error(`finish-index: ${message}`);
  process.exit(1);
};

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set; run this from a Trunk post_build hook');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogues = readCatalogues(root);
const catalogue = catalogues.en;
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const escape = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
html = html.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key) => {
  const text = key.split('.').reduce((node, part) => node?.[part], catalogue);
  if (typeof text !== 'string') fail(`index.html asks for "${key}", which locales/en.json lacks`);
  return escape(text);
});

const shape = shapeHash(slots(catalogue, catalogue).paths);
// The app's module, as the page names it (the background worker's sits beside it).
const wasm = html.match(/(genie-[0-9a-f]+_bg\.wasm)/)?.[1] ?? readdirSync(dir).find((name) => name.endsWith('.wasm'));
if (wasm && !readFileSync(join(dir, wasm)).includes(Buffer.from(shape))) {
  fail(`the app was built for another catalogue layout than ${shape} (build.rs and catalogue.mjs differ)`);
}
mkdirSync(join(dir, 'i18n'), { recursive: true });
for (const [tag, other] of Object.entries(catalogues)) {
  if (tag !== 'en') writeFileSync(join(dir, 'i18n', `${tag}.json`), catalogueFile(catalogue, other));
}

if (!html.includes('CSP_SCRIPT_HASH')) fail('index.html has no CSP_SCRIPT_HASH placeholder');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
writeFileSync(file, html.replace('CSP_SCRIPT_HASH', hashes.join(' ')));
console.log(
  `finish-index: words filled in, ${Object.keys(catalogues).length - 1} catalogue(s) written, ` +
    `${hashes.length} inline script(s) allowed by hash`,
);
