//! The user interface: one `App`, a page per step of the session, and shared components.
//!
//! Components read and change data only through [`crate::session::Session`]; they never talk
//! to storage directly. Every word on screen comes from the translation catalogue.

mod app;
pub mod area_state;
pub mod components;
pub mod handover_state;
pub mod labels;
pub mod page_loader;
pub mod pages;
pub mod route;

pub use app::App;
