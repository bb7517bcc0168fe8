//! Words of one sentence and the noun-phrase chunks that can fill an event's roles.

use super::coref::{AsciiCi, name_parts};
use super::patterns::{Patterns, TRIGGER_START, cue};
use crate::{Entity, Label, Span, Token, TokenKind};
use rustc_hash::FxHashSet as HashSet;
use std::cell::{Cell, OnceCell};
use std::ops::Range;

/// A token of the document, with what the frames ask about it.
#[derive(Debug)]
pub(super) struct Word<'a> {
    pub span: Span,
    /// The token in lowercase, as bytes: slicing bytes costs less than slicing a `str`, which
    /// checks that both ends are character boundaries, and most questions are about ASCII.
    pub lower: &'a [u8],
    pub kind: TokenKind,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A trigger phrase may start here ([`TRIGGER_START`]): a sentence without such a word has
    /// no trigger.
    pub trigger_start: bool,
    /// Index of the entity covering the token.
    pub ent: Option<usize>,
    /// The cue lists the word is in ([`Patterns::cues_of`]).
    pub cues: u32,
    /// [`name_like`], once asked: it looks the word up in the lexicon, and a chunk asks about
    /// its words more than once.
    name_like: Cell<Option<bool>>,
}

impl<'a> Word<'a> {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s.as_bytes()
    }

    /// The token in lowercase.
    pub fn lower_str(&self) -> &'a str {
        // A slice of a `str` between two token boundaries, which are character boundaries.
        std::str::from_utf8(self.lower).unwrap_or("")
    }

    /// Whether the word is in the cue list of `bit` (`cue!("title")`).
    #[inline]
    pub fn has(&self, bit: u32) -> bool {
        self.cues & bit != 0
    }

    pub fn is_comma(&self) -> bool {
        matches!(self.lower, b"," | b";")
    }

    pub fn is_punct(&self) -> bool {
        matches!(self.kind, TokenKind::Punct | TokenKind::Symbol)
    }
}

/// Every token of a text in lowercase, computed once per document.
pub(super) struct Lowered {
    /// The text with ASCII letters lowercased, then the lowercase of each non-ASCII token.
    buf: Vec<u8>,
    /// The tokens that are not ASCII, ascending, and where their lowercase is in `buf`; an
    /// ASCII token's lowercase is at its own place.
    other: Vec<(usize, Range<usize>)>,
}

impl Lowered {
    pub fn new(text: &str, tokens: &[Token]) -> Lowered {
        // An ASCII token's lowercase is its ASCII lowercase, found at its own place in the
        // ASCII-lowercased text: one pass over the text instead of a copy per token. Bytes,
        // since words are (no validation), in a loop simple enough to be vectorised.
        let mut high = 0;
        let mut buf: Vec<u8> = text
            .bytes()
            .map(|b| {
                high |= b;
                b | (u8::from(b.wrapping_sub(b'A') < 26) << 5)
            })
            .collect();
        let mut other = Vec::new();
        // Non-ASCII bytes are rare: find each one's token instead of testing every token.
        let bytes = text.as_bytes();
        // Most texts have none at all.
        let mut from = if high.is_ascii() { bytes.len() } else { 0 };
        let mut k = 0;
        while let Some(at) = next_non_ascii(bytes, from) {
            // The first token that ends after the byte is the only one that can hold it.
            k += tokens[k..].partition_point(|t| t.span.end <= at);
            let Some(t) = tokens.get(k) else { break };
            if t.span.start > at {
                // Between tokens (a no-break space).
                from = at + 1;
                continue;
            }
            from = t.span.end;
            // `to_lowercase` may change the length and reads the whole token (final sigma),
            // so the lowercase goes after the text. A token that does not fall on character
            // boundaries (none does) is empty.
            let start = buf.len();
            if let Some(s) = text.get(t.span.range()) {
                buf.extend_from_slice(s.to_lowercase().as_bytes());
            }
            other.push((k, start..buf.len()));
            k += 1;
        }
        Lowered { buf, other }
    }

    /// Token `k` (at `span`) in lowercase: at its own place in `buf` when it is ASCII.
    fn of(&self, k: usize, span: Span) -> &[u8] {
        match self.other.binary_search_by_key(&k, |(i, _)| *i) {
            Ok(i) => &self.buf[self.other[i].1.clone()],
            Err(_) => self.buf.get(span.range()).unwrap_or_default(),
        }
    }
}

/// The first byte at or after `from` that is not ASCII: eight bytes at a time, since most
/// texts have none or a few.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes")) & HIGH;
        if w != 0 {
            return Some(at + w.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|i| at + i)
}

/// The words of the names of the people a document names, for matching lowercase words.
/// Built on first use: only a capitalised root word (`Kim`? `Baru`?) asks.
pub(super) struct People<'a> {
    entities: &'a [Entity],
    sets: OnceCell<PeopleSets<'a>>,
}

struct PeopleSets<'a> {
    /// ASCII words as written: their lowercase is their ASCII lowercase, so no copy is needed.
    ascii: HashSet<AsciiCi<'a>>,
    /// The other words, lowercase.
    other: HashSet<String>,
}

impl<'a> People<'a> {
    pub fn new(entities: &'a [Entity]) -> People<'a> {
        People {
            entities,
            sets: OnceCell::new(),
        }
    }

    fn sets(&self) -> &PeopleSets<'a> {
        self.sets.get_or_init(|| {
            let people = || self.entities.iter().filter(|e| e.label == Label::Per);
            let n = people().count();
            // Sized once: growing a set an entry at a time costs more than filling it.
            let mut p = PeopleSets {
                ascii: HashSet::with_capacity_and_hasher(2 * n, Default::default()),
                other: HashSet::default(),
            };
            // A person is usually named several times: each name is split once.
            let mut names: HashSet<&str> = HashSet::with_capacity_and_hasher(n, Default::default());
            for e in people() {
                if !names.insert(&e.name) {
                    continue;
                }
                for part in name_parts(&e.name) {
                    if part.is_ascii() {
                        p.ascii.insert(AsciiCi(part));
                    } else {
                        p.other.insert(part.to_lowercase());
                    }
                }
            }
            p
        })
    }

    /// Whether `lower`, a lowercase word, is a word of a name.
    fn contains(&self, lower: &str) -> bool {
        // A lowercase ASCII word equals the lowercase of an ASCII part exactly when the two
        // are equal ignoring ASCII case; a non-ASCII word never matches an ASCII part.
        let p = self.sets();
        p.ascii.contains(&AsciiCi(lower)) || p.other.contains(lower)
    }
}

/// The last token where a trigger phrase may start, if any.
pub(super) fn last_trigger_start(
    tokens: &[Token],
    lowered: &Lowered,
    p: &Patterns,
) -> Option<usize> {
    (0..tokens.len())
        .rev()
        .find(|&k| p.cues_of(lowered.of(k, tokens[k].span)) & TRIGGER_START != 0)
}

/// Replaces `out` with the words of `tokens`, the tokens `first..` of the text (a block of
/// whole windows, see [`WORDS_BLOCK`](super::WORDS_BLOCK)); `entities` are the text's, sorted by
/// position and disjoint.
pub(super) fn words_into<'a>(
    text: &str,
    tokens: &[Token],
    first: usize,
    lowered: &'a Lowered,
    entities: &[Entity],
    p: &Patterns,
    out: &mut Vec<Word<'a>>,
) {
    let bytes = text.as_bytes();
    let low = &lowered.buf[..];
    out.clear();
    out.extend(tokens.iter().map(|t| {
        let span = t.span;
        // An ASCII token's lowercase is at its own place in the lowercased text; the few
        // others are set below (all at once, rather than a [`Lowered::of`] per token).
        let lower = low.get(span.range()).unwrap_or_default();
        let cues = p.cues_of(lower);
        // Most tokens start with an ASCII byte, which tells without decoding a character.
        let cap = match bytes.get(span.start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => starts_uppercase(text.get(span.range()).unwrap_or("")),
        };
        Word {
            span,
            cues: cues & !TRIGGER_START,
            trigger_start: cues & TRIGGER_START != 0,
            lower,
            kind: t.kind,
            cap,
            ent: None,
            name_like: Cell::new(None),
        }
    }));
    let end = first + tokens.len();
    let others = &lowered.other[lowered.other.partition_point(|(k, _)| *k < first)..];
    for (k, at) in others.iter().take_while(|(k, _)| *k < end) {
        let w = &mut out[*k - first];
        w.lower = &low[at.clone()];
        let cues = p.cues_of(w.lower);
        w.cues = cues & !TRIGGER_START;
        w.trigger_start = cues & TRIGGER_START != 0;
    }
    let (Some(a), Some(b)) = (tokens.first(), tokens.last()) else {
        return;
    };
    // A token's entity is the first entity that ends after the token starts, if it covers the
    // token; each entity looks only at the tokens it can cover, not every token at every one.
    // The entities that end before the first token cannot cover any of them.
    let from = entities.partition_point(|x| x.span.end <= a.span.start);
    let mut k = 0;
    for (e, x) in entities
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, x)| x.span.start < b.span.end)
    {
        // The tokens from `k` starting before the entity have it first, but it cannot cover
        // them; token starts rise.
        k += out[k..].partition_point(|w| w.span.start < x.span.start);
        while let Some(w) = out.get_mut(k).filter(|w| w.span.start < x.span.end) {
            if x.span.contains(w.span) {
                w.ent = Some(e);
            }
            k += 1;
        }
    }
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// What a chunk refers to, before coreference.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Head {
    /// A named entity (the last person in the chunk, else its first organisation or place).
    Named(usize),
    /// A group by role and affiliation (`para pejabat AS`): the span and the affiliation.
    Group(Span, usize),
    /// `ia`, `dia`, `beliau`.
    Singular,
    /// `mereka`, `keduanya`, `kedua pemimpin`.
    Plural,
    /// `pemimpin Korea Utara itu`: the title words, lowercase.
    Desc(String),
    /// Capitalised words that no gazetteer knows (`Kim`): maybe a short form of a name.
    Unknown,
    /// People the text does not name (`para pengamat`).
    Unnamed,
    /// Nothing that can be a party.
    Nothing,
}

/// A noun phrase: words `start..end` of the sentence.
#[derive(Clone, Debug)]
pub(super) struct Chunk {
    pub start: usize,
    pub end: usize,
    pub head: Head,
    /// The span that a participant's `text` shows.
    pub span: Span,
    /// Title words before a named person (`Pemimpin Korea Utara`), when there are any.
    pub title: Option<Span>,
}

/// Longest chunk a sentence can have; bounds the work on pathological input.
const MAX_CHUNK: usize = 12;

/// Splits the sentence's words into chunks: maximal runs of name, title and pronoun words.
/// `out` is cleared first (one buffer serves every sentence).
pub(super) fn chunks(
    text: &str,
    words: &[Word],
    entities: &[Entity],
    is_trigger: &[bool],
    people: &People,
    out: &mut Vec<Chunk>,
) {
    let name_like = |w: &Word| name_like(w, people);
    out.clear();
    let mut i = 0;
    while i < words.len() {
        if is_trigger[i] || !starts_chunk(words, i, name_like) {
            i += 1;
            continue;
        }
        let w = &words[i];
        if w.has(cue!("singular")) || w.has(cue!("plural")) {
            let head = if w.has(cue!("singular")) {
                Head::Singular
            } else {
                Head::Plural
            };
            out.push(Chunk {
                start: i,
                end: i + 1,
                head,
                span: w.span,
                title: None,
            });
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && j - i < MAX_CHUNK && !is_trigger[j] && continues_chunk(words, i, j)
        {
            if let Some(e) = words[j].ent {
                // Take the whole entity even if a token inside it looks like a boundary.
                while j < words.len() && words[j].ent == Some(e) {
                    j += 1;
                }
                // `Vladimir Putin (kanan)`: a short bracketed note stays with the name.
                if j + 2 < words.len() && words[j].is("(") {
                    if let Some(k) = (j + 1..(j + 4).min(words.len())).find(|&k| words[k].is(")")) {
                        if words[j + 1..k].iter().all(|w| w.ent.is_none() && !w.cap) {
                            j = k + 1;
                        }
                    }
                }
                continue;
            }
            j += 1;
            if words[j - 1].has(cue!("demonstrative")) {
                break;
            }
        }
        if j == i {
            i += 1;
            continue;
        }
        out.push(chunk(text, words, entities, (i, j), name_like));
        i = j;
    }
}

/// A capitalised word that can be (part of) a name: not an ordinary word, unless it is a part
/// of the name of someone the document names (`Kim`).
fn name_like(w: &Word, people: &People) -> bool {
    if !(w.cap && w.kind == TokenKind::Word) {
        return false;
    }
    if let Some(known) = w.name_like.get() {
        return known;
    }
    let lower = w.lower_str();
    let known = !crate::lexicon::is_root_ci(lower) || people.contains(lower);
    w.name_like.set(Some(known));
    known
}

/// The cue lists whose words start a chunk.
const STARTS_CHUNK: u32 =
    cue!("title") | cue!("group") | cue!("plural-head") | cue!("singular") | cue!("plural");

fn starts_chunk(words: &[Word], i: usize, name_like: impl Fn(&Word) -> bool) -> bool {
    let w = &words[i];
    w.ent.is_some() || w.has(STARTS_CHUNK) || name_like(w)
}

fn continues_chunk(words: &[Word], start: usize, j: usize) -> bool {
    if j == start {
        return true;
    }
    let w = &words[j];
    if w.has(cue!("singular")) || w.has(cue!("plural")) || w.is_punct() {
        return false;
    }
    w.ent.is_some()
        || w.has(cue!("title"))
        || w.has(cue!("group"))
        || w.has(cue!("demonstrative"))
        || (w.cap && w.kind == TokenKind::Word)
}

fn chunk(
    text: &str,
    words: &[Word],
    entities: &[Entity],
    (i, j): (usize, usize),
    name_like: impl Fn(&Word) -> bool,
) -> Chunk {
    let span = words[i].span.cover(words[j - 1].span);
    // The entities of the chunk's words, in order (an entity of several words repeats).
    let of = |l: Label| {
        words[i..j]
            .iter()
            .filter_map(|w| w.ent)
            .filter(move |&e| entities[e].label == l)
    };
    let mut c = Chunk {
        start: i,
        end: j,
        head: Head::Nothing,
        span,
        title: None,
    };
    if let Some(e) = of(Label::Per).next_back() {
        let es = entities[e].span;
        c.head = Head::Named(e);
        c.span = es;
        if words[i].span.start < es.start {
            // Lowercased only if a description asks ([`super::coref::Title`]).
            let t = Span::new(words[i].span.start, es.start);
            let blank = text.get(t.range()).unwrap_or("").trim().is_empty();
            c.title = (!blank).then_some(t);
        }
        return c;
    }
    let grouped = words[i].has(cue!("group"))
        || (words[i].has(cue!("plural-head"))
            && words.get(i + 1).is_some_and(|w| w.has(cue!("group"))));
    let last_demonstrative = words[j - 1].has(cue!("demonstrative"));
    if let Some(e) = of(Label::Org).next().or_else(|| of(Label::Loc).next()) {
        if grouped && words[i].ent.is_none() {
            c.head = Head::Group(words[i].span.cover(entities[e].span), e);
            c.span = words[i].span.cover(entities[e].span);
        } else if words[i].ent.is_none() && words[i].has(cue!("title")) && last_demonstrative {
            c.head = Head::Desc(title_key(words, i, j));
        } else if words[i].ent.is_none() && words[i].has(cue!("title")) {
            // `pemimpin Korea Utara` without a name: a person, not the country.
            c.head = Head::Nothing;
        } else {
            c.head = Head::Named(e);
            c.span = entities[e].span;
        }
        return c;
    }
    let titled = j - i >= 2 && words[i + 1..j].iter().any(|w| w.has(cue!("title")));
    if words[i].is("kedua") && titled {
        c.head = Head::Plural;
    } else if words[i].has(cue!("plural-head")) && titled {
        // `para pengamat`: people the text does not name.
        c.head = Head::Unnamed;
    } else if words[i].has(cue!("title")) && last_demonstrative {
        c.head = Head::Desc(title_key(words, i, j));
    } else if let Some(k) = (i..j)
        .find(|&k| name_like(&words[k]) && !words[k].has(cue!("title")))
        .or_else(|| (i..j).find(|&k| name_like(&words[k])))
    {
        // Titles before an unknown name stay outside its text.
        c.head = Head::Unknown;
        c.span = words[k].span.cover(words[j - 1].span);
    }
    c
}

fn title_key(words: &[Word], i: usize, j: usize) -> String {
    words[i..j]
        .iter()
        .filter(|w| !w.has(cue!("demonstrative")))
        .map(|w| w.lower_str())
        .collect::<Vec<_>>()
        .join(" ")
}
