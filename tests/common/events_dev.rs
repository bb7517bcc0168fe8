//! Scoring of the development gold set of events (`tests/data/events-dev.jsonl`): references
//! into IndoSum articles (id and byte offsets of a sentence) with the expected records.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// The gold set, embedded: references only, the article text stays in the shared data.
pub const GOLD: &str = include_str!("../data/events-dev.jsonl");

/// Figures of one run.
#[derive(Debug, Default)]
pub struct Scores {
    pub gold: usize,
    pub system: usize,
    pub matched: usize,
    pub place_total: usize,
    pub place_ok: usize,
    pub time_total: usize,
    pub time_ok: usize,
    pub sentences: usize,
    pub errors: Vec<String>,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        self.matched as f64 / self.system.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }
    pub fn place_accuracy(&self) -> f64 {
        self.place_ok as f64 / self.place_total.max(1) as f64
    }
    pub fn time_accuracy(&self) -> f64 {
        self.time_ok as f64 / self.time_total.max(1) as f64
    }
}

/// Whether the gold participant names and the event's participants pair up one to one, a name
/// matching a participant's canonical name or mention, or being a short form of its name.
fn same_parties(gold: &[String], e: &warta::Event) -> bool {
    let system: Vec<&warta::Participant> = e
        .participants
        .iter()
        .filter(|p| p.role != warta::Role::Object)
        .collect();
    let mut names: Vec<(String, String)> = system
        .iter()
        .map(|p| {
            (
                p.name.clone().unwrap_or_else(|| p.text.clone()),
                p.text.clone(),
            )
        })
        .collect();
    names.sort();
    names.dedup_by(|a, b| a.0 == b.0);
    if names.len() != gold.len() {
        return false;
    }
    let fits = |g: &str, (name, text): &(String, String)| {
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        g == name || g == text || {
            let (gw, nw) = (words(g), words(name));
            gw.iter().all(|w| nw.contains(w)) || nw.iter().all(|w| gw.contains(w))
        }
    };
    let mut used = vec![false; names.len()];
    gold.iter().all(|g| {
        let hit = names
            .iter()
            .enumerate()
            .position(|(i, n)| !used[i] && fits(g, n));
        hit.map(|i| used[i] = true).is_some()
    })
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} sentences, gold {}, system {}, matched {}; P {:.3} R {:.3}; place {}/{} {:.3}; time {}/{} {:.3}",
            self.sentences,
            self.gold,
            self.system,
            self.matched,
            self.precision(),
            self.recall(),
            self.place_ok,
            self.place_total,
            self.place_accuracy(),
            self.time_ok,
            self.time_total,
            self.time_accuracy()
        )
    }
}

fn key(kind: &str, parts: &mut Vec<String>) -> String {
    parts.sort();
    parts.dedup();
    format!("{kind} {}", parts.join(" | "))
}

/// Runs the default extractor on every article the gold set refers to (with the article's
/// collection date, the UTC date of the timestamp that begins its id) and scores the events
/// of the gold sentences on type + participants, and place and time where the gold has them.
pub fn score(articles: &Path) -> Scores {
    let gold: Vec<serde_json::Value> = GOLD
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect();
    let mut wanted: HashMap<String, Vec<&serde_json::Value>> = HashMap::new();
    for g in &gold {
        wanted
            .entry(g["article"].as_str().unwrap().to_string())
            .or_default()
            .push(g);
    }
    let extractor = warta::Extractor::new();
    let mut s = Scores::default();
    let file = std::io::BufReader::new(std::fs::File::open(articles).expect("articles"));
    for line in file.lines() {
        let line = line.expect("read");
        let a: serde_json::Value = serde_json::from_str(&line).expect("article line");
        let id = a["id"].as_str().unwrap_or("");
        let Some(refs) = wanted.get(id) else { continue };
        let text = a["text"].as_str().unwrap_or("");
        let date = id
            .split('-')
            .next()
            .and_then(|t| t.parse::<i64>().ok())
            .and_then(|t| jiff::Timestamp::from_second(t).ok())
            .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date());
        let doc = extractor.extract_with_date(text, date);
        for g in refs {
            s.sentences += 1;
            let span = warta::Span::new(
                g["start"].as_u64().unwrap() as usize,
                g["end"].as_u64().unwrap() as usize,
            );
            let mut system: Vec<(String, &warta::Event)> = doc
                .events
                .iter()
                .filter(|e| span.overlaps(e.sentence))
                .map(|e| {
                    let mut parts: Vec<String> = e
                        .participants
                        .iter()
                        .filter(|p| p.role != warta::Role::Object)
                        .map(|p| p.name.clone().unwrap_or_else(|| p.text.clone()))
                        .collect();
                    let kind = serde_json::to_value(e.kind).unwrap();
                    (key(kind.as_str().unwrap(), &mut parts), e)
                })
                .collect();
            s.system += system.len();
            let sentence = text.get(span.range()).unwrap_or("");
            for ge in g["events"].as_array().unwrap() {
                s.gold += 1;
                let mut parts: Vec<String> = ge["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap().to_string())
                    .collect();
                let k = key(ge["type"].as_str().unwrap(), &mut parts);
                // A gold participant written as a short form (`Herry`) matches the full name the
                // system resolved it to (`Herry Trisaputra Zuna`), and the other way round.
                let gtype = ge["type"].as_str().unwrap();
                let Some(pos) = system.iter().position(|(sk, e)| {
                    *sk == k
                        || (sk.split_once(' ').map(|x| x.0) == Some(gtype)
                            && same_parties(&parts, e))
                }) else {
                    s.errors
                        .push(format!("MISSED {k}\n    in {id}: {sentence}"));
                    continue;
                };
                let (_, e) = system.remove(pos);
                s.matched += 1;
                if let Some(want) = ge["place"].as_str() {
                    s.place_total += 1;
                    let ok = e
                        .place
                        .as_ref()
                        .is_some_and(|p| p.text.contains(want) || p.name.as_deref() == Some(want));
                    if ok {
                        s.place_ok += 1;
                    } else {
                        s.errors.push(format!(
                            "PLACE {k}: expected {want}, got {:?}\n    in {id}: {sentence}",
                            e.place.as_ref().map(|p| &p.text)
                        ));
                    }
                }
                if let Some(want) = ge["time"].as_str() {
                    s.time_total += 1;
                    let got = e.time.as_ref().and_then(|t| t.value.as_deref());
                    if got == Some(want) {
                        s.time_ok += 1;
                    } else {
                        s.errors.push(format!(
                            "TIME {k}: expected {want}, got {got:?}\n    in {id}: {sentence}"
                        ));
                    }
                }
            }
            for (k, _) in system {
                s.errors
                    .push(format!("SPURIOUS {k}\n    in {id}: {sentence}"));
            }
        }
    }
    assert_eq!(
        s.sentences,
        gold.len(),
        "every gold sentence's article was found"
    );
    s
}
