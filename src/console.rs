//! Windows: the windowed exe answering in the terminal it was started from.
//!
//! relmap.exe uses the Windows subsystem, so a double-click opens no console window; but then
//! `relmap check` typed in cmd.exe or PowerShell would print nothing. Attaching to the parent's
//! console makes stdout and stderr reach it. Output redirected to a file or a pipe already
//! has its handles and is left alone.

/// Attaches to the console of the process that started relmap, if it has one; does nothing
/// otherwise (started from Explorer, or already attached).
#[cfg(windows)]
#[expect(
    unsafe_code,
    reason = "one Win32 call taking a constant and no pointers; its failure is harmless"
)]
pub fn attach_parent() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and touches no memory of ours; when
    // it fails (no parent console) the process simply stays without one.
    let _ = unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
}
