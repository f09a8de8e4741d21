// Finishes the index.html Trunk has staged, in one write (scripts/sw-precache.mjs waits for it):
//
// 1. The page's own words (title, description, the splash shown while the app starts, the
//    no-JavaScript message) are written as {{key}} placeholders, filled here from the English
//    catalogue, so every word a person reads comes from locales/.
// 2. Trunk writes a small inline <script type="module"> to start the app. A strict Content
//    Security Policy blocks inline scripts unless their hash is listed, so the sha256 of every
//    inline script takes the place of CSP_SCRIPT_HASH.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fail = (message) => {
  console.error(`finish-index: ${message}`);
  process.exit(1);
};

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set; run this from a Trunk post_build hook');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = JSON.parse(readFileSync(join(root, 'locales', 'en.json'), 'utf8'));
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const escape = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
html = html.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key) => {
  const text = key.split('.').reduce((node, part) => node?.[part], catalogue);
  if (typeof text !== 'string') fail(`index.html asks for "${key}", which locales/en.json lacks`);
  return escape(text);
});

if (!html.includes('CSP_SCRIPT_HASH')) fail('index.html has no CSP_SCRIPT_HASH placeholder');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
writeFileSync(file, html.replace('CSP_SCRIPT_HASH', hashes.join(' ')));
console.log(`finish-index: words filled in, ${hashes.length} inline script(s) allowed by hash`);
