//! Gazetteers of people, places and organisations, matched by one Aho-Corasick automaton.
//!
//! # Matching policy
//! - Every name and alias of every entry goes into one automaton, walked anchored from each
//!   place a name can start (a token's start, or a hyphen joining names), behind a filter on
//!   the first two bytes: most tokens start no name and cost a table lookup. Every name
//!   starting there is reported, not only the longest, so that a match rejected for its end can
//!   never hide an aligned one. Among the aligned matches the leftmost, then the longest wins.
//! - A match counts only on token boundaries: it starts where a token starts and ends where a
//!   token ends (`Rusia` is not in `Rusiawan`), or where a clitic begins (`Korea Utara` in
//!   `Korea Utaranya`), or at a hyphen between capitalised parts (`Rusia` in `Rusia-Korea`).
//! - Case: as written, plus the ALL-CAPS form of names of four letters or more (headlines,
//!   `JAKARTA (Pos Kota)`).
//! - Weak names need evidence: districts always, and names that are ordinary Indonesian words
//!   (`Batu`, `Garut`, `Antara`) when they open a sentence, where every word is capitalised. They count only after a head that names their kind
//!   (`Kecamatan`, `Kota`, `Kabupaten`, …) or after `di`, `ke`, `dari` and other place
//!   prepositions, written with their capital (`di Batu`, not `di batu`: matching is case-exact).
//! - One string, several entries: the entry of the highest [priority](EntryKind) wins
//!   (countries, then provinces, capitals and cities, regencies, other places, people,
//!   organisations, districts), then the one loaded first.

use crate::error::{Error, ErrorKind};
use crate::lexicon;
use crate::{Label, Span, Token, TokenKind};
use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::path::Path;

/// One entry of a gazetteer: an entity with its canonical name and aliases.
///
/// Entries are usually read from files (see `gazetteers/FORMAT.md`), but can be made in code and
/// given to [`ExtractorBuilder::entry`](crate::ExtractorBuilder::entry):
///
/// ```
/// use warta::{GazetteerEntry, Label};
///
/// let afdal = GazetteerEntry::new("per:afdal-namakule", Label::Per, "Afdal Namakule")
///     .alias("Afdal")
///     .attr("role", "Penulis");
/// let extractor = warta::Extractor::builder().entry(afdal).unwrap().build().unwrap();
/// let doc = extractor.extract("Tulisan ini disusun oleh Afdal Namakule.");
/// assert_eq!(doc.entities[0].entity_id, "per:afdal-namakule");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerEntry {
    id: String,
    label: Label,
    name: String,
    aliases: Vec<String>,
    attrs: Vec<(String, String)>,
}

impl GazetteerEntry {
    /// An entry with id (`per:`, `loc:` or `org:` and a lowercase slug), label and canonical name.
    pub fn new(id: impl Into<String>, label: Label, name: impl Into<String>) -> GazetteerEntry {
        GazetteerEntry {
            id: id.into(),
            label,
            name: name.into(),
            aliases: Vec::new(),
            attrs: Vec::new(),
        }
    }

    /// Adds a surface variant (`Korut`, `Jokowi`, `Kim Jong-un`).
    pub fn alias(mut self, alias: impl Into<String>) -> GazetteerEntry {
        self.aliases.push(alias.into());
        self
    }

    /// Adds an attribute (`type`, `cc`, `role`, `parent`, …).
    pub fn attr(mut self, key: impl Into<String>, value: impl Into<String>) -> GazetteerEntry {
        self.attrs.push((key.into(), value.into()));
        self
    }

    /// The stable id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// PER, LOC or ORG.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The canonical name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The aliases.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The value of attribute `key`, if set.
    pub fn get_attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn validate(&self) -> Result<(), ErrorKind> {
        let (prefix, slug) = self
            .id
            .split_once(':')
            .ok_or_else(|| ErrorKind::BadId(self.id.clone()))?;
        let slug_ok = !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !slug_ok || !matches!(prefix, "per" | "loc" | "org") {
            return Err(ErrorKind::BadId(self.id.clone()));
        }
        if prefix != self.label.id_prefix() {
            return Err(ErrorKind::LabelMismatch {
                id: self.id.clone(),
                label: self.label.to_string(),
            });
        }
        if self.name.trim().is_empty() {
            return Err(ErrorKind::EmptyField("name"));
        }
        if self.aliases.iter().any(|a| a.trim().is_empty()) {
            return Err(ErrorKind::EmptyField("alias"));
        }
        Ok(())
    }
}

/// The kind of an entry, from its `type` attribute: decides priority and how much evidence a
/// weak name needs. Lower values win when one string belongs to several entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum EntryKind {
    Country,
    Province,
    City,
    Regency,
    Place,
    Person,
    Org,
    District,
}

impl EntryKind {
    fn of(label: Label, ty: Option<&str>) -> EntryKind {
        match (label, ty) {
            (Label::Per, _) => EntryKind::Person,
            (Label::Org, _) => EntryKind::Org,
            (Label::Loc, Some("country" | "territory")) => EntryKind::Country,
            (Label::Loc, Some("province")) => EntryKind::Province,
            (Label::Loc, Some("city" | "capital" | "world-city")) => EntryKind::City,
            (Label::Loc, Some("regency")) => EntryKind::Regency,
            (Label::Loc, Some("district")) => EntryKind::District,
            (Label::Loc, _) => EntryKind::Place,
        }
    }
}

/// A loaded entry, compact for matching.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) id: Box<str>,
    pub(crate) label: Label,
    pub(crate) name: Box<str>,
    pub(crate) kind: EntryKind,
}

/// One string in the automaton and the entries it names, best first.
#[derive(Debug)]
struct Pattern {
    /// Its entries are `Gazetteer::pattern_entries[entries.0..entries.1]`: one table for all
    /// patterns instead of a vector each keeps the build's allocations few.
    entries: (u32, u32),
    /// The ALL-CAPS form of a name written otherwise.
    caps: bool,
    /// An ordinary Indonesian word used as a name: needs evidence.
    common_word: bool,
}

/// A compiled gazetteer: entries and the automaton over all their names.
pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    /// The entries of all patterns, see [`Pattern::entries`].
    pattern_entries: Vec<u32>,
    /// Each pattern's string, exactly as the text must have it: pattern `p` is
    /// `pattern_text[pattern_at[p]..pattern_at[p + 1]]`.
    pattern_text: String,
    pattern_at: Vec<u32>,
    /// The automaton, over the patterns' strings folded by [`fold_case`] and walked, anchored,
    /// from each token start over the text folded the same way: a name and its ALL-CAPS form
    /// are one automaton pattern, which halves its size and build time; a match is then told
    /// which of them (if any) it is by comparing bytes. Folding keeps the capital that starts a
    /// word, so lowercase words do not wander deep into names (`antara` vs `Antara`) and the
    /// search stays as fast as an exact one. (Full ASCII case folding, by the automaton or by
    /// lowercasing, costs more in build or in search than it saves.)
    nfa: aho_corasick::nfa::contiguous::NFA,
    /// The first two bytes of every automaton pattern: most tokens (`di`, `yang`) start no
    /// name, and this tells so before the automaton is entered.
    starts: PairSet,
    /// Automaton pattern `k` stands for `patterns[variants[variant_at[k]..variant_at[k + 1]]]`.
    variant_at: Vec<u32>,
    variants: Vec<u32>,
    /// Names and aliases as written, for users and the reference benchmark.
    forms: Vec<Box<str>>,
    /// The entry of each of `forms`.
    form_entries: Vec<u32>,
    /// Typo tolerance: multi-word names keyed by their words with one word blanked out; built
    /// on the first fuzzy lookup (most documents never need it, and the build stays short).
    fuzzy: once_cell::sync::OnceCell<Fuzzy>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// Fuzzy keys (a name's words with one blanked out, see [`fuzzy_key_bytes`]): sorted hashes,
/// each with the form (index into `Gazetteer::forms`) and the blanked word's position. Hashes
/// instead of key strings keep the index one allocation; a hash shared by different keys is
/// told apart by comparing the keys' words.
type FuzzyIndex = Vec<(u64, u32, u8)>;

/// The typo-tolerance index, and the hashes ([`word_hash`]) of every word of the
/// names in it: all words of a window but the mistyped one are written as in the name, so a
/// window with two words outside the names is looked up no further.
struct Fuzzy {
    keys: FuzzyIndex,
    /// The hashes of `keys`.
    key_set: rustc_hash::FxHashSet<u64>,
    words: rustc_hash::FxHashSet<u64>,
}

/// A gazetteer match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GazMatch {
    pub(crate) span: Span,
    pub(crate) entry: u32,
}

/// Where an entry was defined: a file and line, or an entry added in code.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    path: Option<std::sync::Arc<Path>>,
    line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}:{}", p.display(), self.line),
            None => write!(f, "entry {}", self.line),
        }
    }
}

/// Entries being collected before compilation.
#[derive(Default, Clone)]
pub(crate) struct GazetteerSource {
    entries: Vec<(GazetteerEntry, Origin)>,
    ids: HashMap<String, usize>,
}

impl std::fmt::Debug for GazetteerSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GazetteerSource")
            .field("entries", &self.len())
            .finish()
    }
}

impl GazetteerSource {
    fn add_at(&mut self, entry: GazetteerEntry, origin: Origin) -> Result<(), Error> {
        let err = |kind, origin: &Origin| match &origin.path {
            Some(p) => Error::new(kind).at(p, Some(origin.line)),
            None => Error::new(kind),
        };
        if let Err(kind) = entry.validate() {
            return Err(err(kind, &origin));
        }
        if let Some(&i) = self.ids.get(&entry.id) {
            let first = self.entries[i].1.to_string();
            return Err(err(
                ErrorKind::DuplicateId {
                    id: entry.id,
                    first,
                },
                &origin,
            ));
        }
        self.ids.insert(entry.id.clone(), self.entries.len());
        self.entries.push((entry, origin));
        Ok(())
    }

    /// Adds one entry made in code.
    pub(crate) fn add(&mut self, entry: GazetteerEntry) -> Result<(), Error> {
        let line = self.entries.len() + 1;
        self.add_at(entry, Origin { path: None, line })
    }

    /// Adds every entry of `other`, keeping their origins.
    pub(crate) fn extend(&mut self, other: &GazetteerSource) -> Result<(), Error> {
        for (e, origin) in &other.entries {
            self.add_at(e.clone(), origin.clone())?;
        }
        Ok(())
    }

    /// Parses a gazetteer file's text; `path` names it in errors.
    pub(crate) fn add_text(&mut self, path: &Path, text: &str) -> Result<(), Error> {
        let shared: std::sync::Arc<Path> = path.into();
        // A byte-order mark, as Windows editors write it, is not part of the first line.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        for (n, line) in lines(text).enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let entry = parse_line(line).map_err(|kind| Error::new(kind).at(path, Some(n + 1)))?;
            self.add_at(
                entry,
                Origin {
                    path: Some(shared.clone()),
                    line: n + 1,
                },
            )?;
        }
        Ok(())
    }

    /// Reads and parses a gazetteer file.
    pub(crate) fn add_file(&mut self, path: &Path) -> Result<(), Error> {
        let text = crate::error::read_config(path)?;
        self.add_text(path, &text)
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Compiles the automaton.
    pub(crate) fn build<'s>(&'s self) -> Gazetteer {
        let mut entries = Vec::with_capacity(self.entries.len());
        // Sized up front: growing these tables rehashes and copies tens of thousands of names.
        let n_forms: usize = self.entries.iter().map(|(e, _)| 1 + e.aliases.len()).sum();
        let mut patterns: Vec<Pattern> = Vec::with_capacity(2 * n_forms);
        // Each pattern's string, concatenated; keys borrow the names where they can.
        let mut pattern_text = String::new();
        let mut pattern_at: Vec<u32> = Vec::with_capacity(2 * n_forms + 1);
        pattern_at.push(0);
        let mut index: HashMap<Cow<'s, str>, u32> =
            HashMap::with_capacity_and_hasher(2 * n_forms, Default::default());
        // (pattern, entry), in the order the entries name the patterns.
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(2 * n_forms);
        // The last entry added to each pattern: an entry's forms come together, so a repeat
        // is always the last one.
        let mut last_entry: Vec<u32> = Vec::with_capacity(2 * n_forms);
        let mut forms: Vec<Box<str>> = Vec::with_capacity(n_forms);
        let mut form_entries: Vec<u32> = Vec::with_capacity(n_forms);
        for (e, _) in &self.entries {
            let ty = e.get_attr("type");
            let kind = EntryKind::of(e.label, ty);
            let id = entries.len() as u32;
            entries.push(Entry {
                id: e.id.as_str().into(),
                label: e.label,
                name: e.name.trim().into(),
                kind,
            });
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                let form = form.trim();
                forms.push(form.into());
                form_entries.push(id);
                let mut add = |s: Cow<'s, str>, caps: bool| {
                    let p = match index.get(&*s) {
                        Some(&p) => p as usize,
                        None => {
                            pattern_text.push_str(&s);
                            pattern_at.push(pattern_text.len() as u32);
                            patterns.push(Pattern {
                                entries: (0, 0),
                                caps,
                                common_word: is_common_word(&s),
                            });
                            last_entry.push(u32::MAX);
                            index.insert(s, patterns.len() as u32 - 1);
                            patterns.len() - 1
                        }
                    };
                    // A string written by some entry as is is not only a caps variant.
                    patterns[p].caps &= caps;
                    if last_entry[p] != id {
                        last_entry[p] = id;
                        pairs.push((p as u32, id));
                    }
                };
                add(Cow::Borrowed(form), false);
                let upper = form.to_uppercase();
                if upper != form && form.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                    add(Cow::Owned(upper), true);
                }
            }
        }
        drop(index);
        // The gazetteer keeps `patterns`; the headroom above was for the build only.
        patterns.shrink_to_fit();
        pattern_at.shrink_to_fit();
        let pattern_entries = group_by(
            patterns.len(),
            pairs.iter().map(|&(p, e)| (p as usize, e)),
            |p, first, pe| {
                let list = &mut pe[first..];
                // Stable: among equal kinds the entry loaded first wins.
                list.sort_by_key(|&e| entries[e as usize].kind);
                patterns[p].entries = (first as u32, pe.len() as u32);
            },
        );
        drop(pairs);
        let pattern = |p: usize| &pattern_text[pattern_at[p] as usize..pattern_at[p + 1] as usize];
        // Patterns equal up to folding share one automaton pattern. Non-ASCII letters are
        // matched exactly, so `É` and `é` stay apart, as do strings whose uppercase changes
        // their length.
        let mut keys: HashMap<Cow<'_, str>, u32> =
            HashMap::with_capacity_and_hasher(patterns.len(), Default::default());
        let mut ac_strings: Vec<Cow<'_, str>> = Vec::with_capacity(patterns.len());
        let mut key_of: Vec<(usize, u32)> = Vec::with_capacity(patterns.len());
        for p in 0..patterns.len() {
            let s = pattern(p);
            let folded = if needs_fold(s.as_bytes()) {
                Cow::Owned(
                    String::from_utf8(fold_case(s.as_bytes()))
                        .expect("ASCII case folding keeps UTF-8"),
                )
            } else {
                Cow::Borrowed(s)
            };
            let n = ac_strings.len() as u32;
            let k = *keys.entry(folded.clone()).or_insert(n);
            if k == n {
                ac_strings.push(folded);
            }
            key_of.push((k as usize, p as u32));
        }
        drop(keys);
        let mut variant_at: Vec<u32> = Vec::with_capacity(ac_strings.len() + 1);
        variant_at.push(0);
        let variants = group_by(ac_strings.len(), key_of.into_iter(), |_, _, v| {
            variant_at.push(v.len() as u32);
        });
        let starts = PairSet::of(ac_strings.iter().map(|s| s.as_bytes()));
        // Only anchored walks from a token start run on it: it needs no prefilter. (A
        // leftmost-longest automaton would keep each state's matches to its own names, but the
        // whole build then took a quarter more instructions.)
        let nfa = aho_corasick::nfa::contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(ac_strings.iter().map(|s| s.as_bytes()))
            .expect("gazetteer automaton within size limits");
        drop(ac_strings);
        Gazetteer {
            entries,
            patterns,
            pattern_entries,
            pattern_text,
            pattern_at,
            nfa,
            starts,
            variant_at,
            variants,
            forms,
            form_entries,
            fuzzy: once_cell::sync::OnceCell::new(),
        }
    }
}

/// The blanked word in fuzzy keys.
const BLANK: &str = "\u{1}";

/// Most words of a name that typo tolerance looks at.
const FUZZY_MAX_WORDS: usize = 6;

/// The words of `form` when it has 2 to [`FUZZY_MAX_WORDS`] of them, in a fixed array.
fn fuzzy_words(form: &str) -> Option<([&str; FUZZY_MAX_WORDS], usize)> {
    let mut words = [""; FUZZY_MAX_WORDS];
    let mut n = 0;
    for w in form.split(' ') {
        if n == FUZZY_MAX_WORDS {
            return None;
        }
        words[n] = w;
        n += 1;
    }
    (n >= 2).then_some((words, n))
}

/// Indexes a multi-word name of 8 bytes or more for typo tolerance: one key per word of four
/// letters or more, with that word blanked out.
fn add_fuzzy_keys(index: &mut FuzzyIndex, form: &str, form_id: u32) {
    let Some((words, n)) = fuzzy_words(form) else {
        return;
    };
    if form.len() < 8 {
        return;
    }
    let words = &words[..n];
    let mut hashes = [0u64; FUZZY_MAX_WORDS];
    for (h, w) in hashes.iter_mut().zip(words) {
        *h = word_hash(w);
    }
    for (i, word) in words.iter().enumerate() {
        if word.chars().count() < 4 {
            continue;
        }
        let key = key_hash(&hashes[..n], i, word.chars().next());
        index.push((key, form_id, i as u8));
    }
}

/// The bytes of the fuzzy key of `words` with word `blank` blanked: the words joined by
/// spaces, [`BLANK`] for the blanked one.
fn fuzzy_key_bytes<'a>(words: &'a [&'a str], blank: usize) -> impl Iterator<Item = u8> + 'a {
    words.iter().enumerate().flat_map(move |(i, w)| {
        let sep: &[u8] = if i > 0 { b" " } else { b"" };
        let w = if i == blank { BLANK } else { w };
        sep.iter().chain(w.as_bytes()).copied()
    })
}

/// FNV-1a of a word's bytes.
const fn word_hash(w: &str) -> u64 {
    let w = w.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < w.len() {
        h = (h ^ w[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// The hash of the fuzzy key ([`fuzzy_key_bytes`]) of words with these [`word_hash`]es, word
/// `blank` blanked: made of the words' hashes, so that a lookup hashes each word of a window
/// once, not once per key it tries. (Keys that share a hash are told apart by their bytes.)
///
/// The blanked word's first letter is part of the key: a match keeps it (`Kora Utara` for
/// Korea Utara), and without it a key such as `Kabupaten _` stands for hundreds of names.
fn key_hash(word_hashes: &[u64], blank: usize, initial: Option<char>) -> u64 {
    const BLANK_HASH: u64 = word_hash(BLANK);
    let seed = 0x243f_6a88_85a3_08d3 ^ u64::from(initial.map_or(0, u32::from));
    word_hashes.iter().enumerate().fold(seed, |h, (i, &w)| {
        let w = if i == blank { BLANK_HASH } else { w };
        (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    })
}

/// Whether `a` and `b` differ by exactly one insertion, deletion, substitution or transposition
/// of adjacent characters.
fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

/// Whether a one-word name is also an ordinary Indonesian word (`Batu`, `Baru`, `Timur`).
fn is_common_word(s: &str) -> bool {
    !s.contains(' ') && lexicon::is_root_ci(s)
}

fn parse_line(line: &str) -> Result<GazetteerEntry, ErrorKind> {
    // Every line of the default gazetteers passes here at build: no `Vec` for the columns.
    let mut cols = [""; 5];
    let mut found = 0;
    for col in split_ascii(line, b'\t') {
        if let Some(c) = cols.get_mut(found) {
            *c = col;
        }
        found += 1;
    }
    if found != 5 {
        return Err(ErrorKind::ColumnCount { found, expected: 5 });
    }
    let label: Label = trim(cols[1])
        .parse()
        .map_err(|()| ErrorKind::UnknownLabel(cols[1].to_string()))?;
    if trim(cols[0]).is_empty() {
        return Err(ErrorKind::EmptyField("id"));
    }
    let mut entry = GazetteerEntry::new(trim(cols[0]), label, trim(cols[2]));
    for alias in split_ascii(cols[3], b'|')
        .map(trim)
        .filter(|a| !a.is_empty())
    {
        if alias != entry.name {
            entry.aliases.push(alias.to_string());
        }
    }
    for attr in split_ascii(cols[4], b';')
        .map(trim)
        .filter(|a| !a.is_empty())
    {
        let (k, v) = attr
            .split_once('=')
            .ok_or_else(|| ErrorKind::BadAttr(attr.to_string()))?;
        if k.trim().is_empty() {
            return Err(ErrorKind::BadAttr(attr.to_string()));
        }
        entry.attrs.push((trim(k).to_string(), trim(v).to_string()));
    }
    Ok(entry)
}

// The default gazetteers are parsed at every build: the helpers below do what `str::lines`,
// `str::split` and `str::trim` do, by plain byte loops for the short lines and fields, where
// the general versions' set-up costs more than the scan.

/// `str::lines`: split at `\n`, one `\r` before it dropped, no empty last line.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = (!text.is_empty()).then_some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b'\n') {
            Some(i) => {
                rest = (i + 1 < r.len()).then(|| &r[i + 1..]);
                Some(r[..i].strip_suffix('\r').unwrap_or(&r[..i]))
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `s.split(sep)` for an ASCII `sep`.
fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    crate::token::split_ascii(s, move |b| b == sep)
}

/// `s.trim()`, returning at once when `s` starts and ends with ASCII non-space.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Words before a name that are evidence it is a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "di", "ke", "dari", "Di", "Ke", "Dari", "kawasan", "daerah", "wilayah", "sekitar", "menuju",
    "asal",
];

/// Heads that name a region's kind.
const REGION_HEADS: &[&str] = &[
    "Kecamatan",
    "Kec.",
    "kecamatan",
    "Distrik",
    "distrik",
    "Kota",
    "kota",
    "Kabupaten",
    "Kab.",
    "kabupaten",
    "Provinsi",
    "provinsi",
    "Desa",
    "desa",
    "Kelurahan",
    "kelurahan",
];

impl Gazetteer {
    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Number of names and aliases as written in the entries.
    pub(crate) fn name_count(&self) -> usize {
        self.forms.len()
    }

    /// Every name and alias as written in the entries, in entry order.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> + '_ {
        self.forms.iter().map(|s| &**s)
    }

    /// [`fuzzy_lookup_longest`](Gazetteer::fuzzy_lookup_longest) of exactly `words`.
    #[cfg(test)]
    pub(crate) fn fuzzy_lookup(&self, words: &[&str]) -> Option<u32> {
        self.fuzzy_lookup_longest(words, words.len())
            .filter(|&(n, _)| n == words.len())
            .map(|(_, e)| e)
    }

    /// Typo tolerance: the longest window `words[..n]`, `n` from `max` down to 2, that differs
    /// from an entry's multi-word name by one edit in one word of four letters or more, the
    /// other words exactly equal (`Kora Utara` → Korea Utara), with that entry. A window that
    /// several entries fit is no match.
    pub(crate) fn fuzzy_lookup_longest(&self, words: &[&str], max: usize) -> Option<(usize, u32)> {
        let max = max.min(words.len()).min(FUZZY_MAX_WORDS);
        if max < 2 {
            return None;
        }
        let fuzzy = self.fuzzy.get_or_init(|| self.fuzzy_index());
        let mut hashes = [0u64; FUZZY_MAX_WORDS];
        let mut unknown = [false; FUZZY_MAX_WORDS];
        for (i, w) in words[..max].iter().enumerate() {
            hashes[i] = word_hash(w);
            unknown[i] = !fuzzy.words.contains(&hashes[i]);
        }
        (2..=max).rev().find_map(|n| {
            let mut outside = (0..n).filter(|&i| unknown[i]);
            // The one word outside the names, if any, is the only one that can be mistyped.
            let only = outside.next();
            if outside.next().is_some() {
                return None;
            }
            self.fuzzy_window(fuzzy, &words[..n], &hashes[..n], only)
                .map(|e| (n, e))
        })
    }

    /// The entry that the one window `words` fits (see
    /// [`fuzzy_lookup_longest`](Gazetteer::fuzzy_lookup_longest)), trying only word `only` as
    /// the mistyped one when given.
    fn fuzzy_window(
        &self,
        fuzzy: &Fuzzy,
        words: &[&str],
        hashes: &[u64],
        only: Option<usize>,
    ) -> Option<u32> {
        let mut found: Option<u32> = None;
        for (i, word) in words.iter().enumerate() {
            if only.is_some_and(|o| o != i) || word.chars().count() < 3 {
                continue;
            }
            let h = key_hash(hashes, i, word.chars().next());
            // A set lookup rejects nearly every key, where the binary search would walk
            // the whole index.
            if !fuzzy.key_set.contains(&h) {
                continue;
            }
            let from = fuzzy.keys.partition_point(|k| k.0 < h);
            for &(_, form, blank) in fuzzy.keys[from..].iter().take_while(|k| k.0 == h) {
                let Some((known_words, n)) = fuzzy_words(&self.forms[form as usize]) else {
                    continue;
                };
                let known_words = &known_words[..n];
                let blank = usize::from(blank);
                if !fuzzy_key_bytes(known_words, blank).eq(fuzzy_key_bytes(words, i)) {
                    continue;
                }
                let entry = self.form_entries[form as usize];
                let known = known_words[blank];
                let same_initial = known.chars().next() == word.chars().next();
                if same_initial && one_edit(known, word) {
                    match found {
                        Some(f) if f != entry => return None,
                        _ => found = Some(entry),
                    }
                }
            }
        }
        found
    }

    /// The typo-tolerance index over every name and alias, in entry order.
    fn fuzzy_index(&self) -> Fuzzy {
        let mut keys = Vec::new();
        for (f, (form, &id)) in self.forms.iter().zip(&self.form_entries).enumerate() {
            // Districts are too many and too alike to guess at (`Kota Utara`).
            if self.entries[id as usize].kind != EntryKind::District {
                add_fuzzy_keys(&mut keys, form, f as u32);
            }
        }
        // A lookup's result does not depend on the order of the candidates of a key (it is
        // the one entry they agree on, or none).
        keys.sort_unstable_by_key(|k| k.0);
        let mut words = rustc_hash::FxHashSet::default();
        for &(_, form, _) in &keys {
            if let Some((form_words, n)) = fuzzy_words(&self.forms[form as usize]) {
                for w in &form_words[..n] {
                    words.insert(word_hash(w));
                }
            }
        }
        let key_set = keys.iter().map(|k| k.0).collect();
        Fuzzy {
            keys,
            key_set,
            words,
        }
    }

    /// Walks the automaton over `bytes` from `start`, folding the text as [`fold_case`] does,
    /// and calls `found(end, k)` for each automaton pattern `k` that is `bytes[start..end]`.
    /// `after_letter`: whether the first byte counts as following a letter (and is folded).
    fn walk(
        &self,
        bytes: &[u8],
        start: usize,
        after_letter: bool,
        mut found: impl FnMut(usize, usize),
    ) {
        let nfa = &self.nfa;
        let first = fold_byte(bytes[start], after_letter);
        if let Some(&second) = bytes.get(start + 1) {
            let second = fold_byte(second, first.is_ascii_alphabetic());
            if !self.starts.contains(first, second) {
                return;
            }
        }
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else {
            return;
        };
        let mut prev_letter = after_letter;
        for (n, &b) in bytes[start..].iter().enumerate() {
            let folded = fold_byte(b, prev_letter);
            prev_letter = b.is_ascii_alphabetic();
            sid = nfa.next_state(Anchored::Yes, sid, folded);
            if nfa.is_dead(sid) {
                return;
            }
            if nfa.is_match(sid) {
                // A state also reports the names that end here but start later.
                for m in 0..nfa.match_len(sid) {
                    let pid = nfa.match_pattern(sid, m);
                    if nfa.pattern_len(pid) == n + 1 {
                        found(start + n + 1, pid.as_usize());
                    }
                }
            }
        }
    }

    fn pattern(&self, p: usize) -> &str {
        &self.pattern_text[self.pattern_at[p] as usize..self.pattern_at[p + 1] as usize]
    }

    pub(crate) fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    /// Finds the gazetteer mentions in `text`, aligned to `tokens`, each inside one sentence,
    /// never overlapping.
    pub(crate) fn find(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<GazMatch> {
        // About one name in ten tokens of news: sized for that, the vector seldom grows.
        let mut cands: Vec<(Span, u32)> = Vec::with_capacity(tokens.len() / 8);
        // The sentence of the walks' starts, which never go back.
        let mut sentence = 0;
        // `ti`: the token where the walk started (`span.start` is in it).
        let mut consider = |span: Span, k: usize, ti: usize| {
            // The byte comparison first: it is the cheaper filter.
            let here = &text.as_bytes()[span.range()];
            let Some(&p) = self.variants
                [self.variant_at[k] as usize..self.variant_at[k + 1] as usize]
                .iter()
                .find(|&&p| self.pattern(p as usize).as_bytes() == here)
            else {
                return;
            };
            // Every walk starts where a name may (see below).
            if !is_end(text, tokens, ti, span.end) {
                return;
            }
            let pat = &self.patterns[p as usize];
            if pat.caps && !is_caps_context(text, span) {
                return;
            }
            while sentences.get(sentence).is_some_and(|s| s.end <= span.start) {
                sentence += 1;
            }
            let initial = sentences
                .get(sentence)
                .is_some_and(|s| s.start == span.start);
            let prev = ti.checked_sub(1).map(|k| &text[tokens[k].span.range()]);
            if let Some(entry) = self.choose(prev, pat, initial) {
                cands.push((span, entry));
            }
        };
        // Names start only where tokens do (or after a hyphen joining names, `Rusia-Korea`):
        // walk the automaton from those starts alone, anchored, instead of scanning every byte.
        let bytes = text.as_bytes();
        for (ti, t) in tokens.iter().enumerate() {
            let i = t.span.start;
            if t.kind.is_wordlike() || t.kind == TokenKind::Url || t.kind == TokenKind::Number {
                let after_letter = i > 0 && bytes[i - 1].is_ascii_alphabetic();
                self.walk(bytes, i, after_letter, |end, k| {
                    consider(Span::new(i, end), k, ti)
                });
                // A name's first letter is never folded, but the text's is when a token starts
                // right after a letter (`x` in `abcXyz` split by the tokenizer): look again
                // with that letter as written.
                if after_letter && bytes[i].is_ascii_uppercase() {
                    self.walk(bytes, i, false, |end, k| consider(Span::new(i, end), k, ti));
                }
            }
            let token = &bytes[t.span.range()];
            // Joined names start with a capital (the cheap test first: most words do not).
            if token.len() < 3
                || token[0].is_ascii_lowercase()
                || !token[1..].contains(&b'-')
                || !hyphen_joins_names(&text[t.span.range()])
            {
                continue;
            }
            for (j, _) in token
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, b)| **b == b'-')
            {
                let at = i + j + 1;
                if at < t.span.end {
                    self.walk(bytes, at, false, |end, k| {
                        consider(Span::new(at, end), k, ti)
                    });
                }
            }
        }
        // Leftmost, then longest; among equal spans, the one found first.
        cands.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
        let mut out: Vec<GazMatch> = Vec::with_capacity(cands.len());
        let mut s = 0;
        for (span, entry) in cands {
            if out.last().is_some_and(|m| m.span.end > span.start) {
                continue;
            }
            while s < sentences.len() && sentences[s].end <= span.start {
                s += 1;
            }
            if s < sentences.len() && !sentences[s].contains(span) {
                continue;
            }
            out.push(GazMatch { span, entry });
        }
        out
    }

    /// The best entry of `pat` that the context supports where the token before is `prev`.
    fn choose(&self, prev: Option<&str>, pat: &Pattern, sentence_initial: bool) -> Option<u32> {
        let (a, b) = pat.entries;
        self.pattern_entries[a as usize..b as usize]
            .iter()
            .copied()
            .find(|&e| {
                let entry = &self.entries[e as usize];
                let needs_head = match entry.kind {
                    EntryKind::District => true,
                    // Written with a capital inside a sentence, an ordinary word is a name
                    // (`warga Garut`); at a sentence's start it needs its head (`Kota Batu`).
                    EntryKind::City | EntryKind::Regency | EntryKind::Place => {
                        pat.common_word && sentence_initial
                    }
                    // Countries and provinces are rarely also ordinary words (`Korsel`, `Belanda`).
                    EntryKind::Country | EntryKind::Province => false,
                    // A person or organisation named by an ordinary word (`Antara`, `Tempo`) is
                    // told apart by its capital, which a sentence's first word always has.
                    EntryKind::Person | EntryKind::Org => pat.common_word && sentence_initial,
                };
                if !needs_head {
                    return true;
                }
                match prev {
                    Some(p) if REGION_HEADS.contains(&p) => entry.label == Label::Loc,
                    Some(p) if PLACE_PREPOSITIONS.contains(&p) => entry.label == Label::Loc,
                    _ => false,
                }
            })
    }
}

/// The values of `(group, value)` pairs grouped by group (`0..groups`), each group in the pairs'
/// order; `done(group, start, out)` is called after each group is written to `out[start..]`.
/// A counting sort: one allocation, where a vector per group would make tens of thousands.
fn group_by(
    groups: usize,
    pairs: impl Iterator<Item = (usize, u32)> + Clone,
    mut done: impl FnMut(usize, usize, &mut Vec<u32>),
) -> Vec<u32> {
    let mut count = vec![0u32; groups + 1];
    for (g, _) in pairs.clone() {
        count[g + 1] += 1;
    }
    for g in 0..groups {
        count[g + 1] += count[g];
    }
    let mut next = count.clone();
    let mut out = vec![0u32; count[groups] as usize];
    for (g, v) in pairs {
        out[next[g] as usize] = v;
        next[g] += 1;
    }
    let mut grouped = Vec::with_capacity(out.len());
    for g in 0..groups {
        let start = grouped.len();
        grouped.extend_from_slice(&out[count[g] as usize..count[g + 1] as usize]);
        done(g, start, &mut grouped);
    }
    grouped
}

/// A set of byte pairs, as 65,536 bits.
struct PairSet(Box<[u64]>);

impl PairSet {
    /// The pairs that begin `strings`; a one-byte string begins every pair with its byte.
    fn of<'a>(strings: impl Iterator<Item = &'a [u8]>) -> PairSet {
        let mut set = PairSet(vec![0; 1024].into_boxed_slice());
        for s in strings {
            match *s {
                [] => {}
                [a] => (0..=255).for_each(|b| set.insert(a, b)),
                [a, b, ..] => set.insert(a, b),
            }
        }
        set
    }

    fn insert(&mut self, a: u8, b: u8) {
        let i = usize::from(a) << 8 | usize::from(b);
        self.0[i >> 6] |= 1 << (i & 63);
    }

    fn contains(&self, a: u8, b: u8) -> bool {
        let i = usize::from(a) << 8 | usize::from(b);
        self.0[i >> 6] & (1 << (i & 63)) != 0
    }
}

/// Whether [`fold_case`] changes `s`.
fn needs_fold(s: &[u8]) -> bool {
    s.windows(2)
        .any(|w| w[1].is_ascii_uppercase() && w[0].is_ascii_alphabetic())
}

/// `s` with every ASCII capital that follows an ASCII letter lowercased: `JOKO WIDODO` and
/// `Joko Widodo` both become `Joko Widodo`, while `antara` and `Antara` stay apart. (Applied to
/// the names when the automaton is built; [`Gazetteer::walk`] folds the text as it goes.)
fn fold_case(s: &[u8]) -> Vec<u8> {
    let mut after_letter = false;
    s.iter()
        .map(|&b| {
            let folded = fold_byte(b, after_letter);
            after_letter = b.is_ascii_alphabetic();
            folded
        })
        .collect()
}

/// Byte `b` folded as [`fold_case`] folds it, `after_letter` telling whether the byte before it
/// is an ASCII letter.
#[inline]
fn fold_byte(b: u8, after_letter: bool) -> u8 {
    if after_letter {
        b.to_ascii_lowercase()
    } else {
        b
    }
}

/// Whether the text around a caps-variant match is itself in capitals (a headline, a dateline).
fn is_caps_context(text: &str, span: Span) -> bool {
    text[span.range()]
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// Whether a name may end at byte `pos`: where the token holding its last byte ends (the first
/// such token from token `from` on, where the name starts), before a hyphen joining names
/// (`Rusia-Korea`), or before a clitic (`Korea Utaranya`).
fn is_end(text: &str, tokens: &[Token], from: usize, pos: usize) -> bool {
    let last = pos.saturating_sub(1);
    let mut k = from;
    while tokens.get(k).is_some_and(|t| t.span.end <= last) {
        k += 1;
    }
    let Some(&t) = tokens.get(k).filter(|t| t.span.start <= last) else {
        return false;
    };
    if t.span.end == pos {
        return true;
    }
    let rest = &text[pos..t.span.end];
    if text.as_bytes()[pos] == b'-' {
        return hyphen_joins_names(&text[t.span.range()]);
    }
    t.kind == TokenKind::Word && matches!(rest, "nya" | "lah" | "kah" | "pun")
}

/// Whether a hyphenated token joins names (`Rusia-Korea`, `Jakarta-Bandung`) rather than being a
/// reduplication or one hyphenated name (`Kim Jong-un`, `Al-Qaeda`).
fn hyphen_joins_names(token: &str) -> bool {
    // Only the first two parts matter, and names are short: a bounded prefix, so that a long
    // token is not rescanned for each match inside it.
    let mut end = token.len().min(256);
    while !token.is_char_boundary(end) {
        end -= 1;
    }
    let mut parts = token[..end].split('-');
    let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
        return false;
    };
    let capital =
        |s: &str| s.chars().next().is_some_and(char::is_uppercase) && s.chars().nth(2).is_some();
    capital(a) && capital(b) && !a.eq_ignore_ascii_case(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(text: &str) -> Gazetteer {
        let mut src = GazetteerSource::default();
        src.add_text(Path::new("test.tsv"), text).unwrap();
        src.build()
    }

    const SMALL: &str = "\
loc:rusia\tLOC\tRusia\t\ttype=country
loc:korea-utara\tLOC\tKorea Utara\tKorut\ttype=country
loc:korea\tLOC\tKorea\t\ttype=region
loc:batu\tLOC\tBatu\tKota Batu\ttype=city
loc:menteng\tLOC\tMenteng\tKecamatan Menteng\ttype=district
per:vladimir-putin\tPER\tVladimir Putin\tPutin\t
org:pbb\tORG\tPerserikatan Bangsa-Bangsa\tPBB\ttype=international
org:antara\tORG\tAntara\tKantor Berita Antara\ttype=news-agency
";

    fn found(text: &str) -> Vec<(&str, String)> {
        let g = gaz(SMALL);
        let tokens = crate::tokenize(text);
        let sentences = crate::sentence::sentences(text, &tokens);
        g.find(text, &tokens, &sentences)
            .into_iter()
            .map(|m| (&text[m.span.range()], g.entry(m.entry).id.to_string()))
            .collect()
    }

    macro_rules! matches {
        ($($name:ident: $text:expr => [$(($s:expr, $id:expr)),* $(,)?];)*) => {
            $(#[test] fn $name() {
                let want: Vec<(&str, String)> = vec![$(($s, $id.to_string())),*];
                assert_eq!(found($text), want, "{:?}", $text);
            })*
        };
    }

    matches! {
        longest_wins: "Presiden Korea Utara tiba." => [("Korea Utara", "loc:korea-utara")];
        token_boundary: "Warga Rusiawan dan Rusia." => [("Rusia", "loc:rusia")];
        misaligned_does_not_hide: "Pemimpin Korea Utaranya" => [("Korea Utara", "loc:korea-utara")];
        misaligned_longer_falls_back: "Korea Utarawan" => [("Korea", "loc:korea")];
        hyphen_between_names: "hubungan Rusia-Korea Utara erat" => [("Rusia", "loc:rusia"), ("Korea Utara", "loc:korea-utara")];
        all_caps: "RUSIA DAN KOREA UTARA" => [("RUSIA", "loc:rusia"), ("KOREA UTARA", "loc:korea-utara")];
        caps_variant_needs_caps: "RUSIA dan Korut" => [("RUSIA", "loc:rusia"), ("Korut", "loc:korea-utara")];
        alias_shares_id: "Vladimir Putin tiba. Putin senang." =>
            [("Vladimir Putin", "per:vladimir-putin"), ("Putin", "per:vladimir-putin")];
        common_word_needs_head: "Batu itu keras. Dia tinggal di Kota Batu." => [("Kota Batu", "loc:batu")];
        common_word_capitalised_inside: "Warga Batu senang." => [("Batu", "loc:batu")];
        common_word_after_preposition: "Dia pindah ke Batu, bukan di bawah." => [("Batu", "loc:batu")];
        common_word_after_head: "Wali kota Batu hadir." => [("Batu", "loc:batu")];
        district_needs_evidence: "Menteng ramai. Dia tinggal di Menteng." => [("Menteng", "loc:menteng")];
        common_word_org_not_sentence_initial: "Antara lain dia. Dikutip Antara, dia pergi." => [("Antara", "org:antara")];
        hyphen_in_name: "Perserikatan Bangsa-Bangsa dan PBB" =>
            [("Perserikatan Bangsa-Bangsa", "org:pbb"), ("PBB", "org:pbb")];
        not_across_sentences: "Dia dari Korea. Utara jauh." => [("Korea", "loc:korea")];
        folded_but_not_written: "KoREA Utara dan Rusia" => [("Rusia", "loc:rusia")];
    }

    #[test]
    fn parsing_helpers_match_std() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r\r\nb\r",
            "\n\na\n\n",
            "a\rb\n\r\n",
            "\t|;x\t\t",
            " \u{a0}é\u{3000} ",
            "x ",
            " x",
            "|a||b|",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>()
            );
            for sep in [b'\t', b'|', b';', b'\n'] {
                let want: Vec<&str> = text.split(sep as char).collect();
                assert_eq!(split_ascii(text, sep).collect::<Vec<_>>(), want);
            }
            assert_eq!(trim(text), text.trim());
        }
    }

    #[test]
    fn fold_case_matches_bytewise() {
        let reference = |s: &[u8]| -> Vec<u8> {
            let mut prev = false;
            s.iter()
                .map(|&b| {
                    let out = if prev && b.is_ascii_uppercase() {
                        b.to_ascii_lowercase()
                    } else {
                        b
                    };
                    prev = b.is_ascii_alphabetic();
                    out
                })
                .collect()
        };
        let all: Vec<u8> = (0..=255u8).collect();
        for text in [
            "JOKO WIDODO, Joko Widodo, jOKO. É ÉBOLA Ébola @[Z`z{ 12AB xY",
            "AAAAAAAZAAAAAAAAzZzZzZzZzZ",
            "",
            "A",
        ] {
            assert_eq!(
                fold_case(text.as_bytes()),
                reference(text.as_bytes()),
                "{text:?}"
            );
        }
        for shift in 0..8 {
            let bytes: Vec<u8> = all.iter().cycle().skip(shift).take(600).copied().collect();
            assert_eq!(fold_case(&bytes), reference(&bytes));
        }
    }

    #[test]
    fn non_ascii_caps_variant() {
        let g = gaz("loc:ebola\tLOC\tÉbola Raya\t\ttype=region\n");
        for (text, want) in [
            ("di ÉBOLA RAYA", "ÉBOLA RAYA"),
            ("di Ébola Raya", "Ébola Raya"),
        ] {
            let tokens = crate::tokenize(text);
            let sentences = crate::sentence::sentences(text, &tokens);
            let got: Vec<&str> = g
                .find(text, &tokens, &sentences)
                .iter()
                .map(|m| &text[m.span.range()])
                .collect();
            assert_eq!(got, [want]);
        }
    }

    #[test]
    fn name_at_token_start_right_after_letter() {
        // Tokens as a tokenizer could cut them: a name starting right after a letter, whose
        // capital the text's case folding lowers.
        let g = gaz(SMALL);
        let text = "xRusia dan xRUSIA";
        let tok = |start, end| Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
        };
        let tokens = [tok(0, 1), tok(1, 6), tok(7, 10), tok(11, 12), tok(12, 17)];
        let sentences = [Span::new(0, text.len())];
        let got: Vec<&str> = g
            .find(text, &tokens, &sentences)
            .iter()
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(got, ["Rusia", "RUSIA"]);
    }

    #[test]
    fn typo_tolerance() {
        let g = gaz(SMALL);
        let id = |w: &[&str]| g.fuzzy_lookup(w).map(|e| g.entry(e).id.to_string());
        assert_eq!(id(&["Kora", "Utara"]).as_deref(), Some("loc:korea-utara"));
        assert_eq!(id(&["Koera", "Utara"]).as_deref(), Some("loc:korea-utara"));
        assert_eq!(
            id(&["Vladimir", "Putni"]).as_deref(),
            Some("per:vladimir-putin")
        );
        assert_eq!(id(&["Korea", "Utara"]), None, "exact is not fuzzy");
        assert_eq!(id(&["Kora", "Utar"]), None, "two edits");
        assert_eq!(id(&["Rusa"]), None, "single words never");
        assert_eq!(id(&["Bora", "Utara"]), None, "first letter differs");
    }

    #[test]
    fn priority_decides_shared_strings() {
        let g = gaz("per:georgia\tPER\tGeorgia\t\t\nloc:georgia\tLOC\tGeorgia\t\ttype=country\n");
        let text = "Georgia";
        let tokens = crate::tokenize(text);
        let m = g.find(text, &tokens, &[Span::new(0, 7)]);
        assert_eq!(g.entry(m[0].entry).id.as_ref(), "loc:georgia");
    }

    macro_rules! bad_lines {
        ($($name:ident: $text:expr => $msg:expr;)*) => {
            $(#[test] fn $name() {
                let mut src = GazetteerSource::default();
                let err = src.add_text(Path::new("bad.tsv"), $text).unwrap_err();
                assert_eq!(err.to_string(), $msg);
            })*
        };
    }

    bad_lines! {
        column_count: "# header\nper:a\tPER\tA\n" => "bad.tsv:2: expected 5 TAB-separated columns, found 3";
        empty_name: "per:a\tPER\t \t\t\n" => "bad.tsv:1: empty name";
        unknown_label: "per:a\tPERSON\tA\t\t\n" => "bad.tsv:1: unknown label \"PERSON\" (expected PER, LOC or ORG)";
        bad_id: "Per:A\tPER\tA\t\t\n" => "bad.tsv:1: invalid id \"Per:A\" (expected per:, loc: or org: and a lowercase slug [a-z0-9-])";
        label_mismatch: "loc:a\tPER\tA\t\t\n" => "bad.tsv:1: id \"loc:a\" does not match label PER";
        duplicate_id: "per:a\tPER\tA\t\t\n\nper:a\tPER\tB\t\t\n" => "bad.tsv:3: duplicate id \"per:a\" (first defined at bad.tsv:1)";
        bad_attr: "per:a\tPER\tA\t\trole\n" => "bad.tsv:1: invalid attribute \"role\" (expected key=value)";
    }
}
