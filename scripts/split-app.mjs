// Cuts the code of every page but the first out of the app's wasm module into files of their
// own, fetched when a page is first shown (src/ui/page_loader.rs), so that a first visit
// downloads only what the welcome page needs.
//
//   Run by Trunk as the first post_build hook (Trunk.toml), before scripts/finish-index.mjs.
//
// Trunk builds the module and runs wasm-bindgen and wasm-opt on it as one piece. This step
// starts again from the module cargo wrote (linked with `--emit-relocs`, build.rs):
// `wasm-split-cli` cuts it at the split points the app declares, wasm-bindgen makes the JS
// loader for the main part, wasm-opt shrinks each part, and the results replace Trunk's two
// files. Every file is named `genie-<hash>...` by one hash over all of them (the main loader and
// the page loader name each other, so no file can be named by its own contents alone); hosts
// keep `genie-*` for good (hosting/_headers) and a new build gives new names.
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fail = (message) => {
  console.error(`split-app: ${message}`);
  process.exit(1);
};

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set; run this from a Trunk post_build hook');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const input = join(targetDir, 'wasm32-unknown-unknown', profile, 'genie.wasm');

const indexFile = join(dir, 'index.html');
let html = readFileSync(indexFile, 'utf8');
const trunkJs = html.match(/genie-[0-9a-f]+\.js/)?.[0];
const trunkWasm = html.match(/genie-[0-9a-f]+_bg\.wasm/)?.[0];
if (!trunkJs || !trunkWasm) fail('index.html names no genie-*.js and genie-*_bg.wasm');

const work = mkdtempSync(join(tmpdir(), 'genie-split-'));
const run = (tool, args) => {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    fail(`${tool} failed: ${error.stderr?.toString().trim() || error.message}`);
  }
};

// 1. Cut: the main part (genie.wasm, still to go through wasm-bindgen), one file per split
//    point (split_<name>.wasm), one per piece of code several split points share
//    (chunk_<n>.wasm), and the JS that fetches them (__wasm_split.js).
const split = join(work, 'split');
run('wasm-split-cli', [input, split, '--out-name', 'genie']);
// 2. The JS loader for the main part, as Trunk would make it, keeping the function table and
//    the other exports the linker made: the page files reach the main part through them.
const bound = join(work, 'bound');
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bound, '--out-name', 'genie', join(split, 'genie.wasm')]);
// 3. Smaller code in every part. Each part keeps the exports and table slots the others use.
const optimise = profile === 'release';
const parts = readdirSync(split).filter((name) => name.endsWith('.wasm') && name !== 'genie.wasm').sort();
const wasmFiles = [[join(bound, 'genie_bg.wasm'), 'genie_bg.wasm'], ...parts.map((name) => [join(split, name), name])];
const wasm = new Map();
if (optimise) {
  // As many at once as there are cores; the main part first, as it takes longest.
  const queue = wasmFiles.map(([path]) => path);
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      await new Promise((resolve) =>
        execFile('wasm-opt', ['-Oz', path, '-o', path], (error, _out, stderr) => {
          if (error) fail(`wasm-opt failed on ${path}: ${stderr.trim() || error.message}`);
          resolve();
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
}
for (const [path, name] of wasmFiles) wasm.set(name, readFileSync(path));
let mainJs = readFileSync(join(bound, 'genie.js'), 'utf8');
let pagesJs = readFileSync(join(split, '__wasm_split.js'), 'utf8');
// The page loader compiles each part as it streams in, which browsers allow only for files sent
// as application/wasm; wasm-bindgen's main loader reads a file sent as anything else whole, and
// so must the page loader, or every page but the first fails on such a host.
const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
if (!pagesJs.includes(streaming)) fail(`the page loader no longer calls ${streaming}`);
pagesJs = pagesJs.replaceAll(streaming, 'instantiatePart(src, imports)') + `
async function instantiatePart(source, imports) {
    const response = await source;
    if (!response.ok) throw new Error(\`\${response.url}: \${response.status}\`);
    if ((response.headers.get('Content-Type') ?? '').startsWith('application/wasm')) {
        return WebAssembly.instantiateStreaming(response, imports);
    }
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;

// 4. One hash over everything, then every name from it.
const hash = createHash('sha256');
for (const [name, bytes] of [...wasm, ['genie.js', mainJs], ['__wasm_split.js', pagesJs]]) {
  hash.update(`${name}\0`).update(bytes);
}
const id = hash.digest('hex').slice(0, 16);
const newName = (name) => {
  if (name === 'genie.js') return `genie-${id}.js`;
  if (name === 'genie_bg.wasm') return `genie-${id}_bg.wasm`;
  if (name === '__wasm_split.js') return `genie-${id}-pages.js`;
  const page = name.match(/^split_(\w+)\.wasm$/);
  if (page) return `genie-${id}-page-${page[1].replace(/_/g, '-')}.wasm`;
  const chunk = name.match(/^chunk_(\d+)\.wasm$/);
  if (chunk) return `genie-${id}-part-${chunk[1]}.wasm`;
  fail(`wasm-split-cli wrote ${name}, which this script does not know`);
};

// Only where a file is fetched or imported: the main loader also uses "./__wasm_split.js" as the
// key under which the main module's imports are passed, which must stay as the module says.
const renameIn = (text, from, to, where) => {
  const escaped = from.replace(/[.]/g, '\\.');
  const pattern = where === 'import'
    ? new RegExp(`(from\\s*)(["'])\\./${escaped}\\2`, 'g')
    : new RegExp(`()(["'])\\./${escaped}\\2`, 'g');
  if (!pattern.test(text)) fail(`expected a reference to ./${from}`);
  return text.replace(pattern, `$1$2./${to}$2`);
};
mainJs = renameIn(mainJs, '__wasm_split.js', newName('__wasm_split.js'), 'import');
pagesJs = renameIn(pagesJs, 'genie.js', newName('genie.js'), 'import');
for (const name of parts) pagesJs = renameIn(pagesJs, name, newName(name), 'url');

rmSync(join(dir, trunkJs));
rmSync(join(dir, trunkWasm));
writeFileSync(join(dir, newName('genie.js')), mainJs);
writeFileSync(join(dir, newName('__wasm_split.js')), pagesJs);
for (const [name, bytes] of wasm) writeFileSync(join(dir, newName(name)), bytes);
rmSync(work, { recursive: true, force: true });

// 5. The page names the new main files, with their integrity hashes.
html = html.replaceAll(trunkJs, newName('genie.js')).replaceAll(trunkWasm, newName('genie_bg.wasm'));
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const href = tag.match(/\shref="\.\/([^"]+)"/)?.[1];
  if (!href || !/\sintegrity="/.test(tag) || !href.startsWith(`genie-${id}`)) return tag;
  const sri = `sha384-${createHash('sha384').update(readFileSync(join(dir, href))).digest('base64')}`;
  return tag.replace(/\sintegrity="[^"]*"/, ` integrity="${sri}"`);
});
writeFileSync(indexFile, html);

const size = (name) => (name.endsWith('.js') ? Buffer.byteLength(name === 'genie.js' ? mainJs : pagesJs) : wasm.get(name).length);
const total = [...wasm.keys()].filter((n) => n !== 'genie_bg.wasm').reduce((sum, n) => sum + size(n), 0);
console.log(
  `split-app: main module ${size('genie_bg.wasm')} bytes; ${parts.length} files of page code, ${total} bytes, fetched on use`,
);
