// A small static file server for the built app: used by `scripts/run.sh` to show the app and
// by the end-to-end tests. Listens on 127.0.0.1 only.
//
//   node scripts/serve.mjs [dir=dist] [port=8080]
//
// As a module, `serve({ dir, port, prefix })` resolves to { url, close }.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
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
function encode(file, mtime, body, accepted) {
  const wanted = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
  if (!wanted || !COMPRESSIBLE.has(extname(file))) return { body, encoding: null };
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

/** Serves `dir` under `prefix` (such as "/genie/") on 127.0.0.1. */
export function serve({ dir = 'dist', port = 0, prefix = '/' } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let path = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const { mtimeMs } = await stat(file);
      const { body, encoding } = encode(
        file,
        mtimeMs,
        await readFile(file),
        String(req.headers['accept-encoding'] ?? ''),
      );
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${actual}${prefix}`,
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
