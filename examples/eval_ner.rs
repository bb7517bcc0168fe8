//! Scores warta's entities on a CoNLL NER file: exact-span precision, recall and F1, overall
//! and per label, and lists the errors.
//!
//! ```text
//! cargo run --release --example eval_ner -- ../shared/data/idner-news-2k/dev.txt [--errors N] [--map PERSON=PER,...]
//! ```
//! Reads idner's `token POS tag` lines or `token<TAB>tag` lines (the last column is the IOB tag),
//! rebuilds each sentence's text with single spaces, extracts it on its own, and compares.

use std::collections::BTreeMap;
use warta::eval::{Prf, read_conll_ner};
use warta::{Extractor, Span};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut show = 0usize;
    let mut map: Vec<(String, String)> = [
        ("PERSON", "PER"),
        ("PLACE", "LOC"),
        ("ORGANISATION", "ORG"),
        ("ORGANIZATION", "ORG"),
        ("LOCATION", "LOC"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--errors" => show = args.next().and_then(|n| n.parse().ok()).unwrap_or(50),
            "--map" => {
                for pair in args.next().unwrap_or_default().split(',') {
                    if let Some((a, b)) = pair.split_once('=') {
                        map.push((a.to_string(), b.to_string()));
                    }
                }
            }
            _ => path = Some(a),
        }
    }
    let path = path.unwrap_or_else(|| {
        let data = std::env::var("WARTA_DATA").unwrap_or_else(|_| "../shared/data".into());
        format!("{data}/idner-news-2k/dev.txt")
    });
    let conll = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2)
    });
    let map: Vec<(&str, &str)> = map.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let gold = read_conll_ner(&conll, &map);
    let extractor = Extractor::new();
    let (scores, errors) = score(&extractor, &gold);
    println!(
        "{path}: {} sentences, {} gold entities",
        gold.sentences.len(),
        gold.entities.len()
    );
    for (label, s) in &scores {
        println!("  {label:5} {s}");
    }
    for e in errors.iter().take(show) {
        println!("{e}");
    }
}

/// Per-label and overall scores (key `ALL`), and error lines.
fn score(
    extractor: &Extractor,
    gold: &warta::eval::NerText,
) -> (BTreeMap<String, Prf>, Vec<String>) {
    let mut scores: BTreeMap<String, Prf> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut g = 0;
    for &sentence in &gold.sentences {
        let text = &gold.text[sentence.range()];
        let mut want: Vec<(Span, String)> = Vec::new();
        while g < gold.entities.len() && gold.entities[g].0.end <= sentence.end {
            let (s, l) = &gold.entities[g];
            want.push((
                Span::new(s.start - sentence.start, s.end - sentence.start),
                l.clone(),
            ));
            g += 1;
        }
        let got: Vec<(Span, String)> = extractor
            .extract(text)
            .entities
            .iter()
            .map(|e| (e.span, e.label.to_string()))
            .collect();
        for (span, label) in &got {
            let hit = want.contains(&(*span, label.clone()));
            let s = scores.entry(label.clone()).or_default();
            if hit {
                s.tp += 1;
            } else {
                s.fp += 1;
                let gold_here = want
                    .iter()
                    .find(|(w, _)| w.overlaps(*span))
                    .map(|(w, l)| format!("{l} {:?}", &text[w.range()]));
                errors.push(format!(
                    "FP {label} {:?} (gold: {}) | {text}",
                    &text[span.range()],
                    gold_here.unwrap_or("O".into())
                ));
            }
        }
        for (span, label) in &want {
            if !got.contains(&(*span, label.clone())) {
                scores.entry(label.clone()).or_default().fn_ += 1;
                errors.push(format!("FN {label} {:?} | {text}", &text[span.range()]));
            }
        }
    }
    let mut all = Prf::default();
    for s in scores.values() {
        all.add(*s);
    }
    scores.insert("ALL".into(), all);
    (scores, errors)
}
