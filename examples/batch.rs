//! Extracts a JSONL corpus in parallel and summarises who met whom most often.
//!
//! ```text
//! cargo run --release --example batch -- ../shared/data/indosum/articles.jsonl
//! ```
//! Each line is a JSON object with `text` (and optionally `id`); without a file the bundled seed
//! article is used. `Extractor::extract_batch` runs on all cores when the `rayon` feature is on:
//! `cargo run --release --features rayon --example batch -- FILE`.

use std::collections::BTreeMap;
use std::time::Instant;
use warta::{EventType, Extractor, Modality};

fn main() {
    let texts: Vec<String> = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
        None => vec![include_str!("data/putin-kim-fin-2024-06-19.txt").to_string()],
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = Extractor::new();
    warta::warm_up();
    let start = Instant::now();
    let docs = extractor.extract_batch(&texts);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB in {:.2} s ({:.1} MB/s); {} entities, {} times, {} events",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        docs.iter().map(|d| d.entities.len()).sum::<usize>(),
        docs.iter().map(|d| d.times.len()).sum::<usize>(),
        docs.iter().map(|d| d.events.len()).sum::<usize>(),
    );

    // Pairs of resolved parties of asserted meetings, visits and hostings.
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for doc in &docs {
        for e in &doc.events {
            if !matches!(e.kind, EventType::Meet | EventType::Visit | EventType::Host)
                || e.modality != Modality::Asserted
            {
                continue;
            }
            let mut names: Vec<String> = e
                .participants
                .iter()
                .filter_map(|p| p.name.clone())
                .collect();
            names.sort();
            names.dedup();
            for i in 0..names.len() {
                for j in i + 1..names.len() {
                    *pairs
                        .entry((names[i].clone(), names[j].clone()))
                        .or_default() += 1;
                }
            }
        }
    }
    let mut ranked: Vec<_> = pairs.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("\nwho met whom most often:");
    for ((a, b), n) in ranked.iter().take(15) {
        println!("  {n:4}  {a} — {b}");
    }
}
