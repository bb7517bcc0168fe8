//! The public surface: thread safety, the builder, and configuration errors.

use warta::{Extractor, ExtractorBuilder, GazetteerEntry, Label, Source};

#[test]
fn main_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    assert_send_sync::<ExtractorBuilder>();
    assert_send_sync::<warta::Document>();
    assert_send_sync::<warta::Error>();
}

#[test]
fn shared_across_threads() {
    let extractor = Extractor::new();
    let text = "Presiden Rusia Vladimir Putin tiba di Pyongyang, Korea Utara.";
    let expected = extractor.extract(text);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| assert_eq!(extractor.extract(text), expected));
        }
    });
}

#[test]
fn default_gazetteer_is_shared_not_rebuilt() {
    let (entries, names) = Extractor::new().gazetteer_size();
    assert_eq!(
        Extractor::builder().build().unwrap().gazetteer_size(),
        (entries, names)
    );
}

#[test]
fn custom_entries_without_defaults() {
    let extractor = Extractor::builder()
        .defaults(false)
        .entry(GazetteerEntry::new("org:lab", Label::Org, "Warta Lab").alias("WL"))
        .unwrap()
        .build()
        .unwrap();
    let doc = extractor.extract("WL dan Warta Lab buka kantor.");
    let found: Vec<(&str, &str, Source)> = doc
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.entity_id.as_str(), e.source))
        .collect();
    assert_eq!(
        found,
        [
            ("WL", "org:lab", Source::Gazetteer),
            ("Warta Lab", "org:lab", Source::Gazetteer)
        ]
    );
}

#[test]
fn gazetteer_file_from_disk() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/good.tsv");
    let extractor = Extractor::builder()
        .gazetteer_file(path)
        .unwrap()
        .build()
        .unwrap();
    let doc = extractor.extract("Kampung Durian Runtuh dipimpin Tok Dalang.");
    let ids: Vec<&str> = doc.entities.iter().map(|e| e.entity_id.as_str()).collect();
    assert_eq!(ids, ["loc:kampung-durian-runtuh", "per:tok-dalang"]);
}

#[test]
fn duplicate_of_a_default_id_is_an_error() {
    let err = Extractor::builder()
        .gazetteer_str("mine.tsv", "loc:korea-utara\tLOC\tKorea Utara\t\t\n")
        .unwrap()
        .build()
        .unwrap_err();
    assert!(err.to_string().starts_with("mine.tsv:1: duplicate id \"loc:korea-utara\" (first defined at gazetteers/countries.tsv:"), "{err}");
}

macro_rules! bad_fixtures {
    ($($name:ident: $file:expr => ($line:expr, $msg:expr);)*) => {
        $(#[test] fn $name() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/", $file);
            let err = Extractor::builder().defaults(false).gazetteer_file(path).unwrap_err();
            assert_eq!(err.line(), $line, "{err}");
            assert!(err.path().unwrap().ends_with($file));
            let msg = err.to_string();
            assert!(msg.contains($msg), "{msg}");
            assert!(msg.starts_with(path), "{msg}");
        })*
    };
}

bad_fixtures! {
    wrong_column_count: "bad-columns.tsv" => (Some(4), "expected 5 TAB-separated columns, found 4");
    empty_name: "bad-empty-name.tsv" => (Some(3), "empty name");
    unknown_label: "bad-label.tsv" => (Some(3), "unknown label \"PERSON\"");
    duplicate_id: "bad-duplicate.tsv" => (Some(4), "duplicate id \"per:a\"");
    invalid_utf8: "bad-utf8.tsv" => (Some(3), "invalid UTF-8");
    bad_attribute: "bad-attr.tsv" => (Some(3), "invalid attribute");
    bad_id: "bad-id.tsv" => (Some(3), "invalid id");
}

#[test]
fn missing_file() {
    let err = Extractor::builder()
        .gazetteer_file("tests/fixtures/does-not-exist.tsv")
        .unwrap_err();
    assert!(err.is_io());
    assert_eq!(err.line(), None);
    assert!(
        err.to_string()
            .starts_with("tests/fixtures/does-not-exist.tsv: "),
        "{err}"
    );
}

#[test]
fn batch_equals_sequential() {
    let extractor = Extractor::new();
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/putin-kim-fin-2024-06-19.txt"
    ))
    .unwrap();
    let texts: Vec<String> = (0..24)
        .map(|i| {
            if i % 4 == 0 {
                seed.clone()
            } else {
                format!(
                    "Menteri Keuangan Tarmizi Handoko tiba di Medan, Senin (8/1/2024). Nomor {i}."
                )
            }
        })
        .collect();
    let batch = extractor.extract_batch(&texts);
    let sequential: Vec<_> = texts.iter().map(|t| extractor.extract(t)).collect();
    assert_eq!(batch, sequential);
}
