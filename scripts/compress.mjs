// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each large text or wasm file of a built
// site, so a host that does not compress on the fly can still send small files (see
// docs/hosting.md for how to tell common hosts to use them).
//
//   Run by Trunk as a post_build hook (the staging directory is in TRUNK_STAGING_DIR; it waits
//   for the other hooks to finish index.html and sw.js), or by hand on a built site folder:
//     node scripts/compress.mjs <site folder>
//
// Left alone: the area's files (area/), which may be replaced on the host without a new build,
// and sw.js, which scripts/sw-precache.mjs may write again by hand; a compressed copy left over
// from an older file would be sent in its place. Both are small once the host compresses them,
// and sw.js is small even when it does not.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('compress: give a site folder, or run it from a Trunk post_build hook');
  process.exit(1);
}

/** Below this size compression saves too little to be worth a second file. */
const SMALLEST = 1024;
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt']);

// Trunk runs post_build hooks side by side: wait for the finished index.html and sw.js.
if (process.env.TRUNK_STAGING_DIR && !process.argv[2]) {
  const ready = () =>
    existsSync(join(dir, 'sw.js')) &&
    !readFileSync(join(dir, 'index.html'), 'utf8').includes('CSP_SCRIPT_HASH');
  for (let waited = 0; !ready(); waited += 50) {
    if (waited > 300_000) {
      console.error('compress: index.html and sw.js were not finished after 5 minutes');
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function walk(folder) {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

let count = 0;
let raw = 0;
let brotli = 0;
let gzip = 0;
for (const path of walk(dir)) {
  const file = relative(dir, path).split(sep).join('/');
  if (file.startsWith('area/') || file === 'sw.js' || !TEXT.has(extname(file))) continue;
  const body = readFileSync(path);
  if (body.length < SMALLEST) continue;
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gz = gzipSync(body, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  count += 1;
  raw += body.length;
  brotli += br.length;
  gzip += gz.length;
}
console.log(`compress: ${count} files, ${raw} bytes: ${brotli} as brotli, ${gzip} as gzip`);
