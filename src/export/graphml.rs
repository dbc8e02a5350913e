//! The map as GraphML, so Gephi, yEd, Cytoscape and networkx open it with its evidence.
//!
//! Direction is written as edge data (`directed`, boolean) under one `edgedefault`, not as a
//! per-edge XML attribute: networkx refuses a file whose edges disagree with `edgedefault`,
//! and a relmap map mixes directed and undirected relations.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::model::{Dataset, Passage, PassageStatus};

/// `(id, for, attr.name, attr.type)` of every key relmap writes, in file order.
const KEYS: [(&str, &str, &str, &str); 20] = [
    ("g_name", "graph", "name", "string"),
    ("g_sources", "graph", "sources", "string"),
    ("g_reliability", "graph", "source_reliability", "string"),
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_native", "node", "native_names", "string"),
    ("n_secondary", "node", "secondary", "boolean"),
    ("n_x", "node", "x", "double"),
    ("n_y", "node", "y", "double"),
    ("e_label", "edge", "label", "string"),
    ("e_dimension", "edge", "dimension", "string"),
    ("e_tone", "edge", "tone", "string"),
    ("e_directed", "edge", "directed", "boolean"),
    ("e_weight", "edge", "weight", "double"),
    ("e_passage_count", "edge", "passage_count", "int"),
    ("e_passages", "edge", "passages", "string"),
    ("e_status", "edge", "evidence_status", "string"),
    ("e_corroboration", "edge", "corroboration", "int"),
    ("e_grades", "edge", "grades", "string"),
];

/// One passage as a line of the edge's `passages` text: where it is, when, whose, then the
/// quote, so the evidence travels with the line into any network tool.
fn passage_line(d: &Dataset, p: &Passage) -> String {
    let mut parts = Vec::new();
    if d.sources.len() > 1 {
        parts.push(format!("source {}", p.source.0 + 1));
    }
    parts.push(
        d.place_of(p)
            .unwrap_or_else(|| "not found in the article".to_owned()),
    );
    parts.push(p.date_in_words());
    if p.status != PassageStatus::Confirmed {
        parts.push(p.status.as_str().to_owned());
    }
    if p.modality() != crate::model::Modality::Fact {
        parts.push(p.modality().as_str().to_owned());
    }
    if let Some(grade) = d.grade_beside(p) {
        parts.push(grade);
    }
    format!("[{}] “{}”", parts.join(", "), p.quote)
}

fn data(w: &mut Writer<Vec<u8>>, key: &str, value: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

/// The dataset as a GraphML document. `positions_in_world` (one per actor, in the map's world
/// units) become the nodes' `x` and `y`; pass none to leave them out. Deterministic: actors and
/// relations in dataset order, numbers with fixed precision.
pub fn graphml(d: &Dataset, positions_in_world: Option<&[[f32; 2]]>) -> String {
    // Writing into a Vec cannot fail; an error here would be a bug in quick-xml.
    write(d, positions_in_world).unwrap_or_default()
}

fn write(d: &Dataset, positions_in_world: Option<&[[f32; 2]]>) -> io::Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            for (id, domain, name, ty) in KEYS {
                w.create_element("key")
                    .with_attributes([
                        ("id", id),
                        ("for", domain),
                        ("attr.name", name),
                        ("attr.type", ty),
                    ])
                    .write_empty()?;
            }
            let edgedefault = if d.relations.iter().any(|r| r.directed) {
                "directed"
            } else {
                "undirected"
            };
            w.create_element("graph")
                .with_attributes([("id", "G"), ("edgedefault", edgedefault)])
                .write_inner_content(|w| write_graph(w, d, positions_in_world))?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(io::Error::other)
}

fn write_graph(
    w: &mut Writer<Vec<u8>>,
    d: &Dataset,
    positions_in_world: Option<&[[f32; 2]]>,
) -> io::Result<()> {
    data(w, "g_name", &d.title)?;
    data(w, "g_sources", &d.source_line())?;
    // Each source's Admiralty reliability, numbered as in the source line ("1) B; 2) –").
    if d.sources.iter().any(|s| s.meta.reliability.is_some()) {
        let grades: Vec<String> = d
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let letter = s
                    .meta
                    .reliability
                    .map_or("–", crate::model::Reliability::letter);
                format!("{}) {letter}", i + 1)
            })
            .collect();
        data(w, "g_reliability", &grades.join("; "))?;
    }
    for (i, a) in d.actors.iter().enumerate() {
        w.create_element("node")
            .with_attribute(("id", a.id.as_str()))
            .write_inner_content(|w| {
                data(w, "n_label", &a.name)?;
                data(w, "n_kind", a.kind.as_str())?;
                if !a.aliases.is_empty() {
                    data(w, "n_aliases", &a.aliases.join("; "))?;
                }
                if !a.native_names.is_empty() {
                    data(w, "n_native", &a.native_names.join("; "))?;
                }
                data(w, "n_secondary", if a.secondary { "true" } else { "false" })?;
                if let Some([x, y]) = positions_in_world.and_then(|p| p.get(i)) {
                    data(w, "n_x", &format!("{x:.2}"))?;
                    data(w, "n_y", &format!("{y:.2}"))?;
                }
                Ok(())
            })?;
    }
    for r in &d.relations {
        let (Some(s), Some(t)) = (d.actor(r.from), d.actor(r.to)) else {
            continue;
        };
        w.create_element("edge")
            .with_attributes([
                ("id", r.id.as_str()),
                ("source", s.id.as_str()),
                ("target", t.id.as_str()),
            ])
            .write_inner_content(|w| {
                data(w, "e_label", &r.label)?;
                data(w, "e_dimension", r.dimension.as_str())?;
                data(w, "e_tone", r.tone.as_str())?;
                data(w, "e_directed", if r.directed { "true" } else { "false" })?;
                data(w, "e_weight", &format!("{}", r.weight))?;
                data(w, "e_passage_count", &r.passages.len().to_string())?;
                let lines: Vec<String> = r.passages.iter().map(|p| passage_line(d, p)).collect();
                if !lines.is_empty() {
                    data(w, "e_passages", &lines.join("\n"))?;
                }
                let evidence = if r.passages.is_empty() {
                    "none"
                } else if r
                    .passages
                    .iter()
                    .all(|p| p.status == PassageStatus::Confirmed)
                {
                    "confirmed"
                } else {
                    "has unconfirmed passages"
                };
                data(w, "e_status", evidence)?;
                data(w, "e_corroboration", &d.corroboration(r).to_string())?;
                // Each passage's grade in order ("B2; B–"), when any is graded.
                let grades: Vec<_> = r.passages.iter().map(|p| d.grade(p)).collect();
                if grades.iter().any(crate::model::Grade::is_graded) {
                    let text: Vec<String> = grades.iter().map(ToString::to_string).collect();
                    data(w, "e_grades", &text.join("; "))?;
                }
                Ok(())
            })?;
    }
    Ok(())
}
