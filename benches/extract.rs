//! Throughput of each stage on the IndoSum corpus (or the bundled seed article when the shared
//! data is absent), against a bare Aho-Corasick scan of the same gazetteer names in the same run.
//!
//! ```text
//! WARTA_DATA=../shared/data cargo bench --bench extract
//! ```
//! Every bench warms the lazy defaults first and asserts the count it computes, so that a broken
//! stage cannot look fast.
//!
//! - `corpus/*`: `tokenize`, `sentences` (from tokens), `gazetteer` (matching, from tokens and
//!   sentences), `match-from-text` (the three in a row from the text), `times` (dateline and
//!   time expressions), `entities` (matching and recognition), `events`, the full `extract`, and
//!   the reference `bare-aho-corasick` (leftmost-longest `find_iter` over exactly the default
//!   gazetteer's names and aliases); MB/s over the whole corpus.
//! - `build/default-extractor`: compiling the default gazetteer.
//! - `short-document-200B`: per-document overhead.
//! - `linearity/extract-1x` and `extract-10x`: one ~100 KB document and ten copies of it as one
//!   document.

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::measurement::Measurement;
use criterion::{
    BenchmarkGroup, Criterion, Throughput, black_box, criterion_group, criterion_main,
};
use std::time::Duration;
use warta::{Extractor, GazetteerEntry, Label};

#[path = "../examples/common/mod.rs"]
mod common;

/// The corpus texts: IndoSum articles, or the seed article.
fn corpus() -> Vec<String> {
    common::corpus_texts(&common::data_file("indosum/articles.jsonl"), usize::MAX)
}

fn benches(c: &mut Criterion) {
    warta::warm_up();
    let texts = corpus();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let extractor = Extractor::new();

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes))
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));

    counted(&mut g, "tokenize", || {
        texts
            .iter()
            .map(|t| warta::tokenize(black_box(t)).len())
            .sum()
    });

    // Single stages on the output of the stages before them (`warta::bench`, unstable).
    use warta::bench as stage;
    let toks: Vec<_> = texts.iter().map(|t| stage::tokens(t)).collect();
    let sents: Vec<_> = texts
        .iter()
        .zip(&toks)
        .map(|(t, k)| stage::sentences(t, k))
        .collect();
    counted(&mut g, "sentences", || {
        texts
            .iter()
            .zip(&toks)
            .map(|(t, k)| stage::sentences(black_box(t), k).len())
            .sum()
    });
    counted(&mut g, "gazetteer", || {
        (0..texts.len())
            .map(|i| stage::gazetteer(&extractor, black_box(&texts[i]), &toks[i], &sents[i]))
            .sum()
    });
    // The three stages above run one after another from the text: the part of `extract` that
    // does what the bare scan does (find the gazetteer's names), but at token boundaries.
    counted(&mut g, "match-from-text", || {
        texts
            .iter()
            .map(|t| {
                let t = black_box(t);
                let k = stage::tokens(t);
                let s = stage::sentences(t, &k);
                stage::gazetteer(&extractor, t, &k, &s)
            })
            .sum()
    });
    let times: Vec<_> = (0..texts.len())
        .map(|i| stage::times(&texts[i], &sents[i], stage::reference_date(&texts[i])))
        .collect();
    counted(&mut g, "times", || {
        (0..texts.len())
            .map(|i| {
                let t = black_box(&texts[i]);
                stage::times(t, &sents[i], stage::reference_date(t)).len()
            })
            .sum()
    });
    let ents: Vec<_> = (0..texts.len())
        .map(|i| stage::entities(&extractor, &texts[i], &toks[i], &sents[i], &times[i]))
        .collect();
    counted(&mut g, "entities", || {
        (0..texts.len())
            .map(|i| {
                let t = black_box(&texts[i]);
                stage::entities(&extractor, t, &toks[i], &sents[i], &times[i]).len()
            })
            .sum()
    });
    counted(&mut g, "events", || {
        (0..texts.len())
            .map(|i| {
                let t = black_box(&texts[i]);
                stage::events(&extractor, t, &toks[i], &sents[i], &ents[i], &times[i])
            })
            .sum()
    });

    let count = |docs: &[warta::Document]| -> (usize, usize, usize) {
        (
            docs.iter().map(|d| d.entities.len()).sum(),
            docs.iter().map(|d| d.times.len()).sum(),
            docs.iter().map(|d| d.events.len()).sum(),
        )
    };
    let docs: Vec<_> = texts.iter().map(|t| extractor.extract(t)).collect();
    let expected = count(&docs);
    assert!(expected.0 > 0, "no entity found in the corpus");
    g.bench_function("extract", |b| {
        b.iter(|| {
            let docs: Vec<_> = texts
                .iter()
                .map(|t| extractor.extract(black_box(t)))
                .collect();
            assert_eq!(count(&docs), expected);
        })
    });

    // The reference: a bare leftmost-longest scan with exactly the default gazetteer's names.
    let names: Vec<&str> = extractor.gazetteer_names().collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .unwrap();
    counted(&mut g, "bare-aho-corasick", || {
        texts
            .iter()
            .map(|t| ac.find_iter(black_box(t.as_str())).count())
            .sum()
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("default-extractor", |b| {
        b.iter(|| {
            // An extra entry forces a fresh compile of the whole default gazetteer.
            let e = Extractor::builder()
                .entry(GazetteerEntry::new("org:bench", Label::Org, "Bench Org"))
                .unwrap()
                .build()
                .unwrap();
            assert!(e.gazetteer_size().0 > 1);
        })
    });
    g.finish();

    let short = "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor, Jawa Barat, Senin (8/1/2024) pagi.";
    let n = extractor.extract(short).entities.len();
    assert!(n > 0);
    c.bench_function("short-document-200B", |b| {
        b.iter(|| assert_eq!(extractor.extract(black_box(short)).entities.len(), n))
    });

    // Linearity: one document of about 100 KB, and the same text ten times over as one
    // document; compare the two times (10x should take at most about 11x as long).
    let mut one = String::new();
    for t in &texts {
        if one.len() >= 100_000 {
            break;
        }
        one.push_str(t);
        one.push_str("\n\n");
    }
    let ten = one.repeat(10);
    let mut g = c.benchmark_group("linearity");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for (name, doc) in [("extract-1x", &one), ("extract-10x", &ten)] {
        let expected = count(std::slice::from_ref(&extractor.extract(doc)));
        assert!(expected.0 > 0);
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                let d = extractor.extract(black_box(doc));
                assert_eq!(count(std::slice::from_ref(&d)), expected);
            })
        });
    }
    g.finish();
}

/// Benches `f`, asserting that every run counts what the first did, and that it is not nothing:
/// a broken stage cannot look fast.
fn counted<M: Measurement>(g: &mut BenchmarkGroup<M>, name: &str, f: impl Fn() -> usize) {
    let expected = f();
    assert!(expected > 0, "{name}: nothing counted");
    g.bench_function(name, |b| b.iter(|| assert_eq!(f(), expected)));
}

criterion_group!(group, benches);
criterion_main!(group);
