//! Work whose code is fetched the first time it is needed, not with the app.
//!
//! The release build (feature `split-pages`) cuts the code only such a function uses out of the
//! app's first download into a file of its own (`scripts/split-app.mjs`); the service worker
//! keeps it for offline use. The pages are split the same way (`crate::ui::page_loader`); this
//! is for work outside the pages: reading stored records, making a backup. Without the feature
//! (unit tests) the same functions are plain `async` ones.

use std::future::Future;
use std::pin::Pin;

use leptos::wasm_split::SplitLoaderError;

/// The code could not be fetched (offline before the service worker kept it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeMissing;

impl From<SplitLoaderError> for CodeMissing {
    fn from(_: SplitLoaderError) -> Self {
        CodeMissing
    }
}

/// What a split function hands back: its work, not yet run. A split function cannot be
/// `async` itself, so it returns the future its body makes.
pub type Work<T> = Pin<Box<dyn Future<Output = T>>>;

/// `on_demand!(group: name + preload = body(args) -> Out)` declares `async fn name(args) ->
/// Result<Work<Out>, CodeMissing>`, which fetches the code of `group` if needed and then
/// starts `body` (an `async fn` taking the same arguments), and `async fn preload()`, which
/// only fetches it. Each split point has its own loader, so `preload` must be this one's.
macro_rules! on_demand {
    ($group:ident: $name:ident + $preload:ident = $body:ident($($arg:ident: $ty:ty),*) -> $out:ty) => {
        #[cfg(feature = "split-pages")]
        #[::leptos::wasm_split::wasm_split(
            $group,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        fn $name(
            $($arg: $ty),*
        ) -> Result<$crate::on_demand::Work<$out>, $crate::on_demand::CodeMissing> {
            Ok(Box::pin($body($($arg),*)))
        }

        #[cfg(not(feature = "split-pages"))]
        async fn $name(
            $($arg: $ty),*
        ) -> Result<$crate::on_demand::Work<$out>, $crate::on_demand::CodeMissing> {
            Ok(Box::pin($body($($arg),*)))
        }

        #[cfg(not(feature = "split-pages"))]
        async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use on_demand;
