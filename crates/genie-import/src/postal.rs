//! Postal codes as people and exports write them, turned into the forms an area lookup may
//! hold: the code itself (spacing and case do not matter to the lookup), and for a US ZIP+4
//! ("33238-0817") the five-digit ZIP it belongs to.

/// The codes to look up for `code`, most precise first.
pub fn candidates(code: &str) -> Vec<String> {
    let code = code.trim();
    let mut out = vec![code.to_string()];
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let only_zip_chars = code
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
    if only_zip_chars && digits.len() == 9 {
        out.push(digits[..5].to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::candidates;

    #[test]
    fn zip_plus_four_falls_back_to_the_zip() {
        assert_eq!(candidates(" 33238-0817 "), vec!["33238-0817", "33238"]);
        assert_eq!(candidates("33176"), vec!["33176"]);
        assert_eq!(candidates("BS1 5TR"), vec!["BS1 5TR"]);
        assert_eq!(candidates("1234 AB"), vec!["1234 AB"]);
    }
}
