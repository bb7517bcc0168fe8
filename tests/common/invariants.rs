//! The output contract's structural invariants, checked on any extracted document.
#![allow(dead_code)]

use warta::{Document, Span, is_separator};

fn on_text(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

fn surface(text: &str, span: Span, reported: &str, what: &str) {
    on_text(text, span, what);
    assert_eq!(
        &text[span.range()],
        reported,
        "{what} {span:?}: text[span] != text field"
    );
}

/// Every invariant of the contract that holds whatever the input.
pub fn check_document(text: &str, doc: &Document) {
    if let Some(tokens) = &doc.tokens {
        let mut prev = 0;
        for t in tokens {
            on_text(text, t.span, "token");
            assert!(!t.span.is_empty(), "empty token");
            assert!(t.span.start >= prev, "tokens overlap or are unsorted");
            assert!(
                text[prev..t.span.start].chars().all(is_separator),
                "text lost between tokens: {:?}",
                &text[prev..t.span.start]
            );
            prev = t.span.end;
        }
        assert!(
            text[prev..].chars().all(is_separator),
            "text lost after the last token"
        );
    }
    let mut prev = 0;
    for s in &doc.sentences {
        on_text(text, *s, "sentence");
        assert!(!s.is_empty(), "empty sentence");
        assert!(s.start >= prev, "sentences overlap or are unsorted");
        let body = &text[s.range()];
        assert_eq!(
            body,
            body.trim_matches(is_separator),
            "sentence not trimmed"
        );
        prev = s.end;
    }
    // Nothing but separators lies outside every sentence.
    let mut prev = 0;
    for s in &doc.sentences {
        assert!(
            text[prev..s.start].chars().all(is_separator),
            "text outside sentences"
        );
        prev = s.end;
    }
    assert!(
        text[prev..].chars().all(is_separator),
        "text after the last sentence"
    );

    let mut prev = 0;
    for e in &doc.entities {
        surface(text, e.span, &e.text, "entity");
        assert!(!e.span.is_empty(), "empty entity");
        assert!(
            e.span.start >= prev,
            "entities overlap or are unsorted: {e:?}"
        );
        assert!(
            !e.entity_id.is_empty() && !e.name.is_empty(),
            "entity without id or name"
        );
        prev = e.span.end;
    }
    let mut prev = 0;
    for t in &doc.times {
        surface(text, t.span, &t.text, "time");
        assert!(!t.span.is_empty(), "empty time");
        assert!(t.span.start >= prev, "times overlap or are unsorted: {t:?}");
        prev = t.span.end;
    }
    for ev in &doc.events {
        let sentence = ev.sentence;
        assert!(
            doc.sentences.contains(&sentence),
            "event sentence is not a sentence: {ev:?}"
        );
        surface(text, ev.trigger.span, &ev.trigger.text, "trigger");
        assert!(
            sentence.contains(ev.trigger.span),
            "trigger outside its sentence"
        );
        for p in &ev.participants {
            surface(text, p.span, &p.text, "participant");
            // A participant is a reported entity or a mention (pronoun, description) in the
            // event's sentence.
            let entity = doc.entities.iter().find(|e| e.span == p.span);
            assert!(
                entity.is_some() || sentence.contains(p.span),
                "participant {p:?} is neither an entity nor in its sentence"
            );
            if let (Some(e), Some(id)) = (entity, &p.entity_id) {
                assert_eq!(
                    &e.entity_id, id,
                    "participant and entity disagree on the id"
                );
            }
        }
        if let Some(place) = &ev.place {
            surface(text, place.span, &place.text, "place");
            assert!(sentence.contains(place.span), "place outside its sentence");
        }
        if let Some(t) = &ev.time {
            surface(text, t.span, &t.text, "event time");
            assert!(
                doc.times.iter().any(|d| d.span == t.span),
                "event time is not a reported time"
            );
        }
        if let Some(content) = ev.content {
            on_text(text, content, "statement content");
        }
    }
}
