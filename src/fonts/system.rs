//! The system's installed fonts, for glyphs the bundled fonts lack (Arabic script, Hebrew,
//! Devanagari, Thai, Georgian, …). Found with `fontdb` (the database resvg itself uses), asked
//! only for the characters a map actually contains, so the bundled fonts keep drawing whatever
//! they cover and exports of such text stay the same on every machine.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;
use unicode_script::{Script, UnicodeScript};

/// A system font face that covers some characters the bundled fonts lack.
#[derive(Clone, Debug)]
pub struct Fallback {
    /// Family name, as SVG `font-family` lists name it.
    pub family: String,
    /// The font file's bytes.
    pub data: Arc<Vec<u8>>,
    /// Face index within the file (collections hold several).
    pub index: u32,
    /// The characters this face was chosen for.
    pub chars: BTreeSet<char>,
}

/// Characters no font (bundled or installed) has, by script, with a free font that has them
/// and the Debian package that provides it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingScript {
    /// Unicode script name ("Tibetan").
    pub script: String,
    /// A free font with these characters ("Noto Sans Tibetan").
    pub font: String,
    /// Debian package with a font for it ("fonts-noto-core").
    pub package: &'static str,
    /// The characters, in order.
    pub chars: String,
}

/// The kind of system a font notice is written for: where fonts come from differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    /// Windows: fonts are installed from their file (Install, for this user or all).
    Windows,
    /// macOS: Font Book installs them.
    MacOs,
    /// Debian, Ubuntu and their kin: a package.
    DebianLike,
    /// Another Linux or BSD: the distribution's own font packages.
    OtherUnix,
}

impl Platform {
    /// The system relmap runs on.
    pub fn current() -> Self {
        if cfg!(target_os = "windows") {
            Self::Windows
        } else if cfg!(target_os = "macos") {
            Self::MacOs
        } else if std::path::Path::new("/etc/debian_version").exists() {
            Self::DebianLike
        } else {
            Self::OtherUnix
        }
    }
}

/// Where the free Noto fonts are published (shown, never fetched).
const NOTO_URL: &str = "https://fonts.google.com/noto";

impl MissingScript {
    /// What to do about these characters on `platform`: which font, and how to get it there.
    pub fn notice_for(&self, platform: Platform) -> String {
        let what = format!(
            "no installed font has {} characters ({})",
            self.script, self.chars
        );
        match platform {
            Platform::DebianLike => format!(
                "{what}: install the Debian package {} ({}), then restart relmap",
                self.package, self.font
            ),
            Platform::Windows => format!(
                "{what}: install the free font {} (from {NOTO_URL}: open the .ttf file and \
                 click Install), then restart relmap",
                self.font
            ),
            Platform::MacOs => format!(
                "{what}: install the free font {} (from {NOTO_URL}: double-click the .ttf file \
                 and click Install in Font Book), then restart relmap",
                self.font
            ),
            Platform::OtherUnix => format!(
                "{what}: install the free font {} (your distribution's Noto fonts package, or \
                 {NOTO_URL}), then restart relmap",
                self.font
            ),
        }
    }
}

impl std::fmt::Display for MissingScript {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.notice_for(Platform::current()))
    }
}

/// The system's fonts, loaded once (a few milliseconds of directory scanning; files are
/// memory-mapped on use, not read).
fn system() -> &'static fontdb::Database {
    static DB: OnceLock<fontdb::Database> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        log::info!("{} system font faces found", db.len());
        db
    })
}

/// Faces in a fixed order (regular upright first, then Noto Sans, then by name) so the same
/// machine always picks the same face for a character.
fn ordered_faces(db: &fontdb::Database) -> Vec<&fontdb::FaceInfo> {
    let mut faces: Vec<&fontdb::FaceInfo> = db.faces().collect();
    faces.sort_by_key(|f| {
        let family = f
            .families
            .first()
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        (
            f.style != fontdb::Style::Normal,
            f.weight.0.abs_diff(400),
            !family.starts_with("Noto Sans"),
            family.contains("Mono"),
            family,
            f.index,
        )
    });
    faces
}

/// What earlier searches found: faces chosen so far and, per character, which one (or none).
/// Kept for the process's life: a map's characters are looked up once, and label widths can
/// then be measured in the face that will draw them.
#[derive(Default)]
struct Known {
    faces: Vec<(String, Arc<Vec<u8>>, u32)>,
    of_char: std::collections::BTreeMap<char, Option<usize>>,
}

fn known() -> std::sync::MutexGuard<'static, Known> {
    static KNOWN: OnceLock<std::sync::Mutex<Known>> = OnceLock::new();
    let lock = KNOWN.get_or_init(Default::default).lock();
    // A panic while holding the lock leaves plain data behind: still usable.
    lock.unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Searches the installed faces, in [`ordered_faces`] order, for `chars`; records what it finds.
fn search(known: &mut Known, mut chars: BTreeSet<char>) {
    let db = system();
    for face in ordered_faces(db) {
        if chars.is_empty() {
            break;
        }
        let found = db.with_face_data(face.id, |data, index| {
            let parsed = ttf_parser::Face::parse(data, index).ok()?;
            let covered: BTreeSet<char> = chars
                .iter()
                .copied()
                .filter(|&c| parsed.glyph_index(c).is_some())
                .collect();
            (!covered.is_empty()).then(|| (covered, data.to_vec(), index))
        });
        if let Some(Some((covered, data, index))) = found {
            let family = face
                .families
                .first()
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            known.faces.push((family, Arc::new(data), index));
            let at = known.faces.len() - 1;
            for c in covered {
                chars.remove(&c);
                known.of_char.insert(c, Some(at));
            }
        }
    }
    for c in chars {
        known.of_char.insert(c, None);
    }
}

/// Installed faces covering `chars` (those the bundled fonts lack), one per face chosen, in
/// family order, and the characters no installed face has.
pub fn fallbacks_for(chars: &BTreeSet<char>) -> (Vec<Fallback>, BTreeSet<char>) {
    let wanted: BTreeSet<char> = chars
        .iter()
        .copied()
        .filter(|c| !super::bundled_has(*c) && !c.is_whitespace() && !c.is_control())
        .collect();
    let mut out: Vec<Fallback> = Vec::new();
    let mut missing = BTreeSet::new();
    if wanted.is_empty() {
        return (out, missing);
    }
    let mut known = known();
    let unknown: BTreeSet<char> = wanted
        .iter()
        .copied()
        .filter(|c| !known.of_char.contains_key(c))
        .collect();
    if !unknown.is_empty() {
        search(&mut known, unknown);
    }
    for c in wanted {
        match known.of_char.get(&c).copied().flatten() {
            Some(i) => {
                let (family, data, index) = &known.faces[i];
                match out
                    .iter_mut()
                    .find(|f| f.family == *family && f.index == *index)
                {
                    Some(f) => {
                        f.chars.insert(c);
                    }
                    None => out.push(Fallback {
                        family: family.clone(),
                        data: data.clone(),
                        index: *index,
                        chars: BTreeSet::from([c]),
                    }),
                }
            }
            None => {
                missing.insert(c);
            }
        }
    }
    out.sort_by(|a, b| (&a.family, a.index).cmp(&(&b.family, b.index)));
    (out, missing)
}

/// The width of `text` (in ems) shaped with rustybuzz in the installed face of `family` that
/// earlier searches chose, joined and reordered as a renderer draws it (Arabic letters join
/// and narrow, Devanagari conjuncts merge); `None` if no such face was chosen.
pub fn shaped_width(family: &str, text: &str) -> Option<f32> {
    let known = known();
    let (_, data, index) = known.faces.iter().find(|(f, _, _)| f == family)?;
    let face = rustybuzz::Face::from_slice(data, *index)?;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let shaped = rustybuzz::shape(&face, &[], buffer);
    let advance: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    Some(advance as f32 / f32::from(face.units_per_em() as u16))
}

/// The advance of `c` (in ems) in the installed face earlier searches chose for it, if any.
pub fn fallback_advance(c: char) -> Option<f32> {
    let known = known();
    let i = known.of_char.get(&c).copied().flatten()?;
    let (_, data, index) = &known.faces[i];
    let face = ttf_parser::Face::parse(data, *index).ok()?;
    let g = face.glyph_index(c)?;
    Some(f32::from(face.glyph_hor_advance(g).unwrap_or(0)) / f32::from(face.units_per_em()))
}

/// Groups characters no font has by script, naming the Debian package to install.
pub fn missing_scripts(missing: &BTreeSet<char>) -> Vec<MissingScript> {
    let mut out: Vec<MissingScript> = Vec::new();
    for &c in missing {
        let script = c.script();
        let name = match script {
            Script::Common | Script::Inherited | Script::Unknown => "symbol".to_owned(),
            s => s.full_name().replace('_', " "),
        };
        let package = package_for(script, c);
        match out.iter_mut().find(|m| m.script == name) {
            Some(m) => m.chars.push(c),
            None => out.push(MissingScript {
                font: font_for(script, c, &name),
                script: name,
                package,
                chars: c.to_string(),
            }),
        }
    }
    out
}

/// A free font covering `script` (named `name` in notices).
fn font_for(script: Script, c: char, name: &str) -> String {
    match script {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Bopomofo => {
            "Noto Sans CJK".to_owned()
        }
        Script::Hangul => "Noto Sans KR".to_owned(),
        Script::Common if u32::from(c) >= 0x1F000 => "Noto Color Emoji".to_owned(),
        Script::Common | Script::Inherited | Script::Unknown => "Noto Sans Symbols 2".to_owned(),
        _ => format!("Noto Sans {name}"),
    }
}

/// The Debian package whose fonts cover `script`.
fn package_for(script: Script, c: char) -> &'static str {
    match script {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo => {
            "fonts-noto-cjk"
        }
        Script::Common if u32::from(c) >= 0x1F000 => "fonts-noto-color-emoji",
        _ => "fonts-noto-core",
    }
}

/// Every character of `texts`, for asking which fonts a map needs.
pub fn chars_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeSet<char> {
    // ASCII is marked in a table, not inserted into the set one character at a time: a map
    // of 100,000 actors and 400,000 relations has millions of characters, nearly all ASCII,
    // and the set inserts held its first frame up by 160 ms.
    let mut ascii = [false; 128];
    let mut set = BTreeSet::new();
    for text in texts {
        if text.is_ascii() {
            for b in text.bytes() {
                ascii[usize::from(b)] = true;
            }
        } else {
            for c in text.chars() {
                match u8::try_from(c) {
                    Ok(b) if b.is_ascii() => ascii[usize::from(b)] = true,
                    _ => {
                        set.insert(c);
                    }
                }
            }
        }
    }
    set.extend(
        (0u8..128)
            .filter(|&b| ascii[usize::from(b)])
            .map(char::from),
    );
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_collected_once_each_ascii_or_not() {
        let texts = ["China", "Россия", "中国 China", "", "a\u{7f}é"];
        let expected: BTreeSet<char> = texts.iter().flat_map(|t| t.chars()).collect();
        assert_eq!(chars_of(texts), expected);
    }

    #[test]
    fn missing_characters_are_named_by_script_with_a_package() {
        let missing: BTreeSet<char> = "ཀཁ😀".chars().collect();
        let scripts = missing_scripts(&missing);
        assert_eq!(scripts[0].script, "Tibetan");
        assert_eq!(scripts[0].package, "fonts-noto-core");
        assert_eq!(scripts[0].chars, "ཀཁ");
        assert_eq!(scripts[1].package, "fonts-noto-color-emoji");
        assert_eq!(scripts[0].font, "Noto Sans Tibetan");
        let on = |p| scripts[0].notice_for(p);
        assert!(on(Platform::DebianLike).contains("install the Debian package fonts-noto-core"));
        for p in [Platform::Windows, Platform::MacOs, Platform::OtherUnix] {
            assert!(on(p).contains("Noto Sans Tibetan"), "{p:?}");
            assert!(
                !on(p).contains("Debian"),
                "{p:?}: no Debian package off Debian"
            );
        }
        assert!(on(Platform::Windows).contains("click Install"));
        assert!(on(Platform::MacOs).contains("Font Book"));
        assert_eq!(scripts[1].font, "Noto Color Emoji");
    }

    #[test]
    fn characters_the_bundled_fonts_have_need_no_system_font() {
        let chars = chars_of(["China 中国 日本 にほん 대한민국 Россия Ελλάδα →"]);
        let (fallbacks, missing) = fallbacks_for(&chars);
        assert!(
            fallbacks.is_empty(),
            "{:?}",
            fallbacks.iter().map(|f| &f.family).collect::<Vec<_>>()
        );
        assert!(missing.is_empty(), "{missing:?}");
    }
}
