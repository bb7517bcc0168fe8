//! Runs one stage over the first N documents of a JSONL corpus, for `perf` and `callgrind`.
//!
//! ```text
//! cargo run --release --example profile -- STAGE [N] [REPEAT] [FILE]
//! ```
//! STAGE: tokens, sentences, gazetteer, match (the three before from the text), refdate, times,
//! entities, events, extract, build, and `bare` (the benches' reference: a bare leftmost-longest
//! Aho-Corasick scan of the gazetteer's names).
//! FILE: `$WARTA_DATA/indosum/articles.jsonl` by default (`../shared/data` without WARTA_DATA).

#[path = "common/mod.rs"]
mod common;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stage = args.get(1).map_or("extract", String::as_str);
    let n: usize = args.get(2).map_or(usize::MAX, |s| s.parse().unwrap());
    let repeat: usize = args.get(3).map_or(1, |s| s.parse().unwrap());
    let path = args
        .get(4)
        .cloned()
        .unwrap_or_else(|| common::data_file("indosum/articles.jsonl"));
    if stage == "build" {
        warta::warm_up();
        return;
    }
    let texts = common::corpus_texts(&path, n);
    warta::warm_up();
    let x = warta::Extractor::new();
    // Also the lazy parts built on first use (the typo-tolerance index): steady state only.
    texts.iter().for_each(|t| drop(x.extract(t)));
    use warta::bench as b;
    let prep: Vec<_> = texts
        .iter()
        .map(|t| {
            let tok = b::tokens(t);
            let s = b::sentences(t, &tok);
            let times = b::times(t, &s, b::reference_date(t));
            let ents = if stage == "events" {
                b::entities(&x, t, &tok, &s, &times)
            } else {
                Vec::new()
            };
            (tok, s, times, ents)
        })
        .collect();
    // The reference automaton only when asked for: building it takes as long as the extractor.
    let bare = (stage == "bare").then(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(x.gazetteer_names())
            .unwrap()
    });
    let clock = std::time::Instant::now();
    let total = run(stage, repeat, &x, bare.as_ref(), &texts, &prep);
    let ms = clock.elapsed().as_secs_f64() * 1e3;
    println!("{stage}: {total} ({ms:.1} ms)");
}

type Prep = (
    Vec<warta::Token>,
    Vec<warta::Span>,
    Vec<warta::TimeExpr>,
    Vec<warta::Entity>,
);

/// The measured part (`valgrind --tool=callgrind --toggle-collect=profile::run`).
#[inline(never)]
fn run(
    stage: &str,
    repeat: usize,
    x: &warta::Extractor,
    bare: Option<&aho_corasick::AhoCorasick>,
    texts: &[String],
    prep: &[Prep],
) -> usize {
    use warta::bench as b;
    let mut total = 0usize;
    for _ in 0..repeat {
        for (t, (tok, s, times, ents)) in texts.iter().zip(prep) {
            total += match stage {
                "tokens" => b::tokens(t).len(),
                "sentences" => b::sentences(t, tok).len(),
                "gazetteer" => b::gazetteer(x, t, tok, s),
                "match" => {
                    let k = b::tokens(t);
                    b::gazetteer(x, t, &k, &b::sentences(t, &k))
                }
                "refdate" => b::reference_date(t).is_some() as usize,
                "times" => b::times(t, s, b::reference_date(t)).len(),
                "entities" => b::entities(x, t, tok, s, times).len(),
                "events" => b::events(x, t, tok, s, ents, times),
                "extract" => b::extract(x, t).entities.len(),
                "bare" => bare
                    .expect("built for `bare`")
                    .find_iter(t.as_str())
                    .count(),
                other => panic!("unknown stage {other}"),
            };
        }
    }
    total
}
