//! The data dictionary sent with a research export, written from the model's own lists so it
//! always names every code the files can hold.

use std::fmt::Write as _;

use super::deidentify::UNSTATED;
use crate::followup::ScoreItem;
use crate::model::{
    Barrier, ChoiceStatus, Circle, ContactFrequency, MemberKind, Relationship, SupportArea,
    TravelMode, Tried,
};

/// The data dictionary, as Markdown. It is for the evaluator, in English like the column
/// names; it holds nothing about the person.
pub fn data_dictionary() -> String {
    let mut out = String::new();
    out.push_str(
        "# Genie research export: data dictionary\n\n\
         A de-identified copy of one person's network maps (waves), the activities they chose \
         with their plans and check-ins, and the change score between consecutive waves, \
         made on their request. Names, notes, the chosen activities' names and directory \
         entries, dropped activities' labels, contact details, postcode and the \
         \"About you\" answers are not included. Dates are UTC calendar days. Empty cells \
         mean \"not given\".\n\n\
         Files: `genie-waves.csv`, `genie-nodes.csv`, `genie-edges.csv`, `genie-choices.csv`, \
         `genie-check-ins.csv`, `genie-change.csv` (RFC 4180, UTF-8, header row; lists inside \
         a cell are separated by `;`; `1`/`0` for yes/no); `genie-network.graphml` (every \
         wave, one `<graph>` each, in one document); `genie-wave-1.graphml`, \
         `genie-wave-2.graphml`, ... (the same graphs, one wave per file: networkx's \
         `read_graphml` and igraph read only the first graph of a document, so use these \
         with them); and `genie-network.gexf` (one dynamic graph for Gephi or networkx's \
         `read_gexf`; time is the wave number, and spells and attribute values are closed \
         intervals `start`..`end` of wave numbers).\n\n",
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
    for item in [
        "ons_life_satisfaction",
        "ons_worthwhile",
        "ons_happiness",
        "ons_anxiety",
        "ucla_lack_companionship",
        "ucla_left_out",
        "ucla_isolated",
    ] {
        let _ = writeln!(
            out,
            "| `{item}_state` | the state of `{item}`: `answered`, `declined` or `not_asked` |"
        );
    }
    let _ = writeln!(
        out,
        "| `answers_language` | the language the ONS4 and UCLA-3 questions were answered in on \
         that map, as a language code (`en` English, `nl` Dutch, `nb` Norwegian, `bg` \
         Bulgarian, `el` Greek, `es` Spanish); the last one used if it changed; empty when no \
         answer was given, or for maps kept before the language was stored |"
    );
    out.push_str(
        "\nLanguage of the scales: ONS4 and UCLA-3 are validated in English. Genie's wording in \
         Dutch, Norwegian, Bulgarian, Greek and Spanish is its own translation and has not been \
         validated: answers given in those languages may not compare exactly with answers in \
         English (see `answers_language`, and docs/follow-up.md).\n",
    );
    out.push_str(
        "\nEach rating has three states, kept apart: `answered` (the number is in the rating's \
         column), `declined` (the person chose \"Prefer not to answer\"; the rating's column \
         is empty) and `not_asked` (the question was not answered at all on that map, or the \
         stored number was out of range; the rating's column is empty). Maps kept before \
         the three states were stored show an unanswered loneliness question the person had \
         opened as `declined`, since it was shown to them with \"Prefer not to answer\" \
         selected, and an unanswered well-being question as `not_asked`.\n",
    );

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
            "1 if the member helps with any emotional task, else 0 (the three `helps_*` \
             columns are booleans, `true`/`false`, in the GraphML and GEXF files)",
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

    out.push_str(
        "\n## genie-choices.csv: one row per activity chosen\n\n| column | meaning |\n|---|---|\n",
    );
    for (column, meaning) in [
        (
            "choice",
            "the choice's number, also used in `genie-check-ins.csv`",
        ),
        ("wave", "the wave open when it was chosen"),
        ("date", "day it was chosen"),
        ("day", "whole days from the start of the first wave"),
        ("status", "where it stands now (codes below)"),
        (
            "first_step_given",
            "1 if a first step was written down (the words are not exported)",
        ),
        ("when_given", "1 if a time to go was given"),
        (
            "with_member",
            "code of the member who might come along, if one was named",
        ),
        ("travel", "how the person meant to get there (codes below)"),
        (
            "expected_barriers",
            "what might get in the way, named when planning (codes below)",
        ),
        ("check_ins", "how many check-ins were recorded"),
        (
            "on_map_member",
            "code of the member the activity became when the person put it on their map after \
             a good check-in; from then on it counts in the change score as a new activity",
        ),
    ] {
        let _ = writeln!(out, "| `{column}` | {meaning} |");
    }

    out.push_str(
        "\n## genie-check-ins.csv: one row per check-in\n\n| column | meaning |\n|---|---|\n",
    );
    for (column, meaning) in [
        ("choice", "the choice's number"),
        (
            "round",
            "1 for the first check-in on that choice, 2 for the next...",
        ),
        ("wave", "the wave open at the time"),
        ("date", "day of the check-in"),
        ("day", "whole days from the start of the first wave"),
        ("tried", "whether the person tried it (codes below)"),
        (
            "how_it_went",
            "1 (not well) to 5 (very well); only when they went",
        ),
        (
            "go_again",
            "1 if they would go again, 0 if not; only when they went",
        ),
        ("barriers", "what got in the way (codes below)"),
    ] {
        let _ = writeln!(out, "| `{column}` | {meaning} |");
    }

    out.push_str(
        "\n## genie-change.csv: the change score between consecutive waves\n\n\
         The published five-item \"change within network\" score, read from the two maps \
         (the rules are in the app's `docs/follow-up.md`).\n\n| column | meaning |\n|---|---|\n\
         | `from_wave`, `to_wave` | the two consecutive waves compared |\n\
         | `total` | 0 to 5: one point per item earned |\n",
    );
    for item in ScoreItem::ALL {
        let (item, meaning) = match item {
            ScoreItem::NewActivities => ("new_activities", "a new activity or group"),
            ScoreItem::Online => ("online", "a new online member"),
            ScoreItem::ReflectionOnSupport => (
                "reflection_on_support",
                "support changed for a member on both maps",
            ),
            ScoreItem::MoreContact => (
                "more_contact",
                "more frequent contact with a person or group on both maps",
            ),
            ScoreItem::NewMembers => ("new_members", "a new person, pet, place or thing"),
        };
        let _ = writeln!(out, "| `{item}` | 1 if earned ({meaning}), else 0 |");
        let _ = writeln!(
            out,
            "| `{item}_members` | codes of the members behind `{item}` |"
        );
    }

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
    section(
        &mut out,
        "status (of a choice)",
        ChoiceStatus::ALL.iter().map(|c| c.as_str()),
    );
    section(&mut out, "tried", Tried::ALL.iter().map(|t| t.as_str()));
    section(
        &mut out,
        "travel",
        TravelMode::ALL.iter().map(|t| t.as_str()),
    );
    section(
        &mut out,
        "expected_barriers and barriers",
        Barrier::ALL.iter().map(|b| b.as_str()),
    );
    out
}

fn section<'a>(out: &mut String, title: &str, words: impl Iterator<Item = &'a str>) {
    let words: Vec<String> = words.map(|w| format!("`{w}`")).collect();
    let _ = write!(out, "\n### {title}\n\n{}\n", words.join(", "));
}
