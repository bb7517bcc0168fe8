//! Names the gazetteers lack, found from context, and one identity per entity in a document.
//!
//! # How the evidence is combined (conflict resolution)
//! 1. **Gazetteer matches** come first (see [`gazetteer`](crate::gazetteer)): exact, token-aligned,
//!    leftmost-longest. Two kinds yield to the words around them: a one-word place named like a
//!    head word (the district `Taman` in `Taman Makam Pahlawan`), and a party's board before the
//!    party (`DPP Partai Golkar` is reported as the party, as `Fraksi PKB` is).
//! 2. **Capitalised runs** — consecutive capitalised words in a sentence — are cut at the
//!    gazetteer matches; each free piece is explained, in this order, by
//!    - typo tolerance: one edit in one word of a known multi-word name (`Kora Utara` → Korea
//!      Utara; source `gazetteer`, `fuzzy: true`);
//!    - an organisation head (`Kementerian`, `Badan`, `Kantor Berita` …) or a place head (`Desa`,
//!      `Gunung`, `Kosmodrom` …) that opens it: the head is part of the name, and an organisation's
//!      name runs on over the places inside it (`Kantor Berita Pusat Korea Utara` is one ORG: a
//!      longer rule match wins over the gazetteer matches it covers), but stops at a title, at a
//!      second head right after the first (`Komite Badan …`) and at a known organisation after
//!      its own words (`Fakultas Kehutanan UGM` is two); in a title's complement the office
//!      holder may follow the organisation (`Gubernur Bank Sentral Malaysia Zeti Akhtar Aziz`);
//!    - a title before it (`Presiden`, `Menteri Keuangan`, `pemimpin`): a person, the title outside
//!      the span and kept as `role`; ordinary words after a title are its portfolio, not a place;
//!    - a reporting verb before it (`kata`, `ujar`), a role after it (`X, juru bicara …`), a photo
//!      credit (`(X/AFP …)`), a byline next to `Penulis`, a given name opening it, an age after it,
//!      a list holding a person, a role closed by a comma before it (`Perdana Menteri Ethiopia,
//!      Meles Zenawi`), or a verb after a word no dictionary knows (`Khalilzad terbang …`): a
//!      person;
//!    - one word after a place preposition (`ke Jordan`) is a place even when it is a given name;
//!      an unknown acronym or a camel-case brand is an organisation; more words after a place
//!      preposition, or a lone name between commas after a place (`…, Kalibata, …`), a place.
//!
//!    Capitalised ordinary words (sentence starts, headlines: `Bertemu`, `Menurut`), currency
//!    (`Rp`), numerals and syllabic abbreviations (`Pilpres`) are never names on their own; a
//!    piece that no cue explains is left out.
//! 3. **Extensions**: a compass direction (`Israel utara`) or a Roman numeral (`Gedung Nusantara
//!    II`) after a name is part of it; words whose initials spell a bracketed acronym name what it
//!    names (`Post Office Travel Money (POTM)`), unless they are ordinary words (`Sekolah Pasar
//!    Modal (SPM)`: a term, and the acronym is no organisation either).
//! 4. **One identity per entity**: every later mention of a name found by a rule carries the
//!    same id; a person's first or last name alone (`Putin`, `Kim`) and an acronym introduced in
//!    brackets (`Susilo Bambang Yudhoyono (SBY)`) are aliases of it (source `alias`), unless two
//!    entities of the document share that word; a name and the bracketed acronym after it are one
//!    entity, the gazetteer's when either is known (`Badan Kesehatan Dunia (WHO)`).

use crate::error::{Error, ErrorKind};
use crate::gazetteer::{GazMatch, Gazetteer};
use crate::lexicon;
use crate::word_table::WordTable;
use crate::{Entity, Label, Source, Span, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

/// Multi-word phrases matched on token texts.
#[derive(Debug, Default, Clone)]
pub(crate) struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
    /// Byte lengths (bit `min(len, 63)`) and first bytes (bit `b % 64` of word `b / 64`) of the
    /// keys of `by_first`: recognition asks at nearly every token, and most tokens fail these
    /// two bit tests without hashing.
    first_lens: u64,
    first_bytes: [u64; 4],
    /// This set's bit in [`Cues::words`].
    bit: u32,
}

impl Phrases {
    /// The bit of `len` in [`Phrases::first_lens`].
    fn len_bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    fn add(&mut self, phrase: &str) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        if let Some(first) = words.first() {
            self.first_lens |= Self::len_bit(first.len());
            if let Some(&b) = first.as_bytes().first() {
                self.first_bytes[usize::from(b / 64)] |= 1 << (b % 64);
            }
            let list = self.by_first.entry(first.clone()).or_default();
            list.push(words);
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
    }

    /// Number of tokens of the longest phrase starting at token `k`.
    fn longest_at(&self, text: &str, tokens: &[Token], k: usize, end: usize) -> usize {
        let Some(first) = tokens.get(k).map(|t| &text[t.span.range()]) else {
            return 0;
        };
        if !self.may_start(first) {
            return 0;
        }
        let Some(list) = self.by_first.get(first) else {
            return 0;
        };
        for words in list {
            if k + words.len() <= end
                && words
                    .iter()
                    .enumerate()
                    .all(|(i, w)| &text[tokens[k + i].span.range()] == w)
            {
                return words.len();
            }
        }
        0
    }

    /// Whether some phrase may start with `word`: false only when none does.
    fn may_start(&self, word: &str) -> bool {
        self.first_lens & Self::len_bit(word.len()) != 0
            && word
                .as_bytes()
                .first()
                .is_none_or(|&b| self.first_bytes[usize::from(b / 64)] & (1 << (b % 64)) != 0)
    }

    fn contains_word(&self, word: &str) -> bool {
        self.may_start(word)
            && self
                .by_first
                .get(word)
                .is_some_and(|l| l.iter().any(|w| w.len() == 1))
    }
}

/// One example sentence of a cue, from `gazetteers/cues.txt`; the cue test runs them all.
#[derive(Debug, Clone)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct CueExample {
    pub(crate) cue: String,
    pub(crate) line: usize,
    pub(crate) text: String,
    /// `(surface, label)` of every entity expected; `None` for a negative example.
    pub(crate) expected: Option<Vec<(String, Label)>>,
}

/// The context cues, parsed from `gazetteers/cues.txt`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Cues {
    titles: Phrases,
    reporting: Phrases,
    subject_verbs: Phrases,
    list: Phrases,
    apposition: Phrases,
    byline: Phrases,
    org_heads: Phrases,
    loc_heads: Phrases,
    loc_prepositions: Phrases,
    org_suffixes: Phrases,
    /// What recognition asks of a word, as bits: the phrase sets that some phrase of starts
    /// with it, and [`GIVEN`], [`LISTED_GIVEN`], [`FAMILY`], [`COMMON_ACRONYM`]. One lookup per
    /// token answers every such question.
    words: WordTable,
    pub(crate) examples: Vec<CueExample>,
}

const CUE_NAMES: &[&str] = &[
    "person-title",
    "person-reporting",
    "person-subject",
    "person-list",
    "person-apposition",
    "person-given-name",
    "person-credit",
    "person-byline",
    "org-head",
    "loc-head",
    "loc-preposition",
    "org-suffix",
];

impl Cues {
    /// Parses a cue file; `path` names it in errors.
    pub(crate) fn parse(path: &Path, text: &str) -> Result<Cues, Error> {
        let mut cues = Cues::default();
        let mut section: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let err = |msg: String| Error::new(ErrorKind::Cue(msg)).at(path, Some(n + 1));
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                if !CUE_NAMES.contains(&name) {
                    return Err(err(format!(
                        "unknown cue [{name}] (known: {})",
                        CUE_NAMES.join(", ")
                    )));
                }
                section = Some(name.to_string());
                continue;
            }
            let Some(cue) = section.clone() else {
                return Err(err("a line outside any [cue] section".into()));
            };
            if let Some(words) = line.strip_prefix("words") {
                let words = words
                    .trim_start()
                    .strip_prefix('=')
                    .ok_or_else(|| err("expected `words = A | B`".into()))?;
                for w in words.split('|').map(str::trim).filter(|w| !w.is_empty()) {
                    cues.add_word(&cue, w);
                }
            } else if let Some(example) = line.strip_prefix('+') {
                let (text, want) = example
                    .split_once("=>")
                    .ok_or_else(|| err("expected `+ text => Name/LABEL`".into()))?;
                let mut expected = Vec::new();
                for item in want.split(';').map(str::trim).filter(|i| !i.is_empty()) {
                    let (name, label) = item
                        .rsplit_once('/')
                        .ok_or_else(|| err(format!("expected Name/LABEL, found {item:?}")))?;
                    let label = label
                        .parse()
                        .map_err(|()| err(format!("unknown label {label:?}")))?;
                    expected.push((name.trim().to_string(), label));
                }
                cues.examples.push(CueExample {
                    cue,
                    line: n + 1,
                    text: unescape(text.trim()),
                    expected: Some(expected),
                });
            } else if let Some(example) = line.strip_prefix('-') {
                cues.examples.push(CueExample {
                    cue,
                    line: n + 1,
                    text: unescape(example.trim()),
                    expected: None,
                });
            } else {
                return Err(err(format!(
                    "expected `words =`, `+` or `-`, found {line:?}"
                )));
            }
        }
        cues.index_words();
        Ok(cues)
    }

    /// Gives each phrase set its bit and adds the phrase sets' first words and the lexicon's
    /// names and acronyms to [`Cues::words`].
    fn index_words(&mut self) {
        let sets = [
            &mut self.titles,
            &mut self.reporting,
            &mut self.subject_verbs,
            &mut self.list,
            &mut self.apposition,
            &mut self.byline,
            &mut self.org_heads,
            &mut self.loc_heads,
            &mut self.loc_prepositions,
            &mut self.org_suffixes,
        ];
        let words = &mut self.words;
        for (i, set) in sets.into_iter().enumerate() {
            set.bit = 1 << i;
            for first in set.by_first.keys() {
                words.add(first, set.bit);
            }
        }
        for (list, bit) in [
            (lexicon::given_names(), GIVEN),
            (lexicon::family_names(), FAMILY),
            (lexicon::common_acronyms(), COMMON_ACRONYM),
        ] {
            for w in list.iter() {
                words.add(w, bit);
            }
        }
    }

    fn add_word(&mut self, cue: &str, w: &str) {
        match cue {
            "person-title" => self.titles.add(w),
            "person-reporting" => self.reporting.add(w),
            "person-subject" => self.subject_verbs.add(w),
            "person-list" => self.list.add(w),
            "person-apposition" => self.apposition.add(w),
            "person-given-name" => {
                self.words.add(w, GIVEN | LISTED_GIVEN);
            }
            "person-byline" => self.byline.add(w),
            "org-head" => self.org_heads.add(w),
            "loc-head" => self.loc_heads.add(w),
            "loc-preposition" => self.loc_prepositions.add(w),
            "org-suffix" => self.org_suffixes.add(w),
            _ => {}
        }
    }

    /// Adds the first names of the gazetteer's people as given names (`Vladimir` from
    /// Vladimir Putin), when they are not ordinary words.
    pub(crate) fn learn_given_names(&mut self, gazetteer: &Gazetteer) {
        for e in &gazetteer.entries {
            if e.label != Label::Per {
                continue;
            }
            let mut words = e.name.split(' ');
            if let (Some(first), Some(_)) = (words.next(), words.next())
                && first.chars().count() >= 3
                && first.chars().next().is_some_and(char::is_uppercase)
                && !lexicon::is_common_word(first)
            {
                self.words.add(first, GIVEN);
            }
        }
    }
}

/// [`Cues::words`] bits of given names: written in the cue file, learned from the gazetteer's
/// people, or in the lexicon.
const GIVEN: u32 = 1 << 16;
/// Given names written in the cue file, trusted even when they are ordinary words too (`Bambang`).
const LISTED_GIVEN: u32 = 1 << 17;
/// Family names of the lexicon (`Saputra`).
const FAMILY: u32 = 1 << 18;
/// Ordinary acronyms of the lexicon (`BBM`, `KTP`).
const COMMON_ACRONYM: u32 = 1 << 19;

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

/// A recognised mention before it becomes an [`Entity`].
#[derive(Clone, Debug)]
struct Found {
    span: Span,
    label: Label,
    /// Gazetteer entry, if any.
    entry: Option<u32>,
    source: Source,
    fuzzy: bool,
    role: Option<Span>,
    /// The canonical name of the rule-found entity a short form stands for.
    alias_of: Option<String>,
}

/// Everything recognition needs about a text.
struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    gaz: &'a Gazetteer,
    cues: &'a Cues,
    /// What is known of every token, in one vector (one allocation per document rather than
    /// one per fact).
    facts: Vec<Facts>,
    /// [`is_headline`] of the last sentence asked about (its first token): every piece of a
    /// sentence asks, and counting a long sentence each time would be quadratic.
    headline: std::cell::Cell<Option<(usize, bool)>>,
}

/// Quantifiers open noun phrases, never names (`… imbuh Sanchez Ratusan relawan …`).
const QUANTIFIERS: [&str; 11] = [
    "Para", "Sejumlah", "Beberapa", "Semua", "Seluruh", "Ratusan", "Ribuan", "Puluhan", "Jutaan",
    "Belasan", "Banyak",
];

/// The first letters of the capitalised words that [`Ctx::compute_cap`] does not take for
/// names: `Rp` and the [`QUANTIFIERS`].
const CAP_EXCEPTION_INITIALS: [u8; 5] = [b'R', b'P', b'S', b'B', b'J'];

/// What recognition knows of a token.
struct Facts {
    /// Its [`Cues::words`] bits, memoised ([`UNKNOWN_BITS`] not yet looked up).
    bits: std::cell::Cell<u32>,
    /// [`Ctx::common`], memoised: 0 not yet known, 1 false, 2 true.
    common: std::cell::Cell<u8>,
    /// [`Ctx::is_cap`], computed for every token first.
    cap: bool,
}

/// No word's [`Cues::words`] bits (they use fewer than 32).
const UNKNOWN_BITS: u32 = u32::MAX;

impl<'a> Ctx<'a> {
    fn tok(&self, k: usize) -> &'a str {
        self.tokens
            .get(k)
            .map_or("", |t| &self.text[t.span.range()])
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end)
    }

    /// A word that can be part of a name: capitalised (or a capitalised abbreviation such as an
    /// initial).
    #[inline]
    fn is_cap(&self, k: usize) -> bool {
        self.facts[k].cap
    }

    fn compute_cap(text: &str, t: Token) -> bool {
        if !t.kind.is_wordlike() {
            return false;
        }
        let w = &text[t.span.range()];
        let first = w.as_bytes()[0];
        if first.is_ascii_lowercase() {
            return Self::particle_name(w);
        }
        // Most capitalised words: only the exceptions below start with one of these letters
        // (`cap_exceptions_start_with_the_checked_letters` holds the two lists together).
        if first.is_ascii_uppercase() && !CAP_EXCEPTION_INITIALS.contains(&first) {
            return true;
        }
        // A currency sign written as a word (`Rp`, `Rp.`, `Rp80`) is no name.
        if w.strip_prefix("Rp").is_some_and(|r| {
            r.is_empty() || r.starts_with(|c: char| c == '.' || c.is_ascii_digit())
        }) {
            return false;
        }
        if QUANTIFIERS.contains(&w) {
            return false;
        }
        w.chars().next().is_some_and(char::is_uppercase) || Self::particle_name(w)
    }

    /// Arabic and Dutch particles glued to a name: `al-Qassam`, `bin-Laden`.
    fn particle_name(w: &str) -> bool {
        // Checked by their first letter and where the hyphen must be first: this runs for
        // every lowercase word.
        let b = w.as_bytes();
        if !matches!(b.first(), Some(b'a' | b'e' | b'b' | b'i')) {
            return false;
        }
        let Some(dash) = (2..=3).find(|&i| b.get(i) == Some(&b'-')) else {
            return false;
        };
        matches!(
            &w[..dash],
            "al" | "el" | "ad" | "as" | "ar" | "ash" | "at" | "az" | "bin" | "ibn"
        ) && w[dash + 1..].chars().next().is_some_and(char::is_uppercase)
    }

    #[inline]
    fn common(&self, k: usize) -> bool {
        match self.facts[k].common.get() {
            1 => false,
            2 => true,
            _ => self.compute_common(k),
        }
    }

    #[cold]
    fn compute_common(&self, k: usize) -> bool {
        let w = self.tok(k);
        let c = is_pronoun(w)
            || (self.bits(k) & COMMON_ACRONYM != 0 && !self.all_caps(k))
            || (!self.is_given(k) && lexicon::is_common_word_cached(w));
        self.facts[k].common.set(1 + u8::from(c));
        c
    }

    fn all_caps(&self, k: usize) -> bool {
        let w = self.tok(k);
        w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || c == '-' || c.is_ascii_digit())
    }

    /// The label of a gazetteer match's entry.
    fn label(&self, m: GazMatch) -> Label {
        self.gaz.entry(m.entry).label
    }

    /// The [`Cues::words`] bits of token `k`.
    #[inline]
    fn bits(&self, k: usize) -> u32 {
        match self.facts.get(k).map(|f| f.bits.get()) {
            Some(UNKNOWN_BITS) => self.look_up_bits(k),
            known => known.unwrap_or(0),
        }
    }

    #[cold]
    fn look_up_bits(&self, k: usize) -> u32 {
        // As bytes: a `str` slice would check character boundaries first.
        let bits = self.tokens.get(k).map_or(0, |t| {
            self.cues.words.get(&self.text.as_bytes()[t.span.range()])
        });
        self.facts[k].bits.set(bits);
        bits
    }

    /// Whether token `k` is a given name.
    fn is_given(&self, k: usize) -> bool {
        self.bits(k) & GIVEN != 0
    }

    /// Tokens of the longest phrase of `p` starting at token `k` and ending by `end`.
    #[inline]
    fn at(&self, p: &Phrases, k: usize, end: usize) -> usize {
        debug_assert!(p.bit != 0, "a phrase set outside the cues");
        if self.bits(k) & p.bit == 0 {
            return 0;
        }
        p.longest_at(self.text, self.tokens, k, end)
    }

    /// Tokens of the phrase of `p` ending right before token `k`, starting at `floor` or later.
    fn before(&self, p: &Phrases, k: usize, floor: usize) -> usize {
        (floor..k)
            .rev()
            .take(4)
            .find(|&s| self.at(p, s, k) == k - s)
            .map_or(0, |s| k - s)
    }

    /// Tokens `a` and `b` separated by exactly one space (not a line break: a headline's last
    /// word and the next line's first are no one name).
    fn adjacent_words(&self, a: usize, b: usize) -> bool {
        let end = self.tokens[a].span.end;
        end + 1 == self.tokens[b].span.start && self.text.as_bytes()[end] == b' '
    }

    /// Tokens glued without a space (`Smirnov/AFP`): the slash is not a separator here.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        self.tokens[a].span.end == self.tokens[b].span.start
    }
}

/// Finds every entity of `text`: gazetteer matches plus names from context, with one id per
/// entity. `matches` are the gazetteer's matches for the text.
pub(crate) fn recognize(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    matches: &[GazMatch],
    times: &[Span],
    gaz: &Gazetteer,
    cues: &Cues,
) -> Vec<Entity> {
    let mut facts: Vec<Facts> = tokens
        .iter()
        .map(|&t| Facts {
            bits: std::cell::Cell::new(UNKNOWN_BITS),
            common: std::cell::Cell::new(0),
            cap: Ctx::compute_cap(text, t),
        })
        .collect();
    // Words of time expressions (`Senin`, `Juni`) are no names.
    for t in times {
        let a = tokens.partition_point(|x| x.span.end <= t.start);
        let b = tokens.partition_point(|x| x.span.start < t.end);
        facts[a..b].iter_mut().for_each(|f| f.cap = false);
    }
    let ctx = Ctx {
        text,
        tokens,
        gaz,
        cues,
        facts,
        headline: std::cell::Cell::new(None),
    };
    let mut found: Vec<Found> = Vec::with_capacity(matches.len() * 2);
    let mut m = 0;
    let mut first_tok = 0;
    for (si, s) in sentences.iter().enumerate() {
        let a = first_tok + tokens[first_tok..].partition_point(|t| t.span.start < s.start);
        let b = a + tokens[a..].partition_point(|t| t.span.end <= s.end);
        first_tok = b;
        let m0 = m;
        while m < matches.len() && matches[m].span.start < s.end {
            m += 1;
        }
        let neighbours = (
            si.checked_sub(1).map(|i| sentences[i]),
            sentences.get(si + 1).copied(),
        );
        sentence(&ctx, a, b, &matches[m0..m], neighbours, &mut found);
    }
    with_trailing_words(&ctx, &mut found);
    spelled_out(&ctx, sentences, &mut found);
    found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_some_and(|l| l.span.end > f.span.start) {
            continue;
        }
        kept.push(f);
    }
    let kept = aliases(&ctx, sentences, kept);
    entities(&ctx, kept)
}

/// Words written after a name that belong to it, making it a name found by rule: a compass
/// direction after a place (`Israel utara`, `Jerman Timur`, a place of its own; `Timur Tengah`
/// and `barat daya` are names or directions of their own), then a Roman numeral after any name
/// (`Gedung Nusantara II`, `Abdullah II`; only I, V and X, since `Washington DC` and `Mahfud MD`
/// are no numbers, and not one letter alone: `Region I Wayan`).
fn with_trailing_words(ctx: &Ctx, found: &mut [Found]) {
    let follows = |k: usize| k > 0 && k < ctx.tokens.len() && ctx.adjacent_words(k - 1, k);
    for f in found.iter_mut() {
        let k = ctx.tokens.partition_point(|t| t.span.start < f.span.end);
        let mut end = k;
        if f.label == Label::Loc && follows(end) {
            end += direction_len(ctx, end);
        }
        let w = ctx.tok(end);
        if follows(end)
            && (2..=5).contains(&w.len())
            && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        {
            end += 1;
        }
        if end > k {
            f.span = Span::new(f.span.start, ctx.tokens[end - 1].span.end);
            f.entry = None;
            f.source = Source::Rule;
            f.fuzzy = false;
        }
    }
}

/// Tokens of the compass direction at token `k` (`utara`, `barat laut`), 0 when there is none.
fn direction_len(ctx: &Ctx, k: usize) -> usize {
    // Compared without lowercasing copies: this runs after every place found.
    let is = |w: &str, words: &[&str]| words.iter().any(|x| x.eq_ignore_ascii_case(w));
    let next = ctx.tok(k + 1);
    let direction = is(
        ctx.tok(k),
        &["utara", "selatan", "timur", "barat", "tenggara"],
    );
    if !direction || is(next, &["tengah", "jauh"]) {
        0
    } else if is(next, &["laut", "daya"]) && ctx.adjacent_words(k, k + 1) {
        2
    } else {
        1
    }
}

/// A name spelled out before its acronym (`Post Office Travel Money (POTM)`, `Organisation for
/// Economic Co-operation and Development (OECD)`): the capitalised words whose initials are the
/// acronym's letters name what the acronym names (an organisation when nothing says otherwise).
fn spelled_out(ctx: &Ctx, sentences: &[Span], found: &mut Vec<Found>) {
    // The found names by position, and their labels by span (looked up by span, and removed in
    // one pass: a text full of acronyms stays linear); built at the first spelled-out name,
    // which most texts have none of.
    let mut index: Option<(Vec<Span>, HashMap<Span, Label>)> = None;
    let index_of = |found: &[Found]| {
        let mut covered: Vec<Span> = found.iter().map(|f| f.span).collect();
        covered.sort_by_key(|s| s.start);
        let mut labels: HashMap<Span, Label> = HashMap::default();
        for f in found {
            labels.entry(f.span).or_insert(f.label);
        }
        (covered, labels)
    };
    let overlaps = |covered: &[Span], span: Span| {
        let i = covered.partition_point(|c| c.end <= span.start);
        covered.get(i).is_some_and(|c| c.overlaps(span))
    };
    let mut terms: HashSet<Span> = HashSet::default();
    let mut extra = Vec::new();
    let bytes = ctx.text.as_bytes();
    for i in 1..ctx.tokens.len().saturating_sub(2) {
        let open = ctx.tokens[i].span;
        if open.len() != 1 || bytes[open.start] != b'(' {
            continue;
        }
        if ctx.tok(i + 2) != ")"
            || !is_acronym_like(ctx.tok(i + 1))
            || lexicon::is_common_acronym(ctx.tok(i + 1))
        {
            continue;
        }
        let letters: Vec<char> = ctx
            .tok(i + 1)
            .chars()
            .filter(|c| c.is_uppercase())
            .collect();
        if letters.len() < 3 {
            continue;
        }
        let sentence_start = sentences
            .get(sentences.partition_point(|s| s.end <= ctx.tokens[i].span.start))
            .map_or(0, |s| s.start);
        // Walk back over the words, matching initials from the last letter.
        let mut need = letters.len();
        let mut k = i;
        let mut connectors = 0;
        while need > 0 && k > 0 && ctx.tokens[k - 1].span.start >= sentence_start {
            let w = ctx.tok(k - 1);
            if matches!(w, "for" | "of" | "and" | "the" | "on" | "dan" | "&")
                && need < letters.len()
                && connectors < letters.len()
            {
                connectors += 1;
                k -= 1;
                continue;
            }
            let first = w.chars().next().unwrap_or(' ');
            if !ctx.is_cap(k - 1) || !first.to_uppercase().eq(std::iter::once(letters[need - 1])) {
                break;
            }
            need -= 1;
            k -= 1;
        }
        if need > 0 {
            continue;
        }
        let span = ctx.span(k, i);
        let acronym = ctx.tokens[i + 1].span;
        // Ordinary Indonesian words spell out a term, not a name (`Sekolah Pasar Modal (SPM)`,
        // `Surat Tanda Registrasi (STR)`): the acronym is no organisation either.
        let term = (k..i).all(|j| ctx.common(j) || !ctx.is_cap(j))
            && ctx.at(&ctx.cues.org_heads, k, i) == 0
            && ctx.at(&ctx.cues.loc_heads, k, i) == 0;
        if term {
            terms.insert(acronym);
            continue;
        }
        // Later spans start after this one's acronym: only the found names can overlap.
        let (covered, labels) = index.get_or_insert_with(|| index_of(found));
        if overlaps(covered, span) {
            continue;
        }
        let label = labels.get(&acronym).copied().unwrap_or(Label::Org);
        extra.push(Found {
            span,
            label,
            entry: None,
            source: Source::Rule,
            fuzzy: false,
            role: None,
            alias_of: None,
        });
    }
    if !terms.is_empty() {
        found.retain(|f| {
            !(terms.contains(&f.span) && f.source == Source::Rule && f.entry.is_none())
        });
    }
    found.extend(extra);
}

/// Recognition inside one sentence of tokens `a..b`.
fn sentence(
    ctx: &Ctx,
    a: usize,
    b: usize,
    matches: &[GazMatch],
    neighbours: (Option<Span>, Option<Span>),
    out: &mut Vec<Found>,
) {
    // Token index ranges of the gazetteer matches.
    let mut gaz: Vec<(usize, usize, GazMatch)> = Vec::with_capacity(matches.len());
    for gm in matches {
        let s = a + ctx.tokens[a..b].partition_point(|t| t.span.end <= gm.span.start);
        let e = a + ctx.tokens[a..b].partition_point(|t| t.span.start < gm.span.end);
        // A place named like a head word (the district `Taman`) that opens a longer capitalised
        // name is that head (`Taman Makam Pahlawan`).
        let head_word = e == s + 1
            && e < b
            && ctx.is_cap(e)
            && ctx.adjacent_words(s, e)
            && gaz_starting_raw(matches, ctx.tokens[e].span.start).is_none()
            && (ctx.at(&ctx.cues.loc_heads, s, e) == 1 || ctx.at(&ctx.cues.org_heads, s, e) == 1);
        // A party's board before the party (`DPP Partai Golkar`, `DPD Nasdem Sumenep`) is
        // reported as the party, as parliamentary factions are.
        let board = e < b
            && opens_board(ctx, s)
            && (ctx.tok(e) == "Partai"
                || gaz_starting_raw(matches, ctx.tokens[e].span.start)
                    .is_some_and(|m| ctx.label(*m) == Label::Org));
        if head_word || board {
            continue;
        }
        if s < e {
            gaz.push((s, e, *gm));
        }
        let entry = ctx.gaz.entry(gm.entry);
        out.push(Found {
            span: gm.span,
            label: entry.label,
            entry: Some(gm.entry),
            source: Source::Gazetteer,
            fuzzy: false,
            role: None,
            alias_of: None,
        });
    }
    let mut k = a;
    let mut g = 0;
    while k < b {
        while g < gaz.len() && gaz[g].1 <= k {
            g += 1;
        }
        let in_gaz = g < gaz.len() && gaz[g].0 <= k;
        if !in_gaz && !ctx.is_cap(k) && ctx.at(&ctx.cues.titles, k, b) == 0 {
            k += 1;
            continue;
        }
        // A run of capitalised words and gazetteer matches.
        let start = k;
        let mut end = k;
        let mut gg = g;
        loop {
            if gg < gaz.len() && gaz[gg].0 <= end && end < gaz[gg].1 {
                end = gaz[gg].1;
                gg += 1;
            } else if end < b && (ctx.is_cap(end) || (end > start && is_connector(ctx, end, b))) {
                end += 1;
            } else {
                break;
            }
        }
        if end == start {
            // A lowercase title (`pemimpin`) that starts no run: look at what follows.
            end = start + ctx.at(&ctx.cues.titles, start, b);
            if end < b && (ctx.is_cap(end) || gaz_starting(&gaz, end).is_some()) {
                k = end;
                continue;
            }
            k = end.max(start + 1);
            continue;
        }
        run(ctx, a, b, start, end, &gaz, neighbours, out);
        k = end;
    }
}

/// Whether a party's board opens at token `k` (`DPP`, `Dewan Pimpinan Pusat`, `Dewan
/// Perwakilan Daerah`): before the party it is reported as the party.
fn opens_board(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.tok(k), "DPP" | "DPD" | "DPW" | "DPC")
        || (ctx.tok(k) == "Dewan"
            && matches!(ctx.tok(k + 1), "Pimpinan" | "Perwakilan" | "Pengurus"))
}

/// A one-word party board right before the party (`DPP Partai Golkar`, `DPD Nasdem`).
fn is_party_board(ctx: &Ctx, k: usize, gaz: &[(usize, usize, GazMatch)]) -> bool {
    ctx.tok(k).len() == 3
        && opens_board(ctx, k)
        && (ctx.tok(k + 1) == "Partai" || gaz_label(ctx, gaz, k + 1) == Some(Label::Org))
}

/// The gazetteer match that starts at byte `at`.
fn gaz_starting_raw(matches: &[GazMatch], at: usize) -> Option<&GazMatch> {
    let i = matches.partition_point(|m| m.span.start < at);
    matches.get(i).filter(|m| m.span.start == at)
}

/// The label of the gazetteer match that starts at token `k`.
fn gaz_label(ctx: &Ctx, gaz: &[(usize, usize, GazMatch)], k: usize) -> Option<Label> {
    gaz_starting(gaz, k).map(|(_, _, gm)| ctx.label(gm))
}

/// The gazetteer match that starts at token `k` (the matches are sorted and disjoint).
fn gaz_starting(gaz: &[(usize, usize, GazMatch)], k: usize) -> Option<(usize, usize, GazMatch)> {
    let i = gaz.partition_point(|x| x.0 < k);
    gaz.get(i).filter(|x| x.0 == k).copied()
}

/// Lowercase words that may sit inside a name (`bin`, `van`, `de`).
fn is_connector(ctx: &Ctx, k: usize, b: usize) -> bool {
    matches!(
        ctx.tok(k),
        "bin"
            | "binti"
            | "van"
            | "von"
            | "der"
            | "de"
            | "da"
            | "al"
            | "el"
            | "di"
            | "du"
            | "la"
            | "le"
    ) && k + 1 < b
        && ctx.is_cap(k + 1)
        && ctx.tok(k) != "di"
}

/// Explains one run `start..end` of capitalised tokens and gazetteer matches.
#[allow(clippy::too_many_arguments)]
fn run(
    ctx: &Ctx,
    sa: usize,
    sb: usize,
    start: usize,
    end: usize,
    gaz: &[(usize, usize, GazMatch)],
    neighbours: (Option<Span>, Option<Span>),
    out: &mut Vec<Found>,
) {
    let gaz_at = |k: usize| gaz_starting(gaz, k);
    // A title written just before the run (`pemimpin Kim`, `juru bicara Henry`).
    let mut title: Option<Span> = None;
    // Up to three lowercase words may complete the title (`juru bicara kepolisian X`).
    let mut at = start;
    for _ in 0..=3 {
        let before = ctx.before(&ctx.cues.titles, at, sa);
        if before > 0 {
            title = Some(ctx.span(at - before, start));
            break;
        }
        if at == sa
            || !ctx.tokens[at - 1].kind.is_wordlike()
            || !ctx.tok(at - 1).chars().all(char::is_lowercase)
        {
            break;
        }
        at -= 1;
    }
    let mut k = start;
    while k < end {
        if let Some((_, ge, gm)) = gaz_at(k) {
            let label = ctx.label(gm);
            // A generic institution followed by a place is that place's office
            // (`Badan Penanggulangan Bencana Daerah Garut`, `Kejaksaan Tinggi Sulawesi Selatan`).
            if label == Label::Org
                && ctx.at(&ctx.cues.org_heads, k, ge) > 0
                && let Some((_, le, lm)) = gaz_at(ge)
                && ctx.label(lm) == Label::Loc
                && title.is_none()
            {
                out.push(rule(ctx, k, le, Label::Org, None));
                k = le;
                continue;
            }
            // A company suffix after a known organisation belongs to its name (`Qualcomm Inc`).
            if label == Label::Org
                && ge < end
                && gaz_at(ge).is_none()
                && ctx.at(&ctx.cues.org_suffixes, ge, end) == 1
            {
                out.push(known(ctx, k, ge + 1, Label::Org, gm.entry));
                k = ge + 1;
                continue;
            }
            // A ministry's second field joined by `dan` belongs to its name (`Kementerian
            // Koperasi dan UKM`) when one capitalised word ends it.
            if label == Label::Org
                && ge == end
                && ge + 2 < sb
                && ctx.tok(ge) == "dan"
                && ctx.at(&ctx.cues.org_heads, k, ge) > 0
                && ctx.tokens[ge + 1].kind.is_wordlike()
                && ctx.tok(ge + 1).starts_with(char::is_uppercase)
                && gaz_at(ge + 1).is_none()
                && ctx.at(&ctx.cues.org_heads, ge + 1, sb) == 0
                && ctx.at(&ctx.cues.loc_heads, ge + 1, sb) == 0
                && !ctx.tok(ge + 2).starts_with(char::is_uppercase)
            {
                out.push(known(ctx, k, ge + 2, Label::Org, gm.entry));
                k = ge + 2;
                continue;
            }
            // A place or organisation right after a title is its complement
            // (`Presiden Rusia Vladimir Putin`); a person ends the title's reach.
            if label == Label::Per {
                title = None;
                // A known name with more of it written after (`Mahfud Md`, `Aburizal Ical
                // Bakrie`): up to two capitalised words that are no ordinary word, title or
                // other name are the rest of that person's name.
                let mut e = ge;
                while e < end
                    && e < ge + 2
                    && gaz_at(e).is_none()
                    && ctx.is_cap(e)
                    && !ctx.common(e)
                    && ctx.at(&ctx.cues.titles, e, end) == 0
                    && ctx.at(&ctx.cues.org_heads, e, end) == 0
                    && ctx.at(&ctx.cues.loc_heads, e, end) == 0
                    && !is_unknown_acronym(ctx.tok(e))
                {
                    e += 1;
                }
                if e > ge {
                    out.push(known(ctx, k, e, Label::Per, gm.entry));
                    k = e;
                    continue;
                }
            } else if let Some(t) = title {
                title = Some(t.cover(gm.span));
            }
            k = ge;
            continue;
        }
        // The free piece up to the next gazetteer match.
        let mut piece_end = k;
        while piece_end < end && gaz_at(piece_end).is_none() {
            piece_end += 1;
        }
        k = piece(
            ctx, sa, sb, k, piece_end, end, gaz, &mut title, neighbours, out,
        );
    }
}

/// Explains the free piece `k..pe` of a run ending at `run_end`; returns where to continue.
#[allow(clippy::too_many_arguments)]
fn piece(
    ctx: &Ctx,
    sa: usize,
    sb: usize,
    mut k: usize,
    pe: usize,
    run_end: usize,
    gaz: &[(usize, usize, GazMatch)],
    title: &mut Option<Span>,
    neighbours: (Option<Span>, Option<Span>),
    out: &mut Vec<Found>,
) -> usize {
    while k < pe {
        if is_party_board(ctx, k, gaz) {
            k += 1;
            continue;
        }
        // Typo tolerance over the longest window first.
        if let Some((len, entry)) = fuzzy_at(ctx, k, pe) {
            let e = ctx.gaz.entry(entry);
            out.push(Found {
                span: ctx.span(k, k + len),
                label: e.label,
                entry: Some(entry),
                source: Source::Gazetteer,
                fuzzy: true,
                role: None,
                alias_of: None,
            });
            if e.label == Label::Per {
                *title = None;
            }
            k += len;
            continue;
        }
        // An organisation head: the name runs to the end of the run, over places inside it.
        let head = ctx.at(&ctx.cues.org_heads, k, pe);
        if head > 0 {
            let mut e = org_end(ctx, k + head, run_end, sb, gaz, Label::Org);
            // A country's team or troops (`Tim Indonesia`, `Tentara Rwanda`) is that country
            // acting, not an organisation's name.
            let nationals = matches!(ctx.tok(k), "Tim" | "Tentara" | "Pasukan")
                && gaz_starting(gaz, k + head)
                    .is_some_and(|(_, ge, gm)| ge == e && ctx.label(gm) == Label::Loc);
            if nationals {
                e = k + head;
            }
            // A party's board (`Dewan Pimpinan Pusat Partai Demokrat`) is reported as the party.
            let board = opens_board(ctx, k) && gaz_label(ctx, gaz, e) == Some(Label::Org);
            // So is a parliament's numbered commission (`anggota Komisi III DPR` → `DPR`).
            let commission = ctx.tok(k) == "Komisi"
                && e == k + head + 1
                && is_numeral_or_letter(ctx.tok(k + head));
            if board || commission {
                return pe;
            }
            // In a title's complement the office holder's name may follow the organisation's
            // without a break (`Gubernur Bank Sentral Malaysia Zeti Akhtar Aziz`): the title
            // stays open for it.
            if title.is_some()
                && e > k + head
                && let Some(split) = holder_after(ctx, k + head, e, gaz)
            {
                out.push(rule(ctx, k, split, Label::Org, None));
                let role = title.map(|t| t.cover(ctx.span(k, split)));
                out.push(rule(ctx, split, e, Label::Per, role));
                *title = None;
                return e;
            }
            if e > k + head || (head_is_name(ctx, k, head) && !nationals) {
                e = e.max(k + head);
                out.push(rule(ctx, k, e, Label::Org, None));
                *title = None;
                return e.max(pe);
            }
        }
        // A place head: the name runs on like an organisation's, over the organisations and
        // places inside it (`Rumah Sakit Pusat Pertamina`, `Kantor Kementerian Sosial`).
        let head = ctx.at(&ctx.cues.loc_heads, k, pe);
        // After a title, ordinary words are its portfolio, not a place (`Menteri Perumahan
        // Rakyat`).
        let portfolio = title.is_some() && (k + head..pe).all(|i| ctx.common(i));
        if head > 0 && !portfolio {
            let e = org_end(ctx, k + head, run_end, sb, gaz, Label::Loc);
            let single = gaz_starting(gaz, k + head).filter(|x| x.1 == e);
            match single {
                // Only a known place after the head (`Desa Sukamaju`, `Pulau Jawa`): that place,
                // its head included.
                Some((_, ge, gm)) if ctx.label(gm) == Label::Loc => {
                    out.push(Found {
                        span: ctx.span(k, ge),
                        label: Label::Loc,
                        entry: Some(gm.entry),
                        source: Source::Gazetteer,
                        fuzzy: false,
                        role: None,
                        alias_of: None,
                    });
                    return ge;
                }
                _ if e > k + head => {
                    // An office named for what it does is the body that does it (`kata Kantor
                    // Meteorologi Islandia`); an office of a named body or official is a place
                    // (`Kantor Kementerian Sosial`, `Kantor Gubernur`).
                    let of_body = |i: usize| {
                        gaz_starting(gaz, i).is_some()
                            || ctx.at(&ctx.cues.org_heads, i, e) > 0
                            || ctx.at(&ctx.cues.titles, i, e) > 0
                    };
                    let label = if ctx.tok(k) == "Kantor" && head == 1 && !of_body(k + 1) {
                        Label::Org
                    } else {
                        Label::Loc
                    };
                    out.push(rule(ctx, k, e, label, None));
                    *title = None;
                    return e.max(pe);
                }
                _ => {}
            }
        }
        // `Wakil` before any title is its deputy (`Wakil Sekretaris Jenderal`).
        let t = match ctx.at(&ctx.cues.titles, k, pe) {
            0 if ctx.tok(k) == "Wakil" && k + 1 < pe => match ctx.at(&ctx.cues.titles, k + 1, pe) {
                0 => 0,
                n => n + 1,
            },
            n => n,
        };
        if t > 0 {
            *title = Some(title.map_or(ctx.span(k, k + t), |s| s.cover(ctx.span(k, k + t))));
            k += t;
            continue;
        }
        if let Some(role) = *title {
            // Skip the title's complement (`Menteri Keuangan`), then the name.
            // A further title in the complement (`Panglima Besar Jendral Soedirman`) is skipped
            // with it.
            let mut n = k;
            while n < pe {
                let t = ctx.at(&ctx.cues.titles, n, pe);
                if t > 0 {
                    n += t;
                } else if ctx.common(n) || ctx.all_caps(n) {
                    n += 1;
                } else {
                    break;
                }
            }
            if n < pe {
                let full_role = if n > k {
                    role.cover(ctx.span(k, n))
                } else {
                    role
                };
                // A known surname right after completes the name (`Soesilo Bambang Yudhoyono`).
                let end = match gaz_starting(gaz, pe) {
                    Some((_, ge, gm)) if ctx.label(gm) == Label::Per && ge - pe == 1 => ge,
                    _ => pe,
                };
                out.push(rule(ctx, n, end, Label::Per, Some(full_role)));
                *title = None;
                return end;
            }
            *title = None;
            return pe;
        }
        // Ordinary words opening the piece (`Menurut`, `Bersama`) are not part of a name, but a
        // reporting word among them is a cue.
        // A byline is a name whatever its words.
        if k == sa && pe == sb && person_cue(ctx, sa, sb, k, pe, false, neighbours) {
            out.push(rule(ctx, k, pe, Label::Per, None));
            return pe;
        }
        // A numeral or a letter (`ke VIII`, `tipe A`) is no name, unless it is the initial of a
        // known name that follows (`M Romahurmuziy`).
        let initial = gaz_starting(gaz, pe).is_some_and(|(_, _, gm)| {
            ctx.label(gm) == Label::Per && ctx.adjacent_words(pe - 1, pe)
        });
        if pe - k == 1 && is_numeral_or_letter(ctx.tok(k)) && !initial {
            return pe;
        }
        let start_k = k;
        let mut reported = ctx.before(&ctx.cues.reporting, k, sa) > 0;
        // Only a sentence's first word, or a headline's, is capitalised for grammar's sake.
        let headline = is_headline(ctx, sa, sb);
        // A parliamentary faction is reported as its party (`Fraksi PKB` → `PKB`).
        while k < pe
            && ((ctx.common(k)
                && (k == sa || headline || ctx.cues.reporting.contains_word(ctx.tok(k))))
                || ctx.tok(k) == "Fraksi")
        {
            reported |= ctx.cues.reporting.contains_word(ctx.tok(k));
            k += 1;
        }
        // What the ordinary words hid may be a title or a head (`Tenanglah Pak Suhardi`).
        let cue_at = |i: usize| {
            [&ctx.cues.titles, &ctx.cues.org_heads, &ctx.cues.loc_heads]
                .iter()
                .any(|p| ctx.at(p, i, pe) > 0)
        };
        if k > start_k && k < pe && cue_at(k) {
            continue;
        }
        // A lone ordinary word is a name only when a reporting verb says so (`kata Akbar`).
        if k < pe && ctx.common(k) && pe - k == 1 && !reported {
            return pe;
        }
        if k >= pe {
            return pe;
        }
        // Another item of a list that holds a person (`Jero Wacik, Marzuki Alie, Toto Riyanto`).
        let listed = k >= sa + 2
            && ctx.at(&ctx.cues.list, k - 1, k) == 1
            && found_ending(out, ctx.tokens[k - 2].span.end, Label::Per);
        // A name after the comma that closes a title and its complement (`kata Ketua DPD Nasdem
        // Sumenep, Sufyan Absi, …`, `Perdana Menteri Ethiopia, Meles Zenawi`).
        let after_role =
            k >= sa + 3 && ctx.tok(k - 1) == "," && !is_unknown_acronym(ctx.tok(k)) && {
                let mut r = k - 1;
                while r > sa && ctx.is_cap(r - 1) {
                    r -= 1;
                }
                let role_end = ctx.tokens[k - 2].span.end;
                let role_start = ctx.tokens[r].span.start;
                r + 1 < k - 1
                    && (ctx.at(&ctx.cues.titles, r, k - 1) > 0
                        || ctx.before(&ctx.cues.titles, r, sa) > 0)
                    && !out.iter().rev().take(64).any(|f| {
                        f.label == Label::Per
                            && f.span.start >= role_start
                            && f.span.end <= role_end
                    })
            };
        let listed = (listed || after_role) && !ctx.all_caps(k);
        // The first item of such a list (`yakni Riefky Pradipta, Muhammad Nuri`): the next
        // item is a known person.
        let listed = listed
            || (pe + 1 < sb
                && pe - k >= 2
                && ctx.at(&ctx.cues.list, pe, pe + 1) == 1
                && gaz_label(ctx, gaz, pe + 1) == Some(Label::Per));
        // A company suffix closes an organisation's name (`DeSoto Inc.`, `Astra International Tbk`).
        let suffixed = pe - k >= 2 && ctx.at(&ctx.cues.org_suffixes, pe - 1, pe) == 1;
        let after_preposition = k > sa && ctx.before(&ctx.cues.loc_prepositions, k, sa) > 0;
        // An acronym nothing else explains names an organisation (`KGB`, `QVC`, `dari POTM`),
        // unless it names an ordinary thing (`BBM`, `KTP`); so does a word written in camel case
        // (`StatesWest`, `detikFinance`).
        let org_like = pe - k == 1 && (is_unknown_acronym(ctx.tok(k)) || is_camel_case(ctx.tok(k)));
        // One word after a place preposition is a place, whatever a first-name list or a verb
        // after it suggests (`terbang ke Jordan`, `pejuang dari Misrata, menyatakan`); only a
        // reporting verb says otherwise.
        let lone_place = after_preposition && pe - k == 1 && !reported && !listed && !org_like;
        // The homeland is no place's name (`di Tanah Air`).
        let placelike =
            after_preposition && !(pe - k == 2 && ctx.tok(k) == "Tanah" && ctx.tok(k + 1) == "Air");
        let label = (suffixed.then_some(Label::Org))
            .or_else(|| lone_place.then_some(Label::Loc))
            .or_else(|| {
                (listed || person_cue(ctx, sa, sb, k, pe, reported, neighbours))
                    .then_some(Label::Per)
            })
            .or_else(|| org_like.then_some(Label::Org))
            .or_else(|| placelike.then_some(Label::Loc))
            .or_else(|| in_address(ctx, sb, k, pe, out).then_some(Label::Loc));
        // A first name before a known one-word name is one person (`Evelina Sutanto`).
        let given_first = pe - k == 1 && !ctx.common(k);
        if (label == Some(Label::Per) || given_first)
            && let Some((_, ge, gm)) = gaz_starting(gaz, pe)
            && ctx.label(gm) == Label::Per
            && ge - pe == 1
        {
            out.push(rule(ctx, k, ge, Label::Per, None));
            return ge;
        }
        // A head inside the piece opens a name there (`Big Board Bursa Efek New York`).
        // Ordinary words after it (`Sekolah Pasar Modal`) are not enough.
        if label.is_none()
            && let Some(h) = (k + 1..pe).find(|&i| {
                ctx.at(&ctx.cues.org_heads, i, pe) > 0 || ctx.at(&ctx.cues.loc_heads, i, pe) > 0
            })
            && (pe < run_end || (h + 1..pe).any(|i| !ctx.common(i)))
        {
            k = h;
            continue;
        }
        if let Some(label) = label {
            // Ordinary words before a given name belong to the sentence (`… dan Peternakan Diah
            // Ningrum pun mengatakan`); many names are ordinary words too, so nothing else is cut.
            let mut from = k;
            // A name that ends in an organisation's word takes the places written before it in
            // the same run (`New York Mercantile Exchange`).
            if suffixed {
                // (The matches are sorted and disjoint, so by their ends too.)
                while let Some(&(gs, _, gm)) = gaz
                    .get(gaz.partition_point(|g| g.1 < from))
                    .filter(|g| g.1 == from)
                    && gs >= sa
                    && ctx.label(gm) == Label::Loc
                    && ctx.adjacent_words(from - 1, from)
                {
                    from = gs;
                }
            }
            if label == Label::Per {
                while from + 1 < pe && ctx.common(from) {
                    from += 1;
                }
                if !ctx.is_given(from) {
                    from = k;
                }
            }
            // A place named after a preposition runs on over the known place it is in (`di
            // Aquamarine Fukushima`, `di Pengadilan Daerah Victoria`).
            // A company suffix after it makes the whole an organisation (`dari Conocophilips
            // Indonesia Inc`).
            let mut to = pe;
            let mut label = label;
            if label == Label::Loc
                && (lone_place || placelike)
                && let Some((_, ge, gm)) = gaz_starting(gaz, pe)
                && ge <= run_end
                && ctx.label(gm) == Label::Loc
                && ctx.adjacent_words(pe - 1, pe)
            {
                to = ge;
                if ge < sb
                    && gaz_starting(gaz, ge).is_none()
                    && ctx.at(&ctx.cues.org_suffixes, ge, sb) == 1
                {
                    to = ge + 1;
                    label = Label::Org;
                }
            }
            out.push(rule(ctx, from, to, label, None));
            return to;
        }
        return pe;
    }
    pe
}

/// A lone name between commas after a place, as addresses list them (`Taman Makam Pahlawan,
/// Kalibata, …`, `Jalan Taman Surapati, Menteng, Jakarta Pusat`).
fn in_address(ctx: &Ctx, sb: usize, k: usize, pe: usize, out: &[Found]) -> bool {
    k >= 2
        && pe - k == 1
        && !ctx.is_given(k)
        && ctx.tok(k - 1) == ","
        && (pe == sb || matches!(ctx.tok(pe), "," | "." | ")"))
        && found_ending(out, ctx.tokens[k - 2].span.end, Label::Loc)
}

/// Whether a name of `label` found in this sentence ends at byte `end`. The sentence's gazetteer
/// matches are all in `out` before its rules run, so the name may not be the last; only the
/// latest few are looked at, which keeps a long sentence linear.
fn found_ending(out: &[Found], end: usize, label: Label) -> bool {
    out.iter()
        .rev()
        .take(64)
        .any(|f| f.label == label && f.span.end == end)
}

/// A word with a capital after its first lowercase letter (`StatesWest`, `detikFinance`), as
/// brands write themselves; not a name particle such as `McDonald` or `DeSoto`.
fn is_camel_case(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let inner = chars
        .clone()
        .zip(chars.skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let particle = [
        "Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'",
    ]
    .iter()
    .any(|p| w.starts_with(p) && w[p.len()..].starts_with(char::is_uppercase));
    w.chars().all(char::is_alphanumeric)
        && first.is_alphabetic()
        && inner
        && !particle
        && w.chars().filter(|c| c.is_uppercase()).count() <= 3
}

/// A Roman numeral (`VIII`) or a single letter.
fn is_numeral_or_letter(w: &str) -> bool {
    let mut chars = w.chars();
    (chars.next().is_some() && chars.next().is_none()) || is_roman_numeral(w)
}

/// Written with Roman numerals' letters only (`VIII`, `MD`).
fn is_roman_numeral(w: &str) -> bool {
    w.bytes()
        .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
}

/// An all-capitals word of two to six letters that is no ordinary acronym or word.
fn is_unknown_acronym(w: &str) -> bool {
    // All ASCII capitals: as many characters as bytes.
    (2..=6).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && !lexicon::is_common_acronym(w)
        && !lexicon::is_common_word_cached(w)
        && !is_roman_numeral(w)
}

/// Personal and demonstrative pronouns, capitalised at a sentence's start (`Ia mengatakan`).
fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "Ia" | "Dia"
            | "Mereka"
            | "Kami"
            | "Kita"
            | "Saya"
            | "Aku"
            | "Anda"
            | "Beliau"
            | "Engkau"
            | "Kamu"
            | "Kalian"
            | "Itu"
            | "Ini"
            | "Sini"
            | "Sana"
            | "Keduanya"
            | "Kedua"
            | "Para"
    )
}

/// A headline or title-case line: most of its words are capitalised.
fn is_headline(ctx: &Ctx, sa: usize, sb: usize) -> bool {
    if let Some((at, headline)) = ctx.headline.get()
        && at == sa
    {
        return headline;
    }
    let headline = count_headline(ctx, sa, sb);
    ctx.headline.set(Some((sa, headline)));
    headline
}

fn count_headline(ctx: &Ctx, sa: usize, sb: usize) -> bool {
    let words = (sa..sb)
        .filter(|&k| ctx.tokens[k].kind.is_wordlike())
        .count();
    let caps = (sa..sb).filter(|&k| ctx.is_cap(k)).count();
    words >= 3 && caps * 10 >= words * 7
}

/// Where an organisation's name that starts at a head ends: over capitalised words, places and
/// organisations of the run, and over `dan` joining two capitalised parts.
fn org_end(
    ctx: &Ctx,
    mut k: usize,
    run_end: usize,
    sb: usize,
    gaz: &[(usize, usize, GazMatch)],
    label: Label,
) -> usize {
    let mut end = k;
    let first = k;
    while k < run_end {
        // An address number is not part of the name (`Jalan Hayam Wuruk Nomor 30`).
        if matches!(
            ctx.tok(k),
            "Nomor"
                | "No."
                | "No"
                | "Nomer"
                | "Kav."
                | "Kavling"
                | "Blok"
                | "RT"
                | "RW"
                | "Km"
                | "KM"
        ) {
            break;
        }
        // A title ends the name (`Pelaksana Harian Ketua …`), and so does a second head right
        // after the first: `Komite Badan Pengatur …` is a committee of that agency.
        if ctx.at(&ctx.cues.titles, k, run_end) > 0
            || (k == first && label == Label::Org && ctx.at(&ctx.cues.org_heads, k, run_end) > 0)
        {
            break;
        }
        if let Some((_, ge, gm)) = gaz_starting(gaz, k) {
            // A person right after the head is whom it is named after (`Jalan Hayam Wuruk`,
            // `Universitas Gajah Mada`); a person further on is not part of the name, nor is a
            // known organisation after an organisation's own words: `Fakultas Kehutanan UGM` is
            // a faculty of UGM (but `Kementerian BUMN` is one name, and `Rumah Sakit Pusat
            // Pertamina` one place).
            let found = ctx.label(gm);
            if (found == Label::Per || (found == Label::Org && label == Label::Org)) && k != first {
                break;
            }
            k = ge;
        } else {
            k += 1;
        }
        end = k;
    }
    // (Not right after the head: `PT dan CV` are two kinds of company.)
    if end == run_end && end > first && end + 1 < sb && ctx.tok(end) == "dan" && ctx.is_cap(end + 1)
    {
        let mut e = end + 1;
        while e < sb && ctx.is_cap(e) {
            e += 1;
        }
        end = e;
    }
    end
}

/// Where a person's name starts at the end of an organisation's name `from..e` that follows a
/// title: after the last known place of the name, or at a given name, when one to four
/// capitalised words that open no other name follow.
fn holder_after(
    ctx: &Ctx,
    from: usize,
    e: usize,
    gaz: &[(usize, usize, GazMatch)],
) -> Option<usize> {
    // Names are often ordinary words too (`Aziz`): one word no dictionary knows is enough.
    let name_from = |i: usize| {
        (1..=4).contains(&(e - i))
            && (i..e).any(|j| !ctx.common(j))
            && (i..e).all(|j| {
                ctx.is_cap(j)
                    && ctx.tokens[j].kind.is_wordlike()
                    && gaz_starting(gaz, j).is_none()
                    && !is_unknown_acronym(ctx.tok(j))
                    && ctx.at(&ctx.cues.org_heads, j, e) == 0
                    && ctx.at(&ctx.cues.loc_heads, j, e) == 0
            })
    };
    let mut split = None;
    let mut i = from;
    while i < e {
        match gaz_starting(gaz, i) {
            Some((_, ge, gm)) => {
                if ctx.label(gm) == Label::Loc && ge < e && name_from(ge) {
                    split = Some(ge);
                }
                i = ge;
            }
            None => i += 1,
        }
    }
    split.or_else(|| (from + 1..e).find(|&i| ctx.is_given(i) && name_from(i)))
}

/// A head that is a name by itself (an acronym such as `DPRD`, `Polda`).
fn head_is_name(ctx: &Ctx, k: usize, len: usize) -> bool {
    // A company form alone (`PT`, `CV`) names nothing.
    len == 1
        && !matches!(ctx.tok(k), "PT" | "PT." | "CV")
        && ctx.tok(k).chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Whether the free words `k..pe` are a person by a cue other than a title.
fn person_cue(
    ctx: &Ctx,
    sa: usize,
    sb: usize,
    k: usize,
    pe: usize,
    reported: bool,
    neighbours: (Option<Span>, Option<Span>),
) -> bool {
    if reported {
        return true;
    }
    // `X mengatakan`, `X juga menegaskan`: a name (not an acronym) as the subject of a saying verb.
    let mut v = pe;
    while v < sb
        && matches!(
            ctx.tok(v),
            "juga"
                | "pun"
                | "kemudian"
                | "lalu"
                | "sendiri"
                | "saat"
                | "ketika"
                | "telah"
                | "sudah"
                | "tak"
                | "tidak"
                | "belum"
                | "akan"
                | "masih"
                | "sedang"
                | "tengah"
                | "pernah"
                | "bahkan"
                | "segera"
                | "langsung"
        )
    {
        v += 1;
    }
    // `Boni Hargens, menilai …`: an appositive comma may stand between name and verb.
    if v == pe && v + 1 < sb && ctx.tok(v) == "," {
        v += 1;
    }
    let acronym = pe - k == 1
        && ctx
            .tok(k)
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic());
    // `Rodney Lyle Petersen (30) mengaku …`: an age in brackets after the name.
    if pe + 2 < sb
        && ctx.tok(pe) == "("
        && ctx.tokens[pe + 1].kind == crate::TokenKind::Number
        && ctx.tok(pe + 1).len() <= 3
        && ctx.tok(pe + 2) == ")"
    {
        return true;
    }
    // `Merab Kishmaria, 53 tahun, …`: an age after the name.
    if pe + 3 < sb
        && ctx.tok(pe) == ","
        && ctx.tokens[pe + 1].kind == crate::TokenKind::Number
        && ctx.tok(pe + 2) == "tahun"
        && matches!(ctx.tok(pe + 3), "," | ")")
    {
        return true;
    }
    if v < sb && !acronym && ctx.at(&ctx.cues.subject_verbs, v, sb) > 0 {
        return true;
    }
    // A sentence that opens with a word no dictionary knows, followed by a verb (`Khalilzad
    // terbang ke …`, `Hanung juga menjamin …`): the subject is a name, most often a person's.
    // So does a name set off by commas before a verb (`…, Serge Atlaoui, mengajukan …`).
    if (k == sa || ctx.tok(k - 1) == ",")
        && !acronym
        && pe - k <= 3
        && v < sb
        && (k..pe).all(|i| !ctx.common(i) && ctx.tokens[i].kind.is_wordlike())
        && (is_verb(ctx, v)
            || (ctx.tok(v) == "yang"
                && matches!(ctx.tok(v + 1), "tengah" | "sedang" | "telah" | "sudah")
                && is_verb(ctx, v + 2)))
    {
        return true;
    }
    // `X, juru bicara ...`
    if pe + 1 < sb && ctx.tok(pe) == "," && ctx.at(&ctx.cues.apposition, pe + 1, sb) > 0 {
        return true;
    }
    // `(X/AFP ...)`
    if k > sa && ctx.tok(k - 1) == "(" && pe < sb && ctx.tok(pe) == "/" && ctx.adjacent(pe - 1, pe)
    {
        return true;
    }
    // A line holding only the name, next to the author's role.
    if k == sa && pe == sb && pe - k <= 4 {
        for s in [neighbours.0, neighbours.1].into_iter().flatten() {
            let line = ctx.text[s.range()].trim();
            if ctx.cues.byline.contains_word(line) {
                return true;
            }
        }
    }
    let first = ctx.tok(k);
    let multi = pe - k >= 2;
    (multi && (ctx.is_given(k) || ctx.bits(pe - 1) & FAMILY != 0))
        || (!multi
            && k > sa
            && ctx.is_given(k)
            && (!lexicon::is_common_word_cached(first) || ctx.bits(k) & LISTED_GIVEN != 0))
}

/// The longest window of `k..pe` starting at `k` that typo tolerance explains.
fn fuzzy_at(ctx: &Ctx, k: usize, pe: usize) -> Option<(usize, u32)> {
    let max = (pe - k).min(5);
    let mut words = [""; 5];
    for (i, w) in words.iter_mut().enumerate().take(max) {
        *w = ctx.tok(k + i);
    }
    ctx.gaz.fuzzy_lookup_longest(&words[..max], max)
}

/// A name found by a rule that is a known entry's name written longer (`Qualcomm Inc`).
fn known(ctx: &Ctx, a: usize, b: usize, label: Label, entry: u32) -> Found {
    Found {
        entry: Some(entry),
        ..rule(ctx, a, b, label, None)
    }
}

fn rule(ctx: &Ctx, a: usize, b: usize, label: Label, role: Option<Span>) -> Found {
    Found {
        span: ctx.span(a, b),
        label,
        entry: None,
        source: Source::Rule,
        fuzzy: false,
        role,
        alias_of: None,
    }
}

/// Doc-level identity: later mentions of rule-found names, first and last names of people, and
/// acronyms introduced in brackets.
fn aliases<'a>(ctx: &Ctx<'a>, sentences: &[Span], mut found: Vec<Found>) -> Vec<Found> {
    // Short forms: word → the entity it stands for (None when ambiguous).
    // (Borrowing the text and the gazetteer's names: every mention passes here.)
    let mut short: HashMap<&'a str, Option<Ident<'a>>> = HashMap::default();
    let mut full: HashMap<&'a str, Ident<'a>> = HashMap::default();
    // `found` is sorted and disjoint: only the mention ending first after `span.start` can overlap.
    let covered = |found: &[Found], span: Span| {
        let i = found.partition_point(|f| f.span.end <= span.start);
        found.get(i).is_some_and(|f| f.span.overlaps(span))
    };
    // `Name (ACR)` where both were found on their own (`Koalisi Merah Putih (KMP)`, `Badan
    // Kesehatan Dunia (WHO)`): one entity, the gazetteer's if either is known.
    for i in 1..found.len() {
        let (a, b) = (&found[i - 1], &found[i]);
        let after = ctx.tokens.partition_point(|t| t.span.start < a.span.end);
        let bracketed = a.label == b.label
            && after + 2 < ctx.tokens.len()
            && ctx.tok(after) == "("
            && ctx.tokens[after + 1].span == b.span
            && ctx.tok(after + 2) == ")"
            && is_acronym_like(ctx.tok(after + 1));
        if !bracketed {
            continue;
        }
        match (a.entry, b.entry) {
            (Some(e), None) if b.source == Source::Rule => {
                found[i].entry = Some(e);
                found[i].source = Source::Alias;
            }
            (None, None) if b.source == Source::Rule => {
                let name = normalise_space(&ctx.text[a.span.range()]);
                found[i].alias_of = Some(name);
                found[i].source = Source::Alias;
            }
            (None, Some(e)) if a.source == Source::Rule => found[i - 1].entry = Some(e),
            _ => {}
        }
    }
    let mut extra: Vec<Found> = Vec::new();
    for f in &found {
        let surface = &ctx.text[f.span.range()];
        let target = ident(ctx, f);
        if f.source == Source::Rule {
            full.entry(surface).or_insert(target);
        }
        if f.label == Label::Per
            && let (Some((first, _)), Some((_, last))) =
                (surface.split_once(' '), surface.rsplit_once(' '))
        {
            for w in [first, last] {
                let plain = w.chars().count() >= 3
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && !ctx.cues.titles.contains_word(w);
                if plain {
                    short
                        .entry(w)
                        .and_modify(|v| {
                            if v.as_ref()
                                .is_some_and(|t| t.0 != target.0 || t.1 != target.1)
                            {
                                *v = None;
                            }
                        })
                        .or_insert(Some(target));
                }
            }
        }
        // `Name (ACR)`
        let after = ctx.tokens.partition_point(|t| t.span.start < f.span.end);
        if after + 2 < ctx.tokens.len() && ctx.tok(after) == "(" && ctx.tok(after + 2) == ")" {
            let acr = ctx.tok(after + 1);
            if is_acronym_like(acr) {
                let span = ctx.tokens[after + 1].span;
                if !covered(&found, span) {
                    extra.push(Found {
                        span,
                        label: f.label,
                        entry: f.entry,
                        source: Source::Alias,
                        fuzzy: false,
                        role: None,
                        alias_of: None,
                    });
                }
                short.insert(acr, Some(target));
            }
        }
    }
    found.extend(extra);
    found.sort_by_key(|f| f.span.start);
    // A one-word name a cue found (`kata Ahmad`) is the short form of a fuller name of the
    // document (`Ahmad Heryawan`) when that is the only one it can stand for.
    for f in &mut found {
        let surface = &ctx.text[f.span.range()];
        if f.source == Source::Rule
            && f.label == Label::Per
            && !surface.contains(' ')
            && let Some(Some((entry, name, label))) = short.get(surface)
            && *label == Label::Per
            && *name != surface
        {
            f.entry = *entry;
            f.alias_of = entry.is_none().then(|| name.to_string());
            f.source = Source::Alias;
        }
    }
    // Second pass: uncovered capitalised tokens that repeat a known name or short form.
    let mut more: Vec<Found> = Vec::new();
    let mut fi = 0;
    let mut si = 0;
    let mut k = 0;
    while k < ctx.tokens.len() {
        let t = ctx.tokens[k];
        while fi < found.len() && found[fi].span.end <= t.span.start {
            fi += 1;
        }
        if fi < found.len() && found[fi].span.start < t.span.end || !ctx.is_cap(k) {
            k += 1;
            continue;
        }
        while si < sentences.len() && sentences[si].end <= t.span.start {
            si += 1;
        }
        let sent_end = sentences.get(si).map_or(t.span.end, |s| s.end);
        // The longest run of capitalised, uncovered tokens in this sentence.
        let mut e = k;
        while e < ctx.tokens.len()
            && ctx.tokens[e].span.end <= sent_end
            && ctx.is_cap(e)
            && !(fi < found.len() && found[fi].span.start < ctx.tokens[e].span.end)
        {
            e += 1;
        }
        let mut matched = 0;
        for len in (1..=(e - k).min(6)).rev() {
            let span = ctx.span(k, k + len);
            let s = &ctx.text[span.range()];
            if let Some((entry, _, label)) = full.get(s) {
                more.push(Found {
                    span,
                    label: *label,
                    entry: *entry,
                    source: Source::Rule,
                    fuzzy: false,
                    role: None,
                    alias_of: None,
                });
                matched = len;
                break;
            }
            // A short form that is also an ordinary word needs more than a sentence's capital.
            let sentence_start = sentences.get(si).is_some_and(|x| x.start == span.start);
            let doubtful = sentence_start
                && lexicon::is_common_word_cached(s)
                && !is_person_context(ctx, k + 1);
            if len == 1
                && !doubtful
                && let Some(Some((entry, name, label))) = short.get(s)
            {
                more.push(Found {
                    span,
                    label: *label,
                    entry: *entry,
                    source: Source::Alias,
                    fuzzy: false,
                    role: None,
                    alias_of: entry.is_none().then(|| name.to_string()),
                });
                matched = 1;
            }
        }
        k += matched.max(1);
    }
    found.extend(more);
    found.sort_by_key(|f| f.span.start);
    found
}

/// A word written like an acronym (`SBY`, `Kemensos` is not, `PDI-P` is): mostly capitals.
fn is_acronym_like(w: &str) -> bool {
    let n = w.chars().count();
    (2..=10).contains(&n) && w.chars().filter(|c| c.is_uppercase()).count() * 2 > n
}

/// A verb formed from an Indonesian root with an active, middle or passive prefix (`menjamin`,
/// `berhasil`, `dinobatkan`, `terbang`).
fn is_verb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.tok(k);
    w.len() > 5
        && ["me", "ber", "di", "ter"].iter().any(|p| w.starts_with(p))
        && lexicon::is_common_word_cached(w)
}

/// Whether the word after a sentence-initial short form reads as that person's action
/// (`Kim kemudian ...`, `Kim mengatakan`) rather than a noun phrase going on.
fn is_person_context(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.tok(k);
    let verb_like =
        w.len() > 5 && (w.starts_with("me") || w.starts_with("di") || w.starts_with("ber"));
    verb_like
        || matches!(
            w,
            "kemudian"
                | "lalu"
                | "juga"
                | "pun"
                | "sudah"
                | "telah"
                | "akan"
                | "sedang"
                | "tidak"
                | "belum"
                | "tiba"
                | "dan"
                | ","
        )
}

/// The identity of a found mention: its gazetteer entry, its name and its label.
type Ident<'a> = (Option<u32>, &'a str, Label);

/// The identity of a found mention: gazetteer entry or its rule name.
fn ident<'a>(ctx: &Ctx<'a>, f: &Found) -> Ident<'a> {
    match f.entry {
        Some(e) => (Some(e), &ctx.gaz.entry(e).name, f.label),
        None => (None, &ctx.text[f.span.range()], f.label),
    }
}

/// Turns found mentions into entities, giving rule-found names document ids.
fn entities(ctx: &Ctx, found: Vec<Found>) -> Vec<Entity> {
    found
        .into_iter()
        .map(|f| {
            let surface = &ctx.text[f.span.range()];
            let (entity_id, name) = match f.entry {
                Some(e) => {
                    let entry = ctx.gaz.entry(e);
                    // (Not `to_string`: on a `Box<str>` it goes through `Display`.)
                    (String::from(&*entry.id), String::from(&*entry.name))
                }
                None => {
                    let name = f.alias_of.unwrap_or_else(|| normalise_space(surface));
                    (doc_id(f.label, &name), name)
                }
            };
            Entity {
                text: surface.to_string(),
                label: f.label,
                span: f.span,
                entity_id,
                name,
                source: f.source,
                fuzzy: f.fuzzy,
                role: f.role.map(|r| normalise_space(&ctx.text[r.range()])),
            }
        })
        .collect()
}

fn normalise_space(s: &str) -> String {
    // Nearly every name is already single-spaced ASCII: copied as it is.
    let mut after_space = true;
    let plain = s.bytes().all(|c| {
        let ok = c < 0x80
            && (c != b' ' || !after_space)
            && (c == b' ' || !(c.is_ascii_whitespace() || c == 0x0b));
        after_space = c == b' ';
        ok
    }) && (!after_space || s.is_empty());
    if plain {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document-level id of a name no gazetteer knows: `doc:per:afdal-namakule`.
fn doc_id(label: Label, name: &str) -> String {
    let prefix = label.id_prefix();
    let mut id = String::with_capacity(5 + prefix.len() + name.len());
    id.push_str("doc:");
    id.push_str(prefix);
    id.push(':');
    push_slug(name, &mut id);
    id
}

/// Appends the lowercase ASCII slug of `s` to `out`: `Afdal Namakule` → `afdal-namakule`, `x`
/// when nothing is left.
fn push_slug(s: &str, out: &mut String) {
    let from = out.len();
    // Whether the slug so far is empty or ends with `-`.
    let mut after_dash = true;
    for c in s.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            after_dash = false;
        } else if !after_dash {
            out.push('-');
            after_dash = true;
        }
    }
    if out.len() > from && after_dash {
        out.pop();
    }
    if out.len() == from {
        out.push('x');
    }
}

/// The default cues, with the given names learned from `gazetteer`.
pub(crate) fn default_cues(gazetteer: &Gazetteer) -> Cues {
    let mut cues = Cues::parse(
        Path::new("gazetteers/cues.txt"),
        include_str!("../gazetteers/cues.txt"),
    )
    .unwrap_or_else(|e| panic!("embedded cues: {e}"));
    cues.learn_given_names(gazetteer);
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The copy of already single-spaced names is what splitting and joining gives.
        #[test]
        fn normalise_space_is_split_and_join(s in "[ a\t\n\u{b}\u{c}\u{a0}\u{85}é\u{2003}]{0,12}") {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(normalise_space(&s), joined);
        }
    }
    use crate::Extractor;

    /// Every example sentence of every cue in `gazetteers/cues.txt`, run through the default
    /// extractor.
    #[test]
    fn cue_examples() {
        let cues = Cues::parse(
            Path::new("gazetteers/cues.txt"),
            include_str!("../gazetteers/cues.txt"),
        )
        .unwrap();
        assert!(cues.examples.len() >= 20);
        let extractor = Extractor::new();
        let mut failures = Vec::new();
        for ex in &cues.examples {
            let doc = extractor.extract(&ex.text);
            let got: Vec<(&str, Label, Source)> = doc
                .entities
                .iter()
                .map(|e| (e.text.as_str(), e.label, e.source))
                .collect();
            match &ex.expected {
                Some(want) => {
                    for (name, label) in want {
                        if !got.iter().any(|(t, l, _)| t == name && l == label) {
                            failures.push(format!(
                                "line {} [{}] {:?}: missing {name}/{label}; got {got:?}",
                                ex.line, ex.cue, ex.text
                            ));
                        }
                    }
                }
                None => {
                    if got.iter().any(|(_, _, s)| *s == Source::Rule) {
                        failures.push(format!(
                            "line {} [{}] {:?}: expected no rule entity; got {got:?}",
                            ex.line, ex.cue, ex.text
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn bad_cue_files() {
        let err = Cues::parse(Path::new("c.txt"), "[person-nope]\n").unwrap_err();
        assert_eq!(err.line(), Some(1));
        assert!(
            err.to_string()
                .starts_with("c.txt:1: unknown cue [person-nope]"),
            "{err}"
        );
        let err = Cues::parse(Path::new("c.txt"), "words = A\n").unwrap_err();
        assert!(
            err.to_string().contains("outside any [cue] section"),
            "{err}"
        );
        let err = Cues::parse(
            Path::new("c.txt"),
            "[org-head]\n+ PT X tiba. => PT X/COMPANY\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown label"), "{err}");
    }

    #[test]
    fn cap_exceptions_start_with_the_checked_letters() {
        for w in QUANTIFIERS.iter().chain(&["Rp"]) {
            assert!(CAP_EXCEPTION_INITIALS.contains(&w.as_bytes()[0]), "{w}");
            let t = crate::tokenize(w)[0];
            assert!(!Ctx::compute_cap(w, t), "{w}");
        }
        for w in ["Putin", "Rusia", "Pyongyang", "Kim", "Jakarta"] {
            assert!(Ctx::compute_cap(w, crate::tokenize(w)[0]), "{w}");
        }
    }

    #[test]
    fn particle_names() {
        for (w, yes) in [
            ("al-Qassam", true),
            ("bin-Laden", true),
            ("ash-Shabaab", true),
            ("el-Sisi", true),
            ("al-qassam", false),
            ("alu-Bakar", false),
            ("a-Bc", false),
            ("bahwa", false),
            ("ibn-", false),
        ] {
            assert_eq!(Ctx::particle_name(w), yes, "{w}");
        }
    }

    fn slug(s: &str) -> String {
        let mut out = String::new();
        push_slug(s, &mut out);
        out
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Afdal Namakule"), "afdal-namakule");
        assert_eq!(slug("José  Ramos-Horta"), "jose-ramos-horta");
        assert_eq!(slug("—"), "x");
    }
}
