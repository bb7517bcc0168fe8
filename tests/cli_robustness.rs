//! The command on bad input: every bad record (invalid UTF-8, malformed JSON, a document over
//! `--max-bytes`, an unreadable file) is reported on standard error and skipped, everything
//! else is written in order, and the run exits 0; `--strict` stops at the first with status 1.
#![cfg(feature = "cli")]

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], stdin: &[u8]) -> Output {
    common::run_warta(args, stdin)
}

fn ids(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON document a line");
            v["id"].as_str().unwrap().to_string()
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh directory for this test's files.
fn dir(test: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-robustness-{test}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn plain_files_bad_ones_skipped_rest_kept() {
    let d = dir("plain");
    let good1 = file(&d, "a.txt", b"Presiden Joko Widodo tiba di Jakarta.");
    let bad_utf8 = file(&d, "b.txt", b"Presiden \xff\xfe tiba.");
    let too_big = file(
        &d,
        "c.txt",
        "Putin tiba di Pyongyang. ".repeat(100).as_bytes(),
    );
    let good2 = file(&d, "d.txt", b"Kim Jong Un menyambut Putin.");
    let missing = d.join("missing.txt").to_str().unwrap().to_string();
    let out = warta(
        &[
            "extract",
            "--max-bytes",
            "1000",
            &good1,
            &bad_utf8,
            &too_big,
            &missing,
            &good2,
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), [good1, good2]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{bad_utf8}: invalid UTF-8 at byte 9")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{too_big}: larger than --max-bytes 1000")),
        "{err}"
    );
    assert!(err.contains(&missing), "{err}");
    assert!(err.contains("3 record(s) skipped"), "{err}");
}

#[test]
fn plain_file_at_the_limit_is_kept() {
    let d = dir("limit");
    let text = "Putin tiba.".repeat(10);
    let exact = file(&d, "exact.txt", text.as_bytes());
    let over = file(&d, "over.txt", format!("{text} ").as_bytes());
    let limit = text.len().to_string();
    let out = warta(&["extract", "--max-bytes", &limit, &exact, &over], b"");
    assert!(out.status.success());
    assert_eq!(ids(&out), [exact]);
    assert!(stderr(&out).contains("1 record(s) skipped"));
}

#[test]
fn strict_stops_at_each_kind_of_bad_plain_file() {
    let d = dir("strict-plain");
    let good = file(&d, "good.txt", b"Putin tiba.");
    let cases = [
        (file(&d, "utf8.txt", b"\xc3("), "invalid UTF-8"),
        (
            file(&d, "big.txt", &[b'a'; 2000]),
            "larger than --max-bytes",
        ),
        (
            d.join("missing.txt").to_str().unwrap().to_string(),
            "missing.txt",
        ),
    ];
    for (bad, msg) in &cases {
        let out = warta(
            &[
                "extract",
                "--strict",
                "--max-bytes",
                "1000",
                &good,
                bad,
                &good,
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(stderr(&out).contains(msg), "{}", stderr(&out));
        // What came before the bad record may be written; nothing after it is.
        assert!(ids(&out).len() <= 1, "{bad}");
    }
}

#[test]
fn jsonl_every_kind_of_bad_line_skipped_rest_kept() {
    let mut input = Vec::new();
    let mut line = |s: &[u8]| {
        input.extend_from_slice(s);
        input.push(b'\n');
    };
    line(br#"{"id": "ok1", "text": "Putin tiba."}"#); // 1
    line(b"{\"id\": \"utf8\", \"text\": \"\xff\"}"); // 2
    line(br#"{"id": "trunc", "text": "Putin"#); // 3
    line(br#"["not", "an", "object"]"#); // 4
    line(br#"{"id": "notext"}"#); // 5
    line(br#"{"id": "num", "text": 5}"#); // 6
    line(br#"{"id": "date", "text": "Putin.", "date": "19/06/2024"}"#); // 7
    line(br#"{"id": "datetype", "text": "Putin.", "date": 20240619}"#); // 8
    line(format!(r#"{{"id": "big", "text": "{}"}}"#, "a".repeat(2000)).as_bytes()); // 9
    line(b""); // 10: blank, skipped silently
    line(b"   \t"); // 11: blank
    line(br#"{"id": "ok2", "text": "Kim tiba.\r\nLalu pergi."}"#); // 12
    input.extend_from_slice(br#"{"id": "ok3", "text": "Tanpa baris akhir."}"#); // 13
    let out = warta(&["extract", "--jsonl", "--max-bytes", "1000"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), ["ok1", "ok2", "ok3"]);
    let err = stderr(&out);
    for (n, msg) in [
        (2, "invalid UTF-8"),
        (3, "malformed JSON"),
        (4, "not a JSON object"),
        (5, "no \"text\" field"),
        (6, "\"text\" is not a string"),
        (7, "invalid \"date\""),
        (8, "\"date\" is not a string"),
        (9, "line larger than --max-bytes 1000"),
    ] {
        assert!(err.contains(&format!("-:{n}: {msg}")), "line {n}: {err}");
    }
    assert!(err.contains("8 record(s) skipped"), "{err}");
}

#[test]
fn jsonl_strict_stops_at_each_kind_of_bad_line() {
    for bad in [
        &b"{\"text\": \"\xff\"}"[..],
        b"{bad",
        b"[]",
        b"{\"id\": 1}",
        br#"{"text": "x", "date": "kemarin"}"#,
    ] {
        let mut input = b"{\"id\": \"a\", \"text\": \"Satu.\"}\n".to_vec();
        input.extend_from_slice(bad);
        input.extend_from_slice(b"\n{\"id\": \"c\", \"text\": \"Tiga.\"}\n");
        let out = warta(&["extract", "--jsonl", "--strict"], &input);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(bad)
        );
        assert!(stderr(&out).contains("-:2: "), "{}", stderr(&out));
        assert!(!ids(&out).contains(&"c".to_string()));
    }
    let big = format!(
        "{{\"text\": \"{}\"}}\n{{\"text\": \"Dua.\"}}\n",
        "a".repeat(100)
    );
    let out = warta(
        &["extract", "--jsonl", "--strict", "--max-bytes", "50"],
        big.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("-:1: line larger than --max-bytes 50"));
    assert!(out.stdout.is_empty());
}

/// Bad lines in several files: each report names its file and line, and records keep their
/// input order across files.
#[test]
fn jsonl_files_report_path_and_line() {
    let d = dir("jsonl-files");
    let a = file(
        &d,
        "a.jsonl",
        b"{\"id\": \"a1\", \"text\": \"Satu.\"}\n{oops\n",
    );
    let b = file(
        &d,
        "b.jsonl",
        b"\n\n{\"id\": \"b3\", \"text\": \"Tiga.\"}\n\xff\n",
    );
    let out = warta(&["extract", "--jsonl", &a, &b], b"");
    assert!(out.status.success());
    assert_eq!(ids(&out), ["a1", "b3"]);
    let err = stderr(&out);
    assert!(err.contains(&format!("{a}:2: malformed JSON")), "{err}");
    assert!(err.contains(&format!("{b}:4: invalid UTF-8")), "{err}");
    assert!(err.contains("2 record(s) skipped"), "{err}");
}

/// A plain file's BOM, NUL and CRLF stay in the text: offsets index the file as given.
#[test]
fn plain_file_offsets_index_the_bytes_as_given() {
    let text = "\u{FEFF}Judul\r\n\r\nPresiden Joko Widodo\0 tiba di Jakarta.\r\n";
    let out = warta(&["extract"], text.as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    let entities = v["entities"].as_array().unwrap();
    assert!(!entities.is_empty());
    for e in entities {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["text"].as_str().unwrap());
    }
    assert_eq!(
        v["sentences"][0]["start"], 3,
        "the BOM is skipped like whitespace"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["extract", "--max-bytes", "lots"][..],
        &["extract", "--max-bytes"],
        &["extract", "--date", "19/06/2024"],
        &["extract", "--no-such-flag"],
        &[],
    ] {
        let out = warta(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

/// A JSONL line far over `--max-bytes` is skipped without being held in memory: under a 1 GiB
/// address-space limit, a 1.5 GiB line is reported and the next line is still written.
#[test]
fn jsonl_huge_line_in_bounded_memory() {
    if !std::path::Path::new("/bin/sh").exists() {
        return;
    }
    let script = format!(
        "ulimit -v {}; exec \"$0\" extract --jsonl --max-bytes 100000",
        1 << 20 // KiB
    );
    let mut child = Command::new("/bin/sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_warta")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1 << 20];
        input.write_all(b"{\"text\": \"").ok()?;
        for _ in 0..1536 {
            input.write_all(&chunk).ok()?;
        }
        input
            .write_all(b"\"}\n{\"id\": \"after\", \"text\": \"Putin tiba.\"}\n")
            .ok()
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&out), ["after"]);
    assert!(stderr(&out).contains("-:1: line larger than --max-bytes 100000"));
}

/// A JSONL file saved with a byte-order mark keeps its first record.
#[test]
fn jsonl_with_a_bom_keeps_its_first_record() {
    let input = "\u{FEFF}{\"id\": \"first\", \"text\": \"Putin tiba.\"}\r\n{\"id\": \"second\", \"text\": \"Kim tiba.\"}\r\n";
    let out = warta(&["extract", "--jsonl"], input.as_bytes());
    assert!(out.status.success());
    assert_eq!(ids(&out), ["first", "second"], "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}
