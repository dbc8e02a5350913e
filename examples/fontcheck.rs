//! Prints which installed fonts a map needs beyond the bundled ones, and how long finding them
//! took: `cargo run --release --example fontcheck [FILE]`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let d = match std::env::args().nth(1) {
        Some(path) => relmap::model::load_path(std::path::Path::new(&path))?,
        None => relmap::model::builtin()?,
    };
    let start = std::time::Instant::now();
    let chars = relmap::fonts::dataset_chars(&d);
    let (fallbacks, missing) = relmap::fonts::fallbacks_for(&chars);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{{\"file\": {:?}, \"characters\": {}, \"ms\": {ms:.1},",
        d.origin.display_name(),
        chars.len()
    );
    let names: Vec<String> = fallbacks
        .iter()
        .map(|f| format!("{:?}", f.family))
        .collect();
    println!(
        " \"installed_fonts\": [{}], \"missing\": {}}}",
        names.join(", "),
        missing.len()
    );
    Ok(())
}
