//! Single stages of the pipeline, for the benchmarks only.
//!
//! **Unstable**: not part of the public API; names, signatures and results may change in any
//! release. Each function runs one stage on the output of the stages before it, exactly as
//! [`Extractor::extract`](crate::Extractor::extract) does.

use crate::{Document, Extractor, Span, TimeExpr, Token};
use jiff::civil::Date;

/// The tokens of `text` ([`crate::tokenize`]).
pub fn tokens(text: &str) -> Vec<Token> {
    crate::tokenize(text)
}

/// The sentences of `text` from its tokens.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    crate::sentence::sentences(text, tokens)
}

/// Number of gazetteer matches (token-aligned, one per name occurrence) in `text`.
pub fn gazetteer(extractor: &Extractor, text: &str, tokens: &[Token], sentences: &[Span]) -> usize {
    extractor.bench_gazetteer(text, tokens, sentences)
}

/// The reference date of `text` (its dateline's), as `extract` finds it.
pub fn reference_date(text: &str) -> Option<Date> {
    crate::time::find_reference_date(text)
}

/// The time expressions of `text`, resolved against `reference`.
pub fn times(text: &str, sentences: &[Span], reference: Option<Date>) -> Vec<TimeExpr> {
    crate::time::find_times(text, sentences, reference)
}

/// The entities of `text`: gazetteer matching and recognition.
pub fn entities(
    extractor: &Extractor,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    times: &[TimeExpr],
) -> Vec<crate::Entity> {
    extractor.bench_entities(text, tokens, sentences, times)
}

/// Number of events in `text`, from the stages before.
pub fn events(
    extractor: &Extractor,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[crate::Entity],
    times: &[TimeExpr],
) -> usize {
    extractor.bench_events(text, tokens, sentences, entities, times)
}

/// Full extraction ([`Extractor::extract`]).
pub fn extract(extractor: &Extractor, text: &str) -> Document {
    extractor.extract(text)
}
