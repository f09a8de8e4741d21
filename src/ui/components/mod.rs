//! Widgets shared by several pages.

mod choice_fields;
mod page_heading;
mod save_indicator;
mod storage_notice;

pub use choice_fields::{CheckboxGroup, RadioGroup};
pub use page_heading::PageHeading;
pub use save_indicator::SaveIndicator;
pub use storage_notice::StorageNotice;
