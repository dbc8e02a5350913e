//! The small vocabularies of a dataset: what kind an actor is, which policy field and tone a
//! relation has, how far an analyst stands behind a passage. Parsing is lenient where the
//! dataset may use its own words, strict where a typo would change the meaning.

use super::Passage;

/// What sort of actor a node stands for; decides its shape.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorKind {
    /// A state: drawn as a circle.
    State,
    /// An international organisation: drawn as a rounded square.
    Organization,
    /// Anything else the dataset names (group, territory, person…): drawn as a generic shape.
    Other(String),
    /// Imported graphs that do not say: drawn as a circle.
    Unspecified,
}

impl ActorKind {
    /// Parses the dataset's `kind` string; unknown kinds are kept, not refused.
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_lowercase().as_str() {
            "state" | "country" => Self::State,
            "organization" | "organisation" | "org" => Self::Organization,
            "" => Self::Unspecified,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The word shown to users.
    pub fn as_str(&self) -> &str {
        match self {
            Self::State => "state",
            Self::Organization => "organization",
            Self::Other(s) => s,
            Self::Unspecified => "actor",
        }
    }
}

/// The policy field a relation belongs to; decides its colour.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    /// Military, police, terrorism.
    Security,
    /// Trade, investment, infrastructure.
    Economy,
    /// Oil, gas, pipelines.
    Energy,
    /// Political alignment, diplomatic support.
    Diplomacy,
    /// People, culture, language.
    Society,
    /// Any other field: drawn in a neutral colour.
    Other(String),
}

impl Dimension {
    /// The five dimensions with their own colours, in legend order.
    pub const KNOWN: [Dimension; 5] = [
        Self::Security,
        Self::Economy,
        Self::Energy,
        Self::Diplomacy,
        Self::Society,
    ];

    /// Parses a dataset string; unknown strings are kept as [`Dimension::Other`].
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_lowercase().as_str() {
            "security" => Self::Security,
            "economy" | "economic" | "trade" => Self::Economy,
            "energy" => Self::Energy,
            "diplomacy" | "diplomatic" | "politics" | "political" => Self::Diplomacy,
            "society" | "social" | "culture" => Self::Society,
            other => Self::Other(other.to_owned()),
        }
    }

    /// Parses an optional field: absent or blank is "unspecified" (drawn in the neutral colour).
    pub fn parse_or_unspecified(s: Option<&str>) -> Self {
        s.filter(|d| !d.trim().is_empty())
            .map_or(Self::Other("unspecified".to_owned()), Self::parse)
    }

    /// The word shown to users.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Security => "security",
            Self::Economy => "economy",
            Self::Energy => "energy",
            Self::Diplomacy => "diplomacy",
            Self::Society => "society",
            Self::Other(s) => s,
        }
    }
}

/// The character of a relation; decides its line style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tone {
    /// Working together: solid line.
    Cooperation,
    /// Friction or rivalry: dashed line.
    Tension,
    /// Both at once: dash-dot line.
    Mixed,
    /// The dataset does not say (imported edge lists): plain line.
    Unspecified,
}

impl Tone {
    /// Tones in legend order.
    pub const ALL: [Tone; 4] = [
        Self::Cooperation,
        Self::Tension,
        Self::Mixed,
        Self::Unspecified,
    ];

    /// Parses a dataset string; `None` for anything that is not a tone.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cooperation" | "cooperative" | "positive" => Some(Self::Cooperation),
            "tension" | "conflict" | "negative" => Some(Self::Tension),
            "mixed" | "ambivalent" => Some(Self::Mixed),
            "" | "unspecified" | "unknown" | "neutral" => Some(Self::Unspecified),
            _ => None,
        }
    }

    /// How legends name the tone ("neutral" for [`Tone::Unspecified`]: neutral or not stated).
    pub fn legend_label(self) -> &'static str {
        match self {
            Self::Unspecified => "neutral",
            other => other.as_str(),
        }
    }

    /// The word shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cooperation => "cooperation",
            Self::Tension => "tension",
            Self::Mixed => "mixed",
            Self::Unspecified => "unspecified",
        }
    }
}

/// How far the analyst stands behind a passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PassageStatus {
    /// Checked and stood behind (the default when a dataset does not say).
    #[default]
    Confirmed,
    /// Not yet checked.
    Draft,
    /// Questioned: someone reads the text differently.
    Disputed,
}

impl PassageStatus {
    /// Parses a dataset string; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "confirmed" => Some(Self::Confirmed),
            "draft" => Some(Self::Draft),
            "disputed" => Some(Self::Disputed),
            _ => None,
        }
    }

    /// The word shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Draft => "draft",
            Self::Disputed => "disputed",
        }
    }
}

impl Tone {
    /// The tone a relation without a declared one takes from its passages: the one tone they
    /// all state, [`Tone::Mixed`] when they differ, [`Tone::Unspecified`] when none states one.
    /// Neutral passages do not count.
    pub fn derived<'a>(passages: impl IntoIterator<Item = &'a Passage>) -> Self {
        let mut found: Option<Tone> = None;
        for t in passages.into_iter().filter_map(|p| p.tone) {
            if t == Tone::Unspecified {
                continue;
            }
            match found {
                None => found = Some(t),
                Some(f) if f == t => {}
                Some(_) => return Tone::Mixed,
            }
        }
        found.unwrap_or(Tone::Unspecified)
    }
}
