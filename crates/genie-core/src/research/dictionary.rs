//! The data dictionary sent with a research export, written from the model's own lists so it
//! always names every code the files can hold.

use std::fmt::Write as _;

use super::deidentify::UNSTATED;
use crate::model::{Circle, ContactFrequency, MemberKind, Relationship, SupportArea};

/// The data dictionary, as Markdown. It is for the evaluator, in English like the column
/// names; it holds nothing about the person.
pub fn data_dictionary() -> String {
    let mut out = String::new();
    out.push_str(
        "# Genie research export: data dictionary\n\n\
         A de-identified copy of one person's network maps (waves), made on their request. \
         Names, notes, dropped activities' labels, contact details, postcode and the \
         \"About you\" answers are not included. Dates are UTC calendar days. Empty cells \
         mean \"not given\".\n\n\
         Files: `genie-waves.csv`, `genie-nodes.csv`, `genie-edges.csv` (RFC 4180, UTF-8, \
         header row; lists inside a cell are separated by `;`), `genie-network.graphml` (one \
         graph per wave) and `genie-network.gexf` (one dynamic graph; time is the wave \
         number, wave n is the interval [n, n+1)).\n\n",
    );

    out.push_str("## genie-waves.csv: one row per wave\n\n| column | meaning |\n|---|---|\n");
    for (column, meaning) in [
        (
            "wave",
            "wave number: 1 is the first map, each redraw adds one",
        ),
        ("date", "day the wave was started (YYYY-MM-DD)"),
        (
            "closed_date",
            "day the wave was closed; empty for the map still in progress",
        ),
        (
            "day",
            "whole days from the start of the first wave in the export",
        ),
        ("members", "number of members on the map"),
        ("ties", "number of pairs of members who know each other"),
        (
            "dormant_activities",
            "number of activities the person used to enjoy and has dropped",
        ),
        (
            "ons_life_satisfaction",
            "ONS4: how satisfied with life nowadays, 0 (not at all) to 10 (completely)",
        ),
        (
            "ons_worthwhile",
            "ONS4: how worthwhile the things done in life feel, 0 to 10",
        ),
        ("ons_happiness", "ONS4: how happy yesterday, 0 to 10"),
        (
            "ons_anxiety",
            "ONS4: how anxious yesterday, 0 to 10 (higher is more anxious)",
        ),
        (
            "ucla_lack_companionship",
            "UCLA-3: lack companionship, 1 (hardly ever) to 3 (often)",
        ),
        ("ucla_left_out", "UCLA-3: feel left out, 1 to 3"),
        (
            "ucla_isolated",
            "UCLA-3: feel isolated from others, 1 to 3 (the three items sum to 3-9)",
        ),
    ] {
        let _ = writeln!(out, "| `{column}` | {meaning} |");
    }

    out.push_str(
        "\n## genie-nodes.csv: one row per member per wave\n\n| column | meaning |\n|---|---|\n",
    );
    for (column, meaning) in [
        ("wave", "wave number"),
        ("date", "day the wave was started"),
        (
            "member",
            "the member's code (see below); the same member has the same code in every wave",
        ),
        ("kind", "what the member is (codes below)"),
        (
            "relationship",
            "for people only: how they are related (codes below)",
        ),
        ("circle", "how important: inner, middle or outer circle"),
        ("contact", "how often there is contact (codes below)"),
        (
            "gives",
            "support tasks this member helps with (codes below)",
        ),
        (
            "helps_illness",
            "1 if the member helps with any illness-related task, else 0",
        ),
        (
            "helps_everyday",
            "1 if the member helps with any everyday task, else 0",
        ),
        (
            "helps_emotional",
            "1 if the member helps with any emotional task, else 0",
        ),
        (
            "receives",
            "areas of support the person gives this member in return",
        ),
    ] {
        let _ = writeln!(out, "| `{column}` | {meaning} |");
    }

    out.push_str(
        "\n## genie-edges.csv: one row per tie per wave\n\n| column | meaning |\n|---|---|\n\
         | `wave` | wave number |\n| `date` | day the wave was started |\n\
         | `source`, `target` | codes of two members who know each other (undirected) |\n\n\
         The person at the centre of the map is not a node: every member is tied to them, \
         and `circle` says how closely.\n",
    );

    let _ = write!(
        out,
        "\n## Member codes\n\n\
         `kind:relationship:n` for people (`person:friend:3` is the third friend to appear), \
         `person:{UNSTATED}:n` for a person whose relationship was not given, and `kind:n` \
         for everything else (`pet:1`). Numbers count up in the order members first appear, \
         wave by wave. A member keeps its first code even if its relationship changes later; \
         the `relationship` column gives the current one.\n"
    );

    section(&mut out, "kind", MemberKind::ALL.iter().map(|k| k.as_str()));
    section(
        &mut out,
        "relationship",
        Relationship::ALL.iter().map(|r| r.as_str()),
    );
    section(
        &mut out,
        "circle (centre outwards)",
        Circle::ALL.iter().map(|c| c.as_str()),
    );
    section(
        &mut out,
        "contact (most to least often)",
        ContactFrequency::ALL.iter().map(|c| c.as_str()),
    );
    out.push_str("\n### gives: support tasks, by area\n\n");
    for area in SupportArea::ALL {
        let tasks: Vec<String> = area.tasks().map(|t| format!("`{t}`")).collect();
        let _ = writeln!(out, "- `{area}`: {}", tasks.join(", "));
    }
    section(
        &mut out,
        "receives",
        SupportArea::ALL.iter().map(|a| a.as_str()),
    );
    out
}

fn section<'a>(out: &mut String, title: &str, words: impl Iterator<Item = &'a str>) {
    let words: Vec<String> = words.map(|w| format!("`{w}`")).collect();
    let _ = write!(out, "\n### {title}\n\n{}\n", words.join(", "));
}
