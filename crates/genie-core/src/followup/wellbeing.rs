//! Self-ratings with each wave: ONS4 personal well-being and the UCLA three-item loneliness
//! scale, and how each moved from the first wave to the latest.
//!
//! ONS4 is four separate questions and is reported item by item, never summed: the ONS
//! publishes them that way, and anxiety runs the other way (lower is better), so a total
//! would hide what moved. UCLA-3 is a sum of three items, but only when all three are
//! answered: a partial sum would read as less lonely than the person said.
//!
//! Each answer is in one of three states ([`Answer`]): not asked yet, declined, or given;
//! only a given answer in range counts in a score or a trend.
//!
//! Stored values are not trusted: a value outside an item's range (from an old record or a
//! hand-edited backup) is read as unanswered, never clamped into a rating nobody gave.

use crate::model::{Answer, Loneliness, Wave, WaveId, Wellbeing};

/// The highest ONS4 answer; the lowest is 0.
pub const ONS4_MAX: u8 = 10;
/// The lowest UCLA-3 answer (hardly ever).
pub const UCLA_ITEM_MIN: u8 = 1;
/// The highest UCLA-3 answer (often).
pub const UCLA_ITEM_MAX: u8 = 3;

/// One ONS4 question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ons4Item {
    LifeSatisfaction,
    Worthwhile,
    Happiness,
    Anxiety,
}

impl Ons4Item {
    /// The four questions, in the order they are asked.
    pub const ALL: &'static [Ons4Item] = &[
        Ons4Item::LifeSatisfaction,
        Ons4Item::Worthwhile,
        Ons4Item::Happiness,
        Ons4Item::Anxiety,
    ];

    /// The stable word for this question (catalogue key and export column).
    pub fn as_str(self) -> &'static str {
        match self {
            Ons4Item::LifeSatisfaction => "life_satisfaction",
            Ons4Item::Worthwhile => "worthwhile",
            Ons4Item::Happiness => "happiness",
            Ons4Item::Anxiety => "anxiety",
        }
    }

    /// Anxiety is the one item where a lower number is the better answer.
    pub fn lower_is_better(self) -> bool {
        self == Ons4Item::Anxiety
    }

    /// The stored answer, if there is one and it is in range (0 to 10).
    pub fn value(self, wellbeing: &Wellbeing) -> Option<u8> {
        self.answer(wellbeing).given().filter(|v| *v <= ONS4_MAX)
    }

    /// The answer in its three states; a number out of range reads as not asked.
    pub fn answer(self, w: &Wellbeing) -> Answer {
        match self.raw(w) {
            Answer::Given(n) if n > ONS4_MAX => Answer::NotAsked,
            other => other,
        }
    }

    fn raw(self, w: &Wellbeing) -> Answer {
        match self {
            Ons4Item::LifeSatisfaction => w.life_satisfaction,
            Ons4Item::Worthwhile => w.worthwhile,
            Ons4Item::Happiness => w.happiness,
            Ons4Item::Anxiety => w.anxiety,
        }
    }

    fn slot(self, w: &mut Wellbeing) -> &mut Answer {
        match self {
            Ons4Item::LifeSatisfaction => &mut w.life_satisfaction,
            Ons4Item::Worthwhile => &mut w.worthwhile,
            Ons4Item::Happiness => &mut w.happiness,
            Ons4Item::Anxiety => &mut w.anxiety,
        }
    }
}

/// One UCLA-3 question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LonelinessItem {
    LackCompanionship,
    LeftOut,
    Isolated,
}

impl LonelinessItem {
    /// The three questions, in the order they are asked.
    pub const ALL: &'static [LonelinessItem] = &[
        LonelinessItem::LackCompanionship,
        LonelinessItem::LeftOut,
        LonelinessItem::Isolated,
    ];

    /// The stable word for this question (catalogue key and export column).
    pub fn as_str(self) -> &'static str {
        match self {
            LonelinessItem::LackCompanionship => "lack_companionship",
            LonelinessItem::LeftOut => "left_out",
            LonelinessItem::Isolated => "isolated",
        }
    }

    /// The stored answer, if there is one and it is in range (1 to 3).
    pub fn value(self, loneliness: &Loneliness) -> Option<u8> {
        self.answer(loneliness).given()
    }

    /// The answer in its three states; a number out of range reads as not asked.
    pub fn answer(self, l: &Loneliness) -> Answer {
        match self.raw(l) {
            Answer::Given(n) if !(UCLA_ITEM_MIN..=UCLA_ITEM_MAX).contains(&n) => Answer::NotAsked,
            other => other,
        }
    }

    fn raw(self, l: &Loneliness) -> Answer {
        match self {
            LonelinessItem::LackCompanionship => l.lack_companionship,
            LonelinessItem::LeftOut => l.left_out,
            LonelinessItem::Isolated => l.isolated,
        }
    }

    fn slot(self, l: &mut Loneliness) -> &mut Answer {
        match self {
            LonelinessItem::LackCompanionship => &mut l.lack_companionship,
            LonelinessItem::LeftOut => &mut l.left_out,
            LonelinessItem::Isolated => &mut l.isolated,
        }
    }
}

/// A rating outside its item's range was offered; nothing was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{value} is outside {min} to {max}")]
pub struct OutOfRange {
    pub value: u8,
    pub min: u8,
    pub max: u8,
}

/// Sets one ONS4 answer (a number, declined, or back to not asked). A value above 10 is
/// refused and the stored answer is left as it was, so a bad form value cannot overwrite a
/// good rating.
pub fn set_ons4(
    wellbeing: &mut Wellbeing,
    item: Ons4Item,
    value: Answer,
) -> Result<(), OutOfRange> {
    if let Some(v) = value.given().filter(|v| *v > ONS4_MAX) {
        return Err(OutOfRange {
            value: v,
            min: 0,
            max: ONS4_MAX,
        });
    }
    *item.slot(wellbeing) = value;
    Ok(())
}

/// Sets one UCLA-3 answer (a number, declined, or not asked); numbers outside 1 to 3 are
/// refused.
pub fn set_loneliness(
    loneliness: &mut Loneliness,
    item: LonelinessItem,
    value: Answer,
) -> Result<(), OutOfRange> {
    if let Some(v) = value
        .given()
        .filter(|v| !(UCLA_ITEM_MIN..=UCLA_ITEM_MAX).contains(v))
    {
        return Err(OutOfRange {
            value: v,
            min: UCLA_ITEM_MIN,
            max: UCLA_ITEM_MAX,
        });
    }
    *item.slot(loneliness) = value;
    Ok(())
}

/// The ONS4 answers of one wave, item by item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ons4Score {
    /// Every item in asking order, with its answer if it was given and in range.
    pub items: Vec<(Ons4Item, Option<u8>)>,
}

impl Ons4Score {
    /// One item's answer.
    pub fn get(&self, item: Ons4Item) -> Option<u8> {
        self.items
            .iter()
            .find(|(i, _)| *i == item)
            .and_then(|(_, v)| *v)
    }

    /// The items not answered (or answered out of range), in asking order.
    pub fn missing(&self) -> Vec<Ons4Item> {
        self.items
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(i, _)| *i)
            .collect()
    }
}

/// Reads ONS4 item by item. There is deliberately no total.
pub fn ons4(wellbeing: &Wellbeing) -> Ons4Score {
    Ons4Score {
        items: Ons4Item::ALL
            .iter()
            .map(|&item| (item, item.value(wellbeing)))
            .collect(),
    }
}

/// The UCLA-3 result of one wave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LonelinessScore {
    /// 3 (least lonely) to 9, only when all three items are answered in range.
    pub total: Option<u8>,
    /// The items without a usable answer, in asking order, so the UI can ask just those.
    pub missing: Vec<LonelinessItem>,
}

/// Scores UCLA-3: the sum of the three items, or no total and the list of what is missing.
pub fn loneliness(loneliness: &Loneliness) -> LonelinessScore {
    let mut total: u8 = 0;
    let mut missing = Vec::new();
    for &item in LonelinessItem::ALL {
        match item.value(loneliness) {
            // At most 3 + 3 + 3, so this cannot overflow; saturating says so anyway.
            Some(v) => total = total.saturating_add(v),
            None => missing.push(item),
        }
    }
    LonelinessScore {
        total: missing.is_empty().then_some(total),
        missing,
    }
}

/// What a trend is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    Ons4(Ons4Item),
    /// The UCLA-3 total (3 to 9).
    Loneliness,
}

impl Measure {
    /// Anxiety and loneliness are better when lower; the other ratings when higher.
    pub fn lower_is_better(self) -> bool {
        match self {
            Measure::Ons4(item) => item.lower_is_better(),
            Measure::Loneliness => true,
        }
    }
}

/// Which way the number went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
    Same,
}

/// What the move means for the person, taking "lower is better" into account, so the UI can
/// word a fall in anxiety as good news without knowing the scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reading {
    Better,
    Worse,
    Same,
}

/// How one rating moved from the first wave that has it to the latest wave that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trend {
    pub measure: Measure,
    pub first: u8,
    pub first_wave: WaveId,
    pub latest: u8,
    pub latest_wave: WaveId,
    pub direction: Direction,
    pub reading: Reading,
}

/// How each rating moved across the waves, in asking order (ONS4 items, then loneliness).
///
/// Waves are read in id order, not by date, because ids only grow while a device clock can
/// jump. A measure is listed only when at least two waves have a usable answer for it: with
/// one answer there is no movement to speak of. Waves between the first and the latest are
/// not compared: the UI speaks of "since you started", not of every wobble.
pub fn trends(waves: &[Wave]) -> Vec<Trend> {
    let mut ordered: Vec<&Wave> = waves.iter().collect();
    crate::order::sort_by_key(&mut ordered, |w| w.id);

    let mut measures: Vec<Measure> = Ons4Item::ALL.iter().map(|&i| Measure::Ons4(i)).collect();
    measures.push(Measure::Loneliness);

    measures
        .into_iter()
        .filter_map(|measure| {
            let answers: Vec<(WaveId, u8)> = ordered
                .iter()
                .filter_map(|w| value_of(measure, w).map(|v| (w.id, v)))
                .collect();
            let (first_wave, first) = *answers.first()?;
            let (latest_wave, latest) = *answers.last()?;
            if first_wave == latest_wave {
                return None;
            }
            let direction = match latest.cmp(&first) {
                std::cmp::Ordering::Greater => Direction::Up,
                std::cmp::Ordering::Less => Direction::Down,
                std::cmp::Ordering::Equal => Direction::Same,
            };
            let reading = match (direction, measure.lower_is_better()) {
                (Direction::Same, _) => Reading::Same,
                (Direction::Up, false) | (Direction::Down, true) => Reading::Better,
                (Direction::Up, true) | (Direction::Down, false) => Reading::Worse,
            };
            Some(Trend {
                measure,
                first,
                first_wave,
                latest,
                latest_wave,
                direction,
                reading,
            })
        })
        .collect()
}

fn value_of(measure: Measure, wave: &Wave) -> Option<u8> {
    match measure {
        Measure::Ons4(item) => wave.wellbeing.as_ref().and_then(|w| item.value(w)),
        Measure::Loneliness => wave.loneliness.as_ref().and_then(|l| loneliness(l).total),
    }
}
