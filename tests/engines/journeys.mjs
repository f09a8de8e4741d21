// The core journeys, the same in every engine: the first session (About you, the network, what
// the map shows, a suggestion chosen), a reload (and, where the engine keeps a profile, a
// browser restart) keeping everything, a backup brought back after deleting everything, and
// the app opening with no connection after the first visit. Nothing may be asked of any host
// but the local test server. Expected words come from the catalogue.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url);
export const t = JSON.parse(readFileSync(new URL('locales/en.json', root), 'utf8'));
export const distDir = process.env.GENIE_DIST || new URL('dist', root).pathname;

/**
 * Everything the journeys do inside the page, in one self-contained function (it is sent to
 * the browser as text). Works on what a person sees: headings, labels, button words.
 */
function act(op, a, b) {
  const visible = (el) => el && el.getClientRects().length > 0;
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim();
  const findLabel = (text) => {
    const labels = [...document.querySelectorAll('label')].filter(visible);
    return labels.find((l) => l.textContent.trim() === text) ||
      labels.find((l) => l.textContent.trim().startsWith(text));
  };
  const fire = (el) => {
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  switch (op) {
    case 'h1':
      return document.querySelector('main h1')?.textContent.trim() ?? '';
    case 'hash':
      return location.hash;
    case 'has-text':
      return document.body.innerText.includes(a);
    case 'testid':
      return document.querySelector(`[data-testid="${a}"]`)?.textContent.trim() ?? null;
    case 'count':
      return document.querySelectorAll(a).length;
    case 'click': {
      // The page's own controls first, then the notices above it and the footer.
      const find = (scope) => {
        const els = [...scope.querySelectorAll('button, a, [role=button]')].filter(
          (el) => visible(el) && !el.disabled,
        );
        return els.find((e) => name(e) === a) || els.find((e) => name(e).startsWith(a));
      };
      const el = find(document.querySelector('main') ?? document) || find(document);
      if (!el) return false;
      el.click();
      return true;
    }
    case 'fill': {
      const control = findLabel(a)?.control;
      if (!control) return false;
      control.focus();
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value').set;
      setter.call(control, b);
      fire(control);
      return true;
    }
    case 'check': {
      const el = document.querySelector(a);
      if (!el) return false;
      if (!el.checked) el.click();
      return el.checked;
    }
    case 'select': {
      const el = findLabel(a)?.control;
      if (!el) return false;
      el.value = b;
      fire(el);
      return true;
    }
    case 'keep-files': {
      // Keeps each file the app hands to the browser, and stops the browser's own download
      // (which some engines under automation turn into a dialog): the journey reads the file.
      if (window.__genieFiles) return true;
      window.__genieFiles = [];
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => {
        const url = make(blob);
        window.__genieFiles.push({ url, blob });
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        const kept = window.__genieFiles.find((f) => f.url === this.href);
        if (this.download && kept) {
          kept.name = this.download;
          return;
        }
        return click.call(this);
      };
      return true;
    }
    case 'last-file': {
      const kept = (window.__genieFiles || []).filter((f) => f.name).pop();
      return kept ? kept.blob.text().then((text) => ({ name: kept.name, text })) : null;
    }
    case 'choose-file': {
      const input = document.querySelector('[data-testid="restore-file"]');
      if (!input) return false;
      const files = new DataTransfer();
      files.items.add(new File([a], b, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }
    case 'notice-title':
      return document.querySelector('[data-testid="keeping-notice"] h2')?.textContent.trim() ?? null;
    case 'mark':
      window.__genieMark = true;
      return true;
    case 'marked':
      return Boolean(window.__genieMark);
    case 'sw-controls':
      return Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
    case 'foreign':
      return performance
        .getEntries()
        .map((e) => e.name)
        .filter((n) => /^https?:/.test(n) && new URL(n).origin !== location.origin);
    case 'now':
      return performance.now();
    case 'first-paint': {
      // The splash's welcome words are the page's first content.
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return paint ? paint.startTime : null;
    }
    default:
      throw new Error(`unknown step ${op}`);
  }
}

/** Runs one step in the page. */
export const step = (browser, op, a, b) => browser.run(act, op, a ?? null, b ?? null);

/** Repeats a step until it gives what `ok` accepts (truthy by default), for up to `ms`. */
export async function until(browser, what, op, a, b, { ms = 20_000, ok = Boolean } = {}) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await step(browser, op, a, b);
      if (ok(last)) return last;
    } catch (error) {
      // A page in the middle of loading cannot run scripts yet.
      last = error.message;
    }
    if (Date.now() > end) throw new Error(`${browser.name}: gave up waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);
const heading = (browser, text) => until(browser, `the heading "${text}"`, 'h1', null, null, { ok: (h) => h === text });
const saved = (browser) => until(browser, 'saved', 'testid', 'save-status', null, { ok: (s) => s === t.save.saved });
const click = (browser, text) => until(browser, `a button "${text}"`, 'click', text);

/** Serves the release build; resolves to { url, close }. */
export function serveApp(port = 0) {
  return serve({ dir: distDir, port, prefix: '/' });
}

/**
 * Opens the welcome page and measures, on the page's own clock from the start of navigation,
 * when the welcome words show (the splash in index.html, before the wasm runs: the first
 * contentful paint where the engine reports it) and when Start can be used (the app mounted,
 * its Start link there; found by asking every 50 ms, so up to about 0.1 s late).
 */
export async function firstVisit(browser, url) {
  await browser.goto(url);
  await until(browser, 'welcome words', 'has-text', t.welcome.title);
  const seen = await step(browser, 'now');
  await until(browser, 'a usable Start', 'count', `main a.button.primary[href="#/about-you"]`);
  const start = await step(browser, 'now');
  const welcome = (await step(browser, 'first-paint')) ?? seen;
  await heading(browser, t.welcome.title);
  return { welcomeMs: welcome, startMs: start };
}

/** About you, two members, the map's summary, one suggestion chosen. */
export async function firstSession(browser, url) {
  await click(browser, t.welcome.start);
  await heading(browser, t.about.title);
  await until(browser, 'the area field', 'fill', t.about.area_label, 'MB1 1ED');
  await saved(browser);

  await browser.goto(`${url}#/network/list`);
  await heading(browser, t.network.title);
  for (const [name, circle] of [['Pat', 'inner'], ['Sam', 'middle']]) {
    await until(browser, 'the name field', 'fill', t.network.name_label, name);
    await step(browser, 'check', `input[name=new-circle][value=${circle}]`);
    await click(browser, t.network.add);
    await until(browser, `${name} in the list`, 'has-text', name);
    await saved(browser);
  }
  assert.equal(await step(browser, 'count', 'li.member-row'), 2);
  // Something to lose, in a browser that may clear it: the notice says so, by the engine's
  // own rule (WebKit's seven days; Firefox's storage is not persisted unless asked).
  const expected = { webkit: t.keeping.seven_days_title, firefox: t.keeping.space_title }[browser.name];
  await until(browser, 'the notice about keeping the work', 'notice-title', null, null, {
    ok: (title) => (expected ? title === expected : Boolean(title)),
  });

  await browser.goto(`${url}#/summary`);
  await heading(browser, t.summary.title);
  await until(browser, 'the safety net', 'testid', 'safety-net');

  await browser.goto(`${url}#/preferences`);
  await heading(browser, t.prefs.title);
  await until(browser, 'an interest', 'check', 'input[name=interests][value=get_fitter]');
  await saved(browser);
  await browser.goto(`${url}#/suggestions`);
  await heading(browser, t.suggest.title);
  await until(browser, 'a suggestion', 'count', 'li.suggestion', null, { ms: 30_000 });
  await click(browser, t.suggest.choose);
  await until(browser, 'a plan', 'count', 'article.plan');
  await saved(browser);
}

/** What the first session stored is all there. */
export async function expectSession(browser, url) {
  await browser.goto(`${url}#/network/list`);
  await heading(browser, t.network.title);
  await until(browser, 'both members', 'count', 'li.member-row', null, { ok: (n) => n === 2 });
  await browser.goto(`${url}#/suggestions`);
  await heading(browser, t.suggest.title);
  await until(browser, 'the plan', 'count', 'article.plan');
}

/** Saves a backup, deletes everything, brings the backup back. */
export async function backupAndRestore(browser, url) {
  await browser.goto(`${url}#/your-data`);
  await heading(browser, t.data.title);
  await step(browser, 'keep-files');
  await click(browser, t.data.backup_save);
  const file = await until(browser, 'the backup file', 'last-file');
  assert.match(file.name, /^genie-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await until(browser, 'the saved line', 'testid', 'backup-result', null, {
    ok: (s) => s === fill(t.data.backup_saved, { file: file.name }),
  });

  await click(browser, t.data.erase_start);
  await step(browser, 'mark');
  await click(browser, t.data.erase_yes);
  // "Delete everything" loads the page afresh: wait for the new page, not the old one's
  // welcome words (an engine may still show those while the reload is under way).
  await until(browser, 'the page loaded afresh', 'marked', null, null, { ok: (v) => v === false });
  await heading(browser, t.welcome.title);
  await browser.goto(`${url}#/network/list`);
  await until(browser, 'an empty map', 'has-text', t.network.empty);

  await browser.goto(`${url}#/your-data`);
  await heading(browser, t.data.title);
  await until(browser, 'the file field', 'choose-file', file.text, file.name);
  await until(browser, 'the preview', 'testid', 'restore-preview');
  await click(browser, t.data.replace_yes);
  await until(browser, 'the restore', 'testid', 'restore-result', null, { ok: (s) => s === t.data.restore_done });
  await expectSession(browser, url);
}

/** With the server gone, the app still opens and shows what is stored. */
export async function offline(browser, url, server) {
  await until(browser, 'the service worker', 'sw-controls', null, null, { ms: 30_000 });
  await server.close();
  await browser.reload();
  await heading(browser, t.welcome.title).catch(async () => {
    // The reload lands on whichever page was open; the welcome page is one step away.
    await browser.goto(`${url}#/`);
    await heading(browser, t.welcome.title);
  });
  await expectSession(browser, url);
}

/** Every address the page asked for that is not the test server. */
export async function foreignRequests(browser) {
  const fromPage = await step(browser, 'foreign');
  const fromBrowser = (browser.requests ?? []).filter((u) => {
    if (!/^https?:/.test(u)) return false;
    return !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname);
  });
  return [...fromPage, ...fromBrowser];
}
