//! Prints how readable the shipped map's placements are, scored on the lines as drawn (arcs
//! included): line crossings, lines over actors they do not join, the narrowest angle; for the
//! dataset's own positions, the plain force layout and the chosen default.
//!
//! `cargo run --release --example readability [FILE]`

use relmap::layout::{Readability, candidates};
use relmap::model;
use relmap::scene::drawn_readability;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let d = match std::env::args().nth(1) {
        Some(path) => model::load_path(std::path::Path::new(&path))?,
        None => model::builtin()?,
    };
    let given = relmap::layout::default_positions(&d, 0);
    let mut free = d.clone();
    for a in &mut free.actors {
        a.position = None;
    }
    let scores: Vec<Readability> = candidates(&free, 0)
        .iter()
        .map(|p| drawn_readability(&free, p))
        .collect();
    let chosen = relmap::scene::readable_positions(&free, 0, &mut |_| {});
    let best = drawn_readability(&free, &chosen);
    println!("{{\"file\": {:?},", d.origin.display_name());
    let line = |name: &str, s: Readability, last: bool| {
        println!(
            " \"{name}\": {{\"crossings\": {}, \"through_nodes\": {}, \"narrowest_angle\": {}}}{}",
            s.crossings,
            s.through_nodes,
            180 - s.squeeze,
            if last { "" } else { "," }
        );
    };
    line("as_given", drawn_readability(&d, &given), false);
    line("plain_force", scores[0], false);
    line("chosen", best, false);
    let all: Vec<String> = scores
        .iter()
        .map(|s| {
            format!(
                "[{}, {}, {}]",
                s.through_nodes,
                s.crossings,
                180 - s.squeeze
            )
        })
        .collect();
    println!(" \"candidates\": [{}]}}", all.join(", "));
    Ok(())
}
