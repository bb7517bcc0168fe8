//! Scores warta's entities on a CoNLL NER file: exact-span precision, recall and F1, overall
//! and per label, and lists the errors.
//!
//! ```text
//! cargo run --release --example eval_ner -- ../shared/data/idner-news-2k/dev.txt [--errors N] [--map PERSON=PER,...] [--gazetteer-only]
//! ```
//! Reads idner's `token POS tag` lines or `token<TAB>tag` lines (the last column is the IOB tag),
//! rebuilds each sentence's text with single spaces, extracts it on its own, and compares.
//!
//! Two scores are printed. *Strict* compares warta's entities as they are. The second applies
//! the two places where warta's output contract and the corpus's annotation differ by design:
//! - the corpus puts an acronym introduced in brackets inside the name's span
//!   (`Bursa Efek Indonesia (BEI)`), the contract reports the name and the acronym as two
//!   mentions of one entity; the two are merged for scoring when they share an id;
//! - the contract makes every mention of a known place a LOC (`Rusia dan Jepang melarang …`,
//!   `pejabat AS`), the corpus often leaves them unmarked; a gazetteer place that overlaps no gold
//!   entity is not scored (neither right nor wrong).

use std::collections::BTreeMap;
use warta::eval::{Prf, read_conll_ner};
use warta::{Extractor, Span};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut show = 0usize;
    let mut gazetteer_only = false;
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
            "--gazetteer-only" => gazetteer_only = true,
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
    let extractor = Extractor::builder()
        .context_cues(!gazetteer_only)
        .build()
        .expect("default extractor");
    let (scores, errors) = score(&extractor, &gold, false);
    println!(
        "{path}: {} sentences, {} gold entities",
        gold.sentences.len(),
        gold.entities.len()
    );
    println!("strict (warta's output as is):");
    for (label, s) in &scores {
        println!("  {label:5} {s}");
    }
    let (adjusted, _) = score(&extractor, &gold, true);
    println!("under the output contract's conventions (see the doc comment):");
    for (label, s) in &adjusted {
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
    contract: bool,
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
        let doc = extractor.extract(text);
        let got: Vec<(Span, String)> = if contract {
            contract_view(text, &doc.entities, &want)
        } else {
            doc.entities
                .iter()
                .map(|e| (e.span, e.label.to_string()))
                .collect()
        };
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

/// warta's entities seen through the corpus's conventions (see the module docs).
fn contract_view(
    text: &str,
    entities: &[warta::Entity],
    want: &[(Span, String)],
) -> Vec<(Span, String)> {
    let mut out: Vec<(Span, String)> = Vec::new();
    let mut i = 0;
    while i < entities.len() {
        let e = &entities[i];
        let unmarked_place = e.label == warta::Label::Loc
            && e.source == warta::Source::Gazetteer
            && !want.iter().any(|(w, _)| w.overlaps(e.span));
        if unmarked_place {
            i += 1;
            continue;
        }
        let mut span = e.span;
        if let Some(next) = entities.get(i + 1) {
            let between = &text[e.span.end..next.span.start];
            let after = &text[next.span.end..];
            if next.entity_id == e.entity_id
                && between.trim() == "("
                && after.trim_start().starts_with(')')
            {
                let close = next.span.end + after.find(')').unwrap_or(0) + 1;
                span = Span::new(e.span.start, close);
                i += 1;
            }
        }
        out.push((span, e.label.to_string()));
        i += 1;
    }
    out
}
