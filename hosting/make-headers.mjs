// Fills the example host settings in this folder with the Content Security Policy of a built
// Genie site, so the header sent by the host matches the <meta> policy in its index.html, and
// adds `frame-ancestors 'none'` (a <meta> policy cannot say that: only a header can).
//
//   node hosting/make-headers.mjs <site folder>
//
// Writes <site folder>/_headers (Netlify, Cloudflare Pages) and <site folder>/.htaccess
// (Apache), and prints the nginx example for your server's settings. Run it again after every
// build: the policy names the build's own start-up script.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('./', import.meta.url);

/** The policy in a built index.html, with frame-ancestors added for headers. */
export function headerPolicy(html) {
  const meta = html.match(
    /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i,
  );
  if (!meta) throw new Error('index.html has no Content-Security-Policy <meta>');
  const policy = meta[1].trim();
  if (policy.includes('CSP_SCRIPT_HASH')) {
    throw new Error('index.html is not a built page (its CSP placeholder is still there)');
  }
  return `${policy}; frame-ancestors 'none'`;
}

/** One example file with the policy filled in. */
export function filled(name, policy) {
  return readFileSync(new URL(name, here), 'utf8')
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#') ? line : line.replaceAll('CSP_FROM_INDEX_HTML', policy),
    )
    .join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const site = process.argv[2];
  if (!site) {
    console.error('usage: node hosting/make-headers.mjs <site folder>');
    process.exit(2);
  }
  const policy = headerPolicy(readFileSync(join(site, 'index.html'), 'utf8'));
  for (const name of ['_headers', '.htaccess']) {
    writeFileSync(join(site, name), filled(name, policy));
    console.error(`make-headers: wrote ${join(site, name)}`);
  }
  console.error('make-headers: the nginx example, for your server settings:\n');
  process.stdout.write(filled('nginx.conf', policy));
}
