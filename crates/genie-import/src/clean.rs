//! Text as real exports give it, made plain: HTML (`<p>`, `<h1>`, `<br>`, entities) becomes
//! paragraphs (separated by a blank line; a single line break inside one is a space), literal `\n` sequences become line breaks, byte-order marks inside fields and
//! stray `###MON###`-style markers go, doubled spaces are collapsed, and the usual mis-decoded
//! punctuation (`GÇÖ` for `’`, `â€™` for `’`) is put right.

/// A description: plain paragraphs separated by one blank line.
pub fn paragraphs(text: &str) -> String {
    let text = literal_escapes(text);
    let text = if looks_like_html(&text) {
        html_to_text(&text)
    } else {
        decode_entities(&text)
    };
    let text = fix_mojibake(&drop_markers(&text.replace('\u{feff}', "")));
    let mut out: Vec<String> = Vec::new();
    for block in text.split("\n\n") {
        // A single line break inside a paragraph is only where a line was wrapped.
        let joined = block.split_whitespace().collect::<Vec<_>>().join(" ");
        if !joined.is_empty() {
            out.push(joined);
        }
    }
    out.join("\n\n")
}

/// A one-line field (a name, an address): the same cleaning, on one line.
pub fn line(text: &str) -> String {
    paragraphs(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `\n`, `\r` and `\t` written out as two characters, as some exports do.
fn literal_escapes(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    text.replace("\\r\\n", "\n")
        .replace("\\n", "\n")
        .replace("\\r", "\n")
        .replace("\\t", " ")
}

fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p", "</p", "<br", "<div", "<h1", "<h2", "<h3", "<h4", "<li", "<ul", "<ol", "<span",
        "<strong", "<em", "<a ", "</a", "<b>", "<i>", "<table",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// Tags out, block tags as paragraph breaks, entities decoded.
fn html_to_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "table",
        "tr",
        "section",
        "blockquote",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('>') else {
            // A lone "<" (as in "< 5 people") is text.
            out.push('<');
            rest = after;
            continue;
        };
        let tag = after[..end]
            .trim()
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() && !after.starts_with('!') {
            out.push('<');
            rest = after;
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        } else if name == "br" || name == "li" {
            // Line breaks and list items in a description are kept apart as paragraphs.
            out.push_str("\n\n");
        } else if name == "td" || name == "th" {
            out.push(' ');
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// Named and numeric character references.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    const NAMED: &[(&str, &str)] = &[
        ("nbsp", " "),
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("rsquo", "’"),
        ("lsquo", "‘"),
        ("rdquo", "”"),
        ("ldquo", "“"),
        ("ndash", "–"),
        ("mdash", "—"),
        ("hellip", "…"),
        ("pound", "£"),
        ("euro", "€"),
        ("bull", "•"),
        ("middot", "·"),
        ("eacute", "é"),
        ("copy", "©"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find(';').filter(|&e| e > 0 && e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            if let Some(num) = name.strip_prefix('#') {
                let value = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                value
                    .and_then(char::from_u32)
                    .map(|c| if c == '\u{a0}' { ' ' } else { c })
                    .map(String::from)
            } else {
                NAMED
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_string())
            }
        });
        match (decoded, end) {
            (Some(d), Some(e)) => {
                out.push_str(&d);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{a0}', " ")
}

/// `###MON###`-style markers: three or more `#`, capital letters, three or more `#`.
fn drop_markers(text: &str) -> String {
    if !text.contains("###") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("###") {
        out.push_str(&rest[..start]);
        let after = rest[start..].trim_start_matches('#');
        let word_len = after
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
            .count();
        let tail = &after[word_len..];
        if word_len > 0 && tail.starts_with("###") {
            rest = tail.trim_start_matches('#');
        } else {
            out.push_str(&rest[start..start + 3]);
            rest = &rest[start + 3..];
        }
    }
    out.push_str(rest);
    out
}

/// UTF-8 punctuation that was read as another code page on its way into the export.
fn fix_mojibake(text: &str) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("GÇÖ", "’"),
        ("GÇÿ", "‘"),
        ("GÇô", "–"),
        ("GÇö", "—"),
        ("GÇ£", "“"),
        ("GÇ¥", "”"),
        ("GÇª", "…"),
        ("â€™", "’"),
        ("â€˜", "‘"),
        ("â€“", "–"),
        ("â€”", "—"),
        ("â€œ", "“"),
        ("â€\u{9d}", "”"),
        ("Â£", "£"),
    ];
    if !text.contains("GÇ") && !text.contains('â') && !text.contains('Â') {
        return text.to_string();
    }
    let mut out = text.to_string();
    for (bad, good) in PAIRS {
        out = out.replace(bad, good);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_what_real_exports_contain() {
        let cases: &[(&str, &str)] = &[
            (
                "<h1>Title</h1><p>One&nbsp;two &amp; three</p><p>Four</p>",
                "Title\n\nOne two & three\n\nFour",
            ),
            (
                "Line one.\\n\\nLine two.\\n\\n###MON###",
                "Line one.\n\nLine two.",
            ),
            ("\u{feff}Walk  group\u{feff}", "Walk group"),
            (
                "the Attorney GeneralGÇÖs Office",
                "the Attorney General’s Office",
            ),
            ("<p><br></p>", ""),
            ("Age < 5 & over", "Age < 5 & over"),
            ("Call&#160;us &#x2013; today", "Call us – today"),
            (
                "Room ###B### kept? ### not a marker",
                "Room kept? ### not a marker",
            ),
            ("a<br>b<br/>c", "a\n\nb\n\nc"),
            ("wrapped\nline", "wrapped line"),
        ];
        for (input, want) in cases {
            assert_eq!(paragraphs(input), *want, "{input:?}");
        }
        assert_eq!(line("  A\\nB  "), "A B");
    }
}
