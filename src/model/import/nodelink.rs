//! Node-link JSON as networkx (`node_link_data`) and d3 write it.

use serde_json::Value;

use super::nodelink_de::{Field, Link, Links, NodeLinkDoc};
use super::{Builder, Edge, normalise, title_from};
use crate::model::error::{LoadError, ProblemKind};
use crate::model::{Dataset, Origin};

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A node id as a string key: scalars as written, lists and objects (networkx tuple ids such
/// as `[0, 1]` from `grid_2d_graph`) as compact JSON, so links naming them match by value.
fn key(v: Option<&Value>) -> Option<String> {
    match v? {
        v @ (Value::Array(_) | Value::Object(_)) => Some(v.to_string()),
        other => text(Some(other)),
    }
}

/// A readable name for a list id: `(0, 1)`, as Python prints the tuple.
fn tuple_name(v: Option<&Value>) -> Option<String> {
    let Some(Value::Array(items)) = v else {
        return None;
    };
    let parts: Vec<String> = items
        .iter()
        .map(|i| text(Some(i)).unwrap_or_else(|| i.to_string()))
        .collect();
    Some(format!("({})", parts.join(", ")))
}

fn schema(file: &str, path: String, message: &str) -> LoadError {
    LoadError::Schema {
        file: file.to_owned(),
        path,
        message: message.to_owned(),
    }
}

/// Reads `{"nodes": [...], "links"|"edges": [...]}`. Links name nodes by id, or by index when
/// no node has that id (d3's default); `name`/`label`/`id` label nodes; `value`/`weight` is
/// the strength.
pub(in crate::model) fn parse_nodelink(
    doc: NodeLinkDoc,
    file: &str,
    origin: Origin,
) -> Result<Dataset, LoadError> {
    let nodes = doc
        .nodes
        .as_array()
        .ok_or_else(|| schema(file, "nodes".into(), "must be a list of nodes"))?;
    let (links_key, links) = match (doc.links, doc.edges) {
        (Links::Absent, Links::Absent) => {
            return Err(schema(
                file,
                "links".into(),
                "missing: node-link JSON lists its edges under \"links\" (or \"edges\")",
            ));
        }
        (Links::Absent, edges) => ("edges", edges),
        (links, _) => ("links", links),
    };
    let Links::List(links) = links else {
        return Err(schema(file, links_key.into(), "must be a list of links"));
    };
    let title = text(doc.graph.as_ref().and_then(|g| g.get("name")))
        .or_else(|| text(doc.title.as_ref()))
        .unwrap_or_else(|| title_from(file));
    let directed = doc
        .directed
        .as_ref()
        .and_then(Value::as_bool)
        .unwrap_or(false);

    let mut b = Builder::new(title);
    let mut positions = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let location = format!("nodes[{i}]");
        let (id, name, kind) = read_node(node, i, file, &mut positions)?;
        if id.trim().is_empty() {
            b.problem(location, ProblemKind::EmptyField { field: "id" });
            continue;
        }
        b.add_actor(&location, id, name, kind);
    }
    // Positions are used only when every node has one (d3 output after a simulation).
    if positions.len() == nodes.len() && !positions.is_empty() {
        b.set_positions(normalise(&positions));
    }

    for (i, link) in links.into_iter().enumerate() {
        let location = format!("{links_key}[{i}]");
        let Link::Object(o) = link else {
            return Err(schema(
                file,
                location,
                "a link must be an object with \"source\" and \"target\"",
            ));
        };
        let source = endpoint(&mut b, o.source.as_ref(), "source", &location);
        let target = endpoint(&mut b, o.target.as_ref(), "target", &location);
        let (Some(source), Some(target)) = (source, target) else {
            continue;
        };
        let weight = o
            .get(Field::Weight)
            .or_else(|| o.get(Field::Value))
            .and_then(Value::as_f64);
        b.add_edge(
            &location,
            Edge {
                id: text(o.get(Field::Id))
                    .or_else(|| text(o.get(Field::Key)).map(|k| format!("{location}:{k}"))),
                source,
                target,
                label: text(o.get(Field::Label))
                    .or_else(|| text(o.get(Field::Relation)))
                    .or_else(|| text(o.get(Field::Type))),
                dimension: text(o.get(Field::Dimension)),
                tone: text(o.get(Field::Tone)),
                weight,
                quotes: text(o.get(Field::Quote)).into_iter().collect(),
                directed,
            },
        );
    }
    b.finish(origin).map_err(|problems| LoadError::Invalid {
        file: file.to_owned(),
        problems,
    })
}

/// One node's id, label and kind; records its position when it has one.
fn read_node<'v>(
    node: &'v Value,
    i: usize,
    file: &str,
    positions: &mut Vec<[f64; 2]>,
) -> Result<(String, Option<String>, Option<&'v str>), LoadError> {
    let location = format!("nodes[{i}]");
    let read = match node {
        Value::Object(o) => {
            let id = key(o.get("id"))
                .or_else(|| text(o.get("name")))
                .unwrap_or_else(|| i.to_string());
            let name = text(o.get("label"))
                .or_else(|| text(o.get("name")))
                .or_else(|| text(o.get("title")))
                .or_else(|| tuple_name(o.get("id")));
            let kind = o
                .get("kind")
                .or_else(|| o.get("type"))
                .and_then(Value::as_str);
            match (
                o.get("x").and_then(Value::as_f64),
                o.get("y").and_then(Value::as_f64),
            ) {
                (Some(x), Some(y)) if x.is_finite() && y.is_finite() => positions.push([x, y]),
                _ => {}
            }
            (id, name, kind)
        }
        Value::String(_) | Value::Number(_) => (text(Some(node)).unwrap_or_default(), None, None),
        Value::Array(_) => (node.to_string(), tuple_name(Some(node)), None),
        _ => {
            return Err(schema(
                file,
                location,
                "a node must be an object with an \"id\" (or a plain id)",
            ));
        }
    };
    Ok(read)
}

/// The actor a link's `source` or `target` (`v`) names: by id, by d3 node object, or by index.
fn endpoint(
    b: &mut Builder,
    v: Option<&Value>,
    field: &'static str,
    location: &str,
) -> Option<usize> {
    // d3 replaces ids by node objects once a simulation has run.
    let v = v.and_then(|v| v.get("id").or(v.get("index"))).or(v);
    let found = match v {
        Some(Value::String(s)) => b.actor_index(s),
        Some(Value::Number(n)) => b.actor_index(&n.to_string()).or_else(|| {
            n.as_u64()
                .and_then(|k| usize::try_from(k).ok())
                .filter(|k| *k < b.actor_count())
        }),
        Some(v @ (Value::Array(_) | Value::Object(_))) => b.actor_index(&v.to_string()),
        _ => None,
    };
    if found.is_none() {
        b.problem(
            format!("{location}.{field}"),
            ProblemKind::UnknownActor {
                field,
                id: v.map_or_else(
                    || "(missing)".to_owned(),
                    |v| text(Some(v)).unwrap_or_else(|| v.to_string()),
                ),
            },
        );
    }
    found
}
