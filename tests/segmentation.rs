//! Tokenizer and sentence splitter on real text: the seed article and the UD Indonesian GSD
//! treebank (with `WARTA_DATA`).

mod common;

use warta::eval::{read_conllu, score_boundaries, score_spans};
use warta::{Span, TokenKind, split_sentences, tokenize};

#[test]
fn seed_sentences() {
    let text = common::seed();
    let sentences: Vec<&str> = split_sentences(&text)
        .iter()
        .map(|s| &text[s.range()])
        .collect();
    assert_eq!(sentences.len(), 26);
    assert_eq!(
        sentences[0],
        "Putin dan Pemimpin Korea Utara Kim Jong-un Bertemu, Amerika dan Korsel Gelisah"
    );
    assert_eq!(sentences[1], "fin.co.id - 19/06/2024, 09:48 WIB");
    assert_eq!(
        sentences[4],
        "Putin kembali mengunjungi Korea Utara, Rabu 29 Juni 2024."
    );
    assert_eq!(sentences[5], "(Vladimir Smirnov/AFP melalui Getty Images)");
    // The contract's example sentence, with its dateline, at its byte offsets.
    assert_eq!(split_sentences(&text)[6], Span::new(480, 623));
    assert!(sentences[6].starts_with("fin.co.id- Presiden Rusia Vladimir Putin"));
    assert_eq!(
        sentences[23],
        "Tapi kami pasti akan mengawasinya dengan sangat cermat,” katanya."
    );
    assert_eq!(&sentences[24..], ["Afdal Namakule", "Penulis"]);
}

#[test]
fn seed_tokens_index_the_text() {
    let text = common::seed();
    let tokens = tokenize(&text);
    let surface: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
    for expected in [
        "Jong-un",
        "fin.co.id",
        "19/06/2024",
        "09:48",
        "besar-besaran",
        "opsi-opsi",
        "mengantarnya",
        "negara-negara",
    ] {
        assert!(surface.contains(&expected), "{expected} is not one token");
    }
    assert_eq!(
        tokens.iter().filter(|t| t.kind == TokenKind::Url).count(),
        2
    );
}

/// Floors just under the measured figures (see README), so that a regression fails CI.
#[test]
fn ud_gsd_dev_scores() {
    let Some(path) = common::data_file("ud-indonesian-gsd/id_gsd-ud-dev.conllu") else {
        return;
    };
    let gold = read_conllu(&std::fs::read_to_string(path).unwrap());
    assert_eq!(gold.sentences.len(), 559);
    let tokens = tokenize(&gold.text);
    let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
    let token = score_spans(&gold.tokens, &spans);
    let sentence = score_boundaries(&gold.sentences, &split_sentences(&gold.text));
    eprintln!("UD GSD dev: tokens {token}\nUD GSD dev: sentences {sentence}");
    assert!(token.f1() >= 0.992, "token F1 {}", token.f1());
    assert!(sentence.f1() >= 0.945, "sentence F1 {}", sentence.f1());
}
