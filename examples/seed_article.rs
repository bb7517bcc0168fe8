//! The seed article: a readable table of its entities, times and events, then its JSON.
//!
//! ```text
//! cargo run --release --example seed_article
//! ```

use warta::{Extractor, Participant};

const SEED: &str = include_str!("data/putin-kim-fin-2024-06-19.txt");

fn main() {
    let doc = Extractor::new().extract(SEED);
    let date = doc
        .reference_date
        .map_or("none".to_string(), |d| d.to_string());
    println!(
        "putin-kim-fin-2024-06-19.txt — reference date {date}, {} sentences\n",
        doc.sentences.len()
    );

    println!("ENTITIES ({})", doc.entities.len());
    println!(
        "  {:<34} {:<5} {:<44} {:<10}",
        "text", "label", "entity_id", "source"
    );
    for e in &doc.entities {
        let fuzzy = if e.fuzzy { " (fuzzy)" } else { "" };
        println!(
            "  {:<34} {:<5} {:<44} {:?}{fuzzy}",
            e.text,
            e.label.as_str(),
            e.entity_id,
            e.source
        );
    }

    println!("\nTIMES ({})", doc.times.len());
    for t in &doc.times {
        let mut extra = Vec::new();
        for (k, v) in [
            ("time", &t.time_of_day),
            ("zone", &t.timezone),
            ("part", &t.part_of_day),
            ("approx", &t.approx),
        ] {
            if let Some(v) = v {
                extra.push(format!("{k} {v}"));
            }
        }
        if t.weekday_mismatch {
            extra.push("weekday mismatch".into());
        }
        println!(
            "  {:<36} → {:<10} {}",
            t.text,
            t.value.as_deref().unwrap_or("?"),
            extra.join(", ")
        );
    }

    println!("\nEVENTS ({})", doc.events.len());
    let who = |p: &Participant| match &p.name {
        Some(n) if *n != p.text => format!("{:?} {} (“{}”)", p.role, n, p.text),
        Some(n) => format!("{:?} {n}", p.role),
        None => format!("{:?} “{}”", p.role, p.text),
    };
    for e in &doc.events {
        let parts: Vec<String> = e.participants.iter().map(who).collect();
        let place = e
            .place
            .as_ref()
            .map(|p| format!(" @ {}", p.name.as_deref().unwrap_or(&p.text)))
            .unwrap_or_default();
        let time = e
            .time
            .as_ref()
            .and_then(|t| t.value.clone())
            .map(|v| format!(" on {v}"))
            .unwrap_or_default();
        println!(
            "  {:<9} {:<8} [{}]{place}{time}  «{}»",
            format!("{:?}", e.kind).to_uppercase(),
            format!("{:?}", e.modality).to_lowercase(),
            parts.join("; "),
            e.trigger.text
        );
    }

    println!("\nJSON:");
    println!(
        "{}",
        serde_json::to_string_pretty(&doc).expect("documents serialize")
    );
}
