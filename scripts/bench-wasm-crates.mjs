// Where the wasm's bytes go: a table per crate and per module of ours, from twiggy, printed as
// `metric wasm_crate_<crate> <bytes> bytes` and `metric wasm_module_<path> <bytes> bytes` lines.
//
//   node scripts/bench-wasm-crates.mjs [target/wasm32-unknown-unknown/release/genie.wasm]
//
// It reads the module rustc wrote for the release build, before wasm-bindgen and wasm-opt, which
// still has each function's name (the shipped file has none). Sizes are therefore larger than
// shipped, but their shares are what matters: a crate's bytes here shrink in proportion there.
// Each function counts for the crate (and module) its name starts with; generic code
// instantiated for our types counts for the crate that defines the generic function, which is
// why Leptos's crates (tachys, reactive_graph) grow with our views. Needs `twiggy`
// (`cargo install twiggy`); without it, says so and prints nothing else.
import { execFileSync } from 'node:child_process';

const wasm = process.argv[2] ?? 'target/wasm32-unknown-unknown/release/genie.wasm';
const OURS = new Set(['genie', 'genie_core']);
/** How deep a module of ours is named: genie::ui::pages::suggestions. */
const DEPTH = 4;

let items;
try {
  items = JSON.parse(
    execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', wasm], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    }),
  );
} catch (error) {
  console.error(`bench-wasm-crates: twiggy could not read ${wasm} (${error.message.split('\n')[0]})`);
  process.exit(0);
}

/**
 * The Rust path a symbol belongs to: `a::b::f` is a's; `<T as c::D>::f` (a generic type
 * implementing a trait) is c's; `<a::B as c::D>::f` is a's. Crate hashes (`core[1a2b]`) go.
 */
function path(name) {
  const clean = name.replace(/\[[0-9a-f]{6,}\]/g, '');
  const generic = clean.match(/^<(?:&(?:mut )?)?(?:[A-Z]\w*|str|\[[^\]]*\]) as ([A-Za-z_][\w:]*)/);
  const match = generic ?? clean.replace(/^[<&*\s]+|^(?:dyn |mut |const )+/g, '').match(/^([A-Za-z_]\w*(?:::[A-Za-z_]\w*)*)/);
  return match ? match[1].split('::') : null;
}

/** wasm-bindgen's own description functions, which it removes from the shipped module. */
const removedByBindgen = (name) =>
  /__wbindgen_describe|__wbindgen_placeholder|wasm_bindgen::describe/.test(name);

const crates = new Map();
const modules = new Map();
const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
for (const { name, shallow_size: bytes } of items) {
  if (name.startsWith('"function names"') || name.startsWith('custom section')) continue;
  if (removedByBindgen(name)) continue;
  if (name.startsWith('data segment') || name.startsWith('data[')) {
    add(crates, '(data)', bytes);
    continue;
  }
  const parts = path(name);
  if (!parts || parts.length < 2) {
    add(crates, '(other)', bytes);
    continue;
  }
  add(crates, parts[0], bytes);
  if (OURS.has(parts[0])) {
    // Drop the symbol's own name (and a trailing hash), keeping its module.
    const module = parts.filter((part) => !/^h[0-9a-f]{16}$/.test(part) && !part.startsWith('__component'));
    add(modules, module.slice(0, Math.min(DEPTH, module.length - 1)).join('::'), bytes);
  }
}

const total = [...crates.values()].reduce((a, b) => a + b, 0);
const rows = (map) => [...map].sort((a, b) => b[1] - a[1]);
console.log(`# wasm code and data by crate (before wasm-opt, ${total} bytes in all)`);
for (const [crate, bytes] of rows(crates)) {
  if (bytes < total / 500) continue;
  console.log(`metric wasm_crate_${crate} ${bytes} bytes (${((bytes / total) * 100).toFixed(1)}%)`);
}
console.log('# our modules');
for (const [module, bytes] of rows(modules)) {
  if (bytes < total / 1000) continue;
  console.log(`metric wasm_module_${module} ${bytes} bytes (${((bytes / total) * 100).toFixed(1)}%)`);
}
