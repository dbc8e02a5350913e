//! Embeds the app icon into the Windows executable so Explorer and the taskbar show it.

fn main() {
    println!("cargo:rerun-if-changed=assets/icons/relmap.ico");
    // The target, not the host: a Windows exe cross-built on Linux gets its icon too
    // (through mingw's windres).
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("assets/icons/relmap.ico");
        if let Err(e) = resource.compile() {
            println!("cargo:warning=the app icon was not embedded: {e}");
        }
    }
}
