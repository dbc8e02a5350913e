//! Incremental search over passages, relation labels, actor names and aliases.

use std::ops::Range;

use crate::model::{ActorId, Dataset, PassageId, RelationId};

/// Most results listed; the rest are counted.
pub const MAX_RESULTS: usize = 200;

/// Where a match was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An actor's name, alias or native name.
    Actor(ActorId),
    /// A relation's label.
    Relation(RelationId),
    /// A passage.
    Passage(PassageId),
}

/// One result: what it is, the text shown, and the byte ranges of the matched words in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// What choosing it selects.
    pub target: Target,
    /// The text the match is in.
    pub text: String,
    /// Matched ranges within `text`, sorted, for highlighting.
    pub matches: Vec<Range<usize>>,
}

/// Case-insensitive occurrences of `needle` in `hay` (curly and straight quotes are equal).
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let fold = |c: char| -> char {
        match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c.to_lowercase().next().unwrap_or(c),
        }
    };
    let needle: Vec<char> = needle.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay_chars: Vec<(usize, char)> = hay.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay_chars.len() {
        if hay_chars[i..i + needle.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(needle.iter().copied())
        {
            let start = hay_chars[i].0;
            let last = hay_chars[i + needle.len() - 1];
            out.push(start..last.0 + hay[last.0..].chars().next().map_or(1, char::len_utf8));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Matches `text` against every term; `None` unless all terms occur.
fn match_terms(text: &str, terms: &[&str]) -> Option<Vec<Range<usize>>> {
    let mut all = Vec::new();
    for t in terms {
        let found = find_all(text, t);
        if found.is_empty() {
            return None;
        }
        all.extend(found);
    }
    all.sort_by_key(|r| (r.start, r.end));
    Some(all)
}

/// Searches everything for `query` (all words must occur in one item). Actors first, then
/// relation labels, then passages, each in dataset order.
pub fn search(d: &Dataset, query: &str) -> Vec<Hit> {
    let terms: Vec<&str> = query.split_whitespace().collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (a, actor) in d.actors_with_ids() {
        let names = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .chain(&actor.native_names);
        if let Some(text) = names.clone().find(|n| match_terms(n, &terms).is_some()) {
            let text = if *text == actor.name {
                text.clone()
            } else {
                format!("{} ({text})", actor.name)
            };
            let matches = match_terms(&text, &terms).unwrap_or_default();
            hits.push(Hit {
                target: Target::Actor(a),
                text,
                matches,
            });
        }
    }
    for (r, rel) in d.relations_with_ids() {
        let text = format!("{}: {}", d.relation_endpoints(rel), rel.label);
        if let Some(matches) = match_terms(&text, &terms) {
            hits.push(Hit {
                target: Target::Relation(r),
                text,
                matches,
            });
        }
    }
    for (r, rel) in d.relations_with_ids() {
        for (p, passage) in rel.passages.iter().enumerate() {
            if let Some(matches) = match_terms(&passage.quote, &terms) {
                hits.push(Hit {
                    target: Target::Passage(PassageId::new(r, p)),
                    text: passage.quote.clone(),
                    matches,
                });
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_case_and_quote_insensitively() {
        assert_eq!(find_all("China’s pipe, CHINA", "china"), vec![0..5, 16..21]);
        assert_eq!(find_all("Kazakhstan’s", "kazakhstan's"), vec![0..14]);
        assert!(find_all("abc", "").is_empty());
    }

    #[test]
    fn searches_actors_relations_and_passages() {
        let d = crate::model::builtin().expect("built-in");
        let hits = search(&d, "pipelines");
        assert!(hits.iter().any(|h| matches!(h.target, Target::Relation(_))
            && h.text.contains("Energy investment and pipelines")));
        assert!(
            hits.iter()
                .any(|h| h.text == "Major oil and gas pipelines link the two countries.")
        );
        let astana = search(&d, "astana");
        assert!(
            matches!(astana[0].target, Target::Actor(_)),
            "{:?}",
            astana[0]
        );
        assert_eq!(astana[0].text, "Kazakhstan (Astana)");
        assert_eq!(astana[0].matches, vec![12..18]);
        // All words must occur in one item.
        let both = search(&d, "peace mission");
        assert!(
            !both.is_empty()
                && both
                    .iter()
                    .all(|h| h.text.to_lowercase().contains("peace mission"))
        );
        assert!(search(&d, "pipelines zebra").is_empty());
    }
}
