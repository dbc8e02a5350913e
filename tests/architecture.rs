//! The architecture's rules that a compiler does not check: files inside a folder import each
//! other in one direction only (no rings), as the folders themselves do. (That only
//! `MapState::apply` writes the map state is checked by the compiler: the shell holds it as
//! `AppliedOnly`, which derefs to `&MapState` only.)

#![expect(
    clippy::unwrap_used,
    reason = "tests: an unreadable source file must fail loudly"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A file's code without its unit tests and comments.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `code` names `word` right after `prefix` (as a whole path segment).
fn names(code: &str, prefix: &str, word: &str) -> bool {
    let needle = format!("{prefix}{word}");
    code.match_indices(&needle).any(|(i, _)| {
        let after = code[i + needle.len()..].chars().next();
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// For the folder `dir` (its module path `module`, e.g. "crate::model"), which of its
/// children (files and sub-folders) use which others.
fn sibling_uses(dir: &Path, module: &str) -> BTreeMap<String, Vec<String>> {
    let mut children: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            children.insert(name, rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            && !matches!(name.as_str(), "mod" | "lib" | "main")
        {
            children.insert(name, vec![path]);
        }
    }
    let mut uses = BTreeMap::new();
    for (name, files) in &children {
        let mut used = Vec::new();
        for other in children.keys().filter(|o| *o != name) {
            let found = files.iter().any(|f| {
                let code = code_of(f);
                // How many `super::` reach the folder from this file.
                let depth = f.parent().unwrap().components().count() - dir.components().count();
                let up = "super::".repeat(depth + 1);
                names(&code, &up, other) || names(&code, &format!("{module}::"), other)
            });
            if found {
                used.push(other.clone());
            }
        }
        uses.insert(name.clone(), used);
    }
    uses
}

/// A ring among `uses`, if there is one (depth-first search, colours white/grey/black).
fn ring(uses: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        uses: &BTreeMap<String, Vec<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_owned(), 1);
        path.push(n.to_owned());
        for m in uses.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|p| p == m).unwrap();
                    let mut cycle = path[start..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, uses, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in uses.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0
            && let Some(c) = visit(n, uses, &mut state, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

#[test]
fn files_in_a_folder_import_each_other_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders = vec![(src.clone(), "crate".to_owned())];
    let mut rings = Vec::new();
    while let Some((dir, module)) = folders.pop() {
        if let Some(cycle) = ring(&sibling_uses(&dir, &module)) {
            rings.push(format!("{}: {}", dir.display(), cycle.join(" → ")));
        }
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                folders.push((path, format!("{module}::{name}")));
            }
        }
    }
    assert!(
        rings.is_empty(),
        "files that import each other in a ring:\n{}",
        rings.join("\n")
    );
}

#[test]
fn the_ring_finder_finds_a_ring_and_passes_a_chain() {
    let map = |edges: &[(&str, &str)]| {
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (a, b) in edges {
            m.entry((*a).to_owned()).or_default().push((*b).to_owned());
            m.entry((*b).to_owned()).or_default();
        }
        m
    };
    assert!(ring(&map(&[("a", "b"), ("b", "c")])).is_none());
    let found = ring(&map(&[("a", "b"), ("b", "c"), ("c", "a")])).unwrap();
    assert_eq!(found.first(), found.last());
    assert_eq!(found.len(), 4);
}
