//! Runs one stage over the first N documents of a JSONL corpus, for `perf` and `callgrind`.
//!
//! ```text
//! cargo run --release --example profile -- STAGE [N] [REPEAT] [FILE]
//! ```
//! STAGE: tokens, sentences, gazetteer, refdate, times, entities, events, extract, build.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stage = args.get(1).map_or("extract", String::as_str);
    let n: usize = args.get(2).map_or(usize::MAX, |s| s.parse().unwrap());
    let repeat: usize = args.get(3).map_or(1, |s| s.parse().unwrap());
    let path = args
        .get(4)
        .cloned()
        .unwrap_or_else(|| "../shared/data/indosum/articles.jsonl".into());
    if stage == "build" {
        warta::warm_up();
        return;
    }
    let jsonl = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        // A fresh clone has no shared data: measure the bundled seed article instead.
        eprintln!("notice: {path}: {e}; using the bundled seed article");
        let seed = include_str!("data/putin-kim-fin-2024-06-19.txt");
        serde_json::json!({ "text": seed }).to_string()
    });
    let texts: Vec<String> = jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(n)
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    warta::warm_up();
    let x = warta::Extractor::new();
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
    let total = run(stage, repeat, &x, &texts, &prep);
    println!("{stage}: {total}");
}

type Prep = (
    Vec<warta::Token>,
    Vec<warta::Span>,
    Vec<warta::TimeExpr>,
    Vec<warta::Entity>,
);

/// The measured part (`valgrind --tool=callgrind --toggle-collect=profile::run`).
#[inline(never)]
fn run(stage: &str, repeat: usize, x: &warta::Extractor, texts: &[String], prep: &[Prep]) -> usize {
    use warta::bench as b;
    let mut total = 0usize;
    for _ in 0..repeat {
        for (t, (tok, s, times, ents)) in texts.iter().zip(prep) {
            total += match stage {
                "tokens" => b::tokens(t).len(),
                "sentences" => b::sentences(t, tok).len(),
                "gazetteer" => b::gazetteer(x, t, tok, s),
                "refdate" => b::reference_date(t).is_some() as usize,
                "times" => b::times(t, s, b::reference_date(t)).len(),
                "entities" => b::entities(x, t, tok, s, times).len(),
                "events" => b::events(x, t, tok, s, ents, times),
                "extract" => b::extract(x, t).entities.len(),
                other => panic!("unknown stage {other}"),
            };
        }
    }
    total
}
