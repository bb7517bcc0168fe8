//! Property tests over arbitrary Unicode and over mutated real sentences: extraction never
//! panics, every span of the output keeps the contract's invariants (see
//! `common/invariants.rs`), the same input gives the same output, and so do 4 threads at once.
//!
//! Real sentences come from `$WARTA_DATA/indosum/articles.jsonl` when `WARTA_DATA` is set (read
//! at test time, never copied into the repository), else from the bundled seed article.

#[path = "common/invariants.rs"]
mod invariants;

use jiff::civil::{Date, date};
use proptest::prelude::*;
use std::sync::LazyLock;
use warta::{Document, Extractor};

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builder().tokens(true).build().unwrap());

/// Articles read for sentences: enough for variety, few enough to load fast in a debug build.
const ARTICLES: usize = 300;

static SENTENCES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let texts: Vec<String> = match std::env::var_os("WARTA_DATA") {
        Some(dir) => {
            let path = std::path::Path::new(&dir).join("indosum/articles.jsonl");
            let jsonl = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("WARTA_DATA is set but {}: {e}", path.display()));
            jsonl
                .lines()
                .filter(|l| !l.trim().is_empty())
                .take(ARTICLES)
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).expect("IndoSum line");
                    v["text"].as_str().expect("text").to_string()
                })
                .collect()
        }
        None => {
            eprintln!("WARTA_DATA is not set: mutating the seed article's sentences only");
            vec![include_str!("../examples/data/putin-kim-fin-2024-06-19.txt").to_string()]
        }
    };
    let sentences: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            warta::split_sentences(t)
                .into_iter()
                .map(|s| t[s.range()].to_string())
        })
        .collect();
    assert!(sentences.len() > 10, "too few sentences");
    sentences
});

/// What mutations insert: separators, marks and pieces that stress each stage.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{200B}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{2029}",
    "\0",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    ".",
    ",",
    "!",
    "?",
    "...",
    "…",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "-",
    "–",
    "—",
    "/",
    ":",
    "@",
    "#",
    "_",
    "%",
    "+",
    "e\u{301}",
    "👍🏽",
    "👨‍👩‍👧",
    "🇮🇩",
    "中国",
    "Путин",
    "بوتين",
    "𝔘",
    "Joko Widodo",
    "Presiden",
    "Korea Utara",
    "Jakarta",
    "Kim Jong-un",
    "Rusia-Korea",
    "19/06/2024",
    "09:48",
    "pukul 09.48 WIB",
    "Rabu (19/6/2024)",
    "kemarin",
    "pekan lalu",
    "1.000.000",
    "Rp 500 juta",
    "fin.co.id",
    "a@b.co.id",
    "https://a.id/x(1)",
    "Prof.",
    "S.",
    "dll.",
    "bertemu dengan",
    "tiba di",
    "mengatakan",
    "akan",
    "tidak",
    "dia",
    "mereka",
];

#[derive(Clone, Debug)]
enum Mutation {
    Insert(u16, usize),
    Delete(u16, u8),
    Duplicate(u16, u8),
    Uppercase(u16, u8),
    Lowercase(u16, u8),
    SpacesTo(usize),
    Truncate(u16),
    Append(usize),
}

/// A char boundary of `s` at fraction `at / u16::MAX` of its length.
fn boundary(s: &str, at: u16) -> usize {
    let mut i = s.len() * usize::from(at) / usize::from(u16::MAX);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The boundary `n` chars after `i` (or the end).
fn chars_after(s: &str, i: usize, n: u8) -> usize {
    s[i..]
        .char_indices()
        .nth(usize::from(n))
        .map_or(s.len(), |(k, _)| i + k)
}

fn apply(text: &mut String, m: &Mutation) {
    match *m {
        Mutation::Insert(at, p) => {
            let i = boundary(text, at);
            text.insert_str(i, PIECES[p % PIECES.len()]);
        }
        Mutation::Delete(at, n) => {
            let i = boundary(text, at);
            let j = chars_after(text, i, n);
            text.replace_range(i..j, "");
        }
        Mutation::Duplicate(at, n) => {
            let i = boundary(text, at);
            let j = chars_after(text, i, n);
            let copy = text[i..j].to_string();
            text.insert_str(j, &copy);
        }
        Mutation::Uppercase(at, n) | Mutation::Lowercase(at, n) => {
            let i = boundary(text, at);
            let j = chars_after(text, i, n);
            let changed = if matches!(m, Mutation::Uppercase(..)) {
                text[i..j].to_uppercase()
            } else {
                text[i..j].to_lowercase()
            };
            text.replace_range(i..j, &changed);
        }
        Mutation::SpacesTo(p) => *text = text.replace(' ', PIECES[p % 14]),
        Mutation::Truncate(at) => {
            let i = boundary(text, at);
            text.truncate(i);
        }
        Mutation::Append(s) => {
            let other = &SENTENCES[s % SENTENCES.len()];
            text.push_str(PIECES[s % 3]);
            text.push_str(other);
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<u16>(), any::<usize>()).prop_map(|(a, p)| Mutation::Insert(a, p)),
        2 => (any::<u16>(), any::<u8>()).prop_map(|(a, n)| Mutation::Delete(a, n % 16)),
        1 => (any::<u16>(), any::<u8>()).prop_map(|(a, n)| Mutation::Duplicate(a, n % 32)),
        1 => (any::<u16>(), any::<u8>()).prop_map(|(a, n)| Mutation::Uppercase(a, n)),
        1 => (any::<u16>(), any::<u8>()).prop_map(|(a, n)| Mutation::Lowercase(a, n)),
        1 => any::<usize>().prop_map(Mutation::SpacesTo),
        1 => any::<u16>().prop_map(Mutation::Truncate),
        1 => any::<usize>().prop_map(Mutation::Append),
    ]
}

/// A real sentence (or two, glued) with up to 8 mutations.
fn mutated_sentence() -> impl Strategy<Value = String> {
    (any::<usize>(), prop::collection::vec(mutation(), 0..8)).prop_map(|(k, muts)| {
        let mut text = SENTENCES[k % SENTENCES.len()].clone();
        for m in &muts {
            apply(&mut text, m);
        }
        text
    })
}

/// Strings drawn mostly from characters that stress boundaries.
fn tricky_string() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        3 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        2 => prop::char::range('0', '9'),
        3 => prop::sample::select(vec![
            ' ', '\n', '\r', '\t', '\0', '\u{a0}', '\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}',
            '\u{2028}', '\u{2029}', '\u{85}', '.', ',', '-', '/', ':', '@', '#', '_', '(', ')',
            '"', '“', '”', '\'', '’', '…', '–', '\u{301}', '👍', '\u{1F3FD}', '🇮', '🇩', 'é',
            'ß', 'İ', 'ǅ', 'ﬁ', '中', 'ع', 'Ж',
        ]),
        1 => any::<char>(),
    ];
    prop::collection::vec(tricky, 0..200).prop_map(String::from_iter)
}

fn reference() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        (1i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Some(date(y, m, d))),
        Just(Some(date(2024, 6, 19))),
    ]
}

fn check(text: &str, reference: Option<Date>) -> Document {
    let doc = EXTRACTOR.extract_with_date(text, reference);
    invariants::check_document(text, &doc);
    let again = EXTRACTOR.extract_with_date(text, reference);
    assert_eq!(doc, again, "the same input gave another output");
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode(text in any::<String>(), r in reference()) {
        check(&text, r);
    }

    #[test]
    fn tricky_characters(text in tricky_string(), r in reference()) {
        check(&text, r);
    }

    #[test]
    fn mutated_real_sentences(text in mutated_sentence(), r in reference()) {
        check(&text, r);
    }

    #[test]
    fn serialized_output_round_trips(text in mutated_sentence()) {
        let doc = EXTRACTOR.extract(&text);
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, doc);
    }
}

/// The same documents from 4 threads at once give the same output as one thread.
#[test]
fn four_threads_agree() {
    let texts: Vec<String> = SENTENCES.chunks(7).take(200).map(|c| c.join(" ")).collect();
    let serial: Vec<Document> = texts.iter().map(|t| EXTRACTOR.extract(t)).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|k| {
                let texts = &texts;
                s.spawn(move || {
                    // Each thread walks the texts from another start, so they overlap in time.
                    let n = texts.len();
                    (0..n)
                        .map(|i| (i + k * n / 4) % n)
                        .map(|i| (i, EXTRACTOR.extract(&texts[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (i, doc) in h.join().expect("no thread panics") {
                assert_eq!(doc, serial[i], "thread result differs for text {i}");
            }
        }
    });
}

/// Fresh extractors (not the shared default) built on several threads at once agree too.
#[test]
fn extractors_built_concurrently_agree() {
    let text = SENTENCES
        .iter()
        .take(50)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n");
    let expected = Extractor::new().extract(&text);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let e = Extractor::builder().build().unwrap();
                assert_eq!(e.extract(&text), expected);
            });
        }
    });
}
