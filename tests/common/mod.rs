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

/// Runs the `warta` binary with `args`, feeding `stdin` from another thread (the command may
/// stop reading early, as `--strict` does), and returns what it printed.
#[cfg(feature = "cli")]
pub fn run_warta(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run warta");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().expect("warta runs");
    writer.join().expect("the writer thread never panics");
    out
}
