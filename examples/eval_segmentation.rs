//! Scores warta's tokenizer and sentence splitter on a CoNLL-U treebank.
//!
//! ```text
//! cargo run --release --example eval_segmentation -- ../shared/data/ud-indonesian-gsd/id_gsd-ud-dev.conllu [--errors N]
//! ```
//! Tokens are surface tokens (a multiword range such as `12-13 massanya` is one token); the text
//! is the `# text` lines joined with one space. Prints token F1 and sentence-boundary F1, and the
//! first N disagreements of each.

use warta::eval::{read_conllu, score_boundaries, score_spans};
use warta::{Span, TokenKind, split_sentences, tokenize};

#[path = "common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| common::data_file("ud-indonesian-gsd/id_gsd-ud-dev.conllu"));
    let show: usize = match (args.next().as_deref(), args.next()) {
        (Some("--errors"), Some(n)) => n.parse().unwrap_or(20),
        _ => 10,
    };
    let Some(conllu) = common::evaluation_data(&path) else {
        return;
    };
    let gold = read_conllu(&conllu);
    let predicted = tokenize(&gold.text);
    let tokens: Vec<Span> = predicted.iter().map(|t| t.span).collect();
    // The output contract keeps an abbreviation's period on it (`Dr.`, `R.`); UD splits it off.
    // Scored both ways: gold as is, and gold with `X` + `.` merged where warta reports an
    // abbreviation.
    let abbreviations: Vec<Span> = predicted
        .iter()
        .filter(|t| t.kind == TokenKind::Abbreviation)
        .map(|t| t.span)
        .collect();
    let mut merged = Vec::with_capacity(gold.tokens.len());
    let mut i = 0;
    while i < gold.tokens.len() {
        let g = gold.tokens[i];
        if let Some(&next) = gold.tokens.get(i + 1) {
            let both = g.cover(next);
            if next.start == g.end
                && &gold.text[next.range()] == "."
                && abbreviations.binary_search(&both).is_ok()
            {
                merged.push(both);
                i += 2;
                continue;
            }
        }
        merged.push(g);
        i += 1;
    }
    let sentences = split_sentences(&gold.text);
    let tok = score_spans(&gold.tokens, &tokens);
    let tok_contract = score_spans(&merged, &tokens);
    let sent = score_boundaries(&gold.sentences, &sentences);
    println!("{path}");
    println!(
        "  {} gold sentences, {} gold tokens",
        gold.sentences.len(),
        gold.tokens.len()
    );
    println!("  tokens:    {tok}");
    println!("  tokens, abbreviation periods attached as the contract says: {tok_contract}");
    println!("  sentences: {sent}");

    let context = |s: Span| {
        let a = gold.text.floor_char_boundary(s.start.saturating_sub(30));
        let b = gold
            .text
            .ceil_char_boundary((s.end + 30).min(gold.text.len()));
        gold.text[a..b].replace('\n', " ")
    };
    println!("\nFirst token disagreements (gold | predicted):");
    let mut shown = 0;
    for g in &gold.tokens {
        if shown >= show {
            break;
        }
        if tokens.binary_search(g).is_err() {
            let pred: Vec<&str> = tokens
                .iter()
                .filter(|t| t.overlaps(*g))
                .map(|t| &gold.text[t.range()])
                .collect();
            println!(
                "  {:?} | {:?}    …{}…",
                &gold.text[g.range()],
                pred,
                context(*g)
            );
            shown += 1;
        }
    }
    println!("\nFirst sentence-boundary disagreements:");
    let gold_ends: Vec<usize> = gold.sentences.iter().map(|s| s.end).collect();
    let pred_ends: Vec<usize> = sentences.iter().map(|s| s.end).collect();
    let mut shown = 0;
    for (what, a, b) in [
        ("missed", &gold_ends, &pred_ends),
        ("spurious", &pred_ends, &gold_ends),
    ] {
        for &e in a.iter() {
            if shown >= 2 * show {
                break;
            }
            if b.binary_search(&e).is_err() {
                println!("  {what}:");
                let a0 = gold.text.floor_char_boundary(e.saturating_sub(50));
                let b0 = gold.text.ceil_char_boundary((e + 40).min(gold.text.len()));
                println!("           {}⟂{}", &gold.text[a0..e], &gold.text[e..b0]);
                shown += 1;
            }
        }
    }
}
