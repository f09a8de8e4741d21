//! The commissioner's taxonomy mapping: which of our sub-categories an HSDS taxonomy term is
//! filed under.
//!
//! The table is a CSV file `taxonomy,term_code_or_name,subcategory` that a commissioner can
//! edit in a spreadsheet. A term is looked up by its code, then by its name, first under its
//! own taxonomy, then under `*` (any taxonomy). When no row names it, the `*` rows are used as
//! keywords: a term whose name contains the keyword's words ("Walking groups" contains
//! "walking") is filed under that sub-category. Of two keywords that overlap, the longer wins,
//! so `*,social care,none` stops "Adult social care" from counting as a social club.

use std::collections::{BTreeSet, HashMap};

use genie_core::model::SubCategory;

/// The mapping shipped with the tool (`default-mapping.csv`).
pub const DEFAULT_MAPPING_CSV: &str = include_str!("../default-mapping.csv");

/// One taxonomy term as an export gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    /// The taxonomy or vocabulary name; may be empty.
    pub taxonomy: String,
    pub code: String,
    pub name: String,
}

impl Term {
    /// How the report names the term: `taxonomy,code (name)`, ready to copy into a mapping row.
    pub fn label(&self) -> String {
        let taxonomy = if self.taxonomy.is_empty() {
            "*"
        } else {
            &self.taxonomy
        };
        let key = if self.code.is_empty() {
            &self.name
        } else {
            &self.code
        };
        if self.name.is_empty() || self.name == *key {
            format!("{taxonomy},{key}")
        } else {
            format!("{taxonomy},{key} ({})", self.name)
        }
    }
}

/// What a term maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Filed under these sub-categories.
    Mapped(BTreeSet<SubCategory>),
    /// The mapping says the term is not for Genie (`none`).
    Ignored,
    /// No row and no keyword matched.
    Unmapped,
}

#[derive(Debug, Clone)]
struct Keyword {
    /// "*" (any taxonomy) or the lower-case taxonomy the row was written for.
    taxonomy: String,
    words: Vec<String>,
    subcategories: BTreeSet<SubCategory>,
}

/// A parsed mapping table.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// (taxonomy lower-case or "*", code or name lower-case) → sub-categories (empty = none).
    exact: HashMap<(String, String), BTreeSet<SubCategory>>,
    keywords: Vec<Keyword>,
}

impl Mapping {
    /// The mapping shipped with the tool.
    pub fn default_mapping() -> Mapping {
        // The shipped file is checked by a test, so this has no problems to report.
        Mapping::parse(DEFAULT_MAPPING_CSV).0
    }

    /// Reads a mapping table. Bad rows are left out and described in the returned list (with
    /// their line numbers), so one typo does not lose the rest of the table.
    pub fn parse(text: &str) -> (Mapping, Vec<String>) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut mapping = Mapping::default();
        let mut problems = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            let record = match record {
                Ok(record) => record,
                Err(error) => {
                    problems.push(format!("mapping: unreadable row: {error}"));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let (taxonomy, term, subs) = (field(0), field(1), field(2));
            if taxonomy.eq_ignore_ascii_case("taxonomy") && subs.eq_ignore_ascii_case("subcategory")
            {
                continue; // the header row
            }
            if term.is_empty() || subs.is_empty() {
                problems.push(format!(
                    "mapping line {line}: needs three columns: taxonomy,term_code_or_name,subcategory"
                ));
                continue;
            }
            let mut set = BTreeSet::new();
            let mut ok = true;
            for word in subs
                .split([';', '|'])
                .map(str::trim)
                .filter(|w| !w.is_empty())
            {
                let word = word.to_lowercase();
                if word == "none" {
                    continue;
                }
                match SubCategory::parse(&word) {
                    Some(sub) => {
                        set.insert(sub);
                    }
                    None => {
                        ok = false;
                        let known: Vec<&str> =
                            SubCategory::ALL.iter().map(|s| s.as_str()).collect();
                        problems.push(format!(
                            "mapping line {line}: \"{word}\" is not a sub-category (use one of: {}, or none)",
                            known.join(", ")
                        ));
                    }
                }
            }
            if !ok {
                continue;
            }
            let taxonomy = if taxonomy.is_empty() {
                "*".to_string()
            } else {
                taxonomy.to_lowercase()
            };
            let term = term.to_lowercase();
            // Codes ("PN-8100", "1234") are looked up exactly, never as words.
            if !looks_like_code(&term) && taxonomy != "airs" {
                let words = words_of(&term);
                if !words.is_empty() {
                    mapping.keywords.push(Keyword {
                        taxonomy: taxonomy.clone(),
                        words,
                        subcategories: set.clone(),
                    });
                }
            }
            mapping
                .exact
                .entry((taxonomy, term))
                .or_default()
                .extend(set);
        }
        (mapping, problems)
    }

    /// Number of rows (distinct taxonomy/term pairs) in the table.
    pub fn len(&self) -> usize {
        self.exact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// Where one term is filed: by its code or name under its own taxonomy, then under `*`;
    /// a hierarchical code (AIRS/211 `PN-8100.1400`) also by each shorter code above it, the
    /// longest first, so one row covers a whole branch; then by keywords in its name.
    pub fn lookup(&self, term: &Term) -> Lookup {
        let taxonomy = term.taxonomy.trim().to_lowercase();
        let code = term.code.trim().to_lowercase();
        let name = term.name.trim().to_lowercase();
        let airs = is_airs_term(term);
        let mut taxonomies = vec![taxonomy.as_str()];
        if airs {
            taxonomies.push("airs");
        }
        taxonomies.push("*");
        let found = |key: &str| {
            taxonomies.iter().find_map(|tax| {
                if tax.is_empty() || key.is_empty() {
                    return None;
                }
                self.exact.get(&(tax.to_string(), key.to_string()))
            })
        };
        let as_lookup = |set: &BTreeSet<SubCategory>| {
            if set.is_empty() {
                Lookup::Ignored
            } else {
                Lookup::Mapped(set.clone())
            }
        };
        if let Some(set) = found(&code).or_else(|| found(&name)) {
            return as_lookup(set);
        }
        if airs {
            for prefix in airs_parents(&code) {
                if let Some(set) = found(&prefix) {
                    return as_lookup(set);
                }
            }
        }
        self.keywords_for(&term.name, &taxonomy)
    }

    /// The sub-categories whose `*` keywords appear in a text (a term name or, when asked, a
    /// service name).
    pub fn keywords_in(&self, text: &str) -> Lookup {
        self.keywords_for(text, "*")
    }

    /// Keyword matches in a text, using the `*` rows and those of one taxonomy.
    fn keywords_for(&self, text: &str, taxonomy: &str) -> Lookup {
        let tokens = words_of(text);
        // (start, end, keyword index) of every match.
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for (k, keyword) in self.keywords.iter().enumerate() {
            if keyword.taxonomy != "*" && keyword.taxonomy != taxonomy {
                continue;
            }
            let n = keyword.words.len();
            if n == 0 || n > tokens.len() {
                continue;
            }
            for start in 0..=(tokens.len() - n) {
                let all = tokens[start..start + n]
                    .iter()
                    .zip(&keyword.words)
                    .all(|(t, w)| same_word(t, w));
                if all {
                    hits.push((start, start + n, k));
                }
            }
        }
        let kept: Vec<&(usize, usize, usize)> = hits
            .iter()
            .filter(|&&(s, e, _)| {
                !hits
                    .iter()
                    .any(|&(s2, e2, _)| s2 <= s && e <= e2 && (e2 - s2) > (e - s))
            })
            .collect();
        if kept.is_empty() {
            return Lookup::Unmapped;
        }
        let set: BTreeSet<SubCategory> = kept
            .iter()
            .flat_map(|&&(_, _, k)| {
                self.keywords
                    .get(k)
                    .map(|kw| kw.subcategories.clone())
                    .unwrap_or_default()
            })
            .collect();
        if set.is_empty() {
            Lookup::Ignored
        } else {
            Lookup::Mapped(set)
        }
    }
}

/// Lower-case words of a text (letters and digits; an apostrophe stays inside a word).
pub(crate) fn words_of(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The same word, allowing a plural on either side ("carer"/"carers", "class"/"classes").
fn same_word(token: &str, keyword: &str) -> bool {
    token == keyword
        || token.strip_suffix('s') == Some(keyword)
        || token.strip_suffix("es") == Some(keyword)
        || keyword.strip_suffix('s') == Some(token)
}

/// Whether a code has the AIRS/211 LA County shape: one or two capital letters, then optional
/// levels `-1234`, `.1234`, `-123`, `.12` ("B", "BD", "BD-1800", "BD-1800.2000-640").
pub fn is_airs_code(code: &str) -> bool {
    let code = code.trim();
    let letters: String = code
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if letters.is_empty() || letters.len() > 2 || letters.chars().any(|c| !c.is_ascii_uppercase()) {
        return false;
    }
    let rest = &code[letters.len()..];
    // Levels alternate a separator and digits: -dddd, .dddd, -ddd, .dd (and deeper).
    let mut chars = rest.chars().peekable();
    while let Some(sep) = chars.next() {
        if sep != '-' && sep != '.' {
            return false;
        }
        let mut digits = 0;
        while chars.peek().is_some_and(char::is_ascii_digit) {
            chars.next();
            digits += 1;
        }
        if digits == 0 {
            return false;
        }
    }
    true
}

/// Whether a term is an AIRS/211 one: a code with levels ("PN-8100") in any taxonomy, or a
/// bare branch ("PX", "Y") in a taxonomy named for AIRS or 211 (elsewhere "B" may be anything).
fn is_airs_term(term: &Term) -> bool {
    let code = term.code.trim();
    if !is_airs_code(code) {
        return false;
    }
    if code.contains('-') {
        return true;
    }
    let taxonomy = term.taxonomy.to_lowercase();
    taxonomy.contains("airs") || taxonomy.contains("211")
}

/// The codes above an AIRS code, nearest first: "pn-8100.1400-100" gives "pn-8100.1400",
/// "pn-8100", "pn", "p".
fn airs_parents(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = code.to_string();
    while let Some(cut) = current.rfind(['-', '.']) {
        current.truncate(cut);
        out.push(current.clone());
    }
    if current.chars().count() == 2 {
        out.push(current.chars().take(1).collect());
    }
    out
}

/// A target-population term says who a service is for ("Older Adults", "Caregivers"), never
/// what it is: the AIRS `Y` branch, and terms of a taxonomy named for target populations or
/// audiences.
pub fn is_target_population(term: &Term) -> bool {
    if is_airs_term(term) && term.code.trim().starts_with('Y') {
        return true;
    }
    let taxonomy = term.taxonomy.to_lowercase();
    [
        "target population",
        "target_population",
        "audience",
        "human situation",
    ]
    .iter()
    .any(|t| taxonomy.contains(t))
}

/// A mapping key that is a code rather than words: it has digits and no spaces, or is AIRS
/// shaped.
fn looks_like_code(term: &str) -> bool {
    (term.chars().any(|c| c.is_ascii_digit()) && !term.contains(' '))
        || is_airs_code(&term.to_uppercase()) && term.len() > 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(taxonomy: &str, code: &str, name: &str) -> Term {
        Term {
            taxonomy: taxonomy.into(),
            code: code.into(),
            name: name.into(),
        }
    }

    fn one(sub: SubCategory) -> Lookup {
        Lookup::Mapped([sub].into_iter().collect())
    }

    #[test]
    fn airs_codes_are_filed_by_their_nearest_branch_row() {
        let m = Mapping::default_mapping();
        let cases = [
            // Exact row.
            ("PN-8100.1400", one(SubCategory::CarersSupport)),
            // Below a row: the nearest one above wins over the wider "PN-8100".
            ("PN-8100.1400-100", one(SubCategory::CarersSupport)),
            ("PN-8100.3000", one(SubCategory::HealthConditions)),
            ("PL-6600.9450", one(SubCategory::WalkingOutdoors)),
            ("PL-6600.1800", one(SubCategory::FitnessExercise)),
            ("PX-1800.1500-250", one(SubCategory::Volunteering)),
            // A branch outside Genie's categories: food, shelter, legal.
            ("BD-5000.8300", Lookup::Ignored),
            ("BH-1800.1500-100", Lookup::Ignored),
            ("FP-4500", Lookup::Ignored),
            // Home-delivered meals are home support, though under basic needs.
            ("BD-5000.3500", one(SubCategory::HomeSupport)),
        ];
        for (code, want) in cases {
            // The taxonomy's name in the export does not matter for AIRS-shaped codes.
            assert_eq!(
                m.lookup(&term("Open211 Miami - AIRS", code, "whatever")),
                want,
                "{code}"
            );
        }
    }

    #[test]
    fn airs_shape_and_target_populations() {
        for code in [
            "B",
            "BD",
            "BD-1800",
            "BD-1800.2000",
            "BD-1800.2000-640",
            "YF-3000.0800",
        ] {
            assert!(is_airs_code(code), "{code}");
        }
        for code in [
            "bd-1800", "BDX-1800", "1234", "BD-", "BD-18a0", "", "Walking",
        ] {
            assert!(!is_airs_code(code), "{code}");
        }
        assert!(is_target_population(&term(
            "AIRS",
            "YB-8000",
            "Older Adults"
        )));
        assert!(is_target_population(&term("AIRS", "YD", "Caregivers")));
        assert!(is_target_population(&term(
            "Target Populations",
            "ppl1",
            "Children and Youth With Disabilities/Health Conditions"
        )));
        assert!(!is_target_population(&term(
            "AIRS",
            "PN-8100",
            "Support Groups"
        )));
        assert!(!is_target_population(&term(
            "esdServiceTypes",
            "Y12",
            "Youth clubs"
        )));
    }

    #[test]
    fn taxonomy_rows_are_keywords_for_that_taxonomy_only() {
        let (m, problems) = Mapping::parse(
            "open eligibility,food,none\nopen eligibility,support groups,health_conditions\n",
        );
        assert!(problems.is_empty());
        assert_eq!(
            m.lookup(&term("Open Eligibility", "", "Food Pantry")),
            Lookup::Ignored
        );
        assert_eq!(
            m.lookup(&term("Open Eligibility", "", "Peer Support Groups")),
            one(SubCategory::HealthConditions)
        );
        assert_eq!(
            m.lookup(&term("local", "", "Food Pantry")),
            Lookup::Unmapped
        );
    }
}
