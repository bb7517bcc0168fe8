//! Events: the seed article's expected records (`spec/seed-expected.md`), the builder's pattern
//! files and their errors, and properties every event keeps.

mod common;

use warta::{Document, Event, EventType, Extractor, Modality, Role};

/// One expected row: the event must be reported in the sentence containing `sentence`.
struct Row {
    n: u32,
    sentence: &'static str,
    kinds: &'static [EventType],
    /// Canonical names (a participant matches on its name, or on its text when the gazetteer
    /// spells the canonical name differently).
    participants: &'static [(Role, &'static str)],
    /// Matched on the place's text or name; `None`: no place.
    place: Option<&'static str>,
    /// `None`: no time.
    time: Option<&'static str>,
}

use EventType::{Arrive, Meet, Statement, Transfer, Visit};
use Role::{Giver, Guest, Object, Participant, Recipient, Speaker, Traveller, Visitor};

const ROWS: &[Row] = &[
    Row {
        n: 1,
        sentence: "Putin dan Pemimpin Korea Utara Kim Jong-un Bertemu",
        kinds: &[Meet],
        participants: &[
            (Participant, "Vladimir Putin"),
            (Participant, "Kim Jong Un"),
        ],
        place: None,
        time: None,
    },
    Row {
        n: 2,
        sentence: "berjabat tangan saat pertemuan mereka di Kosmodrom",
        kinds: &[Meet],
        participants: &[
            (Participant, "Vladimir Putin"),
            (Participant, "Kim Jong Un"),
        ],
        place: Some("Kosmodrom Vostochny"),
        time: Some("2023-09-13"),
    },
    Row {
        n: 3,
        sentence: "Putin kembali mengunjungi Korea Utara",
        kinds: &[Visit],
        participants: &[(Visitor, "Vladimir Putin")],
        place: Some("Korea Utara"),
        time: Some("2024-06-29"),
    },
    Row {
        n: 4,
        sentence: "melakukan pertemuan dengan pemimpin Kora Utara",
        kinds: &[Meet],
        participants: &[
            (Participant, "Vladimir Putin"),
            (Participant, "Kim Jong Un"),
        ],
        place: None,
        time: Some("2024-06-19"),
    },
    Row {
        n: 5,
        sentence: "Vladimir Putin tiba di Korea Utara",
        kinds: &[Arrive],
        participants: &[(Traveller, "Vladimir Putin")],
        place: Some("Korea Utara"),
        time: None,
    },
    Row {
        n: 6,
        sentence: "dia disambut langsung oleh Kim Jong Un",
        kinds: &[EventType::Host],
        participants: &[(Role::Host, "Kim Jong Un"), (Guest, "Vladimir Putin")],
        place: Some("Pyongyang"),
        time: None,
    },
    Row {
        n: 7,
        sentence: "Mereka berjabat tangan dan berpelukan",
        kinds: &[Meet],
        participants: &[
            (Participant, "Vladimir Putin"),
            (Participant, "Kim Jong Un"),
        ],
        place: None,
        time: None,
    },
    Row {
        n: 8,
        sentence: "Kantor Berita Pusat Korea Utara menyebut",
        kinds: &[Statement],
        participants: &[(Speaker, "Kantor Berita Pusat Korea Utara")],
        place: None,
        time: None,
    },
    Row {
        n: 9,
        sentence: "perjalanan pertamanya ke Korea Utara",
        kinds: &[Arrive, Visit],
        participants: &[(Traveller, "Vladimir Putin")],
        place: Some("Korea Utara"),
        time: Some("2000"),
    },
    Row {
        n: 10,
        sentence: "Putin mengatakan, ia menghargai",
        kinds: &[Statement],
        participants: &[(Speaker, "Vladimir Putin")],
        place: None,
        time: None,
    },
    Row {
        n: 11,
        sentence: "Putin mengirimi Kim sebuah limusin",
        kinds: &[Transfer],
        participants: &[(Giver, "Vladimir Putin"), (Recipient, "Kim Jong Un")],
        place: None,
        time: Some("2024"),
    },
    Row {
        n: 12,
        sentence: "ketika mereka bertemu pada bulan September",
        kinds: &[Meet],
        participants: &[
            (Participant, "Vladimir Putin"),
            (Participant, "Kim Jong Un"),
        ],
        place: None,
        time: Some("2023-09"),
    },
    Row {
        n: 13,
        sentence: "Para pejabat AS dan Korea Selatan mengatakan",
        kinds: &[Statement],
        participants: &[(Speaker, "Amerika Serikat"), (Speaker, "Korea Selatan")],
        place: None,
        time: None,
    },
    Row {
        n: 14,
        sentence: "John Kirby, juru bicara",
        kinds: &[Statement],
        participants: &[(Speaker, "John Kirby")],
        place: None,
        time: None,
    },
    Row {
        n: 15,
        sentence: "Dia mengatakan negara-negara tersebut",
        kinds: &[Statement],
        participants: &[(Speaker, "Vladimir Putin")],
        place: None,
        time: None,
    },
];

fn matches(text: &str, row: &Row, e: &Event) -> bool {
    if !row.kinds.contains(&e.kind) || e.modality != Modality::Asserted {
        return false;
    }
    let parties = row.participants.iter().all(|(role, name)| {
        e.participants.iter().any(|p| {
            // Row 9 accepts a VISIT, whose party is the visitor.
            let role_ok = p.role == *role || (*role == Traveller && p.role == Visitor);
            role_ok && (p.name.as_deref() == Some(name) || p.text == *name)
        })
    });
    let place = match (row.place, &e.place) {
        (None, None) => true,
        (Some(want), Some(p)) => p.text.contains(want) || p.name.as_deref() == Some(want),
        _ => false,
    };
    let time = e.time.as_ref().and_then(|t| t.value.as_deref()) == row.time;
    parties && place && time && text[e.sentence.range()].contains(row.sentence)
}

fn failing_rows(doc: &Document, text: &str, rows: &[u32]) -> Vec<String> {
    let mut bad = Vec::new();
    for row in ROWS.iter().filter(|r| rows.contains(&r.n)) {
        let sentences: Vec<_> = doc
            .sentences
            .iter()
            .filter(|s| text[s.range()].contains(row.sentence))
            .collect();
        assert!(!sentences.is_empty(), "row {}: sentence not found", row.n);
        for s in sentences {
            if !doc
                .events
                .iter()
                .any(|e| e.sentence == *s && matches(text, row, e))
            {
                let found: Vec<_> = doc.events.iter().filter(|e| e.sentence == *s).collect();
                bad.push(format!("row {}: {found:#?}", row.n));
            }
        }
    }
    bad
}

/// Every row the extractor can pass with today's recognition.
#[test]
fn seed_article_events() {
    let text = common::seed();
    let doc = Extractor::new().extract(&text);
    let rows: Vec<u32> = (1..=15).collect();
    let bad = failing_rows(&doc, &text, &rows);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn seed_article_not_events() {
    let text = common::seed();
    let doc = Extractor::new().extract(&text);
    for e in &doc.events {
        let s = &text[e.sentence.range()];
        assert!(!s.contains("perlindungan politik"), "{e:#?}");
        assert!(!s.starts_with("Kedua negara disebut"), "{e:#?}");
        if s.starts_with("Kantor Berita") {
            assert_eq!(
                e.kind, Statement,
                "`pertemuan keduanya` adds nothing: {e:#?}"
            );
        }
    }
    // The headline twice, rows 2 to 15 once (row 1's and row 4's happening may share a group),
    // and at most the optional extras on top.
    let core = doc
        .events
        .iter()
        .filter(|e| e.participants.iter().any(|p| p.name.is_some()))
        .count();
    assert!(
        (16..=18).contains(&core),
        "{core} events: {:#?}",
        doc.events
    );
}

#[test]
fn seed_article_groups_and_extras() {
    let text = common::seed();
    let doc = Extractor::new().extract(&text);
    let group_of = |needle: &str| {
        doc.events
            .iter()
            .find(|e| e.kind == Meet && text[e.sentence.range()].contains(needle))
            .and_then(|e| e.group)
    };
    assert_eq!(
        group_of("berjabat tangan saat"),
        group_of("ketika mereka bertemu")
    );
    assert_eq!(
        group_of("melakukan pertemuan"),
        group_of("Mereka berjabat tangan")
    );
    assert_ne!(
        group_of("melakukan pertemuan"),
        group_of("berjabat tangan saat")
    );
    let statement = doc
        .events
        .iter()
        .find(|e| e.kind == Statement && text[e.sentence.range()].starts_with("Putin mengatakan"))
        .unwrap();
    let content = statement.content.expect("content");
    assert!(text[content.range()].starts_with("ia menghargai"));
    let transfer = doc.events.iter().find(|e| e.kind == Transfer).unwrap();
    let object = transfer
        .participants
        .iter()
        .find(|p| p.role == Object)
        .unwrap();
    assert!(object.text.contains("limusin Aurus Senat"), "{object:?}");
    assert_eq!(statement.cameo.as_deref(), Some("010"));
}

/// Row 8 by the speaker's canonical name, not only its mention.
#[test]
fn seed_article_statement_by_canonical_name() {
    let text = common::seed();
    let doc = Extractor::new().extract(&text);
    assert!(doc.events.iter().any(|e| {
        e.kind == Statement
            && e.participants
                .iter()
                .any(|p| p.name.as_deref() == Some("Kantor Berita Pusat Korea Utara"))
    }));
}

macro_rules! bad_pattern_fixtures {
    ($($name:ident: $file:expr => ($line:expr, $msg:expr);)*) => {
        $(#[test] fn $name() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/", $file);
            let err = Extractor::builder().patterns_file(path).unwrap_err();
            assert_eq!(err.line(), $line, "{err}");
            let msg = err.to_string();
            assert!(msg.starts_with(path) && msg.contains($msg), "{msg}");
        })*
    };
}

bad_pattern_fixtures! {
    pattern_unknown_type: "bad-pattern-type.tsv" => (Some(4), "unknown event type \"MEETING\"");
    pattern_example_first: "bad-pattern-example.tsv" => (Some(2), "example before any trigger");
    pattern_bad_option: "bad-pattern-option.tsv" => (Some(2), "invalid trigger option \"sometimes\"");
    pattern_unknown_cue: "bad-pattern-cue.tsv" => (Some(3), "unknown cue list \"colours\"");
}

#[test]
fn pattern_file_from_disk_adds_a_trigger() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good-patterns.tsv"
    );
    let extractor = Extractor::builder()
        .patterns_file(path)
        .unwrap()
        .build()
        .unwrap();
    let doc = extractor.extract("Joko Widodo bersilaturahmi dengan Jusuf Kalla di Jakarta.");
    assert_eq!(doc.events.len(), 1);
    assert_eq!(doc.events[0].kind, Meet);
    assert!(
        Extractor::builder()
            .patterns_file("/nonexistent/p.tsv")
            .unwrap_err()
            .is_io()
    );
}

#[test]
fn modality_and_no_panic_on_odd_input() {
    let doc = Extractor::new().extract("Joko Widodo tidak bertemu dengan Jusuf Kalla.");
    assert_eq!(doc.events[0].modality, Modality::Negated);
    let doc = Extractor::new().extract("Joko Widodo akan bertemu dengan Jusuf Kalla.");
    assert_eq!(doc.events[0].modality, Modality::Planned);
    for t in [
        "",
        "bertemu",
        "dengan dan , oleh",
        "kata",
        "(((",
        "Ia mengatakan",
        "menyambutnya oleh",
    ] {
        Extractor::new().extract(t);
    }
}
