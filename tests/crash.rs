//! A panic is written to a crash report (with backtrace) and announced once on the next start.
//! Its own test binary: the panic hook is process-wide.

#[test]
fn a_panic_leaves_a_crash_report_that_is_announced_once() {
    let dir = tempfile::tempdir().expect("tmp");
    relmap::logging::install_crash_reporter(dir.path().to_path_buf());
    let result = std::panic::catch_unwind(|| panic!("canvas exploded"));
    assert!(result.is_err());
    let reports = relmap::logging::take_new_crash_reports(dir.path());
    assert_eq!(reports.len(), 1);
    let text = std::fs::read_to_string(&reports[0]).expect("report");
    assert!(text.contains("canvas exploded"), "{text}");
    assert!(text.contains("Backtrace:"));
    assert!(
        relmap::logging::take_new_crash_reports(dir.path()).is_empty(),
        "announced once"
    );
}
