//! Builds the default extractor once and reports its build time, its gazetteer size and the
//! process's peak memory (Linux: `VmHWM` from `/proc/self/status`).
//!
//! ```text
//! cargo run --release --example build_stats
//! ```

use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let before = peak_rss_mb();
    let t = Instant::now();
    warta::warm_up();
    let elapsed = t.elapsed();
    let extractor = warta::Extractor::new();
    let (entries, names) = extractor.gazetteer_size();
    println!("default extractor: {entries} entries, {names} names and aliases");
    println!(
        "build (word lists + gazetteer automaton): {:.1} ms",
        elapsed.as_secs_f64() * 1000.0
    );
    if let (Some(b), Some(a)) = (before, peak_rss_mb()) {
        println!("peak memory: {a:.1} MB (process before building: {b:.1} MB)");
    }
}
