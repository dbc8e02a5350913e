//! The China–Kazakhstan map compiled into the binary, so relmap works from any folder.

use super::files::TextFiles;
use super::load::parse;
use super::{Dataset, LoadError, Origin};

/// How the built-in dataset is named in messages.
pub const BUILTIN_NAME: &str = "china-kazakhstan.relmap.json (built-in)";

const DATASET_JSON: &str = include_str!("../../assets/china-kazakhstan.relmap.json");
const ARTICLE_TEXT: &str = include_str!("../../assets/china-kazakhstan.txt");

/// Loads the built-in dataset. Tests guarantee it validates; the `Result` is kept so a broken
/// build reports the problem instead of panicking.
pub fn builtin() -> Result<Dataset, LoadError> {
    parse(
        DATASET_JSON,
        BUILTIN_NAME,
        &TextFiles::Embedded(&[("china-kazakhstan.txt", ARTICLE_TEXT)]),
        Origin::Builtin,
    )
}
