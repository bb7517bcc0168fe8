//! Single-threaded throughput of each stage on a JSONL corpus, in one process.
//!
//! ```text
//! cargo run --release --example throughput -- ../shared/data/indosum/articles.jsonl
//! ```

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/indosum/articles.jsonl".into());
    let jsonl = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        // A fresh clone has no shared data: measure the bundled seed article instead.
        eprintln!("notice: {path}: {e}; using the bundled seed article");
        let seed = include_str!("data/putin-kim-fin-2024-06-19.txt");
        serde_json::json!({ "text": seed }).to_string()
    });
    let texts: Vec<String> = jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let t = Instant::now();
    warta::warm_up();
    println!("build: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let extractor = warta::Extractor::new();
    let time = |name: &str, f: &dyn Fn(&str) -> usize| {
        let t = Instant::now();
        let n: usize = texts.iter().map(|x| f(x)).sum();
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name:12} {:7.1} MB/s  ({n} items, {:.0} ms)",
            mb / s,
            s * 1e3
        );
    };
    time("tokenize", &|x| warta::tokenize(x).len());
    time("sentences", &|x| warta::split_sentences(x).len());
    // Single stages (`warta::bench`, unstable), each timed with the stages it depends on.
    use warta::bench as b;
    time("+gazetteer", &|x| {
        let t = b::tokens(x);
        b::gazetteer(&extractor, x, &t, &b::sentences(x, &t))
    });
    time("+times", &|x| {
        let t = b::tokens(x);
        b::times(x, &b::sentences(x, &t), b::reference_date(x)).len()
    });
    time("extract", &|x| extractor.extract(x).entities.len());
    let names: Vec<&str> = extractor.gazetteer_names().collect();
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&names)
        .unwrap();
    time("bare-ac", &|x| ac.find_iter(x).count());
}
