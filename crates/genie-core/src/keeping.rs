//! Whether the person's data is at risk of being cleared by the browser, and what to say.
//!
//! Browsers keep a website's data by their own rules (`docs/engines.md`). WebKit (Safari, and
//! every browser on an iPhone or iPad) deletes everything a site stored after seven days of
//! use without a visit, unless the site was added to the Home Screen and runs from there.
//! Other browsers keep the data until the device runs short of space, unless the browser has
//! promised to keep it (`navigator.storage.persisted()`). The app gathers these facts from the
//! browser; this module decides, with no browser in sight, so every case is tested on the host.

/// What the browser told us about the data, gathered by the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EngineFacts {
    /// The page runs in WebKit: Safari, any browser on an iPhone or iPad, or WebKitGTK.
    pub webkit: bool,
    /// An iPhone or iPad (where the Home Screen is reached through Share).
    pub ios: bool,
    /// Running as an installed app: display mode `standalone` or `navigator.standalone`.
    pub installed: bool,
    /// What `navigator.storage.persisted()` answered.
    pub persisted: Persisted,
    /// `navigator.storage.persist()` exists, so the app can ask.
    pub can_ask_persist: bool,
    /// The browser offered its own install prompt (`beforeinstallprompt`).
    pub install_prompt: bool,
}

/// The browser's answer about keeping the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Persisted {
    /// It promised to keep it until the person deletes it.
    Yes,
    /// It may clear it when space runs short.
    No,
    /// It cannot say (the API is missing, or it did not answer in time).
    #[default]
    Unknown,
}

/// How much at risk the data is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    /// Kept until the person deletes it: installed, or promised by the browser.
    Kept,
    /// Probably kept, but the browser may clear it if the device runs short of space.
    SpaceRunsShort,
    /// The browser does not say what it will do.
    Unknown,
    /// WebKit in a tab: deleted after seven days without a visit.
    SevenDays,
}

/// A way to keep the data that this browser offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Add Genie to the Home Screen from Safari's Share menu (pictures shown).
    HomeScreenSteps,
    /// Open the browser's own install prompt.
    InstallPrompt,
    /// Ask the browser to keep the data (`persist()`).
    AskToKeep,
    /// Save a backup from time to time: always offered while the data is at risk.
    SaveCopies,
}

/// What to say: the risk and the ways out, most lasting first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub risk: Risk,
    pub remedies: Vec<Remedy>,
}

impl Advice {
    /// True when the data is not certain to be kept.
    pub fn at_risk(&self) -> bool {
        self.risk != Risk::Kept
    }
}

/// Decides the risk and the ways out from the browser's facts.
pub fn assess(facts: EngineFacts) -> Advice {
    // An installed app keeps its data in every engine: WebKit exempts Home Screen apps from the
    // seven-day rule, and Chromium treats installed apps as persistent.
    if facts.installed || facts.persisted == Persisted::Yes {
        return Advice {
            risk: Risk::Kept,
            remedies: Vec::new(),
        };
    }
    let risk = if facts.webkit {
        Risk::SevenDays
    } else if facts.persisted == Persisted::No {
        Risk::SpaceRunsShort
    } else {
        Risk::Unknown
    };
    let mut remedies = Vec::new();
    if facts.install_prompt {
        remedies.push(Remedy::InstallPrompt);
    }
    // Share, then Add to Home Screen, is how an iPhone installs a site; Safari on a Mac has
    // its own menu, so the pictures are for iPhones and iPads only.
    if facts.webkit && facts.ios {
        remedies.push(Remedy::HomeScreenSteps);
    }
    // Asking helps only where the browser can still say yes; WebKit's answer does not lift the
    // seven-day rule.
    if facts.can_ask_persist && !facts.webkit && facts.persisted == Persisted::No {
        remedies.push(Remedy::AskToKeep);
    }
    remedies.push(Remedy::SaveCopies);
    Advice { risk, remedies }
}

/// How far the person has got: the notice matters once there is something to lose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Something in About you has been filled in.
    pub about_you: bool,
    /// Members on the map.
    pub members: usize,
}

/// Whether to show the notice about keeping the data now: the data is at risk, the person has
/// started (before much is typed, but not on an empty first look), and has not put it away.
pub fn notice_due(advice: &Advice, progress: Progress, dismissed: bool) -> bool {
    advice.at_risk() && !dismissed && (progress.about_you || progress.members > 0)
}

/// One day in milliseconds.
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// After this many days without a copy, the safety net asks more firmly: WebKit deletes after
/// seven days away, so a copy older than that may be all that is left.
pub const STALE_DAYS: i64 = 7;

/// What the safety net says about the last copy saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastCopy {
    /// No copy saved on this device yet.
    Never,
    /// Saved `days` whole days ago (0 is within the last day). A clock moved backwards counts
    /// as today.
    DaysAgo { days: i64, stale: bool },
}

/// Reads the stored time of the last copy (milliseconds since 1970) against now.
pub fn last_copy(saved_at_ms: Option<i64>, now_ms: i64) -> LastCopy {
    match saved_at_ms {
        None => LastCopy::Never,
        Some(at) => {
            let days = (now_ms.saturating_sub(at) / DAY_MS).max(0);
            LastCopy::DaysAgo {
                days,
                stale: days >= STALE_DAYS,
            }
        }
    }
}

/// Whether to offer a copy at the end of a session or when a reminder is due: only while the
/// data is at risk and there is something to keep.
pub fn offer_copy(advice: &Advice, progress: Progress) -> bool {
    advice.at_risk() && (progress.about_you || progress.members > 0)
}

/// Whether an installed app's first start should offer to open a backup: installed, nothing
/// stored yet, and not offered before.
pub fn offer_bring_across(facts: EngineFacts, progress: Progress, offered_before: bool) -> bool {
    facts.installed && !offered_before && !progress.about_you && progress.members == 0
}

/// Which engine a user agent string names, as far as keeping data goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Engine {
    /// WebKit: Safari, every browser on an iPhone or iPad (their rules require WebKit), and
    /// WebKitGTK. Chromium also writes "AppleWebKit" but adds "Chrome/".
    pub webkit: bool,
    /// An iPhone, iPod or iPad. iPadOS 13 and later call themselves a Mac, so a "Macintosh"
    /// with a touch screen (`navigator.maxTouchPoints` above 1) is an iPad.
    pub ios: bool,
}

/// Reads the engine from `navigator.userAgent` and `navigator.maxTouchPoints`.
pub fn engine_from_user_agent(user_agent: &str, max_touch_points: u32) -> Engine {
    let has = |word: &str| user_agent.contains(word);
    let ios =
        has("iPhone") || has("iPad") || has("iPod") || (has("Macintosh") && max_touch_points > 1);
    let blink = has("Chrome/") || has("Chromium/");
    let webkit = ios || (has("AppleWebKit/") && !blink);
    Engine { webkit, ios }
}
