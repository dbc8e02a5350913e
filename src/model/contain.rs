//! Containing a panic in a third-party reader: a damaged file is an error to show, not a crash.

use std::cell::Cell;

thread_local! {
    static CONTAINING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic inside it into `Err` with the panic's message. While it runs,
/// [`is_containing`] is true on this thread, so the app's crash reporter stays quiet.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let before = CONTAINING.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINING.with(|c| c.set(before));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown failure".to_owned())
    })
}

/// True while [`contain`] runs on this thread: a panic now will be handled, not a crash.
pub fn is_containing() -> bool {
    CONTAINING.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_flag_is_restored() {
        assert!(!is_containing());
        let caught = contain(|| -> u32 {
            assert!(is_containing());
            panic!("reader fell over at byte {}", 7)
        });
        assert_eq!(caught, Err("reader fell over at byte 7".to_owned()));
        assert!(!is_containing());
        assert_eq!(contain(|| 5), Ok(5));
    }
}
