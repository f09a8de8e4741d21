// Shared set-up for the end-to-end journeys: serve the release build from dist/, launch
// Debian's Chromium with a persistent profile (so IndexedDB survives a reload and a restart),
// and read expected words from the translation catalogue so tests follow the copy.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url);

/** The English catalogue: `t.welcome.title` and so on. */
export const t = JSON.parse(readFileSync(new URL('locales/en.json', root), 'utf8'));

/** Every language's catalogue by tag (`catalogues.el.welcome.title`), English included. */
export const catalogues = Object.fromEntries(
  readdirSync(new URL('locales/', root))
    .filter((name) => /^[a-zA-Z-]+\.json$/.test(name))
    .map((name) => [name.replace('.json', ''), JSON.parse(readFileSync(new URL(`locales/${name}`, root), 'utf8'))]),
);

/**
 * A plural message as the app writes it for `count` in language `tag`: the form the browser's
 * plural rules pick, with the count written as the language writes numbers. `node` is the
 * message's parent in that language's catalogue, `base` its name without `_one`/`_other`.
 */
export function plural(node, base, count, { tag = 'en', values = {} } = {}) {
  const intl = catalogues[tag].locale.intl;
  const category = new Intl.PluralRules(intl).select(count);
  const text = node[`${base}_${category}`] ?? node[`${base}_other`];
  const shown = new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }).format(count);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => (key === 'count' ? shown : values[key]));
}

/**
 * Every message English words differently from `tag`, as a pattern for a whole text. Language
 * names in themselves ("English" in the language choice) are shown in every language.
 */
export function englishOnly(tag) {
  const out = [];
  const selfNames = new Set(Object.values(catalogues).map((c) => c.locale.self_name));
  const walk = (mine, theirs, path) => {
    for (const [key, value] of Object.entries(mine)) {
      const other = theirs?.[key];
      const at = [...path, key].join('.');
      if (value && typeof value === 'object') walk(value, other, [...path, key]);
      // A language's own name is shown in itself in every language's choice.
      else if (selfNames.has(value) || value === other) continue;
      else if (/\p{L}{2,}/u.test(value.replace(/\{\{\s*\w+\s*\}\}/g, ''))) {
        const pattern = value
          .trim()
          .split(/\{\{\s*\w+\s*\}\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[\\s\\S]*?');
        out.push({ key: at, value, pattern: new RegExp(`^${pattern}$`) });
      }
    }
  };
  walk(catalogues.en, catalogues[tag], []);
  return out;
}

/** The release build to test: dist/, or the folder named by GENIE_DIST. */
export const distDir = process.env.GENIE_DIST || new URL('dist', root).pathname;

/** Serves the release build; resolves to { url, close }. */
export function serveApp({ prefix = '/', dir = distDir, port = 0 } = {}) {
  return serve({ dir, port, prefix });
}

/** A fresh, empty browser profile directory, removed by `cleanup()`. */
export function profileDir() {
  const dir = mkdtempSync(join(tmpdir(), 'genie-e2e-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Launches Chromium on a persistent profile, sized like a common phone. */
/** `userAgent` stands in for another browser; `init` runs in every page before the app. */
export async function launch(
  dir,
  { viewport = { width: 390, height: 844 }, touch = false, timezoneId, userAgent, init, locale } = {},
) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    // A journey about local days can run in a named time zone; others use the machine's.
    ...(timezoneId ? { timezoneId } : {}),
    // The browser's language (navigator.languages), for journeys in another language.
    ...(locale ? { locale } : {}),
    hasTouch: touch,
    isMobile: touch,
    ...(userAgent ? { userAgent } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Fail a step after 15 s rather than hang (Playwright's own default is to wait forever).
  context.setDefaultTimeout(15_000);
  if (init) await context.addInitScript(init);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  // The privacy promise, checked in every journey: only the local test server is ever asked
  // for anything (data:, blob: and the like never leave the browser). A request the Content
  // Security Policy stopped before it left does not count; the privacy journey checks those.
  const foreign = [];
  const isForeign = (request) => {
    const url = new URL(request.url());
    return (url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname);
  };
  context.on('request', (request) => {
    if (isForeign(request)) foreign.push(request);
  });
  context.on('requestfailed', (request) => {
    if (/csp/i.test(request.failure()?.errorText ?? '')) {
      const index = foreign.indexOf(request);
      if (index >= 0) foreign.splice(index, 1);
    }
  });
  return { context, page, problems, foreign };
}

/** The only hosts a journey may reach: the loopback server that serves the build. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Runs `journey(open)` with a fresh browser profile. `open()` launches Chromium on that profile
 * (call it again after closing to restart the browser with the same data). Every browser is
 * closed and the profile removed afterwards, even when the journey fails. A journey that made
 * the browser ask any host but the local test server fails, so every journey checks the
 * promise that nothing leaves the device.
 */
export async function withBrowser(journey, options) {
  const profile = profileDir();
  const contexts = [];
  const foreign = [];
  const open = async () => {
    const browser = await launch(profile.dir, options);
    contexts.push(browser.context);
    foreign.push(browser.foreign);
    return browser;
  };
  try {
    const result = await journey(open);
    const reached = foreign.flat().map((request) => request.url());
    if (reached.length > 0) {
      throw new Error(`the app reached beyond its own site: ${reached.join(', ')}`);
    }
    return result;
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    profile.cleanup();
  }
}

/** Waits until the save indicator says the last change is on the device. */
export async function waitForSaved(page, words = t) {
  await page.getByTestId('save-status').getByText(words.save.saved, { exact: true }).waitFor();
}

const axeSource = readFileSync(new URL('node_modules/axe-core/axe.min.js', root), 'utf8');

/**
 * Runs axe-core on the page (WCAG 2.x A and AA rules) and returns the serious and critical
 * violations as short strings. axe is injected through the DevTools protocol, which the
 * page's Content Security Policy does not govern, so the app's policy stays as shipped.
 */
export async function seriousAxeViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Every record in Genie's database, store by store, as JSON text: what a journey compares
 * before and after something that must change nothing.
 */
export async function storedRecords(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('genie');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const out = {};
          if (names.length === 0) {
            db.close();
            resolve(JSON.stringify(out));
            return;
          }
          const tx = db.transaction(names, 'readonly');
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = all.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out, null, 1));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Slows the page's CPU `rate` times, as on a mid-range phone (1 puts it back). */
export async function throttleCpu(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.detach();
}

/**
 * Opens the network page's add form unless it is open already (it opens by itself only on an
 * empty map). Waits for the name field.
 */
export async function openAddForm(page, { tap = false, words = t } = {}) {
  const toggle = page.getByRole('button', { name: words.network.add_open, exact: true });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    await (tap ? toggle.tap() : toggle.click());
  }
  await page.getByLabel(words.network.name_label, { exact: true }).waitFor();
}

/**
 * Adds members through the network page's Add form: name, kind and circle, then Add, waiting
 * for each to be announced. By mouse, or with `tap` by touch. It does not wait for "Saved",
 * so a journey can check what the save line says.
 */
export async function addMembers(page, members, { tap = false, words = t } = {}) {
  const t = words;
  const press = (locator) => (tap ? locator.tap() : locator.click());
  await openAddForm(page, { tap, words });
  for (const { name, kind = 'person', circle = 'inner' } of members) {
    await page.getByLabel(t.network.name_label, { exact: true }).fill(name);
    await press(page.locator(`input[name=new-kind][value=${kind}]`));
    await press(page.locator(`input[name=new-circle][value=${circle}]`));
    await press(page.getByRole('button', { name: t.network.add, exact: true }));
    const announced = t.network.added_to[circle].replace(/\{\{\s*name\s*\}\}/g, name);
    await page.getByTestId('announcement').getByText(announced).waitFor();
  }
}
