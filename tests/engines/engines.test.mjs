// The core journeys in WebKit and Firefox ESR, beside the Chromium suite in tests/e2e/. One
// browser per engine for the whole run (starting one is the slow part), the journeys in order:
// first visit, first session, reload, restart (Firefox only: WebKit's automation sessions keep
// no data between runs), backup and restore, offline; then no request left the site.
// Each engine's numbers are printed as `metric` lines for scripts/bench.sh.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { available, launchChromium, launchFirefox, launchWebKit, profileDir } from './drivers.mjs';
import {
  backupAndRestore,
  expectSession,
  firstSession,
  firstVisit,
  foreignRequests,
  offline,
  serveApp,
} from './journeys.mjs';

const launchers = {
  webkit: () => launchWebKit(),
  firefox: (profile) => launchFirefox(profile),
  chromium: (profile) => launchChromium(profile),
};

// Outside CI an engine that is not installed is skipped; in CI (where setup installs both) a
// missing engine fails. The benchmark adds Chromium, to compare the numbers; the tests run it in tests/e2e/.
const engines = process.env.GENIE_ENGINES_WITH_CHROMIUM ? ['webkit', 'firefox', 'chromium'] : ['webkit', 'firefox'];

for (const engine of engines) {
  test(`core journeys in ${engine}`, { skip: !process.env.CI && engine !== 'chromium' && !available(engine) && `${engine} is not installed` }, async (t) => {
    const server = await serveApp();
    const profile = profileDir();
    let browser = await launchers[engine](profile.dir);
    let passed = 0;
    // A failed subtest fails the run but does not throw here: count only those that finished.
    const journey = async (name, run) => {
      let done = false;
      await t.test(name, async () => {
        await run();
        done = true;
      });
      if (done) passed += 1;
    };
    const seen = [];
    try {
      const { url } = server;
      let timing;
      await journey('first visit', async () => {
        timing = await firstVisit(browser, url);
      });
      await journey('first session', () => firstSession(browser, url));
      await journey('reload keeps everything', async () => {
        await browser.reload();
        await expectSession(browser, url);
      });
      if (browser.restarts) {
        await journey('browser restart keeps everything', async () => {
          seen.push(...(await foreignRequests(browser)));
          await browser.close();
          browser = await launchers[engine](profile.dir);
          await expectSession(browser, url);
        });
      }
      await journey('backup and restore', () => backupAndRestore(browser, url));
      await journey('offline after the first visit', () => offline(browser, url, server));
      await journey('no request to another site', async () => {
        seen.push(...(await foreignRequests(browser)));
        assert.deepEqual(seen, []);
      });
      if (timing) {
        console.log(`metric engine_${engine}_welcome_ms ${timing.welcomeMs.toFixed(0)} ms`);
        console.log(`metric engine_${engine}_usable_start_ms ${timing.startMs.toFixed(0)} ms`);
      }
    } finally {
      console.log(`metric engine_${engine}_journeys_passed ${passed} count`);
      await browser.close().catch(() => {});
      server.close();
      profile.cleanup();
    }
  });
}
