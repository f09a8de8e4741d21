// Hosting: the release build works from a sub-folder (/genie/) of a host that sends the
// headers in hosting/_headers (filled in by hosting/make-headers.mjs), its header policy is the
// page's own <meta> policy plus frame-ancestors, and everything the manifest names is there.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { filled, headerPolicy } from '../../hosting/make-headers.mjs';
import { distDir, t, waitForSaved, withBrowser } from './support.mjs';

const PREFIX = '/genie/';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const html = readFileSync(join(distDir, 'index.html'), 'utf8');
const policy = headerPolicy(html);

/** The headers a `_headers` file gives every path (its `/*` block). */
function headersForAll(text) {
  const headers = {};
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === '/*';
      continue;
    }
    if (inBlock) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return headers;
}
const sent = headersForAll(filled('_headers', policy));

let server;
let base;
before(async () => {
  // A static host serving the build under /genie/ with the example headers.
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (!path.startsWith(PREFIX)) return res.writeHead(404).end();
    const file = normalize(join(distDir, decodeURIComponent(path.slice(PREFIX.length)) || 'index.html'));
    if (!file.startsWith(normalize(distDir) + sep) && file !== normalize(distDir)) {
      return res.writeHead(403).end();
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...sent, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test('the header policy is the page policy, plus frame-ancestors', () => {
  const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
  assert.equal(sent['Content-Security-Policy'], `${meta}; frame-ancestors 'none'`);
  // Inline scripts only by their hashes: Trunk's loader and the splash's language.
  assert.match(meta, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  assert.match(meta, /worker-src 'self'/);
  assert.doesNotMatch(meta, /https?:|\*|'unsafe-inline'|'unsafe-eval'/, 'no other origins, nothing unsafe');
  for (const name of ['.htaccess', 'nginx.conf']) {
    assert.ok(filled(name, policy).includes(policy), `${name} carries the same policy`);
  }
});

test('from /genie/ with the host headers: installable, runs, no policy trips', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    const violations = [];
    await context.exposeBinding('reportViolation', (_, v) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const outside = [];
    context.on('request', (request) => {
      if (!request.url().startsWith(base)) outside.push(request.url());
    });

    const response = await page.goto(base);
    assert.equal(response.headers()['content-security-policy'], policy);
    await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
    await page.getByRole('link', { name: t.welcome.start }).click();
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await waitForSaved(page);

    // The manifest, read as the browser would: its start, scope and icons are in /genie/.
    const manifestHref = await page.locator('link[rel=manifest]').evaluate((l) => l.href);
    assert.equal(manifestHref, `${base}manifest.webmanifest`);
    const manifest = await (await page.request.get(manifestHref)).json();
    assert.equal(new URL(manifest.start_url, manifestHref).href, base);
    assert.equal(new URL(manifest.scope, manifestHref).href, base);
    assert.equal(manifest.display, 'standalone');
    const icons = [
      ...manifest.icons.map((i) => [new URL(i.src, manifestHref).href, i.sizes, i.purpose]),
      [await page.locator('link[rel=apple-touch-icon]').evaluate((l) => l.href), '180x180', 'apple'],
    ];
    assert.deepEqual(
      manifest.icons.map((i) => `${i.sizes} ${i.purpose}`),
      ['192x192 any', '512x512 any', '512x512 maskable'],
    );
    for (const [href, sizes, purpose] of icons) {
      const icon = await page.request.get(href);
      assert.equal(icon.status(), 200, href);
      const png = await icon.body();
      const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      assert.equal(size, sizes, `${purpose} icon ${href}`);
    }

    // The service worker looks after /genie/ only.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, base);

    assert.deepEqual(outside, [], 'every request stays inside /genie/');
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });
});
