//! Configuration errors beyond `tests/api.rs`: every bad gazetteer file gives a typed error that
//! names the file and line, whatever goes wrong; files saved by Windows editors (BOM, CRLF) load.

use std::path::Path;
use warta::Extractor;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn load(name: &str) -> Result<Extractor, warta::Error> {
    Extractor::builder()
        .defaults(false)
        .gazetteer_file(fixture(name))?
        .build()
}

/// The error of a bad fixture: at `line`, naming the file, its message containing `msg`.
fn bad(name: &str, line: usize, msg: &str) {
    let err = load(name).map(|_| ()).unwrap_err();
    let text = err.to_string();
    assert_eq!(err.line(), Some(line), "{text}");
    assert!(!err.is_io(), "{text}");
    assert_eq!(err.path(), Some(Path::new(&fixture(name))), "{text}");
    assert!(
        text.starts_with(&format!("{}:{line}: ", fixture(name))),
        "{text}"
    );
    assert!(text.contains(msg), "{name}: {text:?} lacks {msg:?}");
    // The same text through gazetteer_str gives the same error under the given name.
    if let Ok(body) = std::fs::read_to_string(fixture(name)) {
        let err = Extractor::builder()
            .defaults(false)
            .gazetteer_str("inline.tsv", &body)
            .and_then(|b| b.build())
            .map(|_| ())
            .unwrap_err();
        assert_eq!(err.line(), Some(line));
        assert!(
            err.to_string().starts_with(&format!("inline.tsv:{line}: ")),
            "{err}"
        );
    }
}

#[test]
fn too_many_columns() {
    bad(
        "bad-too-many-columns.tsv",
        3,
        "expected 5 TAB-separated columns, found 6",
    );
}

#[test]
fn spaces_instead_of_tabs() {
    bad(
        "bad-spaces-not-tabs.tsv",
        4,
        "expected 5 TAB-separated columns, found 1",
    );
}

#[test]
fn empty_id() {
    bad("bad-empty-id.tsv", 4, "empty id");
}

#[test]
fn blank_name() {
    bad("bad-blank-name.tsv", 4, "empty name");
}

#[test]
fn label_does_not_match_the_id() {
    bad(
        "bad-label-mismatch.tsv",
        3,
        "id \"per:a\" does not match label LOC",
    );
}

#[test]
fn every_bad_fixture_is_an_error_with_a_line() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !name.starts_with("bad-") {
            continue;
        }
        n += 1;
        // Duplicates across files are checked below.
        if name == "bad-duplicate-of-good.tsv" {
            assert!(load(&name).is_ok());
            continue;
        }
        let err = load(&name).map(|_| ()).unwrap_err();
        assert!(err.line().is_some(), "{name}: {err}");
        assert!(
            err.to_string().starts_with(&fixture(&name)),
            "{name}: {err}"
        );
        assert!(
            std::error::Error::source(&err).is_none(),
            "{name}: not an I/O error"
        );
    }
    assert!(n >= 12, "only {n} bad fixtures");
}

#[test]
fn duplicate_id_across_files_names_both() {
    let err = Extractor::builder()
        .defaults(false)
        .gazetteer_file(fixture("good.tsv"))
        .unwrap()
        .gazetteer_file(fixture("bad-duplicate-of-good.tsv"))
        .map(|_| ())
        .unwrap_err();
    let text = err.to_string();
    assert_eq!(err.line(), Some(4), "{text}");
    assert!(
        text.starts_with(&format!(
            "{}:4: duplicate id \"per:tok-dalang\"",
            fixture("bad-duplicate-of-good.tsv")
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}:4", fixture("good.tsv"))),
        "{text}"
    );
}

#[test]
fn missing_file_and_directory_are_io_errors() {
    for path in [fixture("no-such-file.tsv"), fixture("")] {
        let err = Extractor::builder()
            .defaults(false)
            .gazetteer_file(&path)
            .map(|_| ())
            .unwrap_err();
        assert!(err.is_io(), "{err}");
        assert_eq!(err.line(), None);
        assert!(std::error::Error::source(&err).is_some());
        assert!(err.to_string().starts_with(&format!("{path}: ")), "{err}");
    }
}

#[test]
fn invalid_utf8_names_the_line() {
    let err = load("bad-utf8.tsv").map(|_| ()).unwrap_err();
    assert_eq!(err.line(), Some(3));
    assert!(err.to_string().ends_with("invalid UTF-8"), "{err}");
}

/// A BOM and CRLF line ends, as Windows editors save files, load like the plain file.
#[test]
fn bom_and_crlf_load() {
    let text = "Kampung Durian Runtuh dipimpin Tok Dalang.";
    let plain = load("good.tsv").unwrap().extract(text);
    for name in ["good-bom-crlf.tsv", "good-bom-first-entry.tsv"] {
        let doc = load(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .extract(text);
        let ids = |d: &warta::Document| -> Vec<String> {
            d.entities.iter().map(|e| e.entity_id.clone()).collect()
        };
        assert!(ids(&doc).contains(&"per:tok-dalang".to_string()), "{name}");
        if name == "good-bom-crlf.tsv" {
            assert_eq!(ids(&doc), ids(&plain));
        }
    }
}

/// Errors from entries added in code carry no file or line but say what is wrong.
#[test]
fn entry_errors_without_a_file() {
    use warta::{GazetteerEntry, Label};
    for (entry, msg) in [
        (GazetteerEntry::new("per:a", Label::Per, " "), "empty name"),
        (GazetteerEntry::new("PER:A", Label::Per, "A"), "invalid id"),
        (
            GazetteerEntry::new("loc:a", Label::Per, "A"),
            "does not match",
        ),
        (
            GazetteerEntry::new("per:a", Label::Per, "A").alias(" "),
            "empty alias",
        ),
    ] {
        let err = Extractor::builder()
            .defaults(false)
            .entry(entry)
            .map(|_| ())
            .unwrap_err();
        assert_eq!((err.path(), err.line()), (None, None));
        assert!(err.to_string().contains(msg), "{err}");
    }
}
