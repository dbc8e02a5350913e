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

/// What kind of statement a passage is: a fact the article reports, or something it does not
/// report as having happened. Forecasts and aims are not events: the chronology draws them
/// apart and the lint asks about sentences whose wording says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modality {
    /// Reported as so (the default when a dataset does not say).
    #[default]
    Fact,
    /// What may, could or should happen ("may elevate", "could erect").
    Forecast,
    /// What an actor wants or seeks ("goals … include", "would like", "aim to").
    Aim,
    /// How someone sees it ("do not consider … a threat", "worry").
    Perception,
    /// The author's judgement ("inevitable", "much … is needed").
    Assessment,
}

impl Modality {
    /// Every modality, in the order menus list them.
    pub const ALL: [Self; 5] = [
        Self::Fact,
        Self::Forecast,
        Self::Aim,
        Self::Perception,
        Self::Assessment,
    ];

    /// Parses a dataset string; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s.trim().to_ascii_lowercase())
    }

    /// The word shown to users and written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fact => "fact",
            Self::Forecast => "forecast",
            Self::Aim => "aim",
            Self::Perception => "perception",
            Self::Assessment => "assessment",
        }
    }

    /// "A forecast", "An aim", "An assessment": the word with its article, to start a
    /// sentence.
    pub fn with_article(self) -> String {
        let word = self.as_str();
        let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "An"
        } else {
            "A"
        };
        format!("{article} {word}")
    }

    /// Whether the passage reports something that happened or holds (an event or a state),
    /// as opposed to what may happen or is wanted.
    pub fn is_reported(self) -> bool {
        matches!(self, Self::Fact | Self::Perception | Self::Assessment)
    }

    /// The modality a sentence's wording suggests, with the words that suggest it: forecast
    /// and aim markers as analysts read them ("may", "could", "should", "is likely",
    /// "expects"; "seeks", "aims", "goals … include", "hopes", "plans", "wants", "would
    /// like"). `None` when the sentence reads as a report.
    pub fn suggested_by(sentence: &str) -> Option<(Self, &'static str)> {
        let tokens: Vec<&str> = sentence
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .collect();
        let number =
            |i: Option<&&str>| i.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        let lowered: Vec<String> = tokens
            .iter()
            .enumerate()
            .map(|(i, w)| {
                // "May 2011", "3 May": the month, not the forecast.
                let month = *w == "May"
                    && (number(tokens.get(i + 1))
                        || i.checked_sub(1).is_some_and(|j| number(tokens.get(j))));
                if month {
                    "month".to_owned()
                } else {
                    w.to_lowercase()
                }
            })
            .collect();
        let words: Vec<&str> = lowered.iter().map(String::as_str).collect();
        let has = |w: &str| words.contains(&w);
        let phrase = |p: &str| {
            let n = p.split(' ').count();
            words.windows(n).any(|win| win.join(" ") == p)
        };
        // Aims first: "would like" is an aim, not the conditional "would".
        if phrase("would like") {
            return Some((Self::Aim, "would like"));
        }
        if (has("goals") || has("goal"))
            && ["include", "included", "includes"].iter().any(|w| has(w))
        {
            return Some((Self::Aim, "goals … include"));
        }
        const AIMS: [&str; 11] = [
            "seeks", "seek", "sought", "aim", "aims", "hopes", "hope", "plans", "plan", "wants",
            "want",
        ];
        if let Some(w) = AIMS.into_iter().find(|w| has(w)) {
            return Some((Self::Aim, w));
        }
        for p in ["is likely", "are likely"] {
            if phrase(p) {
                return Some((Self::Forecast, p));
            }
        }
        const FORECASTS: [&str; 8] = [
            "expects", "expect", "expected", "may", "might", "could", "should", "would",
        ];
        FORECASTS
            .into_iter()
            .find(|w| has(w))
            .map(|w| (Self::Forecast, w))
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

#[cfg(test)]
mod modality_tests {
    use super::Modality;

    fn suggested(s: &str) -> Option<(&'static str, &'static str)> {
        Modality::suggested_by(s).map(|(m, w)| (m.as_str(), w))
    }

    #[test]
    fn forecast_markers_are_found() {
        for (s, w) in [
            ("The presence may elevate the partnership.", "may"),
            ("It might fail.", "might"),
            ("The union could erect barriers.", "could"),
            ("Ties should expand further.", "should"),
            ("A deal is likely soon.", "is likely"),
            ("Analysts expect growth.", "expect"),
            ("They would join it.", "would"),
        ] {
            assert_eq!(suggested(s), Some(("forecast", w)), "{s}");
        }
    }

    #[test]
    fn aim_markers_are_found_before_forecasts() {
        for (s, w) in [
            (
                "Kazakhstan’s goals regarding China include assistance.",
                "goals … include",
            ),
            (
                "Chinese strategists would like Kazakhstan to help.",
                "would like",
            ),
            ("A policy that seeks good relations.", "seeks"),
            ("Firms aim to increase that total.", "aim"),
            ("Astana hopes for more.", "hopes"),
            ("Moscow plans a union.", "plans"),
            ("Beijing wants support.", "wants"),
        ] {
            assert_eq!(suggested(s), Some(("aim", w)), "{s}");
        }
    }

    #[test]
    fn reports_and_the_month_of_may_are_not_flagged() {
        for s in [
            "Major oil and gas pipelines link the two countries.",
            "The accord was signed in May 2011.",
            "On 3 May the talks resumed.",
        ] {
            assert_eq!(suggested(s), None, "{s}");
        }
    }
}
