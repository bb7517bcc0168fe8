//! Entity quality on idner-news-2k dev (needs `WARTA_DATA`): floors just under the measured
//! figures (README, `cargo run --release --example eval_ner`), so that a regression fails CI.

mod common;

use warta::Extractor;
use warta::eval::{Conventions, read_conll_ner, score_entities};

#[test]
fn idner_dev_entity_scores() {
    let Some(path) = common::data_file("idner-news-2k/dev.txt") else {
        return;
    };
    let gold = read_conll_ner(&std::fs::read_to_string(path).unwrap(), &[]);
    assert_eq!(gold.sentences.len(), 367);
    let extractor = Extractor::new();
    let (strict, _) = score_entities(&extractor, &gold, Conventions::Strict);
    let (contract, _) = score_entities(&extractor, &gold, Conventions::Contract);
    for (label, s) in &strict {
        eprintln!("idner dev strict   {label:4} {s}");
    }
    for (label, s) in &contract {
        eprintln!("idner dev contract {label:4} {s}");
    }
    let floors = [
        ("ALL", 0.765, 0.855),
        ("PER", 0.88, 0.88),
        ("ORG", 0.78, 0.85),
        ("LOC", 0.62, 0.82),
    ];
    for (label, strict_floor, contract_floor) in floors {
        assert!(
            strict[label].f1() >= strict_floor,
            "{label} strict F1 {}",
            strict[label].f1()
        );
        assert!(
            contract[label].f1() >= contract_floor,
            "{label} contract F1 {}",
            contract[label].f1()
        );
    }
}
