//! Document edits about sources: editing one's bibliographic data, attaching another article,
//! merging another map in. Each is a [`super::DocCommand`], so undo puts the map back.

use super::MapState;
use crate::model::{Dataset, SourceFields, SourceId};
use crate::scene::Selection;

impl MapState {
    /// Sets the map's title and source `which`'s bibliographic data.
    pub(super) fn edit_source(
        &mut self,
        which: SourceId,
        title: &str,
        fields: SourceFields,
    ) -> Option<Selection> {
        let d = &mut self.doc.dataset;
        let blank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        let meta = &mut d.sources.get_mut(which)?.meta;
        meta.title = if fields.title.trim().is_empty() {
            "Untitled article".to_owned()
        } else {
            fields.title.trim().to_owned()
        };
        meta.author = blank(fields.author);
        meta.date = fields.date;
        meta.publisher = blank(fields.publisher);
        meta.url = blank(fields.url);
        meta.reliability = fields.reliability;
        d.title = if title.trim().is_empty() {
            d.primary().meta.title.clone()
        } else {
            title.trim().to_owned()
        };
        Some(self.pointing.selection)
    }

    /// Attaches an article as a new source and shows its tab, ready for selecting evidence.
    pub(super) fn add_source(&mut self, fields: SourceFields, text: &str) -> Option<Selection> {
        if text.trim().is_empty() {
            return None;
        }
        let d = &mut self.doc.dataset;
        // Ids from the title, as a reader would name the source ("weitz-2012", "ria-novosti").
        let base = super::doc::slug(if fields.title.trim().is_empty() {
            "source"
        } else {
            &fields.title
        });
        let id = crate::model::unique_id(&base, |c| d.source_index(c).is_some());
        let doc = crate::model::source_from_text(&id, text, fields);
        d.sources.push(doc);
        crate::model::name_sources(d);
        self.reader.source = SourceId(d.sources.len() - 1);
        self.reader.open = true;
        self.reader.authoring = true;
        self.reader.selection = None;
        self.reader.focus = None;
        Some(self.pointing.selection)
    }

    /// Merges `other` into the map (see [`crate::model::merge`]); new actors get places
    /// beside the others, existing ones stay where they are.
    pub(super) fn merge_in(&mut self, other: &Dataset) -> Option<Selection> {
        let (merged, report) = crate::model::merge(self.doc.dataset.clone(), other);
        self.doc.dataset = merged;
        let added = self.doc.dataset.actors.len() - self.place.positions.len();
        for _ in 0..added {
            let at = self.place_for_new_actor();
            self.place.positions.push(at);
            self.place.default_positions.push(at);
            self.place.pinned.push(false);
        }
        self.outcome = super::Outcome::Merged(report);
        Some(Selection::None)
    }
}
