//! # warta
//!
//! Turns Indonesian news text into structured records: the people, places and organisations it
//! names, the dates it mentions, and the events it reports — above all *who met whom, where and
//! when*.
//!
//! ```
//! use warta::{Extractor, Label};
//!
//! let text = "fin.co.id - 19/06/2024, 09:48 WIB\n\n\
//!             Presiden Rusia Vladimir Putin tiba di Pyongyang, Korea Utara.";
//! let extractor = Extractor::new(); // embedded default gazetteers, built lazily once
//! let doc = extractor.extract(text);
//!
//! assert_eq!(doc.sentences.len(), 2);
//! let putin = doc.entities.iter().find(|e| e.label == Label::Per).unwrap();
//! assert_eq!(putin.entity_id, "per:vladimir-putin");
//! assert_eq!(&text[putin.span.range()], "Vladimir Putin");
//! ```
//!
//! Every position is a [`Span`] of byte offsets into the text exactly as given: no stage rewrites
//! the text, so `&text[span.range()]` is always the reported surface form.
//!
//! The pipeline: [`tokenize`] → [`split_sentences`] → gazetteer matching (one Aho-Corasick
//! automaton over every name and alias) → time expressions normalised against the document's
//! date → [`Document`]. The output serializes (serde) to the JSON contract that the `warta
//! extract` command writes.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[doc(hidden)]
pub mod bench;
mod document;
mod error;
pub mod eval;
mod event;
mod extractor;
mod gazetteer;
mod lexicon;
mod recognize;
#[cfg(feature = "render")]
mod render;
mod sentence;
mod span;
mod time;
mod token;
mod word_table;

pub use document::{
    Document, Entity, Event, EventType, Label, Mention, Modality, Participant, Place, Role, Source,
    TimeExpr,
};
pub use error::Error;
pub use extractor::{Extractor, ExtractorBuilder};
pub use gazetteer::GazetteerEntry;
#[cfg(feature = "render")]
pub use render::{Renderer, render_html};
pub use sentence::split_sentences;
pub use span::Span;
pub use token::{Token, TokenKind, is_separator, split_clitic, tokenize};

/// Forces every lazily built default (word lists, the default gazetteer), so that benchmarks and
/// latency-sensitive services do not pay for it on the first document.
pub fn warm_up() {
    extractor::warm();
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
