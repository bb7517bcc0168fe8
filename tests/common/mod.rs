//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data folder from `WARTA_DATA`, or `None` (with a notice) when it is unset.
/// When it is set, a missing file is a failure, not a skip.
pub fn data_file(relative: &str) -> Option<PathBuf> {
    let Some(dir) = std::env::var_os("WARTA_DATA") else {
        eprintln!("WARTA_DATA is not set: skipping the test that needs {relative}");
        return None;
    };
    let path = PathBuf::from(dir).join(relative);
    assert!(
        path.is_file(),
        "WARTA_DATA is set but {} is missing",
        path.display()
    );
    Some(path)
}

pub mod events_dev;

/// The seed article bundled with the examples.
pub fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/putin-kim-fin-2024-06-19.txt"
    ))
    .expect("bundled seed article")
}
