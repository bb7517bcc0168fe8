//! `Extractor::extract` on arbitrary UTF-8: never panics, and every span indexes the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use warta::{Extractor, Span};

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builder().tokens(true).build().unwrap());

fn check(text: &str, span: Span, surface: Option<&str>) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} out of the text"
    );
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    if let Some(s) = surface {
        assert_eq!(&text[span.range()], s);
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks a reference date or none, so date resolution is fuzzed too.
    let (date, rest) = match data.split_first() {
        Some((&b, rest)) if b & 1 == 1 => (
            jiff::civil::Date::new(1990 + i16::from(b >> 3), 1 + (b >> 1) as i8 % 12, 1).ok(),
            rest,
        ),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let doc = EXTRACTOR.extract_with_date(text, date);
    for t in doc.tokens.iter().flatten() {
        check(text, t.span, None);
        assert!(!t.span.is_empty());
    }
    for s in &doc.sentences {
        check(text, *s, None);
    }
    let mut prev = 0;
    for e in &doc.entities {
        check(text, e.span, Some(&e.text));
        assert!(e.span.start >= prev, "entities overlap");
        prev = e.span.end;
    }
    for t in &doc.times {
        check(text, t.span, Some(&t.text));
    }
    for ev in &doc.events {
        check(text, ev.trigger.span, Some(&ev.trigger.text));
        check(text, ev.sentence, None);
        for p in &ev.participants {
            check(text, p.span, Some(&p.text));
        }
        if let Some(p) = &ev.place {
            check(text, p.span, Some(&p.text));
        }
        if let Some(t) = &ev.time {
            check(text, t.span, Some(&t.text));
        }
    }
});
