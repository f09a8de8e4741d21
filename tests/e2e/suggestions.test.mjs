// From preferences to a plan: suggestions come from the sample area's directory, ranked with
// their reasons; up to three can be chosen and planned, a fourth is refused plainly, and
// everything is still there after a reload.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { distDir, plural, seriousAxeViolations, serveApp, t, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

/** The "What you have chosen (n/3)" heading says `n`, and never more than three. */
async function assertChosenCount(page, n) {
  await page.getByTestId('chosen-title').getByText(fill(t.suggest.chosen_title, { count: n, max: 3 })).waitFor();
}
const directory = JSON.parse(readFileSync(new URL('../../public/area/directory.json', import.meta.url)));
const byId = Object.fromEntries(directory.resources.map((r) => [r.id, r]));

test('answer preferences, see reasons, choose three, plan, reload', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await waitForSaved(page);

    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.get_fitter).check();
    await page.getByRole('group', { name: t.prefs.travel_legend }).getByLabel(t.travel.walk).check();
    await page.getByLabel(t.prefs.cost_label).selectOption('free');
    await waitForSaved(page);
    await page.getByRole('link', { name: t.prefs.next }).click();

    const list = page.getByTestId('suggestions');
    await list.waitFor();
    const cards = list.locator('li.suggestion');
    const ids = await cards.evaluateAll((els) => els.map((e) => e.dataset.resource));
    assert.ok(ids.length >= 4, `expected several suggestions, got ${ids.length}`);
    const fitness = new Set(['fitness_exercise', 'swimming', 'walking_outdoors']);
    for (const id of ids) {
      const r = byId[id];
      assert.equal(r.status, 'active', `${id} is running`);
      assert.ok(r.subcategories.some((s) => fitness.has(s)), `${id} matches an interest`);
      assert.ok(r.cost.kind === 'free', `${id} is free, as asked`);
    }
    // Every card says why, in words from the catalogue.
    const first = cards.first();
    await first.locator('.reasons').getByText(t.reason.free, { exact: true }).waitFor();
    assert.ok((await first.locator('[data-reason=matches_interest]').count()) >= 1);
    // Nearest first among those at a place with the same other reasons is the rule; at least
    // the distance is shown when home is known.
    assert.ok((await list.locator('[data-reason=distance]').count()) >= 1);

    // The map around home numbers the local suggestions as the list does.
    const dots = await page.locator('[data-testid=nearby-map] g title').allTextContents();
    const local = ids.map((id, i) => [i + 1, byId[id]]).filter(([, r]) => r.reach.kind === 'local');
    assert.ok(local.length >= 1, 'some suggestions are at a place');
    assert.deepEqual(dots, local.map(([n, r]) => `${n}. ${r.name}`));

    /** The text of whatever an element's aria-describedby points at. */
    const description = (locator) =>
      locator.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join(' ')
          .trim(),
      );
    // Each "Choose this" says which entry it chooses, to a screen reader.
    for (const i of [0, 1]) {
      const card = cards.nth(i);
      assert.equal(
        await description(card.getByRole('button', { name: t.suggest.choose })),
        (await card.locator('.suggestion-name').textContent()).trim(),
      );
    }

    // Choose three.
    const chosenNames = [];
    for (let i = 0; i < 3; i += 1) {
      const card = cards.nth(i);
      chosenNames.push(await card.locator('.suggestion-name').textContent());
      await card.getByRole('button', { name: t.suggest.choose }).click();
      await page
        .getByTestId('announcement')
        .getByText(fill(t.suggest.chose, { name: chosenNames[i], count: i + 1 }))
        .waitFor();
    }
    // A fourth is refused with a clear message, beside the button that was pressed.
    await cards.nth(3).getByRole('button', { name: t.suggest.choose }).click();
    await cards.nth(3).getByTestId('choose-refused').getByText(t.suggest.full).waitFor();
    assert.equal(await page.locator('article.plan').count(), 3);
    await assertChosenCount(page, 3);

    // A small plan for the first.
    const plan = page.locator('article.plan').first();
    await plan.getByLabel(t.suggest.first_step).fill('Ring to ask about Tuesday');
    await plan.getByLabel(t.suggest.when).fill('Next Tuesday');
    await plan.getByRole('group', { name: t.suggest.barriers }).getByLabel(t.barrier.confidence).check();
    await plan.getByLabel(t.suggest.travel).selectOption('walk');
    // Where it is, from the directory, to work out how to get there.
    const firstEntry = byId[ids[0]];
    if (firstEntry.reach.kind === 'local' && firstEntry.reach.location.address) {
      await plan.getByTestId('where').getByText(firstEntry.reach.location.address, { exact: false }).waitFor();
    }
    await waitForSaved(page);

    await page.reload();
    await page.getByTestId('suggestions').waitFor();
    const plans = page.locator('article.plan');
    assert.equal(await plans.count(), 3);
    const titles = await plans.locator('h3').allTextContents();
    assert.deepEqual(
      titles,
      chosenNames.map((name) => fill(t.suggest.plan_title, { name })),
    );
    const kept = plans.first();
    assert.equal(await kept.getByLabel(t.suggest.first_step).inputValue(), 'Ring to ask about Tuesday');
    assert.equal(await kept.getByLabel(t.suggest.when).inputValue(), 'Next Tuesday');
    assert.equal(await kept.getByRole('group', { name: t.suggest.barriers }).getByLabel(t.barrier.confidence).isChecked(), true);
    assert.equal(await kept.getByLabel(t.suggest.travel).inputValue(), 'walk');

    // The chosen activities are part of the network now, as plans.
    await page.goto(`${server.url}#/network`);
    const planned = page.getByTestId('planned');
    await planned.getByRole('heading', { name: t.network.planned_title }).waitFor();
    assert.deepEqual(await planned.locator('li').allTextContents(), chosenNames);
    await planned.getByRole('link', { name: t.network.planned_link }).click();
    await page.getByTestId('suggestions').waitFor();

    // Each "Remove" says which plan it removes, to a screen reader.
    for (let i = 0; i < 3; i += 1) {
      assert.equal(
        await description(plans.nth(i).getByRole('button', { name: t.suggest.remove })),
        fill(t.suggest.plan_title, { name: chosenNames[i] }),
      );
    }
    // Removing one asks first; "No" keeps the plan as it was.
    await kept.getByRole('button', { name: t.suggest.remove }).click();
    const ask = kept.getByTestId('remove-confirm');
    await ask.getByText(fill(t.suggest.remove_ask, { name: chosenNames[0] })).waitFor();
    await ask.getByRole('button', { name: t.suggest.remove_no }).click();
    await kept.getByRole('button', { name: t.suggest.remove }).waitFor();
    assert.equal(await page.locator('article.plan').count(), 3);
    assert.equal(await kept.getByLabel(t.suggest.first_step).inputValue(), 'Ring to ask about Tuesday');
    // By keyboard: Escape also keeps it, and focus goes back to "Remove".
    await kept.getByRole('button', { name: t.suggest.remove }).focus();
    await page.keyboard.press('Enter');
    // Escape once the question has focus, as a person would after hearing it.
    await page.waitForFunction(
      (text) => document.activeElement?.textContent?.trim() === text,
      fill(t.suggest.remove_ask, { name: chosenNames[0] }),
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction((name) => document.activeElement?.textContent === name, t.suggest.remove);
    assert.equal(await page.locator('article.plan').count(), 3);
    // "Yes" removes it, and frees a place.
    await kept.getByRole('button', { name: t.suggest.remove }).click();
    await ask.getByRole('button', { name: t.suggest.remove_yes }).click();
    await waitForSaved(page);
    assert.equal(await page.locator('article.plan').count(), 2);
    await assertChosenCount(page, 2);
    assert.deepEqual(problems, []);
  });
});

test('when nothing matches, the person is told which limit left most out and can relax it', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.lose_weight).check();
    await page.getByLabel(t.language.pa).check();
    await waitForSaved(page);
    await page.goto(`${server.url}#/suggestions`);
    await page.getByTestId('no-match').waitFor();
    await page
      .getByTestId('relax')
      .getByText(fill(t.suggest.relax, { limit: t.limit.language }))
      .waitFor();
    await page.getByRole('link', { name: t.suggest.change_prefs }).waitFor();

    // One tap lets go of the languages; suggestions come back, and the change is kept.
    await page.getByRole('button', { name: t.suggest.relax_language }).click();
    await page.getByTestId('announcement').getByText(t.offers.applied).waitFor();
    await page.getByTestId('suggestions').locator('li.suggestion').first().waitFor();
    assert.equal(await page.getByTestId('no-match').count(), 0);
    await waitForSaved(page);
    await page.goto(`${server.url}#/preferences`);
    assert.equal(await page.getByLabel(t.language.pa).isChecked(), false);
    assert.equal(await page.getByLabel(t.interest.lose_weight).isChecked(), true);
    assert.deepEqual(problems, []);
  });
});

test('a card says what it costs, when it runs, where it is and how to get in touch', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    // A narrow phone: everything must still fit.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await page.goto(`${server.url}#/preferences`);
    await page.getByLabel(t.interest.learn_skills).check();
    await waitForSaved(page);
    await page.goto(`${server.url}#/suggestions`);
    const list = page.getByTestId('suggestions');
    await list.waitFor();

    // Life Story Writing: £2.50, Wednesdays 12:30 to 13:30, at the Methodist hall, by e-mail.
    const entry = byId['mb-004'];
    const card = list.locator('li.suggestion[data-resource="mb-004"]');
    await showAll(page);
    while ((await card.count()) === 0) {
      await page.getByRole('button', { name: t.suggest.show_more }).click();
    }
    // The details open on request.
    await card.getByText(t.suggest.more_about).click();
    const fact = (name) => card.locator(`[data-fact=${name}] dd`);
    assert.equal((await fact('cost').textContent()).trim(), fill(t.suggest.cost_amount, { price: '£2.50' }));
    const [session] = entry.sessions;
    assert.equal(
      (await fact('when').textContent()).trim(),
      fill(t.suggest.session_times, { day: t.weekday[session.day], starts: session.starts, ends: session.ends }),
    );
    const { address, postcode } = entry.reach.location;
    assert.equal((await fact('where').textContent()).trim(), fill(t.suggest.place, { address, postcode }));
    assert.equal(await fact('email').getByRole('link').getAttribute('href'), `mailto:${entry.contact.email}`);
    assert.equal(await fact('phone').getByRole('link').getAttribute('href'), `tel:${entry.contact.phone.replaceAll(' ', '')}`);
    assert.equal(await card.locator('[data-fact=website]').count(), 0, 'no website in the entry, none shown');

    // Every card's terms and links come from the catalogue and the entry; websites are links.
    // Each card's details are built when first opened: open them all.
    await list.locator('details.more').evaluateAll((els) => els.forEach((d) => (d.open = true)));
    for (const id of await list.locator('li.suggestion').evaluateAll((els) => els.map((e) => e.dataset.resource))) {
      const each = list.locator(`li.suggestion[data-resource="${id}"]`);
      const r = byId[id];
      const cost = (await each.locator('[data-fact=cost] dd').textContent()).trim();
      const expected =
        r.cost.kind === 'free' || r.cost.minor_units === 0
          ? t.suggest.cost_free
          : r.cost.kind === 'unknown'
            ? t.suggest.cost_unknown
            : fill(t.suggest.cost_amount, {
                // The sample area's prices are in pounds (its currency), pence only when there are some.
                price: `£${r.cost.minor_units % 100 ? (r.cost.minor_units / 100).toFixed(2) : String(r.cost.minor_units / 100)}`,
              });
      assert.equal(cost, expected, id);
      if (r.contact.website) {
        const link = each.locator('[data-fact=website] a');
        assert.equal(await link.getAttribute('href'), r.contact.website, id);
        assert.equal(await link.getAttribute('target'), null, 'opens normally');
      }
    }

    // The date the details were checked reads as a date, not as a stored value.
    const checked = (await card.getByTestId('last-checked').textContent()).trim();
    assert.equal(checked, fill(t.suggest.last_checked, { date: '3 January 2026' }));
    assert.ok(!checked.includes(entry.checked), checked);

    // Nothing is wider than the phone, and the links are big enough to tap.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const heights = await card.locator('.facts a').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    assert.ok(heights.length >= 2 && heights.every((h) => h >= 44), `link heights ${heights}`);
    assert.deepEqual(problems, []);
  });
});

/** Opens "all other suggestions" below the short list, if there are any. */
async function showAll(page) {
  const button = page.getByTestId('show-all');
  if ((await button.count()) > 0 && (await button.getAttribute('aria-expanded')) === 'false') {
    await button.click();
  }
}

test('a short choice first: the best few per interest, details on request, the rest one tap away', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(`${server.url}#/about-you`);
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await page.goto(`${server.url}#/preferences`);
      // Ticked out of question order: the groups still follow the questions.
      await page.getByLabel(t.interest.see_others).check();
      await page.getByLabel(t.interest.get_fitter).check();
      await page.getByLabel(t.interest.creative).check();
      await waitForSaved(page);
      await page.goto(`${server.url}#/suggestions`);
      const list = page.getByTestId('suggestions');
      await list.locator('li.suggestion').first().waitFor();

      const groups = list.locator('section.suggestion-group');
      const titles = await groups.locator('h3').allTextContents();
      assert.deepEqual(titles, [t.suggest_group.creative, t.suggest_group.get_fitter, t.suggest_group.see_others]);
      const subs = {
        creative: ['reading_writing', 'arts_crafts', 'drama_music'],
        get_fitter: ['fitness_exercise', 'swimming', 'walking_outdoors'],
        see_others: ['counselling', 'befriending'],
      };
      const short = [];
      for (const [i, interest] of ['creative', 'get_fitter', 'see_others'].entries()) {
        const ids = await groups.nth(i).locator('li.suggestion').evaluateAll((els) => els.map((e) => e.dataset.resource));
        assert.ok(ids.length >= 1 && ids.length <= 3, `${interest}: ${ids.length}`);
        for (const id of ids) assert.ok(byId[id].subcategories.some((s) => subs[interest].includes(s)), `${id} is ${interest}`);
        short.push(...ids);
      }
      assert.equal(new Set(short).size, short.length, 'no suggestion twice');

      // Compact: the reasons show, the details wait behind "More about this", by keyboard too.
      const first = list.locator('li.suggestion').first();
      assert.ok(await first.locator('.reasons li').first().isVisible());
      const details = first.getByTestId('more-about');
      assert.equal(await details.evaluate((el) => el.open), false);
      assert.equal(await first.locator('[data-fact=cost]').isVisible(), false);
      await first.getByText(t.suggest.more_about).focus();
      await page.keyboard.press('Enter');
      assert.equal(await details.evaluate((el) => el.open), true);
      await first.locator('[data-fact=cost]').waitFor();

      // The map shows exactly what is listed, numbered alike.
      const dotsFor = async () => {
        const ids = await list.locator('li.suggestion').evaluateAll((els) => els.map((e) => e.dataset.resource));
        const local = ids.map((id, i) => [i + 1, byId[id]]).filter(([, r]) => r.reach.kind === 'local');
        const dots = await page.locator('[data-testid=nearby-map] g title').allTextContents();
        assert.deepEqual(dots, local.map(([n, r]) => `${n}. ${r.name}`));
        return ids;
      };
      await dotsFor();

      // Every other suggestion is one tap away, best first, and then all of them are reachable.
      const count = Number((await page.getByTestId('suggestion-count').textContent()).match(/\d+/)[0]);
      const showAllButton = page.getByTestId('show-all');
      assert.equal(await showAllButton.textContent(), plural(t.suggest, 'show_all', count));
      assert.equal(await showAllButton.getAttribute('aria-expanded'), 'false');
      await showAllButton.focus();
      await page.keyboard.press('Enter');
      await page.locator('#more-suggestions li.suggestion').first().waitFor();
      assert.equal(await showAllButton.getAttribute('aria-expanded'), 'true');
      while ((await page.getByRole('button', { name: t.suggest.show_more }).count()) > 0) {
        await page.getByRole('button', { name: t.suggest.show_more }).click();
      }
      const all = await dotsFor();
      assert.equal(all.length, count, 'every suggestion can be reached');
      assert.equal(new Set(all).size, count, 'each once');
      assert.deepEqual(all.slice(0, short.length), short, 'the short list stays first');
      // Each card's heading names it, and its buttons say which one they are for.
      assert.equal(await list.locator('li.suggestion h4.suggestion-name').count(), count);
      // Back to the short list.
      await showAllButton.click();
      assert.equal(await list.locator('li.suggestion').count(), short.length);
      await dotsFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 } },
  );
});

/** Gives a home postcode, opens the suggestions and waits for the cards; returns them. */
async function openSuggestionsNearHome(page) {
  await page.goto(`${server.url}#/about-you`);
  await page.getByLabel(t.about.area_label).fill('MB1 1ED');
  await waitForSaved(page);
  await page.goto(`${server.url}#/suggestions`);
  const cards = page.getByTestId('suggestions').locator('li.suggestion');
  await cards.first().waitFor();
  return cards;
}

test('a choice stopped after a check-in no longer counts, is kept apart, and can be chosen again', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    const cards = await openSuggestionsNearHome(page);
    const first = cards.first();
    const name = (await first.locator('.suggestion-name').textContent()).trim();
    await first.getByRole('button', { name: t.suggest.choose }).click();
    await assertChosenCount(page, 1);

    // "Did you try it?" "No": the choice is stopped.
    const checkIn = page.locator('article.plan').first().getByTestId('check-in');
    await checkIn.getByText(t.check_in.title).click();
    // Taking back the only tick leaves the panel open, with focus where it was.
    const cost = checkIn.getByLabel(t.barrier.cost);
    await cost.check();
    await waitForSaved(page);
    await cost.uncheck();
    await waitForSaved(page);
    assert.equal(await checkIn.evaluate((el) => el.open), true, 'the check-in stays open');
    assert.equal(await cost.evaluate((el) => el === document.activeElement), true, 'focus stays on the tick box');
    // Saving before "Did you try it?" is answered, by keyboard: the button can be reached,
    // says why beside the question, and takes the person to it.
    const saveAnswers = checkIn.getByRole('button', { name: t.check_in.save });
    await saveAnswers.focus();
    await page.keyboard.press('Enter');
    const needed = checkIn.getByTestId('check-in-problem');
    await needed.getByText(t.check_in.tried_needed).waitFor();
    assert.equal(await needed.getAttribute('role'), 'alert');
    const question = checkIn.locator('fieldset').filter({ hasText: t.check_in.tried_legend });
    assert.equal(await question.getAttribute('aria-describedby'), await needed.getAttribute('id'));
    assert.equal(await question.getAttribute('aria-invalid'), 'true');
    await page.waitForFunction(
      (label) => document.activeElement?.closest('label')?.textContent?.trim() === label,
      t.check_in.tried_yes,
    );
    await page.keyboard.press('ArrowDown');
    await needed.waitFor({ state: 'detached' });
    assert.equal(await question.getAttribute('aria-invalid'), null);
    await checkIn.getByLabel(t.check_in.tried_no).check();
    await checkIn.getByRole('button', { name: t.check_in.save }).click();
    await page.getByTestId('announcement').getByText(t.check_in.saved).waitFor();
    await waitForSaved(page);

    // Shown apart, read-only, and not counted.
    assert.equal(await page.locator('article.plan').count(), 0);
    const tried = page.getByTestId('tried-before');
    await tried.getByRole('heading', { name: t.suggest.tried_title }).waitFor();
    await tried.getByText(name, { exact: true }).waitFor();
    assert.equal(await tried.getByRole('button', { name: t.suggest.remove }).count(), 0);
    await assertChosenCount(page, 0);

    // Three others can be chosen: never "4/3".
    for (let i = 1; i <= 3; i += 1) {
      await cards.nth(i).getByRole('button', { name: t.suggest.choose }).click();
      await assertChosenCount(page, i);
    }
    // The stopped one can be chosen again, once there is room.
    await first.getByTestId('tried-before-note').waitFor();
    const again = first.getByRole('button', { name: t.suggest.choose });
    assert.equal(await again.isEnabled(), true);
    await again.click();
    const refused = first.getByTestId('choose-refused');
    await refused.getByText(t.suggest.full).waitFor();
    assert.equal(await refused.getAttribute('role'), 'alert');
    const inView = await refused.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the refusal is on screen beside the card');
    await assertChosenCount(page, 3);

    const plan = page.locator('article.plan').first();
    await plan.getByRole('button', { name: t.suggest.remove }).click();
    await plan.getByTestId('remove-confirm').waitFor();
    // The refusal, the list of things tried before and the question are all accessible.
    assert.deepEqual(await seriousAxeViolations(page), []);
    await plan.getByRole('button', { name: t.suggest.remove_yes }).click();
    await assertChosenCount(page, 2);
    assert.equal(await refused.count(), 0, 'the refusal goes once there is room');
    await again.click();
    await page.getByTestId('announcement').getByText(fill(t.suggest.chose, { name, count: 3 })).waitFor();
    await assertChosenCount(page, 3);
    await first.getByRole('button', { name: t.suggest.chosen }).waitFor();
    assert.equal(await first.getByTestId('tried-before-note').count(), 0);
    // Chosen again and still in the list of things tried before.
    await tried.getByText(name, { exact: true }).waitFor();
    await waitForSaved(page);
    await page.reload();
    await assertChosenCount(page, 3);
    assert.equal(await page.locator('article.plan').count(), 3);
    assert.deepEqual(problems, []);
  });
});

test('a note that an entry has closed stays on the device, hides it, and can be shared by choice', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    const cards = await openSuggestionsNearHome(page);
    const id = await cards.first().getAttribute('data-resource');
    const name = byId[id].name;
    await cards.first().getByRole('button', { name: t.suggest.choose }).click();

    // Nothing is offered for sharing until there is a note.
    assert.equal(await page.getByTestId('share-notes').count(), 0);
    const plan = page.locator('article.plan').first();
    await plan.getByText(t.suggest.entry_note_title).click();
    // Typing elsewhere in the same plan leaves the panel the person opened open.
    const notePanel = plan.locator('details.entry-note');
    await plan.getByLabel(t.suggest.first_step).fill('Ask at the desk');
    await waitForSaved(page);
    assert.equal(await notePanel.evaluate((el) => el.open), true, 'the panel stays open');
    await plan.getByLabel(t.reported.closed).check();
    await plan.getByLabel(t.suggest.entry_note_text).fill('Moved to the library; café & garden closed');
    await waitForSaved(page);
    // Closed and opened again, the panel shows what was typed and ticked.
    await plan.getByText(t.suggest.entry_note_title).click();
    assert.equal(await notePanel.evaluate((el) => el.open), false);
    await plan.getByText(t.suggest.entry_note_title).click();
    assert.equal(await plan.getByLabel(t.suggest.entry_note_text).inputValue(), 'Moved to the library; café & garden closed');
    assert.equal(await plan.getByLabel(t.reported.closed).isChecked(), true);

    // The person sees exactly what would be shared, as text.
    const preview = page.getByTestId('share-notes-preview');
    const text = await preview.textContent();
    assert.ok(text.includes(fill(t.share_notes.entry, { name, id })), text);
    assert.ok(text.includes(fill(t.share_notes.item, { text: t.reported.closed })), text);
    assert.ok(text.includes(fill(t.share_notes.item, { text: 'Moved to the library; café & garden closed' })), text);
    // The e-mail is a draft in the person's own e-mail app, to the area's feedback address.
    const href = await page.getByTestId('share-notes-email').getAttribute('href');
    const area = JSON.parse(readFileSync(new URL('../../public/area/area.json', import.meta.url)));
    assert.ok(href.startsWith(`mailto:${area.feedback_email}?subject=`), href);
    assert.equal(decodeURIComponent(href.split('&body=')[1]), text);

    // Reported closed: no longer suggested, and the page says why.
    await page.getByText(fill(t.suggest.hidden_closed, { names: name })).waitFor();
    const shown = await cards.evaluateAll((els) => els.map((e) => e.dataset.resource));
    assert.ok(!shown.includes(id), 'the closed entry is not suggested again');

    // Kept on the device.
    await page.reload();
    await page.getByTestId('share-notes-preview').waitFor();
    assert.equal(await page.getByTestId('share-notes-preview').textContent(), text);
    assert.deepEqual(problems, []);
  });
});

test('a place known only by its postcode says that distances to it are approximate', async () => {
  // The sample area with one entry placed at its postcode's centre, as genie-import marks it.
  const site = new URL('../../target/e2e-approximate-site', import.meta.url).pathname;
  rmSync(site, { recursive: true, force: true });
  cpSync(distDir, site, { recursive: true });
  for (const copy of ['directory.json.br', 'directory.json.gz']) rmSync(join(site, 'area', copy), { force: true });
  const marked = structuredClone(directory);
  const entry = marked.resources.find((r) => r.id === 'mb-004');
  entry.reach.location.precision = 'postcode';
  writeFileSync(join(site, 'area', 'directory.json'), JSON.stringify(marked));
  const approximate = await serveApp({ dir: site });
  try {
    await withBrowser(async (open) => {
      const { page, problems } = await open();
      await page.goto(`${approximate.url}#/about-you`);
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await page.goto(`${approximate.url}#/preferences`);
      await page.getByLabel(t.interest.learn_skills).check();
      await waitForSaved(page);
      await page.goto(`${approximate.url}#/suggestions`);
      const list = page.getByTestId('suggestions');
      await list.waitFor();
      await showAll(page);
      const card = list.locator('li.suggestion[data-resource="mb-004"]');
      while ((await card.count()) === 0) {
        await page.getByRole('button', { name: t.suggest.show_more }).click();
      }
      await card.getByText(t.suggest.more_about).click();
      const note = card.locator('[data-fact=where]').getByTestId('place-approximate');
      assert.equal((await note.textContent()).trim(), t.suggest.place_approximate);
      // Every other card's place is exact: no such note.
      await list.locator('details.more').evaluateAll((els) => els.forEach((d) => (d.open = true)));
      await page.waitForFunction(() => [...document.querySelectorAll('details.more')].every((d) => d.children.length > 1));
      assert.equal(await list.getByTestId('place-approximate').count(), 1);
      assert.deepEqual(problems, []);
    });
  } finally {
    await approximate.close();
    rmSync(site, { recursive: true, force: true });
  }
});
