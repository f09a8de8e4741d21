// Lighthouse on the release build, at its default mobile settings (a mid-range phone's screen,
// simulated slow 4G and a 4x slower processor), in Debian's headless Chromium. Prints
// `metric lighthouse_<category> <score 0-100> score` for performance, accessibility and best
// practices, the main timings in ms, and (on stderr) every audit that did not pass in full.
// Slow (a minute or so), so it runs from scripts/bench.sh only, never from the tests.
//
//   node scripts/bench-lighthouse.mjs [dist]
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const dir = process.argv[2] ?? 'dist';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const TIMINGS = [
  ['first-contentful-paint', 'fcp'],
  ['largest-contentful-paint', 'lcp'],
  ['speed-index', 'speed_index'],
  ['interactive', 'tti'],
  ['total-blocking-time', 'tbt'],
];

/** A free port on this computer for Chromium's DevTools, which Lighthouse drives. */
const devtoolsPort = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

const server = await serve({ dir, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    `--remote-debugging-port=${devtoolsPort}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
  ],
});
let result;
try {
  result = await lighthouse(server.url, {
    port: devtoolsPort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
} finally {
  await browser.close();
  await server.close();
}
if (!result?.lhr) {
  console.error('bench-lighthouse: Lighthouse gave no result');
  process.exit(1);
}
const { lhr } = result;
if (lhr.runtimeError) {
  console.error(`bench-lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  process.exit(1);
}

for (const id of CATEGORIES) {
  const score = lhr.categories[id]?.score;
  const name = id.replace('-', '_');
  console.log(`metric lighthouse_${name} ${score == null ? 'NaN' : Math.round(score * 100)} score`);
}
for (const [audit, name] of TIMINGS) {
  const value = lhr.audits[audit]?.numericValue;
  if (value != null) console.log(`metric lighthouse_${name}_ms ${value.toFixed(0)} ms`);
}
// Which element the largest paint was, to know what to make appear sooner.
const lcpItems = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
for (const item of lcpItems.flatMap((entry) => entry.items ?? [entry])) {
  if (item.node?.snippet) console.error(`lighthouse lcp element: ${item.node.snippet}`);
}
for (const id of CATEGORIES) {
  for (const ref of lhr.categories[id].auditRefs) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      console.error(`lighthouse ${id}: ${audit.id} ${audit.score}: ${audit.title}`);
    }
  }
}
