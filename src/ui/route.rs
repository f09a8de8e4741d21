//! Which page is showing, read from and written to the address's `#` fragment so the browser's
//! back button and bookmarks work without a server.

use genie_core::model::MemberId;

/// The app's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Welcome,
    AboutYou,
    /// The network, as a map or as a list (the same data, always one tap apart).
    Network {
        list: bool,
    },
    Member(MemberId),
    /// What the map shows: counts, support, network type, observations.
    Summary,
    /// What the person would like, and what is practical for them.
    Preferences,
    /// Suggestions from the area's directory, with reasons; choose up to three.
    Suggestions,
    /// Follow-up: what is due, taking stock, how the person is doing, what changed.
    OverTime,
    /// What Genie keeps, where, for how long, and how to delete it.
    Privacy,
    /// The person's data: backup, restore, research export, delete everything.
    YourData,
    /// A printable summary, also to share as text.
    ShareSummary,
    /// Giving the session to another device: QR codes, a one-time code, a protected file.
    HandOver,
    /// Taking in a hand-over: the codes read so far, the one-time code, what arrived.
    Receive,
    /// The one-page guide for supporters, to read or print.
    SupporterGuide,
    /// After a supporter session was erased: after hand-over, or left open too long.
    Erased {
        expired: bool,
    },
}

impl Route {
    /// The page for a fragment such as `/about-you`; anything unknown is the welcome page.
    pub fn from_hash(hash: &str) -> Route {
        let parts: Vec<&str> = hash.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            ["about-you"] => Route::AboutYou,
            ["network"] => Route::Network { list: false },
            ["network", "list"] => Route::Network { list: true },
            ["summary"] => Route::Summary,
            ["preferences"] => Route::Preferences,
            ["suggestions"] => Route::Suggestions,
            ["over-time"] => Route::OverTime,
            ["privacy"] => Route::Privacy,
            ["your-data"] => Route::YourData,
            ["your-data", "share"] => Route::ShareSummary,
            ["hand-over"] => Route::HandOver,
            ["supporter-guide"] => Route::SupporterGuide,
            // A hand-over link not yet taken out of the address still goes to its page.
            ["receive"] | ["h", ..] => Route::Receive,
            ["erased"] => Route::Erased { expired: false },
            ["erased", "expired"] => Route::Erased { expired: true },
            ["network", "member", id] => id
                .parse()
                .map(|id| Route::Member(MemberId(id)))
                .unwrap_or(Route::Network { list: false }),
            _ => Route::Welcome,
        }
    }

    /// The link to this page.
    pub fn href(self) -> String {
        match self {
            Route::Welcome => "#/".into(),
            Route::AboutYou => "#/about-you".into(),
            Route::Network { list: false } => "#/network".into(),
            Route::Network { list: true } => "#/network/list".into(),
            Route::Member(id) => format!("#/network/member/{}", id.0),
            Route::Summary => "#/summary".into(),
            Route::Preferences => "#/preferences".into(),
            Route::Suggestions => "#/suggestions".into(),
            Route::OverTime => "#/over-time".into(),
            Route::Privacy => "#/privacy".into(),
            Route::YourData => "#/your-data".into(),
            Route::ShareSummary => "#/your-data/share".into(),
            Route::HandOver => "#/hand-over".into(),
            Route::Receive => "#/receive".into(),
            Route::SupporterGuide => "#/supporter-guide".into(),
            Route::Erased { expired: false } => "#/erased".into(),
            Route::Erased { expired: true } => "#/erased/expired".into(),
        }
    }

    /// Goes to this page, as following a link would.
    pub fn go(self) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&self.href());
        }
    }
}
