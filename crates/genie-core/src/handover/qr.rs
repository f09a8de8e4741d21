//! A QR code as an SVG path, so the page draws it as an ordinary element (no image, no
//! `innerHTML`). Encoding is Project Nayuki's `qrcodegen`: small, no dependencies, well kept.

use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin round a code that readers need, in modules.
pub const QUIET_ZONE: usize = 4;

/// A code ready to draw: a square of `size` modules (quiet zone included), dark where `path`
/// fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPicture {
    pub size: usize,
    /// QR version (1 to 40), for reports.
    pub version: u8,
    /// SVG path data in module units, one rectangle per run of dark modules in a row.
    pub path: String,
}

/// Encodes `text` at low error correction (raised when it costs no size), or `None` if it
/// does not fit a QR code at all.
pub fn qr_picture(text: &str) -> Option<QrPicture> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let modules = usize::try_from(code.size()).ok()?;
    let mut path = String::new();
    for y in 0..modules {
        let mut x = 0;
        while x < modules {
            if !dark(&code, x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && dark(&code, x, y) {
                x += 1;
            }
            path.push_str(&format!(
                "M{},{}h{}v1h-{}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - start,
                x - start
            ));
        }
    }
    Some(QrPicture {
        size: modules + 2 * QUIET_ZONE,
        version: code.version().value(),
        path,
    })
}

fn dark(code: &QrCode, x: usize, y: usize) -> bool {
    match (i32::try_from(x), i32::try_from(y)) {
        (Ok(x), Ok(y)) => code.get_module(x, y),
        _ => false,
    }
}
