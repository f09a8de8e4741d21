// A small static file server for the built app: used by `scripts/run.sh` to show the app and
// by the end-to-end tests. Listens on 127.0.0.1 only.
//
//   node scripts/serve.mjs [dir=dist] [port=8080]
//
// As a module, `serve({ dir, port, prefix })` resolves to { url, close, requests }: `requests`
// lists every answered request as { path, status, bytes, encoding, at } (`at`: when, in ms
// since 1970), in order, so tests and benchmarks can count what a visit really downloaded.
//
// Like a well set-up static host, it sends the `.br` or `.gz` file the build wrote beside a
// file when the browser accepts it (compressing other text on the fly), gives each file an
// ETag and answers a matching If-None-Match with 304, so a revalidation costs no body.
import { createServer } from 'node:http';
import { access, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing: text, and wasm (which shrinks to about a third). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt']);

/**
 * The body as the browser asked for it: brotli or gzip when it accepts them, as any real static
 * host does, so what the tests and benchmarks load is what people download. Compressed bodies
 * are kept per file version, so a file is compressed once.
 */
const compressed = new Map();
async function encode(file, mtime, accepted, compress) {
  const wanted = !compress ? null : accepted.includes('br') && compress !== 'gzip' ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
  if (!wanted || !COMPRESSIBLE.has(extname(file))) return { body: await readFile(file), encoding: null };
  // The build's own compressed copy, as nginx's gzip_static / brotli_static would send it.
  const beside = `${file}.${wanted === 'br' ? 'br' : 'gz'}`;
  if (await access(beside).then(() => true, () => false)) {
    return { body: await readFile(beside), encoding: wanted };
  }
  const body = await readFile(file);
  const key = `${wanted} ${file} ${mtime}`;
  if (!compressed.has(key)) {
    compressed.set(
      key,
      wanted === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return { body: compressed.get(key), encoding: wanted };
}

/**
 * Serves `dir` under `prefix` (such as "/genie/") on 127.0.0.1. With `compress: false` it acts
 * like a host that sends every file as it is, with `compress: 'gzip'` like one that only
 * knows gzip (for measuring what such hosts cost).
 */
export function serve({ dir = 'dist', port = 0, prefix = '/', compress = true } = {}) {
  const root = resolve(dir);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const answer = (status, headers, body, encoding = null) => {
      requests.push({ path, status, bytes: body ? body.length : 0, encoding, at: Date.now() });
      res.writeHead(status, headers).end(body);
    };
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(prefix)) {
        answer(404, {}, 'not found');
        return;
      }
      const local = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      let file = normalize(join(root, local));
      if (file !== root && !file.startsWith(root + sep)) {
        answer(403, {}, 'forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const { mtimeMs, size } = await stat(file);
      const { body, encoding } = await encode(
        file,
        mtimeMs,
        String(req.headers['accept-encoding'] ?? ''),
        compress,
      );
      const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        etag,
        ...(encoding ? { 'content-encoding': encoding } : {}),
      };
      if (req.headers['if-none-match'] === etag) {
        answer(304, { etag, 'cache-control': 'no-cache', vary: 'accept-encoding' }, null);
        return;
      }
      answer(200, headers, body, encoding);
    } catch {
      answer(404, {}, 'not found');
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${actual}${prefix}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.close(done);
            // Browsers keep connections alive; drop them so close() returns at once.
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve({ dir, port: Number(port) });
  console.log(`Genie is running at ${url}  (Ctrl+C to stop)`);
}
