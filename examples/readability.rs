//! Prints how readable the shipped map's placements are: line crossings and lines through
//! actors they do not join, for the dataset's own positions and for the chosen default.
//!
//! `cargo run --release --example readability [FILE]`

use relmap::layout::{choose, readability};
use relmap::model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let d = match std::env::args().nth(1) {
        Some(path) => model::load_path(std::path::Path::new(&path))?,
        None => model::builtin()?,
    };
    let shown: Vec<bool> = d.actors.iter().map(|a| !a.secondary).collect();
    let given = relmap::layout::default_positions(&d, 0);
    let mut free = d.clone();
    for a in &mut free.actors {
        a.position = None;
    }
    let (_, plain, best) = choose(&free, 0);
    println!("{{\"file\": {:?},", d.origin.display_name());
    let line = |name: &str, s: relmap::layout::Readability, last: bool| {
        println!(
            " \"{name}\": {{\"crossings\": {}, \"through_nodes\": {}, \"narrowest_angle\": {}}}{}",
            s.crossings,
            s.through_nodes,
            180 - s.squeeze,
            if last { "}" } else { "," }
        );
    };
    line("as_given", readability(&d, &given, &shown), false);
    line("plain_force", plain, false);
    line("chosen", best, true);
    Ok(())
}
