//! The extractor: built once, shared across threads, runs every stage on a text.

use crate::document::{Document, Entity};
use crate::error::Error;
use crate::event::patterns::{self, Patterns};
use crate::gazetteer::{Gazetteer, GazetteerEntry, GazetteerSource};
use crate::recognize::{self, Cues};
use crate::{Span, Token, sentence, time};
use jiff::civil::Date;
use once_cell::sync::Lazy;
use std::path::Path;
use std::sync::Arc;

/// The gazetteer files embedded in the crate, in priority order for equal kinds.
const DEFAULT_FILES: &[(&str, &str)] = &[
    (
        "gazetteers/countries.tsv",
        include_str!("../gazetteers/countries.tsv"),
    ),
    (
        "gazetteers/id-regions.tsv",
        include_str!("../gazetteers/id-regions.tsv"),
    ),
    (
        "gazetteers/world-places.tsv",
        include_str!("../gazetteers/world-places.tsv"),
    ),
    (
        "gazetteers/id-places.tsv",
        include_str!("../gazetteers/id-places.tsv"),
    ),
    (
        "gazetteers/people-id.tsv",
        include_str!("../gazetteers/people-id.tsv"),
    ),
    (
        "gazetteers/people-world.tsv",
        include_str!("../gazetteers/people-world.tsv"),
    ),
    (
        "gazetteers/orgs-id.tsv",
        include_str!("../gazetteers/orgs-id.tsv"),
    ),
    (
        "gazetteers/orgs-world.tsv",
        include_str!("../gazetteers/orgs-world.tsv"),
    ),
];

fn default_source() -> GazetteerSource {
    let mut src = GazetteerSource::default();
    for (path, text) in DEFAULT_FILES {
        // The embedded files are checked by the test suite; a bad line is a build defect.
        src.add_text(Path::new(path), text)
            .unwrap_or_else(|e| panic!("embedded gazetteer: {e}"));
    }
    src
}

/// What recognition needs, compiled once: the gazetteer and the context cues.
#[derive(Debug)]
struct Model {
    gazetteer: Gazetteer,
    cues: Cues,
}

impl Model {
    fn new(gazetteer: Gazetteer) -> Model {
        let cues = recognize::default_cues(&gazetteer);
        Model { gazetteer, cues }
    }
}

static DEFAULT_SOURCE: Lazy<GazetteerSource> = Lazy::new(default_source);
static DEFAULT_MODEL: Lazy<Arc<Model>> = Lazy::new(|| Arc::new(Model::new(DEFAULT_SOURCE.build())));
static DEFAULT_PATTERNS: Lazy<Arc<Patterns>> = Lazy::new(|| Arc::new(patterns::defaults()));

/// Extracts entities, times and events from Indonesian news text.
///
/// Build it once and share it: it is `Send + Sync`, and [`Extractor::new`] reuses the embedded
/// default gazetteers, compiled lazily once per process.
///
/// ```
/// use warta::{Extractor, Label};
///
/// let extractor = Extractor::new();
/// let doc = extractor.extract("Presiden Rusia Vladimir Putin tiba di Pyongyang, Korea Utara.");
/// let names: Vec<(&str, Label)> = doc.entities.iter().map(|e| (e.name.as_str(), e.label)).collect();
/// assert!(names.contains(&("Vladimir Putin", Label::Per)));
/// assert!(names.contains(&("Korea Utara", Label::Loc)));
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    /// Whether names outside the gazetteers are recognised from context.
    cues: bool,
    model: Arc<Model>,
    patterns: Arc<Patterns>,
    tokens: bool,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded default gazetteers.
    pub fn new() -> Extractor {
        Extractor {
            cues: true,
            model: Arc::clone(&DEFAULT_MODEL),
            patterns: Arc::clone(&DEFAULT_PATTERNS),
            tokens: false,
        }
    }

    /// A builder to add gazetteer files and entries, or to start without the defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts everything from `text`, resolving relative times against the date found in the
    /// text's dateline, if any.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_with_date(text, None)
    }

    /// Extracts many texts, on all cores when the `rayon` feature is on (the `cli` feature turns
    /// it on), else one after another. The documents come back in input order and equal what
    /// [`extract`](Extractor::extract) gives for each text.
    ///
    /// ```
    /// let extractor = warta::Extractor::new();
    /// let texts = ["Putin tiba di Pyongyang.", "Jokowi bertemu Anwar Ibrahim di Bogor."];
    /// let docs = extractor.extract_batch(&texts);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1], extractor.extract(texts[1]));
    /// ```
    pub fn extract_batch<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Document> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            texts.iter().map(|t| self.extract(t.as_ref())).collect()
        }
    }

    /// Extracts everything from `text`, resolving relative times against `reference_date` (or,
    /// when `None`, the date found in the text's dateline).
    ///
    /// ```
    /// use jiff::civil::date;
    /// let doc = warta::Extractor::new().extract_with_date("Dia tiba kemarin.", Some(date(2024, 6, 19)));
    /// assert_eq!(doc.times[0].value.as_deref(), Some("2024-06-18"));
    /// ```
    pub fn extract_with_date(&self, text: &str, reference_date: Option<Date>) -> Document {
        let tokens = crate::tokenize(text);
        let sentences = sentence::sentences(text, &tokens);
        let (reference_date, times) =
            time::find_reference_date_and_times(text, &sentences, reference_date);
        let time_spans: Vec<Span> = times.iter().map(|t| t.span).collect();
        let entities = self.entities(text, &tokens, &sentences, &time_spans);
        let events =
            crate::event::find_events(text, &tokens, &sentences, &entities, &times, &self.patterns);
        Document {
            id: None,
            reference_date,
            sentences,
            entities,
            times,
            events,
            tokens: self.tokens.then_some(tokens),
        }
    }

    fn entities(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        times: &[Span],
    ) -> Vec<Entity> {
        let m = &*self.model;
        let matches = m.gazetteer.find(text, tokens, sentences);
        if !self.cues {
            return matches
                .iter()
                .map(|gm| {
                    let e = m.gazetteer.entry(gm.entry);
                    Entity {
                        text: text[gm.span.range()].to_string(),
                        label: e.label,
                        span: gm.span,
                        entity_id: String::from(&*e.id),
                        name: String::from(&*e.name),
                        source: crate::Source::Gazetteer,
                        fuzzy: false,
                        role: None,
                    }
                })
                .collect();
        }
        recognize::recognize(
            text,
            tokens,
            sentences,
            &matches,
            times,
            &m.gazetteer,
            &m.cues,
        )
    }

    /// Number of gazetteer entries and of names and aliases the extractor knows.
    ///
    /// ```
    /// let (entries, names) = warta::Extractor::new().gazetteer_size();
    /// assert!(entries > 1000 && names >= entries);
    /// ```
    pub fn gazetteer_size(&self) -> (usize, usize) {
        (
            self.model.gazetteer.len(),
            self.model.gazetteer.name_count(),
        )
    }

    /// Every name and alias of the extractor's gazetteer entries, as written in them.
    ///
    /// ```
    /// let extractor = warta::Extractor::new();
    /// assert!(extractor.gazetteer_names().any(|n| n == "Korut"));
    /// ```
    pub fn gazetteer_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.model.gazetteer.names()
    }
}

/// Builds an [`Extractor`] with custom gazetteers.
///
/// ```
/// use warta::{Extractor, GazetteerEntry, Label};
///
/// let extractor = Extractor::builder()
///     .gazetteer_str("mine.tsv", "org:warta-lab\tORG\tWarta Lab\tWL\ttype=company\n")?
///     .entry(GazetteerEntry::new("loc:kampung-x", Label::Loc, "Kampung Durian Runtuh"))?
///     .build()?;
/// let doc = extractor.extract("Warta Lab membuka kantor di Kampung Durian Runtuh.");
/// assert_eq!(doc.entities.len(), 2);
/// # Ok::<(), warta::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    cues: bool,
    defaults: bool,
    extra: GazetteerSource,
    patterns: Option<Patterns>,
    tokens: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder that starts from the embedded default gazetteers.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            cues: true,
            defaults: true,
            extra: GazetteerSource::default(),
            patterns: None,
            tokens: false,
        }
    }

    /// Whether to include the embedded default gazetteers (default `true`).
    pub fn defaults(mut self, yes: bool) -> ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Whether names the gazetteers lack are recognised from context cues, typo tolerance and
    /// aliases (default `true`). Off, entities are exactly the gazetteers' matches.
    ///
    /// ```
    /// let text = "Kata Henry Tanoto di Jakarta.";
    /// let only = warta::Extractor::builder().context_cues(false).build().unwrap();
    /// assert!(only.extract(text).entities.iter().all(|e| e.source == warta::Source::Gazetteer));
    /// ```
    pub fn context_cues(mut self, yes: bool) -> ExtractorBuilder {
        self.cues = yes;
        self
    }

    /// Whether [`Document::tokens`] is filled (default `false`).
    pub fn tokens(mut self, yes: bool) -> ExtractorBuilder {
        self.tokens = yes;
        self
    }

    /// Adds every entry of a gazetteer file (format: `gazetteers/FORMAT.md`).
    ///
    /// # Errors
    ///
    /// A missing or unreadable file, invalid UTF-8, or a bad line; the error names the file and
    /// line.
    pub fn gazetteer_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder, Error> {
        self.extra.add_file(path.as_ref())?;
        Ok(self)
    }

    /// Adds every entry of gazetteer text; `name` stands for the file in error messages.
    ///
    /// # Errors
    ///
    /// A bad line, named by `name` and line number.
    pub fn gazetteer_str(mut self, name: &str, text: &str) -> Result<ExtractorBuilder, Error> {
        self.extra.add_text(Path::new(name), text)?;
        Ok(self)
    }

    /// Adds one entry.
    ///
    /// # Errors
    ///
    /// An invalid id, label mismatch, empty name or duplicate id.
    pub fn entry(mut self, entry: GazetteerEntry) -> Result<ExtractorBuilder, Error> {
        self.extra.add(entry)?;
        Ok(self)
    }

    /// Adds the triggers and cue words of an event pattern file (format:
    /// `gazetteers/patterns/FORMAT.md`) to the embedded ones.
    ///
    /// # Errors
    ///
    /// A missing or unreadable file, invalid UTF-8, or a bad line; the error names the file and
    /// line.
    pub fn patterns_file(mut self, path: impl AsRef<Path>) -> Result<ExtractorBuilder, Error> {
        self.patterns
            .get_or_insert_with(Patterns::default)
            .add_file(path.as_ref())?;
        Ok(self)
    }

    /// Adds event patterns from text; `name` stands for the file in error messages.
    ///
    /// ```
    /// let extractor = warta::Extractor::builder()
    ///     .patterns_str("mine.tsv", "trigger\tMEET\tbersilaturahmi\tmeet\tdirect\n")?
    ///     .build()?;
    /// let doc = extractor.extract("Joko Widodo bersilaturahmi dengan Jusuf Kalla.");
    /// assert_eq!(doc.events.len(), 1);
    /// # Ok::<(), warta::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A bad line, named by `name` and line number.
    pub fn patterns_str(mut self, name: &str, text: &str) -> Result<ExtractorBuilder, Error> {
        self.patterns
            .get_or_insert_with(Patterns::default)
            .add_text(Path::new(name), text)?;
        Ok(self)
    }

    /// Compiles the extractor.
    ///
    /// # Errors
    ///
    /// An added entry whose id is already used by a default entry.
    pub fn build(self) -> Result<Extractor, Error> {
        let model = match (self.defaults, self.extra.len()) {
            (true, 0) => Arc::clone(&DEFAULT_MODEL),
            (true, _) => {
                let mut src = DEFAULT_SOURCE.clone();
                src.extend(&self.extra)?;
                Arc::new(Model::new(src.build()))
            }
            (false, _) => Arc::new(Model::new(self.extra.build())),
        };
        let patterns = match self.patterns {
            None => Arc::clone(&DEFAULT_PATTERNS),
            Some(extra) => {
                let mut p = Patterns::clone(&DEFAULT_PATTERNS);
                p.extend(&extra);
                Arc::new(p)
            }
        };
        Ok(Extractor {
            model,
            patterns,
            tokens: self.tokens,
            cues: self.cues,
        })
    }
}

/// Forces every lazily built default (word lists, the default gazetteer).
pub(crate) fn warm() {
    crate::lexicon::warm();
    Lazy::force(&DEFAULT_MODEL);
    Lazy::force(&DEFAULT_PATTERNS);
}

/// Stage functions for the benchmarks (see [`crate::bench`]).
impl Extractor {
    pub(crate) fn bench_gazetteer(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
    ) -> usize {
        self.model.gazetteer.find(text, tokens, sentences).len()
    }

    pub(crate) fn bench_entities(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        times: &[crate::TimeExpr],
    ) -> Vec<Entity> {
        let spans: Vec<Span> = times.iter().map(|t| t.span).collect();
        self.entities(text, tokens, sentences, &spans)
    }

    pub(crate) fn bench_events(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        entities: &[Entity],
        times: &[crate::TimeExpr],
    ) -> usize {
        crate::event::find_events(text, tokens, sentences, entities, times, &self.patterns).len()
    }
}
