//! When the person's data is at risk in a browser, what the app offers, and when it says so.

use genie_core::keeping::{
    assess, engine_from_user_agent, last_copy, notice_due, offer_bring_across, offer_copy,
    EngineFacts, LastCopy, Persisted, Progress, Remedy, Risk,
};

const DAY: i64 = 24 * 60 * 60 * 1000;

fn facts(webkit: bool, ios: bool, installed: bool, persisted: Persisted) -> EngineFacts {
    EngineFacts {
        webkit,
        ios,
        installed,
        persisted,
        can_ask_persist: !webkit,
        install_prompt: false,
    }
}

#[test]
fn risk_and_remedies_by_engine() {
    use Persisted::*;
    use Remedy::*;
    // (what the browser says, expected risk, expected remedies)
    let cases: Vec<(&str, EngineFacts, Risk, Vec<Remedy>)> = vec![
        (
            "Safari tab on an iPhone",
            facts(true, true, false, Unknown),
            Risk::SevenDays,
            vec![HomeScreenSteps, SaveCopies],
        ),
        (
            "Safari tab on an iPhone, persisted says no",
            facts(true, true, false, No),
            Risk::SevenDays,
            vec![HomeScreenSteps, SaveCopies],
        ),
        (
            "Safari on a Mac",
            facts(true, false, false, Unknown),
            Risk::SevenDays,
            vec![SaveCopies],
        ),
        (
            "Home Screen app on an iPhone",
            facts(true, true, true, Unknown),
            Risk::Kept,
            vec![],
        ),
        (
            "Chromium tab, not promised",
            facts(false, false, false, No),
            Risk::SpaceRunsShort,
            vec![AskToKeep, SaveCopies],
        ),
        (
            "Chromium tab, promised",
            facts(false, false, false, Yes),
            Risk::Kept,
            vec![],
        ),
        (
            "Firefox did not answer in time",
            facts(false, false, false, Unknown),
            Risk::Unknown,
            vec![SaveCopies],
        ),
        (
            "installed on Android",
            facts(false, false, true, No),
            Risk::Kept,
            vec![],
        ),
    ];
    for (name, facts, risk, remedies) in cases {
        let advice = assess(facts);
        assert_eq!(advice.risk, risk, "{name}");
        assert_eq!(advice.remedies, remedies, "{name}");
        assert_eq!(advice.at_risk(), risk != Risk::Kept, "{name}");
    }
}

#[test]
fn the_browsers_install_prompt_comes_first() {
    let advice = assess(EngineFacts {
        install_prompt: true,
        ..facts(false, false, false, Persisted::No)
    });
    assert_eq!(
        advice.remedies,
        vec![Remedy::InstallPrompt, Remedy::AskToKeep, Remedy::SaveCopies]
    );
}

#[test]
fn asking_is_offered_only_where_the_browser_can_ask() {
    let mut no_api = facts(false, false, false, Persisted::No);
    no_api.can_ask_persist = false;
    assert_eq!(assess(no_api).remedies, vec![Remedy::SaveCopies]);
}

#[test]
fn the_notice_waits_until_there_is_something_to_lose() {
    let risky = assess(facts(true, true, false, Persisted::Unknown));
    let safe = assess(facts(true, true, true, Persisted::Unknown));
    let nothing = Progress::default();
    let started = Progress {
        about_you: true,
        members: 0,
    };
    let one_member = Progress {
        about_you: false,
        members: 1,
    };
    // (advice, progress, dismissed, shown)
    let cases = [
        (&risky, nothing, false, false),
        (&risky, started, false, true),
        (&risky, one_member, false, true),
        (&risky, one_member, true, false),
        (&safe, one_member, false, false),
    ];
    for (i, (advice, progress, dismissed, shown)) in cases.into_iter().enumerate() {
        assert_eq!(notice_due(advice, progress, dismissed), shown, "case {i}");
    }
}

#[test]
fn a_copy_is_offered_only_while_at_risk_and_with_something_to_keep() {
    let risky = assess(facts(false, false, false, Persisted::No));
    let safe = assess(facts(false, false, false, Persisted::Yes));
    let some = Progress {
        about_you: false,
        members: 3,
    };
    assert!(offer_copy(&risky, some));
    assert!(!offer_copy(&risky, Progress::default()));
    assert!(!offer_copy(&safe, some));
}

#[test]
fn last_copy_in_whole_days() {
    let now = 100 * DAY;
    // (saved at, expected)
    let cases = [
        (None, LastCopy::Never),
        (
            Some(now),
            LastCopy::DaysAgo {
                days: 0,
                stale: false,
            },
        ),
        (
            Some(now - DAY + 1),
            LastCopy::DaysAgo {
                days: 0,
                stale: false,
            },
        ),
        (
            Some(now - 6 * DAY - 1),
            LastCopy::DaysAgo {
                days: 6,
                stale: false,
            },
        ),
        (
            Some(now - 7 * DAY),
            LastCopy::DaysAgo {
                days: 7,
                stale: true,
            },
        ),
        // A clock moved backwards since the copy: say today, never a negative count.
        (
            Some(now + 3 * DAY),
            LastCopy::DaysAgo {
                days: 0,
                stale: false,
            },
        ),
    ];
    for (saved, expected) in cases {
        assert_eq!(last_copy(saved, now), expected, "{saved:?}");
    }
}

#[test]
fn bringing_work_across_is_offered_once_on_an_empty_installed_app() {
    let installed = facts(true, true, true, Persisted::Unknown);
    let tab = facts(true, true, false, Persisted::Unknown);
    let empty = Progress::default();
    let used = Progress {
        about_you: true,
        members: 0,
    };
    assert!(offer_bring_across(installed, empty, false));
    assert!(!offer_bring_across(installed, empty, true));
    assert!(!offer_bring_across(installed, used, false));
    assert!(!offer_bring_across(tab, empty, false));
}

#[test]
fn engines_from_user_agents() {
    // (user agent, touch points, webkit, ios)
    let cases = [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", 5, true, true),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1", 5, true, true),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15", 5, true, true),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", 5, true, true),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", 0, true, false),
        ("Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", 0, true, false),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36", 5, false, false),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", 0, false, false),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", 0, false, false),
        ("Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0", 5, false, false),
        ("", 0, false, false),
    ];
    for (ua, touch, webkit, ios) in cases {
        let engine = engine_from_user_agent(ua, touch);
        assert_eq!((engine.webkit, engine.ios), (webkit, ios), "{ua}");
    }
}
