//! Suggestions' reasons and limits in the person's language.

use genie_core::matching::{Limit, Reason};
use genie_core::model::{MemberId, Network, TravelMode};

use crate::i18n::*;
use crate::ui::components::network_map::display_name;
use crate::ui::labels::{area_phrase, day_and_part, language_name, Labelled};

/// Words for the limit that left most out.
pub fn limit_words(limit: Limit, locale: Locale) -> &'static str {
    match limit {
        Limit::Interest => td_string!(locale, limit.interest),
        Limit::Status => td_string!(locale, limit.status),
        Limit::Distance => td_string!(locale, limit.distance),
        Limit::Cost => td_string!(locale, limit.cost),
        Limit::Time => td_string!(locale, limit.time),
        Limit::Access => td_string!(locale, limit.access),
        Limit::Language => td_string!(locale, limit.language),
    }
}

/// One reason in words.
pub fn reason_words(reason: &Reason, network: &Network, locale: Locale) -> String {
    let member_name = |id: &MemberId| {
        let name = network
            .get(*id)
            .map(|m| m.name.as_str())
            .unwrap_or_default();
        display_name(name, locale).to_string()
    };
    match reason {
        Reason::MatchesInterest(sub) => {
            td_string!(locale, reason.matches_interest, what = sub.label(locale))
        }
        Reason::ForCondition(condition) => {
            td_string!(locale, reason.for_condition, what = condition.label(locale))
        }
        Reason::Distance { km, mode } => {
            let km = intl::number(locale, f64::from(*km));
            match mode {
                Some(mode) => td_string!(
                    locale,
                    reason.distance_by,
                    km = km,
                    how = travel_phrase(*mode, locale)
                ),
                None => td_string!(locale, reason.distance, km = km),
            }
        }
        Reason::Online => td_string!(locale, reason.online).to_string(),
        Reason::National => td_string!(locale, reason.national).to_string(),
        Reason::Time { day, part } => td_string!(
            locale,
            reason.time,
            when = day_and_part(*day, *part, locale)
        ),
        Reason::Free => td_string!(locale, reason.free).to_string(),
        Reason::CostUnknown => td_string!(locale, reason.cost_unknown).to_string(),
        Reason::Access(need) => td_string!(locale, reason.access, what = need.label(locale)),
        Reason::Language(tag) => {
            td_string!(
                locale,
                reason.language,
                what = language_name(tag, locale).unwrap_or(tag.as_str())
            )
        }
        Reason::ComeAlong { member, gives_lift } => {
            if *gives_lift {
                td_string!(locale, reason.come_along_lift, name = member_name(member))
            } else {
                td_string!(locale, reason.come_along, name = member_name(member))
            }
        }
        Reason::FillsGap(area) => {
            td_string!(locale, reason.fills_gap, what = area_phrase(*area, locale))
        }
        Reason::NotCheckedRecently { days } => {
            td_string!(locale, reason.not_checked_recently, count = *days)
        }
        Reason::NeverChecked => td_string!(locale, reason.never_checked).to_string(),
    }
}

fn travel_phrase(mode: TravelMode, locale: Locale) -> String {
    mode.label(locale).to_lowercase()
}
