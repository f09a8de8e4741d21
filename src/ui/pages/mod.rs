//! One module per page, named after the step of the session it serves.

mod about_you;
mod handover;
mod member;
mod network;
mod over_time;
mod preferences;
mod privacy;
mod share_summary;
mod suggestions;
mod summary;
mod welcome;
mod your_data;

pub use about_you::AboutYouPage;
pub use handover::{ErasedPage, HandOverPage, ReceivePage, SupporterGuidePage};
pub use member::MemberPage;
pub use network::NetworkPage;
pub use over_time::{DueNotice, OverTimePage};
pub use preferences::PreferencesPage;
pub use privacy::PrivacyPage;
pub use share_summary::ShareSummaryPage;
pub use suggestions::SuggestionsPage;
pub use summary::SummaryPage;
pub use welcome::WelcomePage;
pub use your_data::{RestoreSection, YourDataPage};
