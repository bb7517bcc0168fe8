//! The `warta` command as users run it.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], stdin: &str) -> Output {
    common::run_warta(args, stdin.as_bytes())
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document a line"))
        .collect()
}

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/putin-kim-fin-2024-06-19.txt"
);

#[test]
fn plain_file_follows_the_contract() {
    let out = warta(&["extract", SEED], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["id"], SEED);
    for key in ["reference_date", "sentences", "entities", "times", "events"] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    assert!(d.get("tokens").is_none());
    let text = common::seed();
    for e in d["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["text"].as_str().unwrap());
        for key in ["label", "entity_id", "name", "source"] {
            assert!(e.get(key).is_some(), "entity without {key}");
        }
    }
}

#[test]
fn stdin_and_tokens() {
    let out = warta(&["extract", "--tokens"], "Kim Jong-un tiba.");
    let d = &lines(&out)[0];
    assert_eq!(d["id"], "-");
    let tokens: Vec<(u64, u64)> = d["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(tokens, [(0, 3), (4, 11), (12, 16), (16, 17)]);
}

#[test]
fn jsonl_in_order_with_ids_dates_and_a_bad_line() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Putin tiba kemarin.\", \"date\": \"2024-06-19\"}\n",
        "\n",
        "{\"text\": \"Tanpa id.\"}\n",
        "{not json}\n",
        "{\"id\": 7, \"text\": \"Nomor.\", \"extra\": true}\n",
    );
    let out = warta(&["extract", "--jsonl", "--threads", "2"], input);
    assert!(out.status.success());
    let docs = lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "3", "7"]);
    assert_eq!(docs[0]["reference_date"], "2024-06-19");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:4: malformed JSON"), "{err}");
    assert!(err.contains("1 record(s) skipped"), "{err}");
}

#[test]
fn strict_stops_with_status_1() {
    let out = warta(
        &["extract", "--jsonl", "--strict"],
        "{\"text\": \"Satu.\"}\n{bad\n{\"text\": \"Dua.\"}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2:"));
}

#[test]
fn unreadable_file_is_reported_and_skipped() {
    let out = warta(&["extract", "/nonexistent/x.txt", SEED], "");
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/x.txt"));
}

#[test]
fn empty_input() {
    let out = warta(&["extract", "--jsonl"], "");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = warta(&["extract"], "");
    assert_eq!(lines(&out)[0]["sentences"], serde_json::json!([]));
}

#[test]
fn char_offsets() {
    let out = warta(&["extract", "--char-offsets"], "“Putin” tiba di Rusia.");
    let d = &lines(&out)[0];
    let rusia = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "Rusia")
        .unwrap();
    assert_eq!(
        (rusia["start"].as_u64(), rusia["end"].as_u64()),
        (Some(16), Some(21))
    );
}

#[test]
fn pretty_and_usage_errors() {
    let out = warta(&["extract", "--pretty"], "Halo.");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\n"));
    assert_eq!(warta(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(
        warta(&["extract", "--threads", "x"], "").status.code(),
        Some(2)
    );
    let help = warta(&["--help"], "");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("EXAMPLES"));
}

#[test]
fn invalid_utf8_line_is_skipped() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"text\": \"a\xff\"}\n{\"text\": \"Baik.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(lines(&out).len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:1: invalid UTF-8"));
}

#[test]
fn parallel_output_is_identical_to_sequential() {
    let seed = common::seed();
    let mut input = String::new();
    for i in 0..40 {
        let text = if i % 3 == 0 {
            seed.clone()
        } else {
            format!(
                "Dokumen {i}: Presiden Joko Widodo bertemu Anwar Ibrahim di Bogor, Senin (8/1/2024)."
            )
        };
        input.push_str(&serde_json::json!({"id": i.to_string(), "text": text}).to_string());
        input.push('\n');
    }
    let one = warta(&["extract", "--jsonl", "--threads", "1"], &input);
    let two = warta(&["extract", "--jsonl", "--threads", "2"], &input);
    let four = warta(&["extract", "--jsonl", "--threads", "4"], &input);
    assert!(one.status.success());
    assert_eq!(lines(&one).len(), 40);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
}
