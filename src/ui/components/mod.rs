//! Widgets shared by several pages.

mod ask_first;
mod choice_fields;
mod disclosure;
pub mod keeping;
mod kind_icon;
mod language_choice;
mod map_picture;
mod nearby_map;
pub mod network_map;
mod page_heading;
mod save_indicator;
mod storage_notice;
mod update_prompt;

pub use ask_first::AskFirst;
pub use choice_fields::{radio_option, CheckboxGroup, RadioGroup, SelectField};
pub use disclosure::disclosure;
pub use keeping::{BringAcross, Keeping, KeepingHelp, KeepingNotice, SafetyNet};
pub use kind_icon::{kind_colour, KindIcon};
pub use language_choice::LanguageChoice;
pub use map_picture::{MapPicture, PictureStyle};
pub use nearby_map::{NearbyMap, NearbyPlace};
pub use network_map::NetworkMap;
pub use page_heading::PageHeading;
pub use save_indicator::SaveIndicator;
pub use storage_notice::StorageNotice;
pub use update_prompt::UpdatePrompt;
