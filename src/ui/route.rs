//! Which page is showing, read from and written to the address's `#` fragment so the browser's
//! back button and bookmarks work without a server.

/// The app's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Welcome,
    AboutYou,
}

impl Route {
    /// The page for a fragment such as `/about-you`; anything unknown is the welcome page.
    pub fn from_hash(hash: &str) -> Route {
        match hash.trim_matches('/') {
            "about-you" => Route::AboutYou,
            _ => Route::Welcome,
        }
    }

    /// The link to this page.
    pub fn href(self) -> &'static str {
        match self {
            Route::Welcome => "#/",
            Route::AboutYou => "#/about-you",
        }
    }
}
