//! Adversarial inputs at moderate sizes (debug build): each finishes well inside a generous
//! time bound, and its output keeps every invariant of the contract. A quadratic path blows the
//! bound by orders of magnitude at these sizes; the 1× / 10× linear-time ratios and peak memory
//! at 2 MB and 20 MB are measured by `cargo run --release --example adversarial`.

#[path = "common/adversarial.rs"]
mod cases;
#[path = "common/invariants.rs"]
mod invariants;

use std::sync::mpsc;
use std::time::{Duration, Instant};
use warta::Extractor;

/// Far above what a linear pass takes at these sizes in a debug build on a busy 2-core machine.
const BOUND: Duration = Duration::from_secs(60);
const SIZE: usize = 256 << 10;

fn extractor() -> Extractor {
    Extractor::builder().tokens(true).build().unwrap()
}

/// Extracts `text` on another thread, failing when it takes longer than `BOUND`.
fn extract_in_time(name: &str, text: String) -> (String, warta::Document) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let t = Instant::now();
        let doc = extractor().extract(&text);
        let _ = tx.send((text, doc, t.elapsed()));
    });
    match rx.recv_timeout(BOUND) {
        Ok((text, doc, took)) => {
            eprintln!("{name}: {} bytes in {took:?}", text.len());
            (text, doc)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: not finished after {BOUND:?} (not linear?)")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: extraction panicked"),
    }
}

fn run(name: &str, bytes: usize) -> (String, warta::Document) {
    let text = cases::case(name).expect("known case")(bytes);
    let (text, doc) = extract_in_time(name, text);
    invariants::check_document(&text, &doc);
    (text, doc)
}

macro_rules! adversarial {
    ($($name:ident $(: $bytes:expr)?;)*) => {
        $(#[test] fn $name() {
            #[allow(unused_variables)]
            let bytes = SIZE;
            $(let bytes = $bytes;)?
            run(stringify!($name), bytes);
        })*

        #[test]
        fn every_case_is_tested() {
            let tested = [$(stringify!($name)),*];
            for (name, _) in cases::CASES {
                assert!(tested.contains(name), "case {name} has no test");
            }
        }
    };
}

adversarial! {
    empty;
    whitespace;
    long_word;
    long_capital_word;
    long_non_ascii_word;
    long_number;
    long_dotted_number;
    long_date_chain;
    long_hyphen_chain;
    long_domain_chain;
    long_email_like;
    long_url;
    long_abbreviation_chain;
    name_repeat;
    name_repeat_no_space;
    places_repeat;
    nested_brackets;
    nested_mixed;
    quotes;
    curly_quotes;
    dots;
    question_marks;
    short_sentences;
    controls;
    nul;
    zero_width_and_nbsp;
    combining_marks;
    mixed_scripts_emoji;
    emoji_no_space;
    crlf;
    bare_cr;
    blank_lines;
    long_first_hyphen_part: 1 << 20;
    boms;
    dates_one_sentence;
    bare_clocks_one_sentence: 1 << 20;
    relative_times;
    acronyms_one_sentence;
    titles_and_heads_one_sentence;
    seed_article_repeated;
}

/// Token starts in long runs of e-mail or domain characters (`_._._`, `abcd.abcd.`) were each
/// rescanned to the end of the run: quadratic.
#[test]
fn email_and_domain_runs() {
    for unit in ["abcd.", "1_", "_.", "a-b.", "x%y+"] {
        let text = cases::repeat_to(unit, SIZE);
        let (text, doc) = extract_in_time(unit, text);
        invariants::check_document(&text, &doc);
    }
}

#[test]
fn empty_and_blank_texts_give_empty_documents() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\r\n",
        "\u{FEFF}",
        "\u{200B}\u{a0}\u{2060}",
        "\0\0",
    ] {
        let doc = extractor().extract(text);
        assert!(doc.sentences.is_empty(), "{text:?}");
        assert!(doc.entities.is_empty() && doc.times.is_empty() && doc.events.is_empty());
        assert_eq!(doc.tokens.as_deref(), Some(&[][..]), "{text:?}");
    }
}

#[test]
fn hundred_thousand_names() {
    let (text, doc) = run("name_repeat", 100_000 * "Joko Widodo ".len());
    assert_eq!(text.matches("Joko Widodo").count(), 100_000);
    assert_eq!(doc.entities.len(), 100_000);
    assert!(
        doc.entities
            .iter()
            .all(|e| e.entity_id == doc.entities[0].entity_id)
    );
}

#[test]
fn hundred_thousand_nested_brackets_and_quotes() {
    for (open, close) in [("(", ")"), ("\"", "\""), ("“", "”"), ("[", "]"), ("«", "»")] {
        let text = format!(
            "{}Presiden Joko Widodo tiba di Jakarta.{}",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        let (text, doc) = extract_in_time(open, text);
        invariants::check_document(&text, &doc);
        let names: Vec<&str> = doc.entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(names, ["Joko Widodo", "Jakarta"], "{open}");
    }
}

/// A BOM, CRLF line ends, NUL, zero-width and non-breaking spaces do not hide what a sentence
/// says, and offsets still index the text as given.
#[test]
fn invisible_characters_keep_offsets_and_entities() {
    let plain = "Presiden Joko Widodo tiba di Jakarta pada 19 Juni 2024.";
    for text in [
        format!("\u{FEFF}{plain}"),
        format!("Judul\r\n\r\n{plain}\r\n"),
        format!("\0{plain}\0"),
        format!("\u{200B}{plain}\u{200B}"),
        format!("👍🏽 {plain} 中国 🇮🇩"),
    ] {
        let doc = extractor().extract(&text);
        invariants::check_document(&text, &doc);
        let names: Vec<&str> = doc.entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(names, ["Joko Widodo", "Jakarta"], "{text:?}");
        let times: Vec<Option<&str>> = doc.times.iter().map(|t| t.value.as_deref()).collect();
        assert_eq!(times, [Some("2024-06-19")], "{text:?}");
    }
}

/// Non-breaking spaces keep offsets and sentences; a name written with them (`Joko\u{a0}Widodo`)
/// is not matched yet: the gazetteer matches names with plain spaces only.
#[test]
fn non_breaking_spaces_keep_offsets() {
    let text = "Presiden Joko Widodo tiba di Jakarta pada 19 Juni 2024.".replace(' ', "\u{a0}");
    let doc = extractor().extract(&text);
    invariants::check_document(&text, &doc);
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(doc.times.len(), 1);
    assert!(doc.entities.iter().any(|e| e.text == "Jakarta"));
}

#[test]
fn bom_is_skipped_like_whitespace() {
    let text = "\u{FEFF}Putin tiba.";
    let doc = extractor().extract(text);
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(
        doc.sentences[0].start, 3,
        "the BOM stays in the text and is skipped"
    );
}

/// Relative, weekday and yearless expressions resolved against the ends of the calendar
/// (jiff's -9999-01-01 and 9999-12-31) do not panic and leave values unknown where they fall off.
#[test]
fn reference_dates_at_the_ends_of_the_calendar() {
    let text = "Kemarin, besok, lusa, pekan lalu, pekan depan, bulan lalu, bulan depan, tahun lalu, \
        tahun depan, 24 tahun lalu, 10 tahun mendatang, 3 hari lagi, Senin, Minggu depan, \
        bulan Maret, bulan Desember mendatang, 31 Desember, 1 Januari, awal tahun ini, akhir \
        bulan depan, pukul 09.48 WIB, 29 Februari, Rabu (31/12), 1/1, tahun 10000, 9999-an.";
    for reference in [
        jiff::civil::Date::MIN,
        jiff::civil::Date::MAX,
        jiff::civil::date(2024, 2, 29),
        jiff::civil::date(1, 1, 1),
    ] {
        let doc = extractor().extract_with_date(text, Some(reference));
        invariants::check_document(text, &doc);
        assert!(doc.times.len() >= 15, "{reference}: {:?}", doc.times);
    }
}

/// One sentence without a period holding thousands of coordinated events: argument search is
/// bounded by windows, so this stays linear (it was quadratic in the event stage).
#[test]
fn one_sentence_of_many_events() {
    let text = "Putin bertemu Kim Jong Un dan mereka berjabat tangan, kata dia ".repeat(5_000);
    let (text, doc) = extract_in_time("many_events", text);
    invariants::check_document(&text, &doc);
    assert!(doc.events.len() > 10_000);
    assert!(doc.events.iter().all(|e| e.sentence == doc.sentences[0]));
}
