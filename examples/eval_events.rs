//! Scores the events of the development gold set (`tests/data/events-dev.jsonl`) on the IndoSum
//! articles it refers to, and prints the figures and every error.
//!
//! `cargo run --release --example eval_events [PATH/TO/articles.jsonl]` (default:
//! `$WARTA_DATA/indosum/articles.jsonl`, else `../shared/data/indosum/articles.jsonl`).

#[path = "common/mod.rs"]
mod common;
#[path = "../tests/common/events_dev.rs"]
mod events_dev;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| common::data_file("indosum/articles.jsonl").into());
    if !path.is_file() {
        println!(
            "{} not found: the evaluation needs the IndoSum articles",
            path.display()
        );
        return;
    }
    let s = events_dev::score(&path);
    for e in &s.errors {
        println!("{e}");
    }
    println!("{s}");
}
