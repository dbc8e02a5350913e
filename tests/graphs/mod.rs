//! Generated node-link JSON graphs, for the tests of large maps (one generator, so the open
//! and UI tests build their files the same way).

/// A node-link JSON document with actors `{prefix}0` … `{prefix}{n - 1}` and `links` between
/// them (by number).
pub fn node_link_json(
    prefix: &str,
    n: usize,
    links: impl IntoIterator<Item = (usize, usize)>,
) -> String {
    let nodes: Vec<String> = (0..n)
        .map(|i| format!("{{\"id\":\"{prefix}{i}\"}}"))
        .collect();
    let links: Vec<String> = links
        .into_iter()
        .map(|(a, b)| format!("{{\"source\":\"{prefix}{a}\",\"target\":\"{prefix}{b}\"}}"))
        .collect();
    format!(
        "{{\"nodes\":[{}],\"links\":[{}]}}",
        nodes.join(","),
        links.join(",")
    )
}
