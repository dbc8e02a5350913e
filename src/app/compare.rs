//! Comparisons shown in place of the open map: File → Compare with… (the open map against
//! another map file) and View → Through time (the open map as its sources stood on each of
//! their dates). The map itself waits untouched, with its history, selection and running
//! layout, and comes back exactly as it was when the comparison is left.

use std::path::{Path, PathBuf};

use super::dialogs::Modal;
use super::files::Asked;
use super::state::AppliedOnly;
use super::{RelmapApp, ToastKind};
use crate::map::{LayoutRun, MapState};
use crate::model::{Comparison, PassageDate};

/// A comparison on screen and the map to return to.
pub(super) struct Comparing {
    /// The open map, untouched while the comparison is shown.
    original: AppliedOnly,
    /// Its relaxation, paused.
    original_run: LayoutRun,
    /// What is compared.
    pub(super) what: Compared,
}

/// What a comparison compares.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Compared {
    /// The open map with the map in this file.
    File(PathBuf),
    /// The open map at two of its sources' dates.
    Time {
        /// The sources' distinct dates, earliest first.
        dates: Vec<PassageDate>,
        /// Index of the date the map is shown as of.
        until: usize,
        /// Index of the earlier date the analyst picked to mark changes against, if any; kept
        /// while the shown date moves (it applies whenever it is the earlier of the two).
        since: Option<usize>,
    },
}

impl RelmapApp {
    /// Whether a comparison is shown in place of the map.
    pub fn is_comparing(&self) -> bool {
        self.comparing.is_some()
    }

    /// The open map itself: the one waiting behind a comparison, else the one shown.
    pub(super) fn own_map(&self) -> &MapState {
        self.comparing.as_ref().map_or(&self.state, |c| &c.original)
    }

    /// File → Compare with…: asks which map (or, with no file dialog, shows the path form).
    pub(super) fn ask_and_compare(&mut self) {
        let asked = self.ask_system(|| {
            rfd::FileDialog::new()
                .set_title("Compare the open map with…")
                .add_filter(
                    "Networks (relmap, node-link JSON, GraphML, GEXF, CSV, spreadsheets)",
                    crate::model::OPEN_EXTENSIONS,
                )
                .pick_file()
        });
        match asked {
            Asked::Picked(path) => self.compare_path(&path),
            Asked::NoDialog => self.modal = Some(Modal::CompareWith(String::new())),
            Asked::Cancelled => {}
        }
    }

    /// Compares the open map (before) with the map at `path` (after) and shows the
    /// comparison; a file that cannot be read is refused and the map stays as it was.
    pub fn compare_path(&mut self, path: &Path) {
        self.leave_comparison();
        let after = match crate::model::load_path(path) {
            Ok(d) => d,
            Err(e) => {
                self.modal = Some(Modal::Error {
                    title: "Could not compare with this map".to_owned(),
                    lines: e.to_string().lines().map(str::to_owned).collect(),
                });
                return;
            }
        };
        let comparison = Comparison::new(self.state.doc.dataset.clone(), after);
        let summary = comparison.diff.summary();
        let shared = !comparison.diff.share_no_actor();
        let clashes = comparison.diff.clashes.clone();
        self.show_comparison(comparison, Compared::File(path.to_path_buf()));
        let mut text = format!("Compared with {}: {summary}", path.display());
        if !shared {
            text.push_str(". The two maps share no actor: everything is added or removed");
        }
        for clash in clashes {
            text.push_str(&format!(". {clash}"));
        }
        self.jobs.toast(ToastKind::Info, text);
    }

    /// View → Through time: the map as of its latest source date, changes since its earliest
    /// marked. Refused (with the reason) on a map with fewer than two dated sources.
    pub(super) fn through_time(&mut self) {
        self.leave_comparison();
        let dates = crate::model::source_dates(&self.state.doc.dataset);
        if dates.len() < 2 {
            self.jobs.toast(
                ToastKind::Error,
                "Through time needs two or more sources with dates: give each source its \
                 date (File → Edit source…) or add a later article (File → Add source…)"
                    .to_owned(),
            );
            return;
        }
        let until = dates.len() - 1;
        self.show_as_of(dates, until, Some(0));
    }

    /// In the through-time view: shows the map as of the `until`-th date, marking changes
    /// since the `since`-th.
    pub(super) fn as_of(&mut self, until: usize, since: Option<usize>) {
        let Some(Compared::Time { dates, .. }) = self.comparing.as_ref().map(|c| &c.what) else {
            return;
        };
        let dates = dates.clone();
        if until >= dates.len() {
            return;
        }
        self.show_as_of(dates, until, since);
    }

    /// Alt+← / Alt+→ in the through-time view: the previous or next source date.
    pub(super) fn step_as_of(&mut self, by: i8) {
        let Some(Compared::Time {
            dates,
            until,
            since,
        }) = self.comparing.as_ref().map(|c| &c.what)
        else {
            self.jobs.toast(
                ToastKind::Info,
                "Alt+← and Alt+→ step through time in View → Through time".to_owned(),
            );
            return;
        };
        let next = until.saturating_add_signed(isize::from(by));
        if next < dates.len() && next != *until {
            let (dates, since) = (dates.clone(), *since);
            self.show_as_of(dates, next, since);
        }
    }

    fn show_as_of(&mut self, dates: Vec<PassageDate>, until: usize, since: Option<usize>) {
        let own = &self.own_map().doc.dataset;
        let shown = dates[until];
        // The earlier date marks changes only while it is the earlier one.
        let earlier = since.filter(|&s| s < until).map_or(shown, |s| dates[s]);
        let comparison = Comparison::through_time(own, &earlier, &shown);
        self.show_comparison(
            comparison,
            Compared::Time {
                dates,
                until,
                since,
            },
        );
    }

    /// Puts `comparison` on screen: the map steps aside (or, when a comparison is already
    /// shown, that one is replaced, keeping its view and selection).
    fn show_comparison(&mut self, comparison: Comparison, what: Compared) {
        match self.comparing.as_mut() {
            Some(c) => {
                // Placed as the map itself places its actors, so an actor keeps its place
                // from one date to the next; the view and selection stay.
                let next = self.state.compared_again(comparison, &c.original);
                self.state = AppliedOnly::new(next);
                c.what = what;
            }
            None => {
                let mut next = MapState::comparing(comparison, &self.state);
                // Actors only the other map has are placed beside the map: fit them in view.
                next.apply(crate::map::ViewCommand::Fit);
                let original = std::mem::replace(&mut self.state, AppliedOnly::new(next));
                let original_run = std::mem::take(&mut self.layout_run);
                self.comparing = Some(Comparing {
                    original,
                    original_run,
                    what,
                });
            }
        }
    }

    /// Leaves the comparison, if one is shown: the map comes back as it was left.
    pub(super) fn leave_comparison(&mut self) {
        if let Some(c) = self.comparing.take() {
            self.state = c.original;
            self.layout_run = c.original_run;
        }
    }

    /// What the comparison bar shows: the two sides' names, the summary line and, in the
    /// through-time view, its dates.
    pub(super) fn compare_bar(&self) -> Option<crate::ui::CompareBar> {
        let c = self.comparing.as_ref()?;
        let comparison = self.state.compare.as_deref()?;
        Some(crate::ui::CompareBar {
            before: comparison.before.title.clone(),
            after: comparison.after.title.clone(),
            summary: comparison.diff.summary(),
            dates: match &c.what {
                Compared::File(_) => None,
                Compared::Time {
                    dates,
                    until,
                    since,
                } => Some((dates.clone(), *until, *since)),
            },
        })
    }
}
