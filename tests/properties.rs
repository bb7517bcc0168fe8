//! Property tests: whatever the input, the tokenizer, the splitter and the extractor never panic,
//! and every span they report indexes the original text.

use proptest::prelude::*;
use warta::{Extractor, is_separator};

fn check_tokens(text: &str) {
    let tokens = warta::tokenize(text);
    let mut prev = 0;
    for t in &tokens {
        assert!(t.span.start < t.span.end, "empty token in {text:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(
            t.span.start >= prev,
            "tokens overlap or are unsorted in {text:?}"
        );
        // Only separators lie between tokens.
        assert!(
            text[prev..t.span.start].chars().all(is_separator),
            "lost text {:?} in {text:?}",
            &text[prev..t.span.start]
        );
        prev = t.span.end;
    }
    assert!(
        text[prev..].chars().all(is_separator),
        "lost tail {:?} in {text:?}",
        &text[prev..]
    );
}

fn check_sentences(text: &str) {
    let mut prev = 0;
    for s in warta::split_sentences(text) {
        assert!(s.start >= prev && s.start < s.end && s.end <= text.len());
        let sentence = &text[s.range()];
        assert_eq!(
            sentence,
            sentence.trim_matches(is_separator),
            "untrimmed sentence"
        );
        prev = s.end;
    }
}

fn check_document(text: &str) {
    let doc = Extractor::new().extract(text);
    let mut prev_end = 0;
    for e in &doc.entities {
        assert_eq!(&text[e.span.range()], e.text);
        assert!(e.span.start >= prev_end, "entities overlap");
        prev_end = e.span.end;
    }
    for t in &doc.times {
        assert_eq!(&text[t.span.range()], t.text);
    }
    assert_eq!(doc, Extractor::new().extract(text), "non-deterministic");
}

/// Real-looking pieces to mutate and glue together.
const PIECES: &[&str] = &[
    "Presiden",
    "Joko Widodo",
    "Kim Jong-un",
    " ",
    "  ",
    "\n",
    "\n\n",
    ".",
    ",",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "19/06/2024",
    "09:48",
    "Rp 500 juta",
    "1.000.000",
    "fin.co.id",
    "Prof.",
    "S.H.",
    "@jokowi",
    "https://a.id/x",
    "sumber-sumber",
    "mengantarnya",
    "Korea Utara",
    "di",
    "Jakarta",
    "–",
    "...",
    "…",
    "\u{FEFF}",
    "\u{200B}",
    "\u{0}",
    "\r\n",
    "👍🏽",
    "e\u{301}",
    "ع",
    "中国",
    "-",
    "'",
    "’",
    "a.n.",
    "S.",
    "Yudhoyono",
    "Rusia-Korea",
    "dll.",
    "Tbk.",
    "?",
    "!",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokenizer_on_any_string(text in any::<String>()) {
        check_tokens(&text);
        check_sentences(&text);
    }

    #[test]
    fn tokenizer_on_news_pieces(text in pieces()) {
        check_tokens(&text);
        check_sentences(&text);
    }

    #[test]
    fn extractor_on_any_string(text in any::<String>()) {
        check_document(&text);
    }

    #[test]
    fn extractor_on_news_pieces(text in pieces()) {
        check_document(&text);
    }
}

#[test]
fn adversarial_inputs() {
    let long_word = "a".repeat(2_000_000);
    let brackets = "(".repeat(100_000) + &")".repeat(100_000);
    let quotes = "\"".repeat(100_000);
    let names = "Joko Widodo ".repeat(100_000);
    let dots = ".".repeat(100_000);
    for text in [
        "",
        " ",
        "\n\n\n",
        "\u{FEFF}",
        &long_word,
        &brackets,
        &quotes,
        &names,
        &dots,
        "\u{0}\u{1}\u{7f}",
    ] {
        check_tokens(text);
        check_sentences(text);
        let doc = Extractor::new().extract(text);
        assert!(doc.sentences.len() <= text.len());
    }
}
