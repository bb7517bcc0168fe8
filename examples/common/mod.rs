//! What the examples and the bench share (each includes this file with `#[path]`): where the
//! shared data lives, and the texts of a JSONL corpus.
#![allow(dead_code)]

/// `$WARTA_DATA/REL`, else `../shared/data/REL` (the checkout's neighbour).
pub fn data_file(rel: &str) -> String {
    let dir = std::env::var("WARTA_DATA").unwrap_or_else(|_| "../shared/data".into());
    format!("{dir}/{rel}")
}

/// The evaluation data at `path`, or `None` once it has said that the evaluation needs the
/// shared data: without it there is nothing to score.
pub fn evaluation_data(path: &str) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) => {
            println!(
                "{path}: {e}: this evaluation needs the shared data (pass a path or set WARTA_DATA)"
            );
            None
        }
    }
}

/// The `text` of the first `limit` records of a JSONL corpus such as IndoSum's; when the file
/// cannot be read (a fresh clone has no shared data), the bundled seed article, with a notice.
pub fn corpus_texts(path: &str, limit: usize) -> Vec<String> {
    let jsonl = match std::fs::read_to_string(path) {
        Ok(jsonl) => jsonl,
        Err(e) => {
            eprintln!("notice: {path}: {e}; using the bundled seed article");
            return vec![include_str!("../data/putin-kim-fin-2024-06-19.txt").to_string()];
        }
    };
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(limit)
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON record");
            v["text"].as_str().expect("a `text` field").to_string()
        })
        .collect()
}
