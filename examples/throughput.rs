//! Single-threaded throughput of each stage on a JSONL corpus, in one process.
//!
//! ```text
//! cargo run --release --example throughput -- ../shared/data/indosum/articles.jsonl
//! ```

use std::time::Instant;

#[path = "common/mod.rs"]
mod common;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| common::data_file("indosum/articles.jsonl"));
    let texts = common::corpus_texts(&path, usize::MAX);
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
