// Checks every language's catalogue in locales/ against the English one, and says in plain
// words what a translator must fix. Fails (exit 1) when a language:
//   - lacks a message English has, or has one English does not;
//   - has a placeholder ({{ name }}) English's message does not have, or misses one;
//   - has plural forms its language does not use, or lacks one it does (from the plural rules
//     of Intl.PluralRules, the same the app uses);
//   - leaves a message as in English, unless it holds no words of its own (only placeholders,
//     numbers and marks) or it is on the short allowed list, locales/same-as-english.txt.
//
//   node scripts/check-catalogues.mjs [tag...]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, readCatalogues } from './catalogue.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogues = readCatalogues(root);
const english = catalogues.en;
const wanted = process.argv.slice(2);

const allowed = new Set(
  readFileSync(join(root, 'locales', 'same-as-english.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean),
);

let failed = false;
for (const [tag, catalogue] of Object.entries(catalogues)) {
  if (tag === 'en' || (wanted.length && !wanted.includes(tag))) continue;
  const problems = check(english, tag, catalogue, allowed);
  console.log(`${tag}: ${problems.length ? `${problems.length} to fix` : 'complete'}`);
  for (const problem of problems) console.log(`  ${tag}.${problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
