//! Colour contrast by WCAG 2.x: relative luminance of an sRGB colour and the contrast ratio of
//! two colours, so neither the area checker nor the app accepts theme colours people with low
//! vision cannot read.

/// WCAG 2.x level AA for normal-size text.
pub const AA_NORMAL_TEXT: f64 = 4.5;

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rgb` or `#rrggbb` (any case). Anything else is `None`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, width: usize| u8::from_str_radix(&hex[i..i + width], 16).ok();
        match hex.len() {
            3 => {
                let r = digit(0, 1)?;
                let g = digit(1, 1)?;
                let b = digit(2, 1)?;
                Some(Rgb(r * 17, g * 17, b * 17))
            }
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance, 0 (black) to 1 (white), as WCAG 2.x defines it.
    pub fn luminance(self) -> f64 {
        fn channel(value: u8) -> f64 {
            let c = f64::from(value) / 255.0;
            // WCAG 2.x gives 0.03928; the sRGB standard's 0.04045 differs only below 1/255.
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_hex() {
        assert_eq!(Rgb::parse("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("#1D4E89"), Some(Rgb(0x1d, 0x4e, 0x89)));
        assert_eq!(Rgb::parse("1d4e89"), None);
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("#ggg"), None);
        assert_eq!(Rgb::parse("blue"), None);
    }

    #[test]
    fn black_on_white_is_21_and_same_is_1() {
        let black = Rgb(0, 0, 0);
        let white = Rgb(255, 255, 255);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn known_pairs() {
        // Values from the WebAIM contrast checker.
        let ratio =
            |a: &str, b: &str| contrast_ratio(Rgb::parse(a).unwrap(), Rgb::parse(b).unwrap());
        assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert!((ratio("#767676", "#ffffff") - 4.54).abs() < 0.01);
        // The app's own brand colour with white text.
        assert!(ratio("#1d4e89", "#ffffff") > 8.0);
    }
}
