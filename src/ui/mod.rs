//! The user interface: one `App`, a page per step of the session, and shared components.
//!
//! Components read and change state only through [`state::AppState`]; they never talk to
//! storage directly. Every word on screen comes from the translation catalogue.

mod app;
pub mod area_state;
pub mod components;
pub mod labels;
pub mod pages;
pub mod route;
pub mod state;

pub use app::App;
