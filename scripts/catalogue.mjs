// The catalogue layout shared by scripts/finish-index.mjs (which writes each language as
// i18n/<tag>.json) and scripts/check-catalogues.mjs. It must match build.rs exactly: key paths
// in sorted order, depth first, six slots (zero, one, two, few, many, other) for each plural
// group (keys `x_one`, `x_other`, ... with an `x_other` present), and an FNV-1a hash of the
// slot paths, so a file made for another build is refused rather than misread.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The plural group a key belongs to in `node` (an English object), or null. */
export function pluralBase(node, key) {
  for (const category of CATEGORIES) {
    const suffix = `_${category}`;
    if (key.endsWith(suffix)) {
      const base = key.slice(0, -suffix.length);
      if (typeof node[`${base}_other`] === 'string') return base;
    }
  }
  return null;
}

/**
 * Walks the English catalogue; calls `text(path, englishValue)` for each message and
 * `plural(path, base, englishNode)` for each plural group, in slot order.
 */
export function walk(english, { text, plural }, path = []) {
  const done = new Set();
  for (const key of Object.keys(english).sort()) {
    const value = english[key];
    const base = pluralBase(english, key);
    if (base !== null) {
      if (!done.has(base)) {
        done.add(base);
        plural([...path, base], english);
      }
    } else if (typeof value === 'string') {
      text([...path, key], value);
    } else if (value && typeof value === 'object') {
      walk(value, { text, plural }, [...path, key]);
    } else {
      throw new Error(`${[...path, key].join('.')} must be text or an object`);
    }
  }
}

const at = (node, path) => path.reduce((n, part) => (n && typeof n === 'object' ? n[part] : undefined), node);

/** The slots of `catalogue` in the English layout; a message it lacks is "" (English shows). */
export function slots(english, catalogue) {
  const out = [];
  const paths = [];
  walk(english, {
    text: (path) => {
      const value = at(catalogue, path);
      out.push(typeof value === 'string' ? value : '');
      paths.push(path.join('.'));
    },
    plural: (path) => {
      const parent = at(catalogue, path.slice(0, -1));
      const base = path[path.length - 1];
      for (const category of CATEGORIES) {
        const value = parent?.[`${base}_${category}`];
        out.push(typeof value === 'string' ? value : '');
        paths.push([...path.slice(0, -1), `${base}_${category}`].join('.'));
      }
    },
  });
  return { slots: out, paths };
}

/** FNV-1a (64 bits) of the slot paths, each followed by a newline, as 16 hex digits. */
export function shapeHash(paths) {
  let hash = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(paths.map((p) => `${p}\n`).join(''));
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** Every catalogue in `locales/`: { tag: object }, English included. */
export function readCatalogues(root) {
  const dir = join(root, 'locales');
  const out = {};
  for (const name of readdirSync(dir).sort()) {
    const match = /^([a-zA-Z-]+)\.json$/.exec(name);
    if (match) out[match[1]] = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  }
  return out;
}

/** The file the app fetches for a language: its slots and the shape they were made for. */
export function catalogueFile(english, catalogue) {
  const { slots: values, paths } = slots(english, catalogue);
  return JSON.stringify({ shape: shapeHash(paths), slots: values });
}

const placeholders = (text) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).filter((v, i, a) => a.indexOf(v) === i).sort();
const hasOwnWords = (text) => /\p{L}{2,}/u.test(text.replace(/\{\{\s*\w+\s*\}\}/g, ''));

/**
 * Every problem of one language's catalogue against English, as sentences (see
 * scripts/check-catalogues.mjs). `allowed` holds "tag key" lines that may equal English.
 */
export function check(english, tag, catalogue, allowed = new Set()) {
  const problems = [];
  const rules = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
  const known = new Set();
  const compare = (key, mine, theirs) => {
    if (typeof theirs !== 'string' || !theirs.trim()) {
      problems.push(`${key}: missing (English: "${mine}")`);
      return;
    }
    const want = placeholders(mine).join(', ');
    const got = placeholders(theirs).join(', ');
    if (want !== got) problems.push(`${key}: placeholders {{ ${got} }} but English has {{ ${want} }}`);
    if (theirs === mine && hasOwnWords(mine) && !allowed.has(`${tag} ${key}`) && !allowed.has(`* ${key}`)) {
      problems.push(`${key}: the same as English ("${mine}"); translate it, or add "${tag} ${key}" to locales/same-as-english.txt if it is right`);
    }
  };
  walk(english, {
    text: (path, mine) => {
      known.add(path.join('.'));
      compare(path.join('.'), mine, at(catalogue, path));
    },
    plural: (path, englishNode) => {
      const base = path[path.length - 1];
      const parent = path.slice(0, -1);
      const other = englishNode[`${base}_other`];
      for (const category of CATEGORIES) {
        const key = [...parent, `${base}_${category}`].join('.');
        known.add(key);
        const theirs = at(catalogue, [...parent, `${base}_${category}`]);
        if (rules.includes(category)) {
          compare(key, englishNode[`${base}_${category}`] ?? other, theirs);
        } else if (theirs !== undefined) {
          problems.push(`${key}: "${tag}" has no "${category}" plural form (it uses: ${rules.join(', ')}); remove it`);
        }
      }
    },
  });
  const extra = (node, path) => {
    for (const [key, value] of Object.entries(node ?? {})) {
      const full = [...path, key];
      if (value && typeof value === 'object') extra(value, full);
      else if (!known.has(full.join('.'))) problems.push(`${full.join('.')}: not in English; remove it`);
    }
  };
  extra(catalogue, []);
  return problems;
}

