//! De-identified exports of the network waves for an evaluator (CSV, GraphML, GEXF), made
//! only when the person asks for them.
//!
//! [`deidentify`] is the only function that reads the waves. It keeps the shape of each map
//! (kinds, relationships, circles, contact, support, who knows whom, self-ratings) and drops
//! everything written in the person's own words: names, notes, dropped activities' labels and
//! reasons. Members are known by codes such as `person:friend:3`, stable across waves. The
//! writers ([`nodes_csv`], [`graphml`], [`gexf`], ...) only ever see the de-identified rows,
//! so no name can reach a file by accident. The formats are described for evaluators in
//! `docs/research-export.md`, and [`data_dictionary`] writes a dictionary to send with them.

mod csv;
mod deidentify;
mod dictionary;
mod gexf;
mod graphml;
mod xml;
mod zip;

pub use csv::{change_csv, check_ins_csv, choices_csv, edges_csv, nodes_csv, waves_csv};
pub use deidentify::{
    deidentify, ChangeRow, CheckInRow, ChoiceRow, Deidentified, EdgeRow, NodeRow, WaveRow,
};
pub use dictionary::data_dictionary;
pub use gexf::gexf;
pub use graphml::{graphml, graphml_per_wave};
pub use zip::{zip, zip_name};

use crate::model::{Choice, Timestamp, Wave};

/// Every file of a research export, ready to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResearchExport {
    pub waves_csv: String,
    pub nodes_csv: String,
    pub edges_csv: String,
    pub choices_csv: String,
    pub check_ins_csv: String,
    pub change_csv: String,
    /// All waves in one document.
    pub graphml: String,
    /// One document per wave, as (wave number, document).
    pub graphml_waves: Vec<(u32, String)>,
    pub gexf: String,
    /// The data dictionary, as Markdown.
    pub dictionary: String,
}

/// The name of one wave's GraphML file.
pub fn wave_graphml_name(wave: u32) -> String {
    format!("genie-wave-{wave}.graphml")
}

impl ResearchExport {
    /// The files as (suggested name, contents), in the order to offer them.
    pub fn files(&self) -> Vec<(String, &str)> {
        let mut files: Vec<(String, &str)> = [
            ("genie-waves.csv", self.waves_csv.as_str()),
            ("genie-nodes.csv", &self.nodes_csv),
            ("genie-edges.csv", &self.edges_csv),
            ("genie-choices.csv", &self.choices_csv),
            ("genie-check-ins.csv", &self.check_ins_csv),
            ("genie-change.csv", &self.change_csv),
            ("genie-network.graphml", &self.graphml),
        ]
        .into_iter()
        .map(|(name, text)| (name.to_string(), text))
        .collect();
        files.extend(
            self.graphml_waves
                .iter()
                .map(|(wave, text)| (wave_graphml_name(*wave), text.as_str())),
        );
        files.push(("genie-network.gexf".into(), &self.gexf));
        files.push(("genie-data-dictionary.md".into(), &self.dictionary));
        files
    }

    /// Every file in one zip archive dated `at`, to save as [`zip_name`].
    pub fn zip(&self, at: Timestamp) -> Vec<u8> {
        let files = self.files();
        let entries: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_bytes()))
            .collect();
        zip(&entries, at)
    }
}

/// Makes every file of the research export from the person's waves and choices.
pub fn export(waves: &[Wave], choices: &[Choice]) -> ResearchExport {
    let data = deidentify(waves, choices);
    ResearchExport {
        waves_csv: waves_csv(&data),
        nodes_csv: nodes_csv(&data),
        edges_csv: edges_csv(&data),
        choices_csv: choices_csv(&data),
        check_ins_csv: check_ins_csv(&data),
        change_csv: change_csv(&data),
        graphml: graphml(&data),
        graphml_waves: graphml_per_wave(&data),
        gexf: gexf(&data),
        dictionary: data_dictionary(),
    }
}

/// The UTC calendar date of a moment, as `YYYY-MM-DD`.
pub fn iso_date(at: Timestamp) -> String {
    let days = at.0.div_euclid(Timestamp::MS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Howard Hinnant's civil_from_days: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are small by construction (1..=31 and 1..=12).
    (year, day_part(month), day_part(day))
}

fn day_part(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_calendar_days() {
        assert_eq!(iso_date(Timestamp(0)), "1970-01-01");
        assert_eq!(iso_date(Timestamp(-1)), "1969-12-31");
        assert_eq!(iso_date(Timestamp(1_763_900_000_000)), "2025-11-23");
        assert_eq!(iso_date(Timestamp(951_782_400_000)), "2000-02-29");
        // The extremes give a date, odd as it is, rather than a panic.
        let _ = iso_date(Timestamp(i64::MAX));
        let _ = iso_date(Timestamp(i64::MIN));
    }
}
