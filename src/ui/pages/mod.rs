//! One module per page, named after the step of the session it serves.

mod about_you;
mod welcome;

pub use about_you::AboutYouPage;
pub use welcome::WelcomePage;
