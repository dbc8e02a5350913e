//! What the GraphML and GEXF readers share: finding elements by local name (so GEXF 1.2 and
//! 1.3 namespaces, and files that forget the namespace, read alike), their text and numbers,
//! line numbers for messages, and the fields attribute names feed.

use roxmltree::Node;

/// `node`'s children with local name `name`.
pub(super) fn children<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// `node`'s descendants with local name `name`, in document order.
pub(super) fn descendants<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.descendants()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The element's text content (all text below it), trimmed; `None` when empty.
pub(super) fn text_of(node: Node<'_, '_>) -> Option<String> {
    let text: String = node
        .descendants()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// "line 12" for an element, so problems point into the file.
pub(super) fn line_of(lines: &Lines, node: Node<'_, '_>) -> usize {
    lines.line_at(node.range().start)
}

/// Where each line of a text starts, so an element's line is found by binary search: asking
/// roxmltree for it scans the text from its start, once per element, which made reading a
/// 50,000-node file quadratic.
pub(super) struct Lines {
    /// Byte offsets just past each newline.
    starts: Vec<usize>,
}

impl Lines {
    /// The line starts of `text` (one pass).
    pub(super) fn new(text: &str) -> Self {
        Self {
            starts: text
                .bytes()
                .enumerate()
                .filter(|&(_, c)| c == b'\n')
                .map(|(i, _)| i + 1)
                .collect(),
        }
    }

    /// The 1-based line of byte offset `at`.
    pub(super) fn line_at(&self, at: usize) -> usize {
        1 + self.starts.partition_point(|&start| start <= at)
    }
}

/// How problems name an edge: by its id when it has one, and its line.
pub(super) fn edge_location(edge: Node<'_, '_>, line: usize) -> String {
    edge.attribute("id").map_or_else(
        || format!("edge on line {line}"),
        |id| format!("edge {id:?} (line {line})"),
    )
}

/// A number attribute, if present and finite.
pub(super) fn number(node: Node<'_, '_>, attr: &str) -> Option<f64> {
    node.attribute(attr)
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
}

/// Which relmap field a GraphML key or GEXF attribute title feeds, by its (lower-case) name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Field {
    /// Node: display name. Edge: relation label.
    Label,
    /// Node: actor kind.
    Kind,
    /// Node: other names, "; "-separated.
    Aliases,
    /// Node: names in the actor's own scripts.
    NativeNames,
    /// Node: hidden until asked for.
    Secondary,
    /// Node: x coordinate.
    X,
    /// Node: y coordinate.
    Y,
    /// Edge: policy field.
    Dimension,
    /// Edge: tone.
    Tone,
    /// Edge: strength.
    Weight,
    /// Edge: directedness as data (relmap's export writes it so networkx keeps mixed graphs).
    Directed,
    /// Edge: a quote to keep as (unanchored) evidence.
    Quote,
    /// Edge: relmap's exported passages, one per line.
    Passages,
}

impl Field {
    /// The field a node attribute name feeds, if any.
    pub(super) fn for_node(name: &str) -> Option<Self> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "label" | "name" | "title" => Self::Label,
            "kind" | "type" | "category" => Self::Kind,
            "aliases" | "alias" => Self::Aliases,
            "native_names" | "native names" => Self::NativeNames,
            "secondary" => Self::Secondary,
            "x" => Self::X,
            "y" => Self::Y,
            _ => return None,
        })
    }

    /// The field an edge attribute name feeds, if any.
    pub(super) fn for_edge(name: &str) -> Option<Self> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "label" | "relation" | "type" | "name" | "interaction" => Self::Label,
            "dimension" | "category" | "field" => Self::Dimension,
            "tone" | "sign" => Self::Tone,
            "weight" | "value" | "strength" => Self::Weight,
            "directed" => Self::Directed,
            "quote" | "evidence" => Self::Quote,
            "passages" => Self::Passages,
            _ => return None,
        })
    }
}
