// Prints the shipped size of the built app as `metric <name> <value> <unit>` lines: each of
// the wasm, JS, CSS and HTML raw, gzip and brotli, then the total a first visit downloads.
//
//   node scripts/bench-size.mjs [dist]
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((name) => !name.startsWith('.'));
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html', '.svg': 'icons' };

const totals = {};
for (const name of files) {
  const kind = kinds[extname(name)];
  if (!kind) continue;
  const bytes = readFileSync(join(dir, name));
  const sizes = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
  totals[kind] ??= { raw: 0, gzip: 0, brotli: 0 };
  for (const k of Object.keys(sizes)) totals[kind][k] += sizes[k];
}

let first = { raw: 0, gzip: 0, brotli: 0 };
for (const [kind, sizes] of Object.entries(totals)) {
  for (const [encoding, value] of Object.entries(sizes)) {
    console.log(`metric ${kind}_${encoding} ${value} bytes`);
    first[encoding] += value;
  }
}
// Everything in dist/ is fetched on a first visit (the page, its loader, the module, the
// styles and the icon); later issues add the area's data files here too.
for (const [encoding, value] of Object.entries(first)) {
  console.log(`metric first_load_${encoding} ${value} bytes`);
}
console.log(`metric first_load_brotli_budget_used ${((first.brotli / 250_000) * 100).toFixed(1)} percent`);
