//! How far evidence can be trusted, graded as analysts do with the NATO Admiralty code
//! (AJP-2.1, STANAG 2511): a source's **reliability** A–F and a passage's **credibility** 1–6,
//! together a passage's grade ("B2"). Unset means not graded, never guessed.

use std::fmt;

/// A source's reliability, A (completely reliable) to F (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reliability {
    /// No doubt of authenticity, trustworthiness or competence; a history of complete
    /// reliability.
    A,
    /// Minor doubt; a history of mostly valid information.
    B,
    /// Doubt; has provided valid information in the past.
    C,
    /// Significant doubt; has provided valid information in the past.
    D,
    /// Lacking authenticity, trustworthiness and competence; a history of invalid information.
    E,
    /// Insufficient information to evaluate reliability.
    F,
}

impl Reliability {
    /// Every grade, best first, as menus list them.
    pub const ALL: [Self; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    /// Reads "A"…"F" (either case); `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|r| r.letter().eq_ignore_ascii_case(t))
    }

    /// "A"…"F", as written in files and grades.
    pub fn letter(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
            Self::E => "E",
            Self::F => "F",
        }
    }

    /// The scale's one-line meaning, shown beside the letter.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::A => "completely reliable",
            Self::B => "usually reliable",
            Self::C => "fairly reliable",
            Self::D => "not usually reliable",
            Self::E => "unreliable",
            Self::F => "reliability cannot be judged",
        }
    }

    /// E or F: not a source to rest a finding on.
    pub fn is_weak(self) -> bool {
        matches!(self, Self::E | Self::F)
    }
}

/// A passage's credibility, 1 (confirmed by other sources) to 6 (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Credibility {
    /// 1: confirmed by other independent sources.
    Confirmed,
    /// 2: not confirmed, but logical and consistent with other information.
    ProbablyTrue,
    /// 3: reasonably logical, agrees with some other information.
    PossiblyTrue,
    /// 4: not logical, though possible; no other information on the subject.
    Doubtful,
    /// 5: illogical and contradicted by other information.
    Improbable,
    /// 6: no basis to evaluate it.
    CannotBeJudged,
}

impl Credibility {
    /// Every grade, best first, as menus list them.
    pub const ALL: [Self; 6] = [
        Self::Confirmed,
        Self::ProbablyTrue,
        Self::PossiblyTrue,
        Self::Doubtful,
        Self::Improbable,
        Self::CannotBeJudged,
    ];

    /// The grade numbered `n` (1–6).
    pub fn from_number(n: u64) -> Option<Self> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        Self::ALL.get(i).copied()
    }

    /// 1…6, as written in files and grades.
    pub fn number(self) -> u8 {
        match self {
            Self::Confirmed => 1,
            Self::ProbablyTrue => 2,
            Self::PossiblyTrue => 3,
            Self::Doubtful => 4,
            Self::Improbable => 5,
            Self::CannotBeJudged => 6,
        }
    }

    /// The scale's one-line meaning, shown beside the number.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed by other sources",
            Self::ProbablyTrue => "probably true",
            Self::PossiblyTrue => "possibly true",
            Self::Doubtful => "doubtful",
            Self::Improbable => "improbable",
            Self::CannotBeJudged => "truth cannot be judged",
        }
    }

    /// 5 or 6: not information to rest a finding on.
    pub fn is_weak(self) -> bool {
        matches!(self, Self::Improbable | Self::CannotBeJudged)
    }
}

/// A passage's grade: its source's reliability and its own credibility, either of which may
/// be unset (not graded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Grade {
    /// The source's reliability, if graded.
    pub reliability: Option<Reliability>,
    /// The passage's credibility, if graded.
    pub credibility: Option<Credibility>,
}

impl Grade {
    /// Whether either half is graded.
    pub fn is_graded(&self) -> bool {
        self.reliability.is_some() || self.credibility.is_some()
    }

    /// Reads a full grade such as "B2" (a `--min-grade` value); the error says what to write.
    pub fn parse_full(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let mut chars = t.chars();
        let (letter, digit) = (chars.next(), chars.next());
        let reliability = letter.and_then(|c| Reliability::parse(&c.to_string()));
        let credibility = digit
            .and_then(|c| c.to_digit(10))
            .and_then(|n| Credibility::from_number(u64::from(n)));
        match (reliability, credibility, chars.next()) {
            (Some(r), Some(c), None) => Ok(Self {
                reliability: Some(r),
                credibility: Some(c),
            }),
            _ => Err(format!(
                "“{t}” is not a grade: write a reliability letter A–F and a credibility \
                 number 1–6, e.g. B2 (usually reliable source, probably true)"
            )),
        }
    }

    /// Whether this grade is at least `min` in both halves (A is best, 1 is best); an
    /// ungraded half never is.
    pub fn meets(&self, min: Self) -> bool {
        let reliable = match (self.reliability, min.reliability) {
            (_, None) => true,
            (Some(r), Some(m)) => r <= m,
            (None, Some(_)) => false,
        };
        let credible = match (self.credibility, min.credibility) {
            (_, None) => true,
            (Some(c), Some(m)) => c <= m,
            (None, Some(_)) => false,
        };
        reliable && credible
    }

    /// Whether what is graded is weak (E/F or 5/6) and nothing graded is strong.
    pub fn is_weak(&self) -> bool {
        self.is_graded()
            && self.reliability.is_none_or(Reliability::is_weak)
            && self.credibility.is_none_or(Credibility::is_weak)
    }

    /// The grade with the scale's words: "B2: usually reliable source, probably true".
    pub fn meaning(&self) -> String {
        let source = self.reliability.map_or_else(
            || "source not graded".to_owned(),
            |r| format!("{} source", r.meaning()),
        );
        let info = self
            .credibility
            .map_or("credibility not graded", Credibility::meaning);
        format!("{self}: {source}, {info}")
    }
}

impl fmt::Display for Grade {
    /// "B2"; "B" when only the source is graded, "–2" when only the information is;
    /// "not graded" when neither is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_graded() {
            return f.write_str("not graded");
        }
        let letter = self.reliability.map_or("–", Reliability::letter);
        match self.credibility {
            Some(c) => write!(f, "{letter}{}", c.number()),
            None => f.write_str(letter),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_read_print_and_compare_as_the_admiralty_code_does() {
        let b2 = Grade::parse_full("B2").expect("B2");
        assert_eq!(b2.to_string(), "B2");
        assert_eq!(b2.meaning(), "B2: usually reliable source, probably true");
        assert_eq!(Grade::parse_full("b2"), Ok(b2));
        for bad in ["", "B", "2", "G2", "B7", "B0", "B22", "2B"] {
            assert!(Grade::parse_full(bad).is_err(), "{bad}");
        }
        let a1 = Grade::parse_full("A1").expect("A1");
        let c3 = Grade::parse_full("C3").expect("C3");
        assert!(a1.meets(b2) && b2.meets(b2) && !c3.meets(b2));
        let half = Grade {
            reliability: Some(Reliability::A),
            credibility: None,
        };
        assert_eq!(half.to_string(), "A", "not read as A minus");
        assert!(!half.meets(b2), "an ungraded half never meets a minimum");
        assert_eq!(Grade::default().to_string(), "not graded");
        assert!(!Grade::default().meets(b2));
    }

    #[test]
    fn weak_means_nothing_graded_is_strong() {
        let e5 = Grade::parse_full("E5").expect("E5");
        assert!(e5.is_weak());
        assert!(!Grade::parse_full("E2").expect("E2").is_weak());
        let only_f = Grade {
            reliability: Some(Reliability::F),
            credibility: None,
        };
        assert!(only_f.is_weak());
        assert!(
            !Grade::default().is_weak(),
            "ungraded is not weak, just ungraded"
        );
        assert_eq!(Credibility::from_number(0), None);
        assert_eq!(Credibility::from_number(7), None);
        assert_eq!(
            Credibility::from_number(6),
            Some(Credibility::CannotBeJudged)
        );
    }
}
