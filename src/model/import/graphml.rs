//! GraphML as networkx, igraph, Gephi, Cytoscape and yEd write it: `<key>` declarations with
//! defaults, `<data>` values, direction per graph (`edgedefault`) and per edge (`directed`),
//! yEd's node and edge labels and geometry read from its graphics data.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::xml::{Field, Lines, children, descendants, edge_location, line_of, number, text_of};
use super::{Builder, Edge, normalise, passage_quotes, title_from, truthy};
use crate::model::error::LoadError;
use crate::model::{Dataset, Origin};

const GRAPHML_NS: &str = "graphml.graphdrawing.org";

/// A `<key>`: which relmap field its data feeds and its default.
struct Key {
    /// "node", "edge", "graph" or "all".
    domain: String,
    /// The attribute name, lower-case.
    name: String,
    default: Option<String>,
    /// yEd's `yfiles.type`: "nodegraphics" or "edgegraphics" hold labels and geometry.
    graphics: Option<String>,
}

impl Key {
    fn applies_to(&self, domain: &str) -> bool {
        self.domain == domain || self.domain == "all"
    }
}

/// A GraphML element (not a yFiles or other extension element of the same local name).
fn is_graphml(node: Node<'_, '_>) -> bool {
    node.tag_name()
        .namespace()
        .is_none_or(|ns| ns.contains(GRAPHML_NS))
}

/// The values a node's or edge's data give, keyed by field, after the keys' defaults.
#[derive(Default)]
struct Values {
    by_field: HashMap<&'static str, String>,
    /// yEd: the label drawn on the node or edge.
    graphics_label: Option<String>,
    /// yEd: the node's centre.
    graphics_center: Option<[f64; 2]>,
    /// yEd: both arrow ends are "none".
    graphics_undirected: bool,
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Label => "label",
        Field::Kind => "kind",
        Field::Aliases => "aliases",
        Field::NativeNames => "native_names",
        Field::Secondary => "secondary",
        Field::X => "x",
        Field::Y => "y",
        Field::Dimension => "dimension",
        Field::Tone => "tone",
        Field::Weight => "weight",
        Field::Directed => "directed",
        Field::Quote => "quote",
        Field::Passages => "passages",
    }
}

/// Reads the defaults, then each `<data>` child of `element`, for `domain` "node" or "edge".
fn values(keys: &HashMap<&str, Key>, element: Node<'_, '_>, domain: &str) -> Values {
    let field_of = |k: &Key| {
        if domain == "node" {
            Field::for_node(&k.name)
        } else {
            Field::for_edge(&k.name)
        }
    };
    let mut v = Values::default();
    for key in keys.values().filter(|k| k.applies_to(domain)) {
        if let (Some(f), Some(d)) = (field_of(key), &key.default) {
            v.by_field.insert(field_name(f), d.clone());
        }
    }
    for data in children(element, "data") {
        let Some(key) = data.attribute("key").and_then(|k| keys.get(k)) else {
            continue;
        };
        if key.graphics.is_some() {
            read_graphics(data, &mut v);
        } else if let (Some(f), Some(text)) = (field_of(key), text_of(data)) {
            v.by_field.insert(field_name(f), text);
        }
    }
    v
}

/// yEd's realizers: the first non-empty label, the geometry's centre, the arrows.
fn read_graphics(data: Node<'_, '_>, v: &mut Values) {
    v.graphics_label = descendants(data, "NodeLabel")
        .chain(descendants(data, "EdgeLabel"))
        .find_map(text_of)
        .or(v.graphics_label.take());
    if let Some(g) = descendants(data, "Geometry").next()
        && let (Some(x), Some(y)) = (number(g, "x"), number(g, "y"))
    {
        let (w, h) = (
            number(g, "width").unwrap_or(0.0),
            number(g, "height").unwrap_or(0.0),
        );
        v.graphics_center = Some([x + w / 2.0, y + h / 2.0]);
    }
    if let Some(a) = descendants(data, "Arrows").next() {
        v.graphics_undirected =
            a.attribute("source") == Some("none") && a.attribute("target") == Some("none");
    }
}

fn schema(file: &str, path: &str, message: &str) -> LoadError {
    LoadError::Schema {
        file: file.to_owned(),
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

/// Reads a GraphML document (root `<graphml>`) into a dataset without an article.
pub(super) fn parse(doc: &Document<'_>, file: &str, origin: Origin) -> Result<Dataset, LoadError> {
    let root = doc.root_element();
    let keys: HashMap<&str, Key> = children(root, "key")
        .filter_map(|k| {
            let id = k.attribute("id")?;
            Some((
                id,
                Key {
                    domain: k.attribute("for").unwrap_or("all").to_ascii_lowercase(),
                    name: k.attribute("attr.name").unwrap_or(id).to_ascii_lowercase(),
                    default: children(k, "default").next().and_then(text_of),
                    graphics: k.attribute("yfiles.type").map(str::to_owned),
                },
            ))
        })
        .collect();
    let graph = children(root, "graph").next().ok_or_else(|| {
        schema(
            file,
            "graphml",
            "has no <graph> element: the file holds no network",
        )
    })?;
    let title = children(graph, "data")
        .filter(|d| {
            d.attribute("key")
                .and_then(|k| keys.get(k))
                .is_some_and(|k| matches!(k.name.as_str(), "name" | "title" | "label"))
        })
        .find_map(text_of)
        .unwrap_or_else(|| title_from(file));

    let mut b = Builder::new(title);
    let lines = Lines::new(doc.input_text());
    read_nodes(doc, &lines, &keys, &mut b);
    read_edges(doc, &lines, &keys, &mut b);
    b.finish(origin).map_err(|problems| LoadError::Invalid {
        file: file.to_owned(),
        problems,
    })
}

/// Every `<node>`, nested graphs (yEd groups) included; positions when every node has one.
fn read_nodes(doc: &Document<'_>, lines: &Lines, keys: &HashMap<&str, Key>, b: &mut Builder) {
    let mut positions = Vec::new();
    let mut count = 0;
    for node in descendants(doc.root_element(), "node").filter(|n| is_graphml(*n)) {
        count += 1;
        let line = line_of(lines, node);
        let Some((id, location)) = b.node_id(node.attribute("id"), line) else {
            continue;
        };
        let mut v = values(keys, node, "node");
        let name = v.by_field.remove("label").or(v.graphics_label.take());
        let before = b.actor_count();
        b.add_actor(
            &location,
            id.to_owned(),
            name,
            v.by_field.get("kind").map(String::as_str),
        );
        if b.actor_count() == before {
            continue;
        }
        let xy = |k: &str| v.by_field.get(k).and_then(|s| s.trim().parse::<f64>().ok());
        match (xy("x"), xy("y"), v.graphics_center) {
            (Some(x), Some(y), _) if x.is_finite() && y.is_finite() => positions.push([x, y]),
            (_, _, Some(c)) => positions.push(c),
            _ => {}
        }
        b.set_extras(
            before,
            v.by_field.get("aliases"),
            v.by_field.get("native_names"),
            v.by_field.get("secondary"),
        );
    }
    if positions.len() == count && count > 0 {
        b.set_positions(normalise(&positions));
    }
}

/// Every `<edge>`; direction from the edge, else its graph's `edgedefault`, else undirected.
fn read_edges(doc: &Document<'_>, lines: &Lines, keys: &HashMap<&str, Key>, b: &mut Builder) {
    let edges: Vec<Node<'_, '_>> = descendants(doc.root_element(), "edge")
        .filter(|n| is_graphml(*n))
        .collect();
    // networkx writes a multigraph's edge keys as ids (0, 1, …), repeated across pairs: an id
    // is kept only when the file uses it once.
    let mut id_uses: HashMap<&str, usize> = HashMap::new();
    for e in &edges {
        if let Some(id) = e.attribute("id") {
            *id_uses.entry(id).or_default() += 1;
        }
    }
    for edge in edges {
        let line = line_of(lines, edge);
        let location = edge_location(edge, line);
        let source = b.endpoint(&location, "source", edge.attribute("source"));
        let target = b.endpoint(&location, "target", edge.attribute("target"));
        let (Some(source), Some(target)) = (source, target) else {
            continue;
        };
        let mut v = values(keys, edge, "edge");
        let weight = v
            .by_field
            .get("weight")
            .and_then(|w| b.weight(format!("{location}.weight"), w));
        let graph_directed = edge
            .ancestors()
            .find(|a| a.is_element() && a.tag_name().name() == "graph")
            .and_then(|g| g.attribute("edgedefault"))
            .is_some_and(|d| d.eq_ignore_ascii_case("directed"));
        let directed = if let Some(d) = v.by_field.get("directed") {
            truthy(d)
        } else if let Some(d) = edge.attribute("directed") {
            truthy(d)
        } else {
            graph_directed && !v.graphics_undirected
        };
        let unique = edge
            .attribute("id")
            .filter(|id| id_uses.get(id) == Some(&1));
        let id = b.fresh_relation_id(unique, source, target);
        b.add_edge(
            &location,
            Edge {
                id: Some(id),
                source,
                target,
                label: v.by_field.remove("label").or(v.graphics_label.take()),
                dimension: v.by_field.remove("dimension"),
                tone: v.by_field.remove("tone"),
                weight,
                quotes: v
                    .by_field
                    .remove("quote")
                    .into_iter()
                    .chain(
                        v.by_field
                            .remove("passages")
                            .map(|p| passage_quotes(&p))
                            .into_iter()
                            .flatten(),
                    )
                    .collect(),
                directed,
            },
        );
    }
}
