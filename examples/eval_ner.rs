//! Scores warta's entities on a CoNLL NER file: exact-span precision, recall and F1, overall
//! and per label, and lists the errors.
//!
//! ```text
//! cargo run --release --example eval_ner -- ../shared/data/idner-news-2k/dev.txt [--errors N [--contract-errors]] [--map PERSON=PER,...] [--gazetteer-only]
//! ```
//! Reads idner's `token POS tag` lines or `token<TAB>tag` lines (the last column is the IOB tag),
//! rebuilds each sentence's text with single spaces, extracts it on its own, and compares.
//!
//! Two scores are printed. *Strict* compares warta's entities as they are. The second applies
//! the two places where warta's output contract and the corpus's annotation differ by design:
//! - the corpus puts an acronym introduced in brackets inside the name's span
//!   (`Bursa Efek Indonesia (BEI)`), the contract reports the name and the acronym as two
//!   mentions of one entity; the two are merged for scoring when they share an id (not for
//!   people: the corpus keeps `Joko Widodo (Jokowi)` as two);
//! - the contract makes every mention of a known place a LOC (`Rusia dan Jepang melarang …`,
//!   `pejabat AS`), the corpus often leaves them unmarked; a gazetteer place that overlaps no gold
//!   entity is not scored (neither right nor wrong).

use warta::Extractor;
use warta::eval::{Conventions, read_conll_ner, score_entities};

#[path = "common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut show = 0usize;
    let mut gazetteer_only = false;
    let mut contract_errors = false;
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
            "--contract-errors" => contract_errors = true,
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
    let path = path.unwrap_or_else(|| common::data_file("idner-news-2k/dev.txt"));
    let Some(conll) = common::evaluation_data(&path) else {
        return;
    };
    let map: Vec<(&str, &str)> = map.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let gold = read_conll_ner(&conll, &map);
    let extractor = Extractor::builder()
        .context_cues(!gazetteer_only)
        .build()
        .expect("default extractor");
    let (scores, errors) = score_entities(&extractor, &gold, Conventions::Strict);
    println!(
        "{path}: {} sentences, {} gold entities",
        gold.sentences.len(),
        gold.entities.len()
    );
    println!("strict (warta's output as is):");
    for (label, s) in &scores {
        println!("  {label:5} {s}");
    }
    let (adjusted, adjusted_errors) = score_entities(&extractor, &gold, Conventions::Contract);
    println!("under the output contract's conventions (see the doc comment):");
    for (label, s) in &adjusted {
        println!("  {label:5} {s}");
    }
    let errors = if contract_errors {
        adjusted_errors
    } else {
        errors
    };
    for e in errors.iter().take(show) {
        println!("{e}");
    }
}
