//! Scoring against annotated corpora: token and sentence segmentation (CoNLL-U) and named
//! entities (CoNLL IOB).
//!
//! These are the tools behind warta's quality figures; they are public so that users can score
//! warta on their own annotated data.
//!
//! ```
//! use warta::eval::{read_conllu, score_spans};
//!
//! let conllu = "# text = Dia pergi.\n1\tDia\n2\tpergi\n3\t.\n\n";
//! let gold = read_conllu(conllu);
//! assert_eq!(gold.text, "Dia pergi.");
//! let predicted: Vec<warta::Span> = warta::tokenize(&gold.text).iter().map(|t| t.span).collect();
//! assert_eq!(score_spans(&gold.tokens, &predicted).f1(), 1.0);
//! ```

use crate::Span;
use std::collections::BTreeMap;

/// Counts of true positives, false positives and false negatives, with precision, recall and F1.
///
/// ```
/// let s = warta::eval::Prf { tp: 8, fp: 2, fn_: 0 };
/// assert_eq!(s.precision(), 0.8);
/// assert_eq!(s.recall(), 1.0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Prf {
    /// tp / (tp + fp); 1 when nothing was predicted and nothing was gold.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 1 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another count.
    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.4}  R {:.4}  F1 {:.4}  (tp {}, fp {}, fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Exact-match scores of predicted spans against gold spans (both sorted by start).
pub fn score_spans(gold: &[Span], predicted: &[Span]) -> Prf {
    let (mut i, mut j, mut tp) = (0, 0, 0);
    while i < gold.len() && j < predicted.len() {
        match gold[i].cmp(&predicted[j]) {
            std::cmp::Ordering::Equal => {
                tp += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    Prf {
        tp,
        fp: predicted.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// Sentence-boundary scores: sentence end offsets compared as sets.
pub fn score_boundaries(gold: &[Span], predicted: &[Span]) -> Prf {
    let ends = |s: &[Span]| {
        s.iter()
            .map(|s| Span::new(s.end, s.end))
            .collect::<Vec<_>>()
    };
    score_spans(&ends(gold), &ends(predicted))
}

/// A CoNLL-U corpus rebuilt as one text with gold token and sentence spans.
#[derive(Clone, Debug, Default)]
pub struct SegmentedText {
    /// The sentences' `# text` lines joined with one space.
    pub text: String,
    /// Gold surface tokens (a multiword range such as `12-13 massanya` is one token).
    pub tokens: Vec<Span>,
    /// Gold sentences.
    pub sentences: Vec<Span>,
}

/// Reads CoNLL-U: the `# text =` lines joined with one space, and the surface tokens located in
/// that text in order. A token that cannot be found in its sentence text is skipped.
pub fn read_conllu(conllu: &str) -> SegmentedText {
    let mut out = SegmentedText::default();
    let mut cursor = 0;
    let mut sentence_end = 0;
    let mut skip_until = 0usize;
    for line in conllu.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            if !out.text.is_empty() {
                out.text.push(' ');
            }
            let start = out.text.len();
            out.text.push_str(t.trim());
            sentence_end = out.text.len();
            out.sentences.push(Span::new(start, sentence_end));
            cursor = start;
            skip_until = 0;
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.contains('.') {
            continue;
        }
        // A multiword range (`12-13 massanya`) is the surface token; its parts are skipped.
        if let Some((_, last)) = id.split_once('-') {
            skip_until = last.parse().unwrap_or(0);
        } else if id.parse::<usize>().is_ok_and(|n| n <= skip_until) {
            continue;
        }
        if let Some(pos) = out.text[cursor..sentence_end].find(form) {
            let start = cursor + pos;
            out.tokens.push(Span::new(start, start + form.len()));
            cursor = start + form.len();
        }
    }
    out
}

/// A corpus of IOB-tagged sentences rebuilt as text with gold entity spans.
#[derive(Clone, Debug, Default)]
pub struct NerText {
    /// One sentence a line, tokens joined with one space.
    pub text: String,
    /// The sentence spans.
    pub sentences: Vec<Span>,
    /// Gold entities with their labels (PER, LOC, ORG).
    pub entities: Vec<(Span, String)>,
}

/// Reads CoNLL NER files: one token a line, the token in the first column and its IOB tag in the
/// last (`token POS tag` or `token<TAB>tag`), blank lines between sentences. `map` renames labels
/// (`PERSON` → `PER`); labels it does not know are kept as they are.
pub fn read_conll_ner(conll: &str, map: &[(&str, &str)]) -> NerText {
    let mut out = NerText::default();
    let mut sentence_start = None::<usize>;
    let mut open: Option<(usize, usize, String)> = None;
    let close = |open: &mut Option<(usize, usize, String)>, out: &mut NerText| {
        if let Some((s, e, l)) = open.take() {
            out.entities.push((Span::new(s, e), l));
        }
    };
    for line in conll.lines().chain(std::iter::once("")) {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            close(&mut open, &mut out);
            if let Some(s) = sentence_start.take() {
                out.sentences.push(Span::new(s, out.text.len()));
                out.text.push('\n');
            }
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        let (token, tag) = (
            cols[0],
            if cols.len() > 1 {
                cols[cols.len() - 1]
            } else {
                "O"
            },
        );
        if sentence_start.is_none() {
            sentence_start = Some(out.text.len());
        } else {
            out.text.push(' ');
        }
        let start = out.text.len();
        out.text.push_str(token);
        let end = out.text.len();
        let (prefix, label) = tag.split_once('-').unwrap_or((tag, ""));
        let label = map
            .iter()
            .find(|(from, _)| *from == label)
            .map_or(label, |(_, to)| to);
        match prefix {
            "B" | "S" => {
                close(&mut open, &mut out);
                open = Some((start, end, label.to_string()));
            }
            "I" | "E" if open.as_ref().is_some_and(|(_, _, l)| l == label) => {
                if let Some(o) = open.as_mut() {
                    o.1 = end;
                }
            }
            "I" | "E" => {
                close(&mut open, &mut out);
                open = Some((start, end, label.to_string()));
            }
            _ => close(&mut open, &mut out),
        }
    }
    out
}

/// How entity scores treat the places where warta's output contract and a corpus's annotation
/// differ by design.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conventions {
    /// warta's entities as they are.
    Strict,
    /// A bracketed acronym after an organisation's or a place's name with the same id is merged
    /// into the name's span (as corpora such as idner-news-2k annotate `Bursa Efek Indonesia
    /// (BEI)`, while they keep `Joko Widodo (Jokowi)` as two people), and a gazetteer
    /// place that overlaps no gold entity is not scored (the contract makes every mention of a
    /// place a LOC, `Rusia dan Jepang melarang …`, where such corpora often leave it unmarked).
    Contract,
}

/// Runs `extractor` on each sentence of `gold` on its own and scores its entities by exact span
/// and label: per label and overall (key `ALL`), with one line per error (`FP …`, `FN …`).
///
/// ```
/// use warta::eval::{Conventions, read_conll_ner, score_entities};
///
/// let gold = read_conll_ner("Presiden O\nJoko B-PER\nWidodo I-PER\ntiba O\n", &[]);
/// let (scores, errors) = score_entities(&warta::Extractor::new(), &gold, Conventions::Strict);
/// assert_eq!(scores["PER"].tp, 1);
/// assert!(errors.is_empty());
/// ```
pub fn score_entities(
    extractor: &crate::Extractor,
    gold: &NerText,
    conventions: Conventions,
) -> (BTreeMap<String, Prf>, Vec<String>) {
    let contract = conventions == Conventions::Contract;
    let mut scores: BTreeMap<String, Prf> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut g = 0;
    for &sentence in &gold.sentences {
        let text = &gold.text[sentence.range()];
        let mut want: Vec<(Span, String)> = Vec::new();
        while g < gold.entities.len() && gold.entities[g].0.end <= sentence.end {
            let (s, l) = &gold.entities[g];
            want.push((
                Span::new(s.start - sentence.start, s.end - sentence.start),
                l.clone(),
            ));
            g += 1;
        }
        let doc = extractor.extract(text);
        let got: Vec<(Span, String)> = if contract {
            contract_view(text, &doc.entities, &want)
        } else {
            doc.entities
                .iter()
                .map(|e| (e.span, e.label.to_string()))
                .collect()
        };
        for (span, label) in &got {
            let hit = want.contains(&(*span, label.clone()));
            let s = scores.entry(label.clone()).or_default();
            if hit {
                s.tp += 1;
            } else {
                s.fp += 1;
                let gold_here = want
                    .iter()
                    .find(|(w, _)| w.overlaps(*span))
                    .map(|(w, l)| format!("{l} {:?}", &text[w.range()]));
                errors.push(format!(
                    "FP {label} {:?} (gold: {}) | {text}",
                    &text[span.range()],
                    gold_here.unwrap_or("O".into())
                ));
            }
        }
        for (span, label) in &want {
            if !got.contains(&(*span, label.clone())) {
                scores.entry(label.clone()).or_default().fn_ += 1;
                errors.push(format!("FN {label} {:?} | {text}", &text[span.range()]));
            }
        }
    }
    let mut all = Prf::default();
    for s in scores.values() {
        all.add(*s);
    }
    scores.insert("ALL".into(), all);
    (scores, errors)
}

/// warta's entities seen through the corpus's conventions (see the module docs).
fn contract_view(
    text: &str,
    entities: &[crate::Entity],
    want: &[(Span, String)],
) -> Vec<(Span, String)> {
    let mut out: Vec<(Span, String)> = Vec::new();
    let mut i = 0;
    while i < entities.len() {
        let e = &entities[i];
        let unmarked_place = e.label == crate::Label::Loc
            && e.source == crate::Source::Gazetteer
            && !want.iter().any(|(w, _)| w.overlaps(e.span));
        if unmarked_place {
            i += 1;
            continue;
        }
        let mut span = e.span;
        if let Some(next) = entities.get(i + 1) {
            let between = &text[e.span.end..next.span.start];
            let after = &text[next.span.end..];
            if next.entity_id == e.entity_id
                && e.label != crate::Label::Per
                && between.trim() == "("
                && after.trim_start().starts_with(')')
            {
                let close = next.span.end + after.find(')').unwrap_or(0) + 1;
                span = Span::new(e.span.start, close);
                i += 1;
            }
        }
        out.push((span, e.label.to_string()));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conllu_multiword_tokens_are_surface_tokens() {
        let c = "# text = Cita-citanya tinggi.\n1-2\tCita-citanya\n1\tCita-cita\n2\tnya\n3\ttinggi\n4\t.\n\n# text = Ya.\n1\tYa\n2\t.\n";
        let d = read_conllu(c);
        assert_eq!(d.text, "Cita-citanya tinggi. Ya.");
        let toks: Vec<&str> = d.tokens.iter().map(|s| &d.text[s.range()]).collect();
        assert_eq!(toks, ["Cita-citanya", "tinggi", ".", "Ya", "."]);
        assert_eq!(d.sentences, [Span::new(0, 20), Span::new(21, 24)]);
    }

    #[test]
    fn iob_entities() {
        let c =
            "Presiden O O\nJoko B-PER\nWidodo I-PER\ndi O\nJakarta B-LOC\n\nKPK\tB-ORGANISATION\n";
        let d = read_conll_ner(c, &[("ORGANISATION", "ORG")]);
        let ents: Vec<(&str, &str)> = d
            .entities
            .iter()
            .map(|(s, l)| (&d.text[s.range()], l.as_str()))
            .collect();
        assert_eq!(
            ents,
            [("Joko Widodo", "PER"), ("Jakarta", "LOC"), ("KPK", "ORG")]
        );
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn prf() {
        let gold = [Span::new(0, 1), Span::new(2, 3)];
        let s = score_spans(&gold, &[Span::new(0, 1), Span::new(4, 5)]);
        assert_eq!(
            s,
            Prf {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(s.f1(), 0.5);
    }
}
