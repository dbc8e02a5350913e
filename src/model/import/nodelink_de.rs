//! Reading node-link JSON straight into what the importer needs, one pass over the text.
//!
//! Parsed as a general JSON tree, every link became a map with its own key strings: on a
//! 400,000-link file building and freeing those maps was most of the time spent opening it.
//! Here each link keeps only the fields an import reads (`source`, `target`, `weight`, …) as
//! small values and skips the rest. Anything this reading does not expect (a `format` key, a
//! document that is not an object, invalid JSON) makes it give up, and the caller reads the
//! file as a JSON tree as before, so errors and other formats are reported exactly as they
//! were.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The parts of a node-link document the importer reads.
#[derive(Default)]
pub(in crate::model) struct NodeLinkDoc {
    /// `nodes`, as written.
    pub nodes: Value,
    /// `links`, then `edges`.
    pub links: Links,
    pub edges: Links,
    /// `graph` (its `name` titles the map), `title` and `directed`, as written.
    pub graph: Option<Value>,
    pub title: Option<Value>,
    pub directed: Option<Value>,
}

/// A `links` (or `edges`) entry of the document.
#[derive(Default)]
pub(in crate::model) enum Links {
    /// No such key.
    #[default]
    Absent,
    /// A list (of objects or not: each is checked where it is used).
    List(Vec<Link>),
    /// Something other than a list.
    NotList,
}

/// One entry of a links list.
pub(in crate::model) enum Link {
    /// An object, with the fields an import reads.
    Object(LinkFields),
    /// Anything else (a link must be an object).
    NotObject,
}

/// The fields of a link object an import reads. Most links have only their two ends, so the
/// others are kept in a short list (empty, no allocation, for most links).
#[derive(Default)]
pub(in crate::model) struct LinkFields {
    /// `source`, `None` when absent.
    pub source: Option<Value>,
    /// `target`, `None` when absent.
    pub target: Option<Value>,
    other: Vec<(Field, Value)>,
}

impl LinkFields {
    /// The value of field `key` (`weight`, `label`, …); a key written twice gives its last
    /// value, as a JSON tree would.
    pub fn get(&self, key: Field) -> Option<&Value> {
        self.other
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }
}

/// Reads `text` as a node-link document: `None` when it is not one (no `nodes`, a `format`,
/// not an object) or is not valid JSON, so the caller reads it the general way.
pub(in crate::model) fn read(text: &str) -> Option<NodeLinkDoc> {
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = de.deserialize_any(DocVisitor).ok()?;
    de.end().ok()?;
    doc
}

/// [`read`] for a document already parsed as a JSON tree.
pub(in crate::model) fn from_value(value: Value) -> Option<NodeLinkDoc> {
    value.deserialize_any(DocVisitor).ok().flatten()
}

/// The keys of a document or link that are read; `Other` keys are skipped.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(field_identifier, rename_all = "lowercase")]
pub(in crate::model) enum Field {
    Format,
    Nodes,
    Links,
    Edges,
    Graph,
    Title,
    Directed,
    Source,
    Target,
    Weight,
    Value,
    Id,
    Key,
    Label,
    Relation,
    Type,
    Dimension,
    Tone,
    Quote,
    #[serde(other)]
    Other,
}

/// The `visit_*` methods for a JSON scalar (boolean, number, string, null): each gives
/// `$value`, the visitor's answer to "something other than what was expected here".
macro_rules! scalars_are {
    ($value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

struct DocVisitor;

impl<'de> Visitor<'de> for DocVisitor {
    /// `None`: not a node-link document.
    type Value = Option<NodeLinkDoc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a node-link document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut doc = NodeLinkDoc::default();
        let mut nodes = false;
        while let Some(key) = map.next_key::<Field>()? {
            match key {
                // A relmap/1 dataset (it starts with its format): stop reading here, so the
                // caller's general reading is the only full pass over it.
                Field::Format => return Err(de::Error::custom("not node-link: it has a format")),
                Field::Nodes => {
                    nodes = true;
                    doc.nodes = map.next_value()?;
                }
                Field::Links => doc.links = map.next_value()?,
                Field::Edges => doc.edges = map.next_value()?,
                Field::Graph => doc.graph = Some(map.next_value()?),
                Field::Title => doc.title = Some(map.next_value()?),
                Field::Directed => doc.directed = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(nodes.then_some(doc))
    }

    // Not an object: not a node-link document (the general reading says what it is).
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    scalars_are!(None);
}

impl<'de> Deserialize<'de> for Links {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct LinksVisitor;
        impl<'de> Visitor<'de> for LinksVisitor {
            type Value = Links;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of links")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Links, A::Error> {
                let mut links = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(link) = seq.next_element()? {
                    links.push(link);
                }
                Ok(Links::List(links))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Links, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Links::NotList)
            }
            scalars_are!(Links::NotList);
        }
        d.deserialize_any(LinksVisitor)
    }
}

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct LinkVisitor;
        impl<'de> Visitor<'de> for LinkVisitor {
            type Value = Link;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a link")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Link, A::Error> {
                let mut l = LinkFields::default();
                while let Some(key) = map.next_key::<Field>()? {
                    match key {
                        Field::Source => l.source = Some(map.next_value()?),
                        Field::Target => l.target = Some(map.next_value()?),
                        Field::Weight
                        | Field::Value
                        | Field::Id
                        | Field::Key
                        | Field::Label
                        | Field::Relation
                        | Field::Type
                        | Field::Dimension
                        | Field::Tone
                        | Field::Quote => l.other.push((key, map.next_value()?)),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Link::Object(l))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Link, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Link::NotObject)
            }
            scalars_are!(Link::NotObject);
        }
        d.deserialize_any(LinkVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [(&str, Field); 10] = [
        ("weight", Field::Weight),
        ("value", Field::Value),
        ("id", Field::Id),
        ("key", Field::Key),
        ("label", Field::Label),
        ("relation", Field::Relation),
        ("type", Field::Type),
        ("dimension", Field::Dimension),
        ("tone", Field::Tone),
        ("quote", Field::Quote),
    ];

    /// What the one-pass reading kept of `links` equals what a JSON tree holds.
    fn same_links(read: &Links, tree: Option<&Value>) {
        match (read, tree) {
            (Links::Absent, None) => {}
            (Links::NotList, Some(v)) => assert!(!v.is_array(), "{v}"),
            (Links::List(links), Some(Value::Array(items))) => {
                assert_eq!(links.len(), items.len());
                for (link, item) in links.iter().zip(items) {
                    match (link, item) {
                        (Link::Object(o), Value::Object(m)) => {
                            assert_eq!(o.source.as_ref(), m.get("source"));
                            assert_eq!(o.target.as_ref(), m.get("target"));
                            for (name, field) in FIELDS {
                                assert_eq!(o.get(field), m.get(name), "{name} of {item}");
                            }
                        }
                        (Link::NotObject, v) => assert!(!v.is_object(), "{v}"),
                        (_, v) => panic!("an object read as not one: {v}"),
                    }
                }
            }
            (_, tree) => panic!("links read wrongly: {tree:?}"),
        }
    }

    #[test]
    fn reads_what_a_json_tree_holds() {
        let docs = [
            r#"{"nodes":[{"id":"a"},{"id":"b"}],"links":[{"source":"a","target":"b"}]}"#,
            // Every field read, unknown ones skipped, a key written twice (the last counts).
            r#"{"directed":true,"graph":{"name":"G"},"title":"T","nodes":[1,2],
               "links":[{"source":1,"target":2,"weight":2.5,"value":3,"id":"r1","key":0,
                 "label":"x","relation":"y","type":"z","dimension":"trade","tone":"tension",
                 "quote":"q","extra":{"deep":[1,2,{"a":null}]},"weight":4}]}"#,
            // d3 after a simulation: ends are node objects; "edges" instead of "links".
            r#"{"nodes":[{"id":"a","x":1,"y":2}],"edges":[{"source":{"id":"a","index":0},
               "target":{"index":0}}]}"#,
            // Odd links: not objects, missing ends, null ends, an escaped key.
            r#"{"nodes":[],"links":[1,"s",null,[1,2],true,{},{"source":null},
               {"sour\u0063e":"a","target":"b"}]}"#,
            // Links that are not a list, and both lists at once.
            r#"{"nodes":[],"links":null,"edges":[]}"#,
            r#"{"nodes":[],"links":{"source":"a"}}"#,
            r#"{"nodes":[],"links":[],"edges":[{"source":1,"target":2}]}"#,
            r#"{"links":[], "nodes":{"not":"a list"}}"#,
            r#"{"nodes":[],"nodes":[1],"links":[]}"#,
        ];
        for text in docs {
            let tree: Value = serde_json::from_str(text).expect("valid JSON");
            let doc = read(text).unwrap_or_else(|| panic!("node-link: {text}"));
            assert_eq!(doc.nodes, tree["nodes"], "{text}");
            same_links(&doc.links, tree.get("links"));
            same_links(&doc.edges, tree.get("edges"));
            assert_eq!(doc.graph.as_ref(), tree.get("graph"));
            assert_eq!(doc.title.as_ref(), tree.get("title"));
            assert_eq!(doc.directed.as_ref(), tree.get("directed"));
            let again = from_value(tree).expect("the same from a tree");
            assert_eq!(again.nodes, doc.nodes);
        }
    }

    #[test]
    fn leaves_other_documents_to_the_general_reading() {
        for text in [
            r#"{"format":"relmap/1","nodes":[]}"#,
            r#"{"nodes":[],"format":null}"#,
            r#"{"links":[]}"#,
            r#"[{"nodes":[]}]"#,
            r#""nodes""#,
            "42",
            "null",
            r#"{"nodes":[],"links":[}"#,
            r#"{"nodes":[]} trailing"#,
            "",
        ] {
            assert!(read(text).is_none(), "{text}");
        }
    }
}
