//! Embedded word lists, parsed lazily once per process.

use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};

/// Whether an abbreviation can end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// A title or label that a name or number follows (`Prof.`, `Jl.`, `No.`).
    Title,
    /// An abbreviation that may close a sentence (`dll.`, `Tbk.`).
    Final,
}

/// Lines of an embedded list without comments and blank lines.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static ABBREVIATIONS: Lazy<HashMap<&'static str, AbbrevClass>> = Lazy::new(|| {
    data_lines(include_str!("../gazetteers/lexicon/abbreviations.txt"))
        .filter_map(|l| {
            let (word, class) = l.split_once('\t')?;
            let class = if class == "final" {
                AbbrevClass::Final
            } else {
                AbbrevClass::Title
            };
            Some((word, class))
        })
        .collect()
});

static ROOTS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| data_lines(include_str!("../gazetteers/lexicon/root-words.txt")).collect());

/// The class of `word` (without its period) if it is a known abbreviation.
pub(crate) fn abbreviation(word: &str) -> Option<AbbrevClass> {
    if word.len() > 8 {
        return None;
    }
    if let Some(&class) = ABBREVIATIONS.get(word) {
        return Some(class);
    }
    // Headline capitals (`JL.`, `NO.`): look up the capitalised form.
    let mut chars = word.chars();
    let first = chars.next()?;
    if word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        let capitalised: String = std::iter::once(first)
            .chain(chars.flat_map(char::to_lowercase))
            .collect();
        return ABBREVIATIONS.get(capitalised.as_str()).copied();
    }
    None
}

/// Whether `word`, lowercased, is an Indonesian root word.
pub(crate) fn is_root_ci(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        ROOTS.contains(word)
    } else {
        ROOTS.contains(word.to_lowercase().as_str())
    }
}

/// Forces the lazy lists, so that benchmarks and the first extraction do not pay for them.
pub(crate) fn warm() {
    Lazy::force(&ABBREVIATIONS);
    Lazy::force(&ROOTS);
}
