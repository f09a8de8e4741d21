// Genie in another language: a browser set to Greek or Norwegian starts in it, and the whole
// session (about you, map, summary, preferences, suggestions, choose, plan) works by role and
// label with the words read from that language's catalogue. Switching language mid-session
// keeps every answer and every half-typed word, `<html lang>` follows, the choice is kept on the
// device, and the splash says the language's words on the next start. A person who chose a
// language never sees English while Genie starts, and days, parts of the day and clock times
// are written as each language writes them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  addMembers,
  catalogues,
  englishOnly,
  openAddForm,
  plural,
  seriousAxeViolations,
  serveApp,
  storedRecords,
  t,
  waitForSaved,
  withBrowser,
} from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

/** The whole session in `tag`, with the browser set to `browserLocale`. */
async function wholeSession(tag, browserLocale) {
  const w = catalogues[tag];
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      const requests = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: w.welcome.title }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), tag);
      assert.ok(requests.some((p) => p.endsWith(`/i18n/${tag}.json`)), 'its catalogue was fetched');
      const fetched = requests.filter((p) => p.includes('/i18n/'));
      assert.ok(fetched.every((p) => p.endsWith(`/i18n/${tag}.json`)), `only its own catalogue: ${fetched}`);
      // The choice names each language in itself, and shows which is on screen.
      const choice = page.getByRole('group', { name: w.locale.choose_title });
      assert.equal(await choice.getByLabel(w.locale.self_name, { exact: true }).isChecked(), true);
      await choice.getByLabel(catalogues.en.locale.self_name, { exact: true }).waitFor();

      // About you.
      await page.getByRole('link', { name: w.welcome.start }).click();
      await page.getByRole('heading', { level: 1, name: w.about.title }).waitFor();
      await page.getByLabel(w.about.area_label).fill('MB1 1ED');
      await waitForSaved(page, w);

      // The map.
      await page.goto(`${server.url}#/network`);
      await page.getByRole('heading', { level: 1, name: w.network.title }).waitFor();
      await addMembers(page, [{ name: 'Ana' }, { name: 'Bo', circle: 'middle' }], { words: w });
      await page.getByTestId('member-count').getByText(plural(w.network, 'count', 2, { tag })).waitFor();
      await waitForSaved(page, w);

      // The summary counts with the language's plural forms.
      await page.goto(`${server.url}#/summary`);
      const circles = page.getByTestId('circle-counts');
      await circles.getByText(plural(w.summary.in_circle, 'inner', 1, { tag })).waitFor();
      await circles.getByText(plural(w.summary.in_circle, 'outer', 0, { tag })).waitFor();

      // Preferences.
      await page.goto(`${server.url}#/preferences`);
      await page.getByLabel(w.interest.get_fitter).check();
      await page.getByRole('group', { name: w.prefs.travel_legend }).getByLabel(w.travel.walk).check();
      await page.getByLabel(w.prefs.cost_label).selectOption('free');
      await waitForSaved(page, w);
      await page.getByRole('link', { name: w.prefs.next }).click();

      // Suggestions, choose one, plan it.
      const list = page.getByTestId('suggestions');
      await list.waitFor();
      const cards = list.locator('li.suggestion');
      await cards.first().waitFor();
      // The count says how many suggestions there are in all (the short list shows the best
      // few), with the language's own plural form.
      const said = (await page.getByTestId('suggestion-count').textContent()).trim();
      const total = Number(said.replace(/\D/g, ''));
      assert.ok(total >= (await cards.count()), `${said}: at least the cards shown`);
      assert.equal(said, plural(w.suggest, 'count', total, { tag }));
      await cards.first().locator('.reasons').getByText(w.reason.free, { exact: true }).waitFor();
      const name = (await cards.first().locator('.suggestion-name').textContent()).trim();
      await cards.first().getByRole('button', { name: w.suggest.choose }).click();
      await page.getByTestId('announcement').getByText(fill(w.suggest.chose, { name, count: 1 })).waitFor();
      const plan = page.locator('article.plan').first();
      await plan.getByLabel(w.suggest.first_step).fill('Πρώτο βήμα / første steg');
      await waitForSaved(page, w);
      assert.deepEqual(await seriousAxeViolations(page), [], `axe in ${tag}`);

      // The well-being questions say they are not a validated translation, and an answer
      // keeps the language it was given in (for the research export).
      await page.goto(`${server.url}#/over-time`);
      await page.getByText(w.wellbeing.open).click();
      await page.getByTestId('not-validated').getByText(w.wellbeing.not_validated).waitFor();
      await page.getByLabel(w.wellbeing.life_satisfaction).selectOption('4');
      await waitForSaved(page, w);
      const waves = JSON.parse(await storedRecords(page)).waves;
      assert.ok(waves.some((r) => r.data.answered_in === tag), 'the answer keeps its language');

      // Half-typed on the map, not yet added: kept as a draft.
      await page.goto(`${server.url}#/network`);
      await openAddForm(page, { words: w });
      await page.getByLabel(w.network.name_label, { exact: true }).fill('Half typed');

      // Switch to English mid-session: every answer and the half-typed name are still there.
      await page.goto(`${server.url}#/your-data`);
      const english = catalogues.en;
      await page.getByRole('group', { name: w.locale.choose_title }).getByLabel(english.locale.self_name, { exact: true }).check();
      await page.getByRole('heading', { level: 1, name: english.data.title }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.goto(`${server.url}#/about-you`);
      assert.equal(await page.getByLabel(english.about.area_label).inputValue(), 'MB1 1ED');
      await page.goto(`${server.url}#/network`);
      assert.equal(await page.getByLabel(english.network.name_label, { exact: true }).inputValue(), 'Half typed');
      await page.getByTestId('member-count').getByText(plural(english.network, 'count', 2)).waitFor();
      await page.goto(`${server.url}#/suggestions`);
      assert.equal(
        await page.locator('article.plan').first().getByLabel(english.suggest.first_step).inputValue(),
        'Πρώτο βήμα / første steg',
      );

      // And back: the choice is kept on the device and the next start opens in it, with the
      // splash in its words before the app starts.
      await page.goto(`${server.url}#/your-data`);
      await page.getByRole('group', { name: english.locale.choose_title }).getByLabel(w.locale.self_name, { exact: true }).check();
      await page.getByRole('heading', { level: 1, name: w.data.title }).waitFor();
      await page.goto(`${server.url}#/`);
      // What the splash says while the app starts (it is gone once the app runs).
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          window.splashTitle = document.querySelector('#splash h1')?.textContent;
        });
      });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: w.welcome.title }).waitFor();
      assert.equal(await page.evaluate(() => window.splashTitle), w.welcome.title);
      assert.equal(await page.locator('html').getAttribute('lang'), tag);
      assert.deepEqual(problems, []);
    },
    { locale: browserLocale },
  );
}

test('the whole session in Greek, from a browser set to Greek', async () => {
  await wholeSession('el', 'el-GR');
});

test('the whole session in Norwegian Bokmål, from a browser set to Norwegian', async () => {
  await wholeSession('nb', 'nb-NO');
});

test('a browser in a language the area does not offer starts in the area default; English never fetches a catalogue', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      const requests = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      await page.getByRole('group', { name: t.locale.choose_title }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.deepEqual(requests.filter((p) => p.includes('/i18n/')), []);
      assert.deepEqual(problems, []);
    },
    { locale: 'de-DE' },
  );
});

/**
 * Records, at every frame the browser draws, the text of each text node added or changed since
 * the last frame and still in the page: what a person could have seen, from the very start.
 */
function recordRenderedText() {
  window.renderedText = [];
  const pending = new Set();
  const add = (node) => {
    if (node.nodeType === Node.TEXT_NODE) pending.add(node);
    else if (node.nodeType === Node.ELEMENT_NODE) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) pending.add(text);
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      record.addedNodes.forEach(add);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  const frame = () => {
    for (const node of pending) {
      const text = node.textContent.trim();
      if (node.isConnected && text && !node.parentElement?.closest('script, noscript, style')) {
        window.renderedText.push(text);
      }
    }
    pending.clear();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

test('a person who chose Greek never sees English while Genie starts; offline with no copy, Greek words say so', async () => {
  const w = catalogues.el;
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      await page.getByRole('group', { name: t.locale.choose_title }).getByLabel(w.locale.self_name, { exact: true }).check();
      await page.getByRole('heading', { level: 1, name: w.welcome.title }).waitFor();

      await page.addInitScript(recordRenderedText);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: w.welcome.title }).waitFor();
      await page.getByRole('group', { name: w.locale.choose_title }).waitFor();
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => window.renderedText);
      assert.ok(seen.includes(w.welcome.title), `Greek was recorded: ${seen.slice(0, 5)}`);
      const english = englishOnly('el');
      const shown = seen.flatMap((text) => english.filter((e) => e.pattern.test(text)).map((e) => `${e.key}: ${text}`));
      assert.deepEqual(shown, [], 'no English-only words while starting in Greek');

      // Offline, with no copy of the Greek words: said in Greek, English meanwhile, and a way
      // to try again.
      await page.evaluate(async () => {
        for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
        for (const key of await caches.keys()) await caches.delete(key);
      });
      await page.route('**/i18n/*.json', (route) => route.abort());
      await page.reload();
      const notice = page.getByTestId('language-unavailable');
      await notice.getByText(w.locale.unavailable).waitFor();
      assert.equal(await notice.getAttribute('lang'), 'el');
      await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.unroute('**/i18n/*.json');
      await notice.getByRole('button', { name: w.locale.retry }).click();
      await page.getByRole('heading', { level: 1, name: w.welcome.title }).waitFor();
      await notice.waitFor({ state: 'detached' });
      assert.equal(await page.locator('html').getAttribute('lang'), 'el');
      // The refused fetch is the one error the browser logs.
      assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
    },
    { locale: 'en-GB' },
  );
});

/** A clock time as the browser writes it in `intl`, as the app does (a time of day, in UTC). */
const clockTime = (intl, text) => {
  const [hour, minute] = text.split(':').map(Number);
  return new Intl.DateTimeFormat(intl, { timeStyle: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, hour, minute),
  );
};
/** Intl's spaces (no-break, narrow no-break) as plain spaces, to compare Node's and the browser's. */
const plainSpaces = (text) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

test('days, parts of the day, clock times and the area\'s place examples are written as each language writes them', async () => {
  const directory = JSON.parse(readFileSync(new URL('../../public/area/directory.json', import.meta.url), 'utf8'));
  // Living Well with Arthritis: Monday 09:00 to 10:30 and Tuesday 19:00 to 20:30.
  const entry = directory.resources.find((r) => r.id === 'mb-038');
  const area = JSON.parse(readFileSync(new URL('../../public/area/area.json', import.meta.url), 'utf8'));
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(`${server.url}#/about-you`);
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await page.goto(`${server.url}#/preferences`);
      await page.getByLabel(t.interest.learn_skills).check();
      await page.locator('input[name=times][value=mon-morning]').check();
      await waitForSaved(page);
      for (const tag of Object.keys(catalogues)) {
        const w = catalogues[tag];
        await page.evaluate((chosen) => localStorage.setItem('genie-language', JSON.stringify(chosen)), tag);
        await page.goto(`${server.url}#/suggestions`);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: w.suggest.title }).waitFor();
        const card = page.locator(`li.suggestion[data-resource="${entry.id}"]`);
        await page.getByTestId('suggestions').waitFor();
        const all = page.getByTestId('show-all');
        if ((await all.count()) > 0 && (await all.getAttribute('aria-expanded')) === 'false') await all.click();
        while ((await card.count()) === 0) await page.getByRole('button', { name: w.suggest.show_more }).click();

        // The day and part of the day joined as the language joins them: one capital, first.
        const when = fill(w.day_and_part, { day: w.weekday.mon, part: w.day_part_joined.morning });
        assert.doesNotMatch(when.slice(1), /\p{Lu}/u, `${tag}: "${when}" has a capital inside`);
        await card.locator('.reasons').getByText(fill(w.reason.time, { when }), { exact: true }).waitFor();

        // The sessions: clock times as the language writes them, from the directory's "13:30".
        await card.getByText(w.suggest.more_about).click();
        const said = (await card.locator('[data-fact=when] li').allTextContents()).map(plainSpaces);
        const expected = entry.sessions.map((s) =>
          plainSpaces(
            s.starts
              ? fill(w.suggest.session_times, {
                  day: w.weekday[s.day],
                  starts: clockTime(w.locale.intl, s.starts),
                  ends: clockTime(w.locale.intl, s.ends),
                })
              : fill(w.day_and_part, { day: w.weekday[s.day], part: w.day_part_joined[s.part] }),
          ),
        );
        assert.deepEqual(said, expected, tag);

        // The place question's examples are the area's own, joined with the language's "or".
        await page.goto(`${server.url}#/about-you`);
        const examples = new Intl.ListFormat(w.locale.intl, { type: 'disjunction' }).format([
          area.postcode_example,
          area.place_example,
        ]);
        assert.equal((await page.locator('#area-hint').textContent()).trim(), fill(w.about.area_hint, { examples }));
      }
      assert.deepEqual(problems, []);
    },
    { locale: 'en-GB' },
  );
});
