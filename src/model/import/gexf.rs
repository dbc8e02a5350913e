//! GEXF 1.2 and 1.3 as Gephi and networkx write it: `label` and `weight` on elements, typed
//! `<attributes>` with defaults and `<attvalues>`, `viz:position` as the starting layout.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::xml::{Field, Lines, children, descendants, edge_location, line_of, number, text_of};
use super::{Builder, Edge, normalise, passage_quotes, title_from, truthy};
use crate::model::error::LoadError;
use crate::model::{Dataset, Origin};

/// Declared attributes of one class ("node" or "edge"): id → (field, default).
type Attributes = HashMap<String, (Option<Field>, Option<String>)>;

fn attributes(graph: Node<'_, '_>, class: &str) -> Attributes {
    let mut out = Attributes::new();
    for block in children(graph, "attributes").filter(|a| a.attribute("class") == Some(class)) {
        for a in children(block, "attribute") {
            let Some(id) = a.attribute("id") else {
                continue;
            };
            let title = a.attribute("title").unwrap_or(id);
            let field = if class == "node" {
                Field::for_node(title)
            } else {
                Field::for_edge(title)
            };
            let default = children(a, "default").next().and_then(text_of);
            out.insert(id.to_owned(), (field, default));
        }
    }
    out
}

/// Field values from the declared defaults, then from `<attvalues>`.
fn values(element: Node<'_, '_>, attrs: &Attributes) -> HashMap<Field, String> {
    let mut out = HashMap::new();
    for (field, default) in attrs.values() {
        if let (Some(f), Some(d)) = (field, default) {
            out.insert(*f, d.clone());
        }
    }
    for v in children(element, "attvalues").flat_map(|a| children(a, "attvalue")) {
        let (Some(id), Some(value)) = (
            v.attribute("for").or(v.attribute("id")),
            v.attribute("value"),
        ) else {
            continue;
        };
        if let Some((Some(f), _)) = attrs.get(id) {
            out.insert(*f, value.to_owned());
        }
    }
    out
}

/// Reads a GEXF document (root `<gexf>`) into a dataset without an article.
pub(super) fn parse(doc: &Document<'_>, file: &str, origin: Origin) -> Result<Dataset, LoadError> {
    let root = doc.root_element();
    let graph = children(root, "graph")
        .next()
        .ok_or_else(|| LoadError::Schema {
            file: file.to_owned(),
            path: "gexf".to_owned(),
            message: "has no <graph> element: the file holds no network".to_owned(),
        })?;
    let title = children(root, "meta")
        .flat_map(|m| children(m, "title"))
        .find_map(text_of)
        .or_else(|| graph.attribute("name").map(str::to_owned))
        .unwrap_or_else(|| title_from(file));
    let mut b = Builder::new(title);
    let lines = Lines::new(doc.input_text());
    read_nodes(&lines, graph, &mut b);
    read_edges(&lines, graph, &mut b);
    b.finish(origin).map_err(|problems| LoadError::Invalid {
        file: file.to_owned(),
        problems,
    })
}

fn read_nodes(lines: &Lines, graph: Node<'_, '_>, b: &mut Builder) {
    let attrs = attributes(graph, "node");
    let mut positions = Vec::new();
    let mut count = 0;
    for node in descendants(graph, "node") {
        count += 1;
        let line = line_of(lines, node);
        let Some((id, location)) = b.node_id(node.attribute("id"), line) else {
            continue;
        };
        let mut v = values(node, &attrs);
        let name = node
            .attribute("label")
            .map(str::to_owned)
            .or_else(|| v.remove(&Field::Label));
        let before = b.actor_count();
        b.add_actor(
            &location,
            id.to_owned(),
            name,
            v.get(&Field::Kind).map(String::as_str),
        );
        if b.actor_count() == before {
            continue;
        }
        // Gephi's y axis points up; relmap's, like the screen's, points down.
        if let Some(p) = descendants(node, "position").next()
            && let (Some(x), Some(y)) = (number(p, "x"), number(p, "y"))
        {
            positions.push([x, -y]);
        }
        b.set_extras(
            before,
            v.get(&Field::Aliases),
            v.get(&Field::NativeNames),
            v.get(&Field::Secondary),
        );
    }
    if positions.len() == count && count > 0 {
        b.set_positions(normalise(&positions));
    }
}

fn read_edges(lines: &Lines, graph: Node<'_, '_>, b: &mut Builder) {
    let attrs = attributes(graph, "edge");
    let default_directed = graph
        .attribute("defaultedgetype")
        .is_some_and(|t| t.eq_ignore_ascii_case("directed"));
    for edge in descendants(graph, "edge") {
        let line = line_of(lines, edge);
        let location = edge_location(edge, line);
        let source = b.endpoint(&location, "source", edge.attribute("source"));
        let target = b.endpoint(&location, "target", edge.attribute("target"));
        let (Some(source), Some(target)) = (source, target) else {
            continue;
        };
        let mut v = values(edge, &attrs);
        let weight_text = edge
            .attribute("weight")
            .map(str::to_owned)
            .or_else(|| v.remove(&Field::Weight));
        let weight = weight_text.and_then(|w| b.weight(format!("{location}.weight"), &w));
        let directed = match (v.get(&Field::Directed), edge.attribute("type")) {
            (Some(d), _) => truthy(d),
            (None, Some(t)) => t.eq_ignore_ascii_case("directed"),
            (None, None) => default_directed,
        };
        let id = b.fresh_relation_id(edge.attribute("id"), source, target);
        b.add_edge(
            &location,
            Edge {
                id: Some(id),
                source,
                target,
                label: edge
                    .attribute("label")
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_owned)
                    .or_else(|| v.remove(&Field::Label))
                    .or_else(|| edge.attribute("kind").map(str::to_owned)),
                dimension: v.remove(&Field::Dimension),
                tone: v.remove(&Field::Tone),
                weight,
                quotes: v
                    .remove(&Field::Quote)
                    .into_iter()
                    .chain(
                        v.remove(&Field::Passages)
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
