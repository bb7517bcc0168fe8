//! Every example sentence of the embedded pattern files, run through the default extractor.

use super::patterns;
use crate::{EventType, Extractor};

#[test]
fn every_pattern_example() {
    let p = patterns::defaults();
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for ex in &p.examples {
        let tr = &p.triggers[ex.trigger];
        let phrase = tr.words.join(" ");
        let doc = extractor.extract(&ex.sentence);
        let hits: Vec<_> = doc
            .events
            .iter()
            .filter(|e| e.kind == tr.kind && e.trigger.text.to_lowercase().starts_with(&phrase))
            .collect();
        if ex.positive {
            let Some(e) = hits.first() else {
                failures.push(format!(
                    "{}: no {:?} from {phrase:?}: {}",
                    ex.origin, tr.kind, ex.sentence
                ));
                continue;
            };
            if let Some(want) = &ex.participants {
                let mut got: Vec<String> = e
                    .participants
                    .iter()
                    .filter(|p| p.role != crate::Role::Object)
                    .map(|p| p.name.clone().unwrap_or_else(|| p.text.clone()))
                    .collect();
                got.sort();
                got.dedup();
                let mut want = want.clone();
                want.sort();
                if got != want {
                    failures.push(format!(
                        "{}: participants {got:?}, expected {want:?}",
                        ex.origin
                    ));
                }
            }
        } else if !hits.is_empty() {
            failures.push(format!(
                "{}: unexpected {:?}: {}",
                ex.origin, tr.kind, ex.sentence
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_trigger_has_both_kinds_of_example() {
    let p = patterns::defaults();
    for (i, t) in p.triggers.iter().enumerate() {
        let has = |pos: bool| {
            p.examples
                .iter()
                .any(|e| e.trigger == i && e.positive == pos)
        };
        assert!(
            has(true) && has(false),
            "trigger {:?} {:?} lacks an example",
            t.kind,
            t.words
        );
    }
}

#[test]
fn trigger_types_cover_the_contract() {
    let p = patterns::defaults();
    for kind in [
        EventType::Meet,
        EventType::Visit,
        EventType::Arrive,
        EventType::Host,
        EventType::Statement,
        EventType::Transfer,
    ] {
        assert!(p.triggers.iter().any(|t| t.kind == kind), "{kind:?}");
    }
}

/// Words are made a block of tokens at a time; the events must not depend on where blocks
/// end, down to one window per block.
#[test]
fn events_do_not_depend_on_word_blocks() {
    let seed = include_str!("../../examples/data/putin-kim-fin-2024-06-19.txt");
    // Long enough for several default blocks, with coreference reaching across copies.
    let text = seed.repeat(40);
    let extractor = Extractor::new();
    let tokens = crate::tokenize(&text);
    let sentences = crate::sentence::sentences(&text, &tokens);
    let whole = extractor.extract(&text);
    let p = patterns::defaults();
    assert!(
        tokens.len() > 2 * super::WORDS_BLOCK,
        "{} tokens",
        tokens.len()
    );
    assert!(whole.events.len() > 30, "{} events", whole.events.len());
    for block in [1, 7, 300, super::WORDS_BLOCK, usize::MAX] {
        let events = super::find_events_in_blocks(
            &text,
            &tokens,
            &sentences,
            &whole.entities,
            &whole.times,
            &p,
            block,
        );
        assert!(events == whole.events, "block of {block} tokens");
    }
}
