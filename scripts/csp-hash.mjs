// Trunk writes a small inline <script type="module"> into index.html to start the app. A
// strict Content Security Policy blocks inline scripts unless their hash is listed, so after
// each build this puts the sha256 of every inline script in place of CSP_SCRIPT_HASH.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hash: TRUNK_STAGING_DIR is not set; run this from a Trunk post_build hook');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
if (!html.includes('CSP_SCRIPT_HASH')) {
  console.error('csp-hash: index.html has no CSP_SCRIPT_HASH placeholder');
  process.exit(1);
}
writeFileSync(file, html.replace('CSP_SCRIPT_HASH', hashes.join(' ')));
console.log(`csp-hash: ${hashes.length} inline script(s) allowed by hash`);
