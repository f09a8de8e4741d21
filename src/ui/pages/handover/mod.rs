//! Handing a session to another device: giving it (QR codes, a one-time code, a protected
//! file; on a supporter's device, erasing it once the phone has it) and receiving it (the codes
//! gathered across page loads, the one-time code, what arrived, kept on the person's say), and
//! the printable guide for supporters.

mod erased;
mod give;
mod guide;
mod receive;

pub use erased::ErasedPage;
pub use give::HandOverPage;
pub use guide::SupporterGuidePage;
pub use receive::ReceivePage;
