//! Briefing figures: the Scene drawn as SVG (title, legend, source line, optional evidence
//! card), rasterised to PNG with resvg and the embedded fonts, written atomically.

mod deck;
mod decoration;
mod figure;
mod figure_blocks;
mod graphml;
mod handout;
mod png;
mod report;
mod svg;
mod svg_text;

pub use deck::{DeckTarget, deck_pdf, write_deck};
pub use decoration::{Anchor, Decoration};
pub use figure::{Figure, FigureOptions};
pub use graphml::graphml;
pub use handout::handout_html;
pub use png::{save_color_image, svg_to_png, svg_to_rgba};
pub use report::{
    CSV_COLUMNS, ReportFormat, ReportInput, report_csv, report_html, report_markdown,
};
pub use svg::figure_svg;
pub use svg_text::escape_xml;

use std::path::{Path, PathBuf};

use crate::atomic::write_atomic;
use crate::model::{Dataset, RelationId};
use crate::scene::{Scene, Style, Theme};

/// Why an export failed. Shown to users as is.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output name has no extension we can write.
    #[error("{path}: unknown picture format; name the file *.png or *.svg")]
    UnknownFormat {
        /// The path given.
        path: PathBuf,
    },
    /// Writing failed; any existing file there is untouched.
    #[error(
        "{path}: could not save ({source}); any existing file there is unchanged. Check the folder exists and you may write to it."
    )]
    Write {
        /// The path given.
        path: PathBuf,
        /// Underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The report's name has no extension we can write.
    #[error("{path}: unknown report format; name the file *.html, *.md or *.csv")]
    UnknownReportFormat {
        /// The path given.
        path: PathBuf,
    },
    /// The SVG could not be rasterised (a bug: we wrote that SVG).
    #[error("could not render the PNG: {0}")]
    Render(String),
}

/// Output picture formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureFormat {
    /// Scalable vector graphics.
    Svg,
    /// Portable network graphics at a scale.
    Png,
}

impl PictureFormat {
    /// The format named by a path's extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            _ => None,
        }
    }
}

/// Everything that decides how an export looks, besides the scene.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Colours (light by default: print-friendly).
    pub theme: Theme,
    /// Leave the background transparent.
    pub transparent: bool,
    /// PNG pixel scale, 1–3.
    pub scale: u8,
    /// Figure size at 1×, in pixels; natural size if `None`.
    pub size: Option<(u32, u32)>,
    /// Draw the selection highlight and, for a selected relation, its evidence card.
    pub with_selection: bool,
    /// Include draft relations (suggested evidence not yet reviewed); left out by default.
    pub include_drafts: bool,
    /// The figure's title (the map's title if `None`).
    pub title: Option<String>,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// Legend in a column beside the map rather than below (set by wide presets).
    pub legend_beside: bool,
}

/// Frames for slides and print: the figure size at 1× and the scale that gives the pixel size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// 16:9 slide, 1920×1080 px.
    Slide16x9,
    /// 4:3 slide, 1440×1080 px.
    Slide4x3,
    /// A4 landscape at 150 dpi, 1754×1240 px.
    A4Landscape,
    /// A4 portrait at 150 dpi, 1240×1754 px.
    A4Portrait,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 4] = [
        Self::Slide16x9,
        Self::Slide4x3,
        Self::A4Landscape,
        Self::A4Portrait,
    ];

    /// The command-line name (`slide-16x9`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Slide16x9 => "slide-16x9",
            Self::Slide4x3 => "slide-4x3",
            Self::A4Landscape => "a4-landscape",
            Self::A4Portrait => "a4-portrait",
        }
    }

    /// The figure size at 1× (text sizes are those of the natural figure) and the scale at
    /// which the PNG has the preset's pixel size. Drawing at half size and doubling keeps
    /// text large enough to read across a room.
    pub fn frame(self) -> ((u32, u32), u8) {
        match self {
            Self::Slide16x9 => ((960, 540), 2),
            Self::Slide4x3 => ((720, 540), 2),
            Self::A4Landscape => ((877, 620), 2),
            Self::A4Portrait => ((620, 877), 2),
        }
    }

    /// The PNG's size in pixels.
    pub fn pixels(self) -> (u32, u32) {
        let ((w, h), s) = self.frame();
        (w * u32::from(s), h * u32::from(s))
    }

    /// Whether the legend goes beside the map (landscape frames).
    pub fn legend_beside(self) -> bool {
        let ((w, h), _) = self.frame();
        w > h
    }

    /// Applies the preset to export options: size, scale, legend placement.
    pub fn apply(self, opts: &mut ExportOptions) {
        let (size, scale) = self.frame();
        opts.size = Some(size);
        opts.scale = scale;
        opts.legend_beside = self.legend_beside();
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            theme: Theme::Light,
            transparent: false,
            scale: 2,
            size: None,
            with_selection: true,
            include_drafts: false,
            title: None,
            subtitle: None,
            legend_beside: false,
        }
    }
}

/// Builds the figure for `scene` (already filtered, as the map shows it) with the title,
/// legend and source line of `dataset`, and the evidence card of `evidence` if given.
/// `scene` must have been built with the style of `opts.theme`.
pub fn figure(
    dataset: &Dataset,
    mut scene: Scene,
    evidence: Option<RelationId>,
    opts: &ExportOptions,
) -> Figure {
    let style = Style::for_theme(opts.theme);
    if opts.transparent {
        scene.background = egui::Color32::TRANSPARENT;
    }
    Figure::new(
        dataset,
        scene,
        &style,
        &FigureOptions {
            size: opts.size,
            evidence_for: evidence,
            title: opts.title.clone(),
            subtitle: opts.subtitle.clone(),
            legend_beside: opts.legend_beside,
        },
    )
}

/// Renders `figure` in the format `path` names and writes it atomically.
pub fn export_to_file(figure: &Figure, path: &Path, scale: u8) -> Result<(), ExportError> {
    let format = PictureFormat::from_path(path).ok_or_else(|| ExportError::UnknownFormat {
        path: path.to_path_buf(),
    })?;
    let bytes = render(figure, format, scale)?;
    write_atomic(path, &bytes).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Whether `path` names an interactive handout (`.html` or `.htm`, any case).
pub fn is_handout(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Writes the interactive handout for `figure` (see [`handout_html`]) to `path`, atomically.
pub fn write_handout(
    path: &Path,
    dataset: &Dataset,
    figure: &Figure,
    min_grade: Option<crate::model::Grade>,
) -> Result<(), ExportError> {
    let html = handout_html(dataset, figure, &figure_svg(figure), min_grade);
    write_atomic(path, html.as_bytes()).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Whether `path` names a GraphML file (`.graphml`, any case).
pub fn is_graphml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("graphml"))
}

/// Writes the map as GraphML (see [`graphml()`]) to `path`, atomically.
pub fn write_graphml(
    path: &Path,
    dataset: &Dataset,
    positions_in_world: Option<&[[f32; 2]]>,
) -> Result<(), ExportError> {
    write_atomic(path, graphml(dataset, positions_in_world).as_bytes()).map_err(|source| {
        ExportError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Writes the evidence report for `input` to `path` (format from the extension), atomically;
/// Markdown also writes the figure beside it as `<name>.svg`. Returns the files written.
pub fn write_report(
    path: &Path,
    dataset: &Dataset,
    input: &ReportInput,
    figure: &Figure,
) -> Result<Vec<PathBuf>, ExportError> {
    let format = ReportFormat::from_path(path).ok_or_else(|| ExportError::UnknownReportFormat {
        path: path.to_path_buf(),
    })?;
    let write = |target: &Path, bytes: &[u8]| {
        write_atomic(target, bytes).map_err(|source| ExportError::Write {
            path: target.to_path_buf(),
            source,
        })
    };
    let mut written = Vec::new();
    let text = match format {
        ReportFormat::Html => report_html(dataset, input, &figure_svg(figure)),
        ReportFormat::Csv => report_csv(dataset, input),
        ReportFormat::Markdown => {
            let svg_path = path.with_extension("svg");
            write(&svg_path, figure_svg(figure).as_bytes())?;
            let name = svg_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            written.push(svg_path);
            report_markdown(dataset, input, &name)
        }
    };
    write(path, text.as_bytes())?;
    written.insert(0, path.to_path_buf());
    Ok(written)
}

/// "3 relations, 12 passages": what a report holds, for messages.
pub fn report_summary(dataset: &Dataset, input: &ReportInput) -> String {
    let (r, p) = (input.relations.len(), input.passage_count(dataset));
    format!(
        "{r} relation{}, {p} passage{}",
        if r == 1 { "" } else { "s" },
        if p == 1 { "" } else { "s" }
    )
}

/// Renders `figure` to bytes in `format`.
pub fn render(figure: &Figure, format: PictureFormat, scale: u8) -> Result<Vec<u8>, ExportError> {
    let svg = figure_svg(figure);
    match format {
        PictureFormat::Svg => Ok(svg.into_bytes()),
        PictureFormat::Png => svg_to_png(&svg, scale).map(|(bytes, _, _)| bytes),
    }
}

/// A default file name: the dataset title as a slug plus today's date.
pub fn default_file_name(title: &str, extension: &str) -> String {
    let slug: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "relmap".to_owned()
    } else {
        slug
    };
    let today = jiff::Zoned::now().date();
    format!("{slug}-{today}.{extension}")
}
