//! Adversarial inputs at 1× and 10× size: extraction time, the 10×/1× time ratio (linear time
//! gives about 10, quadratic about 100) and peak memory, each case in a fresh process.
//!
//! ```text
//! cargo run --release --example adversarial                 # every case, 2 MB and 20 MB
//! cargo run --release --example adversarial -- --base 500000 name_repeat nested_brackets
//! ```
//!
//! Peak memory is the process's `VmHWM` (Linux `/proc/self/status`) after extraction, and the
//! growth over the peak before the input was made (the default gazetteer, built first). The run
//! fails (exit 1) when a ratio exceeds 25 or the growth exceeds 96 bytes per input byte + 16 MB:
//! the worst case is one token per input byte (`???…`: a token, a sentence, and the time
//! parser's token for each byte, with the tokens kept in the document), about 80 bytes each.

#[path = "../tests/common/adversarial.rs"]
mod cases;

use std::process::Command;
use std::time::Instant;

const MAX_RATIO: f64 = 25.0;
const MAX_BYTES_PER_BYTE: f64 = 96.0;

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Child mode: one case at one size; prints `seconds before_kb after_kb len counts`.
fn child(name: &str, bytes: usize) {
    warta::warm_up();
    let extractor = warta::Extractor::builder().tokens(true).build().unwrap();
    let before = peak_rss_kb();
    let text = match cases::case(name) {
        Some(make) => make(bytes),
        None => {
            let unit = cases::PROBES
                .iter()
                .find(|(n, _)| *n == name)
                .expect("known case")
                .1;
            cases::repeat_to(unit, bytes)
        }
    };
    let t = Instant::now();
    let doc = extractor.extract(&text);
    let secs = t.elapsed().as_secs_f64();
    let after = peak_rss_kb();
    println!(
        "{secs} {before} {after} {} {}/{}/{}/{}",
        text.len(),
        doc.tokens.as_ref().map_or(0, Vec::len),
        doc.sentences.len(),
        doc.entities.len(),
        doc.times.len()
    );
}

struct Run {
    secs: f64,
    growth_mb: f64,
    peak_mb: f64,
    len: usize,
    counts: String,
}

fn run(name: &str, bytes: usize) -> Run {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["--child", name, &bytes.to_string()])
        .output()
        .expect("run child");
    assert!(
        out.status.success(),
        "{name} at {bytes} bytes failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let f: Vec<&str> = line.split_whitespace().collect();
    let kb = |s: &str| s.parse::<f64>().unwrap() / 1024.0;
    Run {
        secs: f[0].parse().unwrap(),
        growth_mb: kb(f[2]) - kb(f[1]),
        peak_mb: kb(f[2]),
        len: f[3].parse().unwrap(),
        counts: f[4].to_string(),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut base = 2_000_000usize;
    let mut only = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--child" => {
                let name = args.next().unwrap();
                let bytes = args.next().unwrap().parse().unwrap();
                return child(&name, bytes);
            }
            "--base" => base = args.next().unwrap().parse().expect("--base BYTES"),
            _ => only.push(a),
        }
    }
    println!(
        "{:<26} {:>10} {:>9} {:>10} {:>9} {:>6} {:>9} {:>9}  tokens/sentences/entities/times at 10x",
        "case", "bytes 1x", "time 1x", "bytes 10x", "time 10x", "ratio", "+MB 10x", "peak MB"
    );
    let mut failed = Vec::new();
    for (name, _) in cases::CASES {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let small = run(name, base);
        let large = run(name, base * 10);
        // Below a millisecond the ratio is noise.
        let ratio = large.secs / small.secs.max(1e-3);
        let budget_mb = large.len as f64 * MAX_BYTES_PER_BYTE / (1 << 20) as f64 + 16.0;
        let ok = ratio <= MAX_RATIO && large.growth_mb <= budget_mb;
        println!(
            "{name:<26} {:>10} {:>8.3}s {:>10} {:>8.3}s {:>6.1} {:>9.1} {:>9.1}  {}{}",
            small.len,
            small.secs,
            large.len,
            large.secs,
            ratio,
            large.growth_mb,
            large.peak_mb,
            large.counts,
            if ok { "" } else { "  <-- FAIL" }
        );
        if !ok {
            failed.push(*name);
        }
    }
    if !failed.is_empty() {
        eprintln!("not linear or not bounded: {failed:?}");
        std::process::exit(1);
    }
}
