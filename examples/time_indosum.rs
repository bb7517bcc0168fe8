//! Evaluation aid for the time stage on IndoSum articles.
//!
//! Reads `../shared/data/indosum/articles.jsonl` (or the path given as the first argument), runs
//! the time finder on every article with the article's collection date (the UTC date of the Unix
//! timestamp that begins its `id`) as reference, and prints counts plus a reproducible random
//! sample of found expressions as `id | context | text | value` lines for judging by hand. It
//! also compares the dateline date found in the text with the date in the article's URL.
//!
//! `cargo run --release --example time_indosum [PATH] [SAMPLE_SIZE] [SEED]`

use std::io::BufRead;

use warta::{Extractor, Span};

const DEFAULT_PATH: &str = "../shared/data/indosum/articles.jsonl";

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| DEFAULT_PATH.to_string());
    let sample_size: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2024);
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            // Without the shared evaluation data there is nothing to sample: say so and stop.
            println!("{path}: {e}: this evaluation needs the IndoSum articles (pass a path)");
            return;
        }
    };

    let extractor = Extractor::new();
    let mut rows: Vec<String> = Vec::new();
    let (mut articles, mut times, mut with_value, mut with_clock, mut ranges) = (0, 0, 0, 0, 0);
    let (mut datelines, mut dateline_matches_url, mut urls_with_date) = (0, 0, 0);
    let mut mismatches: Vec<String> = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let Ok(line) = line else { continue };
        let Ok(article) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let id = article["id"].as_str().unwrap_or("");
        let text = article["text"].as_str().unwrap_or("");
        let url = article["url"].as_str().unwrap_or("");
        articles += 1;

        let url_date = date_in_url(url);
        urls_with_date += usize::from(url_date.is_some());
        if let Some(found) = extractor.extract(text).reference_date {
            datelines += 1;
            dateline_matches_url += usize::from(url_date == Some(found));
            if url_date.is_some_and(|u| u != found) && mismatches.len() < 12 {
                let head: String = text.chars().take(160).collect();
                mismatches.push(format!(
                    "{id} | url {} | found {found} | {}",
                    url_date.unwrap_or_default(),
                    head.replace('\n', " ")
                ));
            }
        }

        let reference = collection_date(id);
        let found = extractor.extract_with_date(text, reference).times;
        for t in &found {
            times += 1;
            with_value += usize::from(t.value.is_some());
            with_clock += usize::from(t.time_of_day.is_some());
            ranges += usize::from(t.end_value.is_some());
            rows.push(format!(
                "{} | {} | {} | {}{}{}",
                id.split('-').next().unwrap_or(id),
                context(text, t.span, 40),
                t.text,
                t.value.as_deref().unwrap_or("null"),
                t.end_value
                    .as_deref()
                    .map(|v| format!("..{v}"))
                    .unwrap_or_default(),
                reference
                    .map(|r| format!("  [ref {r}]"))
                    .unwrap_or_default(),
            ));
        }
    }

    println!("articles: {articles}");
    println!(
        "time expressions: {times} ({:.1} per article)",
        times as f64 / articles.max(1) as f64
    );
    println!("  with a value: {with_value}, with a clock time: {with_clock}, ranges: {ranges}");
    println!(
        "datelines found: {datelines}; URLs with a date: {urls_with_date}; dateline = URL date: {dateline_matches_url}"
    );
    println!(
        "\ndatelines that differ from the URL date (first {}):",
        mismatches.len()
    );
    for m in &mismatches {
        println!("{m}");
    }
    println!("\nsample of {sample_size} (seed {seed}):");
    for row in sample(&rows, sample_size, seed) {
        println!("{row}");
    }
}

/// The UTC date of the Unix timestamp that begins an IndoSum id (`1471852823-...`).
fn collection_date(id: &str) -> Option<jiff::civil::Date> {
    let secs: i64 = id.split('-').next()?.parse().ok()?;
    let ts = jiff::Timestamp::from_second(secs).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

/// `/2016/08/19/` in a URL.
fn date_in_url(url: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let ok = w[0].len() == 4 && w[1].len() == 2 && w[2].len() == 2;
        if !ok {
            return None;
        }
        jiff::civil::Date::new(w[0].parse().ok()?, w[1].parse().ok()?, w[2].parse().ok()?).ok()
    })
}

/// The expression with `width` bytes of context on each side (snapped to char boundaries),
/// marked with brackets, on one line.
fn context(text: &str, span: Span, width: usize) -> String {
    let mut from = span.start.saturating_sub(width);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + width).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!(
        "{}[{}]{}",
        &text[from..span.start],
        &text[span.range()],
        &text[span.end..to]
    )
    .replace('\n', " ")
}

/// A reproducible sample without replacement (partial Fisher–Yates driven by an LCG).
fn sample(rows: &[String], n: usize, seed: u64) -> Vec<&String> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    let mut state = seed;
    let n = n.min(idx.len());
    for k in 0..n {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = k + (state >> 33) as usize % (idx.len() - k);
        idx.swap(k, j);
    }
    let mut chosen: Vec<usize> = idx[..n].to_vec();
    chosen.sort_unstable();
    chosen.into_iter().map(|i| &rows[i]).collect()
}
