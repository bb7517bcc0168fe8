//! Time expressions: finding dates, clock times and relative expressions in Indonesian news and
//! normalising them against the document's reference date.
//!
//! The text is cut into surface tokens once (words, numbers with their inner separators,
//! single punctuation marks), then a small recursive-descent grammar is tried at every token.
//! Every rule looks at a bounded number of tokens, so the whole pass is linear in the text. The
//! longest expression at a position wins and matching resumes after it, which keeps spans sorted
//! and disjoint.
//!
//! Decisions where the contract leaves room:
//! - `waktu setempat` joins an expression after a weekday, a part of the day or a clock time
//!   (`Jumat waktu setempat`, `pukul 10.00 waktu setempat`), but not after a written-out date:
//!   the contract example reports `Rabu pagi 19 Juni 2024` for `... 19 Juni 2024 Waktu setempat`.
//! - Vague counts (`beberapa hari lalu`, `puluhan tahun lalu`) and expressions anchored to another
//!   event (`dua tahun kemudian`) are reported with value `None`.
//! - `tadi malam`, `semalam` and `kemarin malam` are the evening before the reference date.
//! - A bare 4-digit year needs a cue (`tahun`, a preposition such as `pada`/`sejak`, `awal`, a
//!   following `lalu`, or a year range); `N Tahun YYYY` right after a number is a regulation id
//!   (`UU Nomor 12 Tahun 2011`) and is skipped.

use crate::{Span, TimeExpr};
use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

#[cfg(test)]
mod tests;

/// Finds and normalises every time expression in `text`.
///
/// `sentences` are the sentence spans (sorted, disjoint, byte offsets into `text`); a bare clock
/// time takes the date of the nearest day-precision expression in its sentence, else the
/// reference date. `reference` is the document date that relative, weekday-only and yearless
/// expressions are resolved against; without it those get value `None` but are still reported.
/// The result is sorted by position and never overlaps.
pub(crate) fn find_times(text: &str, sentences: &[Span], reference: Option<Date>) -> Vec<TimeExpr> {
    times_in(text, &tokenize(text), sentences, reference)
}

/// [`find_reference_date`] when `reference` is `None`, then [`find_times`] against the result,
/// tokenizing `text` once for both. Returns the reference date and the times.
pub(crate) fn find_reference_date_and_times(
    text: &str,
    sentences: &[Span],
    reference: Option<Date>,
) -> (Option<Date>, Vec<TimeExpr>) {
    let toks = tokenize(text);
    let reference = reference.or_else(|| {
        let window = dateline_window(text);
        let head = &text[..window];
        // The tokens of `head` are those of `text` that end inside it, and then those of the
        // rest of `head` from the start of the first token crossing its end (the tokenizer looks
        // ahead only within the token it is making and keeps no state between tokens).
        let k = toks.partition_point(|t| t.end <= window);
        match toks.get(k) {
            Some(t) if t.start < window => {
                let from = t.start;
                let mut head_toks = toks[..k].to_vec();
                head_toks.extend(tokenize(&head[from..]).into_iter().map(|t| Tok {
                    start: t.start + from,
                    end: t.end + from,
                    ..t
                }));
                reference_date_in(head, &head_toks)
            }
            _ => reference_date_in(head, &toks[..k]),
        }
    });
    (reference, times_in(text, &toks, sentences, reference))
}

fn times_in(
    text: &str,
    toks: &[Tok],
    sentences: &[Span],
    reference: Option<Date>,
) -> Vec<TimeExpr> {
    let parser = Parser { text, toks };
    let mut cands = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parser.parse_at(i) {
            Some(c) if c.end > i => {
                i = c.end;
                cands.push(c);
            }
            _ => i += 1,
        }
    }
    let mut out: Vec<(TimeExpr, bool)> = cands
        .iter()
        .map(|c| (parser.to_expr(c, reference), matches!(c.val, Val::Clock)))
        .collect();
    date_bare_clocks(&mut out, sentences, reference);
    out.into_iter().map(|(t, _)| t).collect()
}

/// The document date found in a dateline near the start of the text.
///
/// Looks at the first three paragraphs (at most ~1500 bytes, at least the first ~600 bytes) for
/// the first dateline-like expression: a numeric date (`19/06/2024, 09:48 WIB`), a weekday with a
/// date (`Kamis (25/9/2014)`, `Senin, 19 Juni 2024`), or a written-out date that does not follow
/// a preposition (`pada 13 September 2023` is a reported date, not a dateline). Returns `None`
/// when that first dateline has no year (`Kamis (25/9)`) or there is none.
pub(crate) fn find_reference_date(text: &str) -> Option<Date> {
    let window = dateline_window(text);
    let head = &text[..window];
    reference_date_in(head, &tokenize(head))
}

/// The dateline's date in `head` (the dateline window of a text), from the tokens of `head`.
fn reference_date_in(head: &str, toks: &[Tok]) -> Option<Date> {
    let parser = Parser { text: head, toks };
    let mut i = 0;
    while i < toks.len() {
        let Some(c) = parser.parse_at(i) else {
            i += 1;
            continue;
        };
        let next = c.end.max(i + 1);
        if parser.is_dateline(&c) {
            return match c.val {
                Val::Day { y: Some(y), m, d } => Date::new(y, m, d).ok(),
                _ => None,
            };
        }
        i = next;
    }
    None
}

/// The fewest bytes the dateline window holds (when the text has as many).
const WINDOW_MIN: usize = 600;
/// The most bytes the dateline window holds.
const WINDOW_MAX: usize = 1500;

/// Byte length of the part of `text` where a dateline may stand.
fn dateline_window(text: &str) -> usize {
    let mut paragraphs = 0;
    let mut end = text.len();
    let mut search = 0;
    // Where the text's first non-blank character is: a break after it ends a paragraph.
    let content = text
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(text.len());
    // The paragraph breaks in order, found by their first newline (`find` of a `char` runs
    // `memchr`, a `&str` pattern the slower two-way search). A break from `WINDOW_MAX` on
    // leaves the window at `WINDOW_MAX`, as no break does, so the search stops there.
    while let Some(pos) = text[search..].find('\n') {
        let at = search + pos;
        if at >= WINDOW_MAX {
            break;
        }
        if text.as_bytes().get(at + 1) != Some(&b'\n') {
            search = at + 1;
            continue;
        }
        if content < at {
            paragraphs += 1;
        }
        if paragraphs == 3 {
            end = at;
            break;
        }
        search = at + 2;
    }
    window_ending_at(text, end)
}

/// The dateline window of `text` when its first three paragraphs end at byte `end`: bounded by
/// [`WINDOW_MIN`] and [`WINDOW_MAX`], and moved back to a character boundary.
fn window_ending_at(text: &str, end: usize) -> usize {
    let mut w = end.clamp(WINDOW_MIN.min(text.len()), WINDOW_MAX.min(text.len()));
    while !text.is_char_boundary(w) {
        w -= 1;
    }
    w
}

/// Gives every bare clock time the date of the nearest day-precision expression in its sentence,
/// else the reference date.
fn date_bare_clocks(out: &mut [(TimeExpr, bool)], sentences: &[Span], reference: Option<Date>) {
    let sentence_of = |pos: usize| -> Option<Span> {
        let k = sentences.partition_point(|s| s.end <= pos);
        sentences.get(k).copied().filter(|s| s.start <= pos)
    };
    // The day-precision expressions, in text order (`out` is sorted and never overlaps), so
    // that each clock looks only at its neighbours: the nearest one in its sentence is the
    // closest before or after it.
    let days: Vec<usize> = (0..out.len())
        .filter(|&k| !out[k].1 && out[k].0.value.as_ref().is_some_and(|v| v.len() == 10))
        .collect();
    for k in 0..out.len() {
        if !out[k].1 {
            continue;
        }
        let at = out[k].0.span;
        let sentence = sentence_of(at.start);
        let same_sentence = |s: Span| match sentence {
            Some(sent) => sent.contains(s),
            None => sentences.is_empty(),
        };
        let after = days.partition_point(|&d| out[d].0.span.start < at.start);
        let nearest = [after.checked_sub(1), Some(after)]
            .into_iter()
            .flatten()
            .filter_map(|n| days.get(n))
            .map(|&d| &out[d].0)
            .filter(|t| same_sentence(t.span))
            .map(|t| (t.span.start.abs_diff(at.start), t.value.clone()))
            // The earlier one wins a tie.
            .min_by_key(|(dist, _)| *dist)
            .and_then(|(_, v)| v);
        out[k].0.value = nearest.or_else(|| reference.map(|d| d.to_string()));
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Letters, possibly with digits, hyphens or apostrophes (`Jum'at`, `tiba-tiba`, `12B`).
    Word,
    /// Digits with inner separators (`19/06/2024`, `09.48`, `1999-2004`, `7,1`).
    Num,
    /// One punctuation character.
    Punct,
}

/// A token: bytes `start..end` of its text. (The text is sliced only where a rule looks:
/// slicing checks char boundaries, and most tokens are never looked at.)
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// The rules that may take the token ([`rules_of`]), found while the tokenizer has its
    /// bytes at hand: most tokens start nothing.
    rules: u16,
}

/// Whether `sep` between `prev` and `next` keeps them in one token.
fn joins(prev: char, sep: char, next: char) -> bool {
    match sep {
        '-' | '–' => prev.is_alphanumeric() && next.is_alphanumeric(),
        '.' | ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '\'' | '’' => prev.is_alphabetic() && next.is_alphabetic(),
        _ => false,
    }
}

/// The character at byte `i` of `text` and its length (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// The ASCII characters that are `char::is_whitespace`.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether a run of ASCII letters and digits ending at `end` surely ends its token there, as
/// the general path of [`tokenize`] would decide; false also when only that path can tell.
fn ends_token(bytes: &[u8], end: usize) -> bool {
    let Some(&b) = bytes.get(end) else {
        return true;
    };
    // Read only when needed: most runs end at a space.
    let next = || bytes.get(end + 1).copied();
    let prev_digit = || bytes[end - 1].is_ascii_digit();
    match b {
        // Joins digits only (`19.06`, `09:48`, `1/2`).
        b'.' | b',' | b':' | b'/' => !(prev_digit() && next().is_some_and(|n| n.is_ascii_digit())),
        // Joins before any letter or digit, maybe non-ASCII: told here only before ASCII
        // that is neither.
        b'-' => next().is_some_and(|n| n < 0x80 && !n.is_ascii_alphanumeric()),
        // Joins letters (`Jum'at`).
        b'\'' => prev_digit() || next().is_some_and(|n| n < 0x80 && !n.is_ascii_alphabetic()),
        0x80.. => false,
        _ => true,
    }
}

/// Cuts `text` into words, numbers and punctuation marks; whitespace is dropped.
fn tokenize(text: &str) -> Vec<Tok> {
    tokenize_with(text, true)
}

/// [`tokenize`], with or without its fast paths for ASCII (the tests compare the two).
fn tokenize_with(text: &str, fast: bool) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII whitespace and punctuation, and ASCII words and numbers that surely end where
        // their letters and digits do, as the general path below would have them, without
        // decoding characters: most of any text.
        if fast && b < 0x80 {
            if is_ascii_space(b) {
                i += 1;
                continue;
            }
            if !b.is_ascii_alphanumeric() {
                toks.push(Tok {
                    start: i,
                    end: i + 1,
                    kind: Kind::Punct,
                    rules: 0,
                });
                i += 1;
                continue;
            }
            let end = crate::token::ascii_alnum_end(bytes, i + 1);
            if ends_token(bytes, end) {
                // Only a run that starts with a digit may be a number.
                let digits = b.is_ascii_digit() && bytes[i + 1..end].iter().all(u8::is_ascii_digit);
                let (kind, rules) = if digits {
                    (Kind::Num, digit_rules(end - i))
                } else {
                    (Kind::Word, start_rules(&bytes[i..end]))
                };
                toks.push(Tok {
                    start: i,
                    end,
                    kind,
                    rules,
                });
                i = end;
                continue;
            }
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        i = tokenize_char(text, i, c, len, &mut toks);
    }
    toks
}

/// The general path of [`tokenize`]: the token starting with character `c` (of `len` bytes) at
/// byte `i`, pushed to `toks`; returns where the next one may start.
fn tokenize_char(text: &str, i: usize, c: char, len: usize, toks: &mut Vec<Tok>) -> usize {
    let start = i;
    let mut i = i + len;
    if c.is_whitespace() {
        return i;
    }
    let mut end = i;
    if c.is_alphanumeric() {
        let bytes = text.as_bytes();
        let mut prev = c;
        loop {
            // ASCII letters and digits without decoding.
            let run = end;
            end = crate::token::ascii_alnum_end(bytes, end);
            if end > run {
                prev = bytes[end - 1] as char;
            }
            let Some((d, dlen)) = char_at(text, end) else {
                break;
            };
            if d.is_alphanumeric() {
                end += dlen;
                prev = d;
                continue;
            }
            // Most words end at a space: no need to look past it.
            if !matches!(d, '-' | '–' | '.' | ',' | ':' | '/' | '\'' | '’') {
                break;
            }
            match char_at(text, end + dlen) {
                Some((a, alen)) if joins(prev, d, a) => {
                    end += dlen + alen;
                    prev = a;
                }
                _ => break,
            }
        }
        i = end;
    }
    let s = &text[start..end];
    let kind = if !c.is_alphanumeric() {
        Kind::Punct
    } else if c.is_ascii_digit()
        && s.chars()
            .all(|ch| matches!(ch, '0'..='9' | '.' | ',' | ':' | '/' | '-' | '–'))
    {
        Kind::Num
    } else {
        Kind::Word
    };
    toks.push(Tok {
        start,
        end,
        kind,
        rules: rules_of(kind, s),
    });
    i
}

/// The value of a token made of 1–4 ASCII digits only.
fn plain_int(s: &str) -> Option<i32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

// ---------------------------------------------------------------------------------------------
// Lexicon

/// The rules of [`Parser::parse_at`], as bits of a token's [`Tok::rules`]. Their order is the
/// order `parse_at` tries them in, which decides ties.
mod rule {
    pub(super) const NUMERIC_DATE: u16 = 1 << 0;
    pub(super) const DAY_MONTH: u16 = 1 << 1;
    pub(super) const APPROX: u16 = 1 << 2;
    pub(super) const WEEKDAY: u16 = 1 << 3;
    pub(super) const MONTH: u16 = 1 << 4;
    pub(super) const YEAR: u16 = 1 << 5;
    pub(super) const RELATIVE: u16 = 1 << 6;
    pub(super) const COUNTED: u16 = 1 << 7;
    pub(super) const CLOCK: u16 = 1 << 8;
    pub(super) const TANGGAL: u16 = 1 << 9;
    /// Every rule: each one checks its token's kind, so any may be tried anywhere.
    #[cfg(test)]
    pub(super) const ALL: u16 = (1 << 10) - 1;
    /// The rules that may take a number.
    pub(super) const NUM: u16 = NUMERIC_DATE | DAY_MONTH | YEAR | COUNTED | CLOCK;
    /// By length, the rules that may take a number of digits alone (none from 5 digits on): a
    /// numeric date needs a `/` or `-`, a bare clock time a `.` or `:`, a year 4 digits, a day
    /// or a count at most 4 (as [`plain_int`](super::plain_int) reads them).
    pub(super) const DIGITS: [u16; 5] = [
        0,
        DAY_MONTH | COUNTED,
        DAY_MONTH | COUNTED,
        DAY_MONTH | COUNTED,
        DAY_MONTH | COUNTED | YEAR,
    ];
    /// The rules that may take a word.
    pub(super) const WORD: u16 =
        APPROX | WEEKDAY | MONTH | YEAR | RELATIVE | COUNTED | CLOCK | TANGGAL;
}

/// The lowercase words an expression may start at, with the rules that may take them (see
/// [`rules_of`]).
const START_WORDS: &[(&[u8], u16)] = {
    use rule::{APPROX, CLOCK, COUNTED, MONTH, RELATIVE, TANGGAL, WEEKDAY, YEAR};
    &[
        (b"awal", APPROX),
        (b"akhir", APPROX),
        (b"penghujung", APPROX),
        (b"pertengahan", APPROX),
        (b"medio", APPROX),
        // `hari Senin`, `hari ini`
        (b"hari", WEEKDAY | RELATIVE),
        (b"senin", WEEKDAY),
        (b"selasa", WEEKDAY),
        (b"rabu", WEEKDAY),
        (b"kamis", WEEKDAY),
        (b"jumat", WEEKDAY),
        (b"jum'at", WEEKDAY),
        (b"sabtu", WEEKDAY),
        // `minggu lalu`: last week
        (b"minggu", WEEKDAY | RELATIVE),
        (b"ahad", WEEKDAY),
        // `bulan Maret`, `bulan lalu`
        (b"bulan", MONTH | RELATIVE),
        (b"januari", MONTH),
        (b"februari", MONTH),
        (b"pebruari", MONTH),
        (b"febuari", MONTH),
        (b"maret", MONTH),
        (b"april", MONTH),
        (b"mei", MONTH),
        (b"juni", MONTH),
        (b"juli", MONTH),
        (b"agustus", MONTH),
        (b"september", MONTH),
        (b"oktober", MONTH),
        (b"november", MONTH),
        (b"nopember", MONTH),
        (b"desember", MONTH),
        (b"jan", MONTH),
        (b"feb", MONTH),
        (b"peb", MONTH),
        (b"mar", MONTH),
        (b"apr", MONTH),
        (b"jun", MONTH),
        (b"jul", MONTH),
        (b"agu", MONTH),
        (b"agt", MONTH),
        (b"ags", MONTH),
        (b"agus", MONTH),
        (b"aug", MONTH),
        (b"sep", MONTH),
        (b"sept", MONTH),
        (b"okt", MONTH),
        (b"oct", MONTH),
        (b"nov", MONTH),
        (b"des", MONTH),
        (b"dec", MONTH),
        (b"january", MONTH),
        (b"february", MONTH),
        (b"march", MONTH),
        (b"may", MONTH),
        (b"june", MONTH),
        (b"july", MONTH),
        (b"august", MONTH),
        (b"october", MONTH),
        (b"december", MONTH),
        // `tahun 2022`, `tahun ini`
        (b"tahun", YEAR | RELATIVE),
        (b"kemarin", RELATIVE),
        (b"besok", RELATIVE),
        (b"esok", RELATIVE),
        (b"lusa", RELATIVE),
        (b"tadi", RELATIVE),
        (b"nanti", RELATIVE),
        (b"semalam", RELATIVE),
        (b"pagi", RELATIVE),
        (b"siang", RELATIVE),
        (b"sore", RELATIVE),
        (b"malam", RELATIVE),
        (b"pekan", RELATIVE),
        // One unit, vague counts, number words.
        (b"sehari", COUNTED),
        (b"sepekan", COUNTED),
        (b"seminggu", COUNTED),
        (b"sebulan", COUNTED),
        (b"setahun", COUNTED),
        (b"sedekade", COUNTED),
        (b"sedasawarsa", COUNTED),
        (b"beberapa", COUNTED),
        (b"sejumlah", COUNTED),
        (b"belasan", COUNTED),
        (b"puluhan", COUNTED),
        (b"ratusan", COUNTED),
        (b"berapa", COUNTED),
        (b"sepuluh", COUNTED),
        (b"sebelas", COUNTED),
        (b"seratus", COUNTED),
        (b"satu", COUNTED),
        (b"dua", COUNTED),
        (b"tiga", COUNTED),
        (b"empat", COUNTED),
        (b"lima", COUNTED),
        (b"enam", COUNTED),
        (b"tujuh", COUNTED),
        (b"delapan", COUNTED),
        (b"sembilan", COUNTED),
        (b"pukul", CLOCK),
        (b"pkl", CLOCK),
        (b"pk", CLOCK),
        (b"jam", CLOCK),
        (b"tanggal", TANGGAL),
        (b"tgl", TANGGAL),
    ]
};

/// Longest of [`START_WORDS`].
const START_MAX: usize = 11;

/// The group of a word of `len` bytes starting with the lowercase letter `first`.
const fn start_group(len: usize, first: u8) -> usize {
    len * 26 + (first - b'a') as usize
}

const START_GROUPS: usize = (START_MAX + 1) * 26;

/// For each length and first letter of [`START_WORDS`], the set of last letters (bit
/// `letter - b'a'`, bit 26 for any other byte): most words are rejected by this one load
/// before the exact comparison with the list.
const START_SHAPES: [u32; START_GROUPS] = {
    let mut t = [0u32; START_GROUPS];
    let mut i = 0;
    while i < START_WORDS.len() {
        let w = START_WORDS[i].0;
        let first = w[0];
        assert!(w.len() <= START_MAX && first.is_ascii_lowercase());
        t[start_group(w.len(), first)] |= 1 << letter_bit(w[w.len() - 1]);
        i += 1;
    }
    t
};

const fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        (b - b'a') as u32
    } else {
        26
    }
}

/// [`letter_bit`] of every byte lowercased, as a table: one load instead of the arithmetic, at
/// every word.
static LETTER_BIT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = letter_bit((b as u8).to_ascii_lowercase()) as u8;
        b += 1;
    }
    t
};

/// The rules that may take the token `s` of kind `kind`: an exact prefilter for
/// [`Parser::parse_at`], which tries only these. A word needs to be one of [`START_WORDS`]
/// (any case), a hyphenated month range (`Januari-Maret`), or, for the weekday rule's Unicode
/// lowercasing (`K` the Kelvin sign, `Jum’at`), a word with non-ASCII letters; the last two
/// may start any rule.
fn rules_of(kind: Kind, s: &str) -> u16 {
    let b = s.as_bytes();
    match kind {
        Kind::Punct => 0,
        Kind::Num if b.iter().all(u8::is_ascii_digit) => digit_rules(b.len()),
        Kind::Num => rule::NUM,
        Kind::Word if b.iter().any(|&c| c >= 0x80 || c == b'-') => rule::WORD,
        Kind::Word => start_rules(b),
    }
}

/// [`rules_of`] a number of `len` ASCII digits alone.
fn digit_rules(len: usize) -> u16 {
    rule::DIGITS.get(len).copied().unwrap_or(0)
}

/// [`rules_of`] a word with neither non-ASCII bytes nor hyphens. (Inlined into the tokenizer,
/// which calls it for every such word.)
#[inline]
fn start_rules(b: &[u8]) -> u16 {
    if b.is_empty() || b.len() > START_MAX {
        return 0;
    }
    let first = LETTER_BIT[usize::from(b[0])];
    if first == 26 {
        return 0;
    }
    let group = start_group(b.len(), b'a' + first);
    let last = LETTER_BIT[usize::from(b[b.len() - 1])];
    if START_SHAPES[group] & (1 << last) == 0 {
        return 0;
    }
    // Most words that pass differ from each of their group (all of their length) at the
    // second byte.
    let words = &START_SORTED[START_FROM[group] as usize..START_FROM[group + 1] as usize];
    let same = |w: &[u8]| w.iter().zip(b).all(|(l, c)| c.to_ascii_lowercase() == *l);
    words.iter().find(|w| same(w.0)).map_or(0, |w| w.1)
}

/// [`START_WORDS`] in the order of their groups (length, then first letter), so that a word
/// is compared only with the few of its own group.
const START_SORTED: [(&[u8], u16); START_WORDS.len()] = {
    let mut words = [(&[] as &[u8], 0u16); START_WORDS.len()];
    let mut i = 0;
    while i < words.len() {
        words[i] = START_WORDS[i];
        // Insertion sort: the only sort a constant can run.
        let mut j = i;
        while j > 0 && word_group(words[j - 1].0) > word_group(words[j].0) {
            let t = words[j];
            words[j] = words[j - 1];
            words[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    words
};

/// The group of a lowercase word.
const fn word_group(w: &[u8]) -> usize {
    start_group(w.len(), w[0])
}

/// Where each group starts in [`START_SORTED`]; it ends where the next one starts.
const START_FROM: [u8; START_GROUPS + 1] = {
    let mut from = [0u8; START_GROUPS + 1];
    let mut i = 0;
    while i < START_SORTED.len() {
        from[word_group(START_SORTED[i].0) + 1] += 1;
        i += 1;
    }
    let mut g = 0;
    while g < START_GROUPS {
        from[g + 1] += from[g];
        g += 1;
    }
    from
};

/// A word lowercased as by `str::to_ascii_lowercase`, on the stack: the lexicon lookups run
/// at many tokens and must not allocate. Every word they know is shorter than [`Lower::CAP`]
/// bytes, so a longer word gets no lowercase form and matches nothing, as before.
struct Lower {
    buf: [u8; Lower::CAP],
    len: usize,
}

impl Lower {
    const CAP: usize = 16;

    fn new(word: &str) -> Option<Lower> {
        let b = word.as_bytes();
        if b.len() > Self::CAP {
            return None;
        }
        let mut buf = [0u8; Self::CAP];
        buf[..b.len()].copy_from_slice(b);
        buf[..b.len()].make_ascii_lowercase();
        Some(Lower { buf, len: b.len() })
    }

    /// The lowercase bytes: the lookups match them against byte strings, which spares
    /// re-validating UTF-8 that ASCII lowercasing cannot break.
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MonthForm {
    Full,
    Abbr,
    English,
}

fn month_of(word: &str) -> Option<(i8, MonthForm)> {
    use MonthForm::{Abbr, English, Full};
    if word.len() > 9 {
        return None;
    }
    let m = match Lower::new(word)?.as_bytes() {
        b"januari" => (1, Full),
        b"februari" | b"pebruari" | b"febuari" => (2, Full),
        b"maret" => (3, Full),
        b"april" => (4, Full),
        b"mei" => (5, Full),
        b"juni" => (6, Full),
        b"juli" => (7, Full),
        b"agustus" => (8, Full),
        b"september" => (9, Full),
        b"oktober" => (10, Full),
        b"november" | b"nopember" => (11, Full),
        b"desember" => (12, Full),
        b"jan" => (1, Abbr),
        b"feb" | b"peb" => (2, Abbr),
        b"mar" => (3, Abbr),
        b"apr" => (4, Abbr),
        b"jun" => (6, Abbr),
        b"jul" => (7, Abbr),
        b"agu" | b"agt" | b"ags" | b"agus" | b"aug" => (8, Abbr),
        b"sep" | b"sept" => (9, Abbr),
        b"okt" | b"oct" => (10, Abbr),
        b"nov" => (11, Abbr),
        b"des" | b"dec" => (12, Abbr),
        b"january" => (1, English),
        b"february" => (2, English),
        b"march" => (3, English),
        b"may" => (5, English),
        b"june" => (6, English),
        b"july" => (7, English),
        b"august" => (8, English),
        b"october" => (10, English),
        b"december" => (12, English),
        _ => return None,
    };
    Some(m)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    if word.len() > 8 {
        return None;
    }
    let ascii;
    let unicode;
    let w = if word.is_ascii() {
        ascii = Lower::new(word)?;
        ascii.as_bytes()
    } else {
        unicode = word.to_lowercase().replace('’', "'");
        unicode.as_bytes()
    };
    Some(match w {
        b"senin" => Weekday::Monday,
        b"selasa" => Weekday::Tuesday,
        b"rabu" => Weekday::Wednesday,
        b"kamis" => Weekday::Thursday,
        b"jumat" | b"jum'at" => Weekday::Friday,
        b"sabtu" => Weekday::Saturday,
        b"minggu" | b"ahad" => Weekday::Sunday,
        _ => return None,
    })
}

fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match Lower::new(word)?.as_bytes() {
        b"pagi" => "pagi",
        b"siang" => "siang",
        b"sore" => "sore",
        b"malam" => "malam",
        b"petang" => "sore",
        b"subuh" => "pagi",
        _ => return None,
    })
}

fn approx_of(word: &str) -> Option<&'static str> {
    Some(match Lower::new(word)?.as_bytes() {
        b"awal" => "awal",
        b"akhir" | b"penghujung" => "akhir",
        b"pertengahan" | b"medio" => "pertengahan",
        _ => return None,
    })
}

fn zone_of(word: &str) -> Option<&'static str> {
    Some(match Lower::new(word)?.as_bytes() {
        b"wib" => "WIB",
        b"wita" => "WITA",
        b"wit" => "WIT",
        b"utc" => "UTC",
        b"gmt" => "GMT",
        b"kst" => "KST",
        b"jst" => "JST",
        b"cet" => "CET",
        b"cest" => "CEST",
        b"bst" => "BST",
        b"est" => "EST",
        b"edt" => "EDT",
        b"pst" => "PST",
        b"pdt" => "PDT",
        _ => return None,
    })
}

/// Calendar unit of a relative expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match Lower::new(word)?.as_bytes() {
        b"hari" => Unit::Day,
        b"pekan" | b"minggu" => Unit::Week,
        b"bulan" => Unit::Month,
        b"tahun" => Unit::Year,
        b"dekade" | b"dasawarsa" => Unit::Decade,
        _ => return None,
    })
}

/// `sehari`, `sepekan`, ...: one unit.
fn se_unit(word: &str) -> Option<Unit> {
    Some(match Lower::new(word)?.as_bytes() {
        b"sehari" => Unit::Day,
        b"sepekan" | b"seminggu" => Unit::Week,
        b"sebulan" => Unit::Month,
        b"setahun" => Unit::Year,
        b"sedekade" | b"sedasawarsa" => Unit::Decade,
        _ => return None,
    })
}

/// A digit's name, lowercase.
fn digit_word(word: &[u8]) -> Option<i32> {
    Some(match word {
        b"satu" => 1,
        b"dua" => 2,
        b"tiga" => 3,
        b"empat" => 4,
        b"lima" => 5,
        b"enam" => 6,
        b"tujuh" => 7,
        b"delapan" => 8,
        b"sembilan" => 9,
        _ => return None,
    })
}

/// Words that make a following bare year or month a time (`pada 2018`, `sejak Maret`).
const PREP_CUES: &[&str] = &[
    "pada",
    "sejak",
    "hingga",
    "sampai",
    "selama",
    "sepanjang",
    "periode",
    "per",
    "dari",
    "mulai",
    "jelang",
    "menjelang",
    "sebelum",
    "setelah",
    "usai",
    "pasca",
    "antara",
    "medio",
    "awal",
    "akhir",
    "pertengahan",
    "penghujung",
    "tanggal",
    "tgl",
];

/// Words before an expression that make a yearless month or weekday look forward.
const FUTURE_CUES: &[&str] = &[
    "akan",
    "bakal",
    "hendak",
    "dijadwalkan",
    "rencananya",
    "direncanakan",
    "berencana",
];

/// Nouns after a number that show it counts things, not years (`2000 orang`).
const UNIT_NOUNS: &[&str] = &[
    "orang",
    "unit",
    "ton",
    "kg",
    "persen",
    "jiwa",
    "rumah",
    "kasus",
    "buah",
    "ekor",
    "meter",
    "km",
    "hektare",
    "hektar",
    "ha",
    "peserta",
    "siswa",
    "kendaraan",
    "mobil",
    "kali",
    "lembar",
    "batang",
    "butir",
    "kursi",
    "suara",
    "personel",
    "pasukan",
    "warga",
    "keluarga",
    "poin",
    "dolar",
    "rupiah",
    "juta",
    "miliar",
    "triliun",
    "ribu",
    "mw",
    "km2",
    "liter",
    "barel",
];

// ---------------------------------------------------------------------------------------------
// Candidates

/// How a yearless or weekday-only expression is placed relative to the reference date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Dir {
    /// The latest on or before the reference date (news reports the past).
    #[default]
    OnOrBefore,
    /// Strictly before (`Rabu lalu`).
    Before,
    /// On or after (`akan ... Rabu`).
    OnOrAfter,
    /// Strictly after (`Rabu mendatang`, `Senin depan`).
    After,
}

/// What an expression denotes, before resolution against the reference date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Val {
    /// Recognised but not resolvable (`beberapa hari lalu`).
    #[default]
    Unknown,
    Day {
        y: Option<i16>,
        m: i8,
        d: i8,
    },
    Month {
        y: Option<i16>,
        m: i8,
    },
    Year(i16),
    /// Reference date plus n days / weeks / months / years.
    RelDays(i32),
    RelWeeks(i32),
    RelMonths(i32),
    RelYears(i32),
    /// A month in the year `n` years from the reference year (`Maret tahun lalu`).
    MonthOfRelYear(i8, i32),
    /// A weekday alone; resolved by direction.
    Weekday,
    /// A weekday in the ISO week `n` weeks from the reference week (`Senin pekan depan`).
    WeekdayInWeek(i32),
    /// A clock time alone; dated from its sentence afterwards.
    Clock,
}

#[derive(Clone, Debug, Default)]
struct Cand {
    /// First token.
    start: usize,
    /// One past the last token.
    end: usize,
    val: Val,
    end_val: Option<Val>,
    weekday: Option<Weekday>,
    dir: Dir,
    clock: Option<(i8, i8)>,
    zone: Option<&'static str>,
    part: Option<&'static str>,
    approx: Option<&'static str>,
    /// The last element is a written-out date (`19 Juni 2024`): `waktu setempat` stays outside.
    ends_in_text_date: bool,
}

impl Cand {
    fn new(start: usize, end: usize, val: Val) -> Cand {
        Cand {
            start,
            end,
            val,
            ..Cand::default()
        }
    }

    /// Whether the expression is at day precision, so a clock time may follow it.
    fn is_day_level(&self) -> bool {
        matches!(
            self.val,
            Val::Day { .. } | Val::RelDays(_) | Val::Weekday | Val::WeekdayInWeek(_)
        ) && self.end_val.is_none()
    }
}

/// A parsed clock time and where it ends.
struct Clock {
    end: usize,
    hm: (i8, i8),
    zone: Option<&'static str>,
    part: Option<&'static str>,
}

struct Parser<'t, 'a> {
    text: &'t str,
    toks: &'a [Tok],
}

impl<'t> Parser<'t, '_> {
    // --- token access ---------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn text_of(&self, t: &Tok) -> &'t str {
        &self.text[t.start..t.end]
    }

    fn word(&self, i: usize) -> Option<&'t str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| self.text_of(t))
    }

    /// Whether token `i` is a word equal to one of `words` (lowercase), ignoring case.
    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    /// Whether token `i` is one of the punctuation marks `chars`.
    fn is_punct(&self, i: usize, chars: &str) -> bool {
        // A punctuation token is one character: compared as one, without a substring search.
        let mark = |t: &Tok| self.text_of(t).chars().next();
        self.tok(i)
            .filter(|t| t.kind == Kind::Punct)
            .and_then(mark)
            .is_some_and(|m| chars.chars().any(|c| c == m))
    }

    fn num(&self, i: usize) -> Option<&'t str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Num)
            .map(|t| self.text_of(t))
    }

    fn int(&self, i: usize) -> Option<i32> {
        self.num(i).and_then(plain_int)
    }

    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && self.is(i - 1, words)
    }

    /// Whether token `i` opens a sentence (start of text or after `.`, `!`, `?`, a newline).
    fn sentence_initial(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let before = self.text[..t.start].trim_end_matches([' ', '\t', '"', '“', '\'']);
        before.is_empty()
            || before.ends_with(['.', '!', '?', '\n', ':'])
            || self.text[..t.start].ends_with('\n')
    }

    // --- top level --------------------------------------------------------------------------

    /// The longest expression starting at token `i`. (Inlined: the callers skip most tokens
    /// on their rules alone.)
    #[inline]
    fn parse_at(&self, i: usize) -> Option<Cand> {
        let rules = self.tok(i)?.rules;
        if rules == 0 {
            return None;
        }
        self.parse_with(i, rules)
    }

    /// The longest expression starting at token `i` that one of `rules` (bits of [`rule`])
    /// finds.
    fn parse_with(&self, i: usize, rules: u16) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut consider = |c: Option<Cand>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.end > b.end)
            {
                best = Some(c);
            }
        };
        let on = |r: u16| rules & r != 0;
        if on(rule::NUMERIC_DATE) {
            consider(self.numeric_date(i));
        }
        if on(rule::DAY_MONTH) {
            consider(self.day_month(i));
        }
        if on(rule::APPROX) {
            consider(self.approx_expr(i));
        }
        if on(rule::WEEKDAY) {
            consider(self.weekday_expr(i));
        }
        if on(rule::MONTH) {
            consider(self.month_expr(i, false));
        }
        if on(rule::YEAR) {
            consider(self.year_expr(i, false));
        }
        if on(rule::RELATIVE) {
            consider(self.relative(i));
        }
        if on(rule::COUNTED) {
            consider(self.counted_relative(i));
        }
        if on(rule::CLOCK) {
            consider(self.clock_expr(i));
        }
        if on(rule::TANGGAL) {
            consider(self.tanggal(i));
        }
        let mut c = best?;
        self.join_range(&mut c);
        self.tail(&mut c);
        self.apply_future_cue(&mut c);
        Some(c)
    }

    /// Adds what may follow a day-level expression: a part of the day, `waktu setempat`, a
    /// clock time.
    fn tail(&self, c: &mut Cand) {
        if !c.is_day_level() {
            return;
        }
        // `hari ini (17/11)`: the bracketed date is the day meant.
        if matches!(c.val, Val::RelDays(_))
            && self.is_punct(c.end, "(")
            && let Some(s) = self.num(c.end + 1)
            && self.is_punct(c.end + 2, ")")
            && let Some((y, m, d)) = parse_numeric_date(s, true)
        {
            c.val = Val::Day { y, m, d };
            c.end += 3;
        }
        if c.part.is_none()
            && c.clock.is_none()
            && let Some((p, n)) = self.part_at(c.end)
        {
            c.part = p;
            c.end += n;
            c.ends_in_text_date = false;
            self.zone_after_part(c);
        }
        if c.clock.is_none() {
            let mut at = if self.is_punct(c.end, ",") {
                c.end + 1
            } else {
                c.end
            };
            if self.is(at, &["sekitar"]) && self.is(at + 1, &["pukul", "jam"]) {
                at += 1;
            }
            if let Some(k) = self.clock(at) {
                c.end = k.end;
                c.clock = Some(k.hm);
                c.zone = k.zone.or(c.zone);
                c.part = k.part.or(c.part);
                c.ends_in_text_date = false;
            }
        }
        if c.zone.is_none() && !c.ends_in_text_date && self.waktu_setempat(c.end) {
            c.end += 2;
            c.zone = Some("local");
        }
    }

    /// A part of the day at token `i` and how many tokens it takes. `dini hari` has no value in
    /// the contract's list but belongs to the span; `malam hari` is generic and not taken.
    fn part_at(&self, i: usize) -> Option<(Option<&'static str>, usize)> {
        if self.is(i, &["dini"]) && self.is(i + 1, &["hari"]) {
            return Some((None, 2));
        }
        if self.is(i, &["dinihari"]) {
            return Some((None, 1));
        }
        let p = self.word(i).and_then(part_of_day)?;
        if self.is(i + 1, &["hari"]) {
            return None;
        }
        Some((Some(p), 1))
    }

    /// `Minggu (28/5) dini hari WIB`: a zone right after a part of the day.
    fn zone_after_part(&self, c: &mut Cand) {
        if c.zone.is_none()
            && let Some(z) = self.word(c.end).and_then(zone_of)
        {
            c.zone = Some(z);
            c.end += 1;
        }
    }

    /// `1 Januari 2010 hingga 30 Juni 2016`, `Juni 2016 - Juni 2017`: two dated ends of the same
    /// precision make one range.
    fn join_range(&self, c: &mut Cand) {
        let explicit = |v: &Val| {
            matches!(
                v,
                Val::Day { y: Some(_), .. } | Val::Month { y: Some(_), .. }
            )
        };
        if c.end_val.is_some() || !explicit(&c.val) {
            return;
        }
        let Some(sep) = self.range_sep(c.end) else {
            return;
        };
        let k = c.end + sep;
        let next = [
            self.day_month(k),
            self.numeric_date(k),
            self.month_expr(k, true),
        ]
        .into_iter()
        .flatten()
        .filter(|n| n.end_val.is_none() && explicit(&n.val))
        .filter(|n| std::mem::discriminant(&n.val) == std::mem::discriminant(&c.val))
        .max_by_key(|n| n.end);
        if let Some(n) = next {
            c.end_val = Some(n.val);
            c.end = n.end;
            c.ends_in_text_date = n.ends_in_text_date;
        }
    }

    /// A range connector at token `i` (`-`, `hingga`, `sampai dengan`, `s/d`, `s.d.`) and how
    /// many tokens it takes.
    fn range_sep(&self, i: usize) -> Option<usize> {
        if self.is_punct(i, "-–") {
            return Some(1);
        }
        if self.is(i, &["hingga", "sampai"]) {
            return Some(if self.is(i + 1, &["dengan"]) { 2 } else { 1 });
        }
        if self.is(i, &["s", "sd"]) && self.is_punct(i + 1, "/.") && self.is(i + 2, &["d"]) {
            return Some(if self.is_punct(i + 3, ".") { 4 } else { 3 });
        }
        None
    }

    fn waktu_setempat(&self, i: usize) -> bool {
        self.is(i, &["waktu"]) && self.is(i + 1, &["setempat"])
    }

    /// Looks a few words back in the sentence for `akan` and the like.
    fn apply_future_cue(&self, c: &mut Cand) {
        if c.dir != Dir::OnOrBefore {
            return;
        }
        let mut k = c.start;
        for _ in 0..8 {
            if k == 0 || self.is_punct(k - 1, ".!?") {
                return;
            }
            k -= 1;
            if self.is(k, FUTURE_CUES) {
                c.dir = Dir::OnOrAfter;
                return;
            }
        }
    }

    /// Direction cue after an expression: `lalu`, `mendatang`, ...; returns the direction and
    /// how many tokens it takes.
    fn direction_after(&self, i: usize) -> Option<(Dir, usize)> {
        if self.is(i, &["lalu", "kemarin", "silam"]) {
            return Some((Dir::Before, 1));
        }
        if self.is(i, &["mendatang", "depan", "nanti"]) {
            return Some((Dir::After, 1));
        }
        if self.is(i, &["yang"]) && self.is(i + 1, &["lalu", "akan"]) {
            if self.is(i + 1, &["lalu"]) {
                return Some((Dir::Before, 2));
            }
            if self.is(i + 2, &["datang"]) {
                return Some((Dir::After, 3));
            }
        }
        None
    }

    // --- dates ------------------------------------------------------------------------------

    /// `19/06/2024`, `19-06-2024`, `2016-08-19`; `8/12/09` only between brackets.
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        let s = self.num(i)?;
        let bracketed = i > 0 && self.is_punct(i - 1, "(") && self.is_punct(i + 1, ")");
        let (y, m, d) = parse_numeric_date(s, bracketed)?;
        // `(27/3)` is only a date after a weekday; see `weekday_expr`.
        let y = Some(y?);
        Some(Cand::new(i, i + 1, Val::Day { y, m, d }))
    }

    /// `19 Juni 2024`, `16 Agustus lalu`, `10 hingga 11 Oktober 2008`, `10-12 Agustus`,
    /// `30 Juni - 2 Juli 2016`.
    fn day_month(&self, i: usize) -> Option<Cand> {
        let s = self.num(i)?;
        let (d1, d2, mut j) = if let Some((a, b)) = s.split_once(['-', '–']) {
            (plain_int(a)?, Some(plain_int(b)?), i + 1)
        } else {
            let d1 = plain_int(s)?;
            if let Some(sep) = self.range_sep(i + 1) {
                let k = i + 1 + sep;
                match self.int(k) {
                    Some(d2) if month_of(self.word(k + 1).unwrap_or("")).is_some() => {
                        (d1, Some(d2), k + 1)
                    }
                    _ => (d1, None, i + 1),
                }
            } else {
                (d1, None, i + 1)
            }
        };
        let valid_day = |d: i32| (1..=31).contains(&d) && s.len() <= 5;
        if !valid_day(d1) || d2.is_some_and(|d| !valid_day(d) || d <= d1) {
            return None;
        }
        let (m1, _) = month_of(self.word(j)?)?;
        j += 1;
        // `30 Juni - 2 Juli 2016`
        let mut second: Option<(i32, i8)> = d2.map(|d| (d, m1));
        if d2.is_none()
            && let Some(sep) = self.range_sep(j)
            && let Some(d) = self.int(j + sep).filter(|d| valid_day(*d))
            && let Some((m2, _)) = self.word(j + sep + 1).and_then(month_of)
        {
            second = Some((d, m2));
            j += sep + 2;
        }
        let year = self.year_at(j);
        if year.is_some() {
            j += 1;
            // `12 Juni 2017 lalu`
            if self.is(j, &["lalu", "silam"]) {
                j += 1;
            }
        }
        let mut c = Cand::new(
            i,
            j,
            Val::Day {
                y: year,
                m: m1,
                d: d1 as i8,
            },
        );
        c.end_val = second.map(|(d, m)| Val::Day {
            y: year,
            m,
            d: d as i8,
        });
        c.ends_in_text_date = true;
        if year.is_none()
            && let Some((dir, n)) = self.direction_after(j)
        {
            c.end += n;
            c.dir = match dir {
                Dir::Before => Dir::OnOrBefore,
                _ => Dir::OnOrAfter,
            };
            c.ends_in_text_date = false;
        }
        Some(c)
    }

    /// A 4-digit year at token `i` (1500–2099), not followed by a count noun.
    fn year_at(&self, i: usize) -> Option<i16> {
        let y = self.int(i).filter(|y| (1500..=2099).contains(y))?;
        if self.num(i)?.len() != 4 || self.is(i + 1, UNIT_NOUNS) {
            return None;
        }
        Some(y as i16)
    }

    /// `tanggal 17` (a day of a yearless month) and `tanggal 17 Agustus`.
    fn tanggal(&self, i: usize) -> Option<Cand> {
        if !self.is(i, &["tanggal", "tgl"]) {
            return None;
        }
        if let Some(mut c) = self.day_month(i + 1).or_else(|| self.numeric_date(i + 1)) {
            c.start = i;
            return Some(c);
        }
        let d = self.int(i + 1).filter(|d| (1..=31).contains(d))?;
        if self.is(i + 2, UNIT_NOUNS) {
            return None;
        }
        Some(Cand::new(
            i,
            i + 2,
            Val::Day {
                y: None,
                m: 0,
                d: d as i8,
            },
        ))
    }

    /// `[bulan] Maret [2024 | lalu | tahun lalu]`, `Januari-Maret 2016`, `June 19, 2024`.
    fn month_expr(&self, i: usize, cued: bool) -> Option<Cand> {
        let has_bulan = self.is(i, &["bulan"]);
        let at = if has_bulan { i + 1 } else { i };
        let w = self.word(at)?;
        // `Januari-Maret` is one token.
        let (m1, form, m2) = match w.split_once(['-', '–']) {
            Some((a, b)) => {
                let (m1, f) = month_of(a)?;
                (m1, f, Some(month_of(b)?.0))
            }
            None => {
                let (m1, f) = month_of(w)?;
                (m1, f, None)
            }
        };
        let mut j = at + 1;
        let mut m2 = m2;
        if m2.is_none()
            && let Some(sep) = self.range_sep(j)
            && let Some((m, _)) = self.word(j + sep).and_then(month_of)
            && self.year_at(j + sep + 1).is_some()
        {
            m2 = Some(m);
            j += sep + 1;
        }
        // English order: `June 19, 2024`.
        if m2.is_none()
            && let Some(d) = self.int(j).filter(|d| (1..=31).contains(d))
            && self.is_punct(j + 1, ",")
            && let Some(y) = self.year_at(j + 2)
            && is_capitalised(w)
        {
            let mut c = Cand::new(
                i,
                j + 3,
                Val::Day {
                    y: Some(y),
                    m: m1,
                    d: d as i8,
                },
            );
            c.ends_in_text_date = true;
            return Some(c);
        }
        let capital_ok = is_capitalised(w) || has_bulan;
        let mut c = Cand::new(i, j, Val::Month { y: None, m: m1 });
        if let Some(y) = self.year_at(j) {
            c.val = Val::Month { y: Some(y), m: m1 };
            c.end = j + 1;
            if self.is(c.end, &["lalu", "silam"]) {
                c.end += 1;
            }
        } else if self.is(j, &["tahun"])
            && let Some(off) = self.year_offset(j + 1)
        {
            c.val = Val::MonthOfRelYear(m1, off);
            c.end = j + 2;
        } else if self.is(j, &["tahun"])
            && let Some(y) = self.year_at(j + 1)
        {
            c.val = Val::Month { y: Some(y), m: m1 };
            c.end = j + 2;
        } else if let Some((dir, n)) = self.direction_after(j) {
            c.end = j + n;
            c.dir = match dir {
                Dir::Before => Dir::OnOrBefore,
                _ => Dir::OnOrAfter,
            };
        } else if self.is(j, &["ini"]) {
            c.val = Val::MonthOfRelYear(m1, 0);
            c.end = j + 1;
        } else {
            // A month standing alone needs a cue and, unless after `bulan`, a capital.
            let cue = has_bulan || cued || self.prev_is(i, PREP_CUES);
            if !cue || !capital_ok || form != MonthForm::Full {
                return None;
            }
        }
        let has_year = !matches!(c.val, Val::Month { y: None, .. });
        if form != MonthForm::Full && !(has_year && is_capitalised(w)) {
            return None;
        }
        if !capital_ok && !has_year {
            return None;
        }
        if let Some(m2) = m2 {
            c.end_val = Some(match c.val {
                Val::Month { y, .. } => Val::Month { y, m: m2 },
                Val::MonthOfRelYear(_, off) => Val::MonthOfRelYear(m2, off),
                _ => return None,
            });
        }
        Some(c)
    }

    /// `ini`, `lalu`, `depan` after `tahun`: the offset in years.
    fn year_offset(&self, i: usize) -> Option<i32> {
        if self.is(i, &["ini"]) {
            Some(0)
        } else if self.is(i, &["lalu", "kemarin"]) {
            Some(-1)
        } else if self.is(i, &["depan", "mendatang"]) {
            Some(1)
        } else {
            None
        }
    }

    /// `tahun 2022`, `pada 2018` (span without `pada`), `1999-2004`, `2010 hingga 2015`,
    /// `2015 lalu`.
    fn year_expr(&self, i: usize, cued: bool) -> Option<Cand> {
        let has_tahun = self.is(i, &["tahun"]);
        let at = if has_tahun { i + 1 } else { i };
        let s = self.num(at)?;
        // `Nomor 12 Tahun 2011` names a regulation.
        if at >= 2 && self.is(at - 1, &["tahun"]) && self.num(at - 2).is_some() {
            return None;
        }
        let (y1, mut y2, mut j) = match s.split_once(['-', '–', '/']) {
            Some((a, b)) => {
                let y1 = plain_int(a).filter(|_| a.len() == 4)?;
                let y2 = plain_int(b).filter(|_| b.len() == 4)?;
                if s.contains('/') && !has_tahun {
                    return None;
                }
                (y1, Some(y2), at + 1)
            }
            None => (self.year_at(at)? as i32, None, at + 1),
        };
        if y2.is_none()
            && let Some(sep) = self.range_sep(j)
            && let Some(b) = self.year_at(j + sep)
        {
            y2 = Some(b as i32);
            j += sep + 1;
        }
        let in_range = |y: i32| (1900..=2099).contains(&y);
        let range_ok = y2.is_some_and(|b| in_range(y1) && in_range(b) && b > y1 && b - y1 <= 100);
        if y2.is_some() && !range_ok {
            return None;
        }
        // `2000 - an` is a decade, which the contract has no value for.
        if self.is(j, UNIT_NOUNS) || (self.is_punct(j, "-–") && self.is(j + 1, &["an"])) {
            return None;
        }
        let mut c = Cand::new(i, j, Val::Year(y1 as i16));
        c.end_val = y2.map(|b| Val::Year(b as i16));
        let after = self.is(j, &["lalu", "silam", "mendatang", "nanti"]);
        if after {
            c.end += 1;
        } else if self.is(j, &["yang"]) && self.is(j + 1, &["lalu"]) {
            c.end += 2;
        }
        let cue = has_tahun || cued || self.prev_is(i, PREP_CUES) || self.prev_is(i, &["tahun"]);
        if !(cue || after || range_ok) {
            return None;
        }
        if !has_tahun && !(1500..=2099).contains(&y1) {
            return None;
        }
        Some(c)
    }

    // --- weekdays ---------------------------------------------------------------------------

    /// `Rabu`, `Rabu pagi`, `Kamis (25/9/2014)`, `Senin, 19 Juni 2024`, `Rabu lalu`,
    /// `Senin pekan depan`, `Jumat waktu setempat`, `hari Minggu`.
    fn weekday_expr(&self, i: usize) -> Option<Cand> {
        let has_hari = self.is(i, &["hari"]);
        let at = if has_hari { i + 1 } else { i };
        let w = self.word(at)?;
        let wd = weekday_of(w)?;
        if !has_hari && !is_capitalised(w) {
            return None;
        }
        // `Pasar Minggu` is a place in Jakarta; `salat Jumat` is a prayer.
        if !has_hari && self.prev_is(at, &["pasar", "salat", "sholat", "shalat"]) {
            return None;
        }
        let is_minggu = w.eq_ignore_ascii_case("minggu");
        // `minggu lalu` is last week; `Minggu lalu` mid-sentence is last Sunday.
        if is_minggu
            && !has_hari
            && self.is(at + 1, &["lalu", "ini", "depan", "mendatang", "kemarin"])
            && (!is_capitalised(w) || self.sentence_initial(at))
        {
            return None;
        }
        let mut c = Cand::new(i, at + 1, Val::Weekday);
        c.weekday = Some(wd);
        let mut j = at + 1;
        if let Some((p, n)) = self.part_at(j) {
            c.part = p;
            j += n;
            if let Some(z) = self.word(j).and_then(zone_of) {
                c.zone = Some(z);
                j += 1;
            }
        }
        c.end = j;
        // A date after the weekday.
        let k = if self.is_punct(j, ",") { j + 1 } else { j };
        if self.is_punct(k, "(")
            && let Some(s) = self.num(k + 1)
            && self.is_punct(k + 2, ")")
            && let Some((y, m, d)) = parse_numeric_date(s, true)
        {
            c.val = Val::Day { y, m, d };
            c.end = k + 3;
            if c.part.is_none()
                && let Some((p, n)) = self.part_at(c.end)
            {
                c.part = p;
                c.end += n;
                self.zone_after_part(&mut c);
            }
            // `Senin (26/2) kemarin`: the cue belongs to the expression.
            if let Some((dir, n)) = self.direction_after(c.end) {
                c.end += n;
                c.dir = match dir {
                    Dir::Before | Dir::OnOrBefore => Dir::OnOrBefore,
                    _ => Dir::OnOrAfter,
                };
            }
            return Some(c);
        }
        if let Some(date) = self.day_month(k).or_else(|| self.numeric_date(k))
            && date.end_val.is_none()
        {
            c.val = date.val;
            c.dir = date.dir;
            c.end = date.end;
            c.ends_in_text_date = date.ends_in_text_date;
            return Some(c);
        }
        if self.is(j, &["pekan", "minggu"])
            && let Some(off) = self.year_offset(j + 1)
        {
            c.val = Val::WeekdayInWeek(off);
            c.end = j + 2;
        } else if let Some((dir, n)) = self.direction_after(j) {
            c.dir = dir;
            c.end = j + n;
        } else if self.is(j, &["ini"]) {
            c.dir = Dir::OnOrAfter;
            c.end = j + 1;
        }
        // `Minggu` alone at a sentence start is too often `minggu` (week) to trust.
        if is_minggu && c.end == at + 1 && !has_hari && self.sentence_initial(at) {
            return None;
        }
        Some(c)
    }

    // --- relative ---------------------------------------------------------------------------

    /// `kemarin`, `hari ini`, `besok`, `lusa`, `tadi malam`, `pagi ini`, `pekan lalu`,
    /// `bulan depan`, `tahun ini`.
    fn relative(&self, i: usize) -> Option<Cand> {
        let word = self.word(i)?;
        let lower = Lower::new(word)?;
        let w = lower.as_bytes();
        let day = |n: i32, len: usize, part: Option<&'static str>| {
            let mut c = Cand::new(i, i + len, Val::RelDays(n));
            c.part = part;
            Some(c)
        };
        let next_part = self.word(i + 1).and_then(part_of_day);
        match w {
            // `pemilu kemarin` is the latest election, not yesterday's.
            b"kemarin" if self.prev_is(i, &["pemilu", "pilkada", "pilpres", "pileg", "musim"]) => {
                None
            }
            b"kemarin" if self.is(i + 1, &["lusa", "dulu"]) => day(-2, 2, None),
            b"kemarin" => match next_part {
                Some(p) => day(-1, 2, Some(p)),
                None => day(-1, 1, None),
            },
            // `beberapa hari ini` is a recent stretch, not today.
            b"hari" if self.is(i + 1, &["ini"]) && i > 0 && self.count(i - 1).is_some() => None,
            b"hari" if self.is(i + 1, &["ini"]) => day(0, 2, None),
            b"besok" | b"esok" => {
                let skip = usize::from(self.is(i + 1, &["hari"]));
                match self.word(i + 1 + skip).and_then(part_of_day) {
                    Some(p) => day(1, 2 + skip, Some(p)),
                    None => day(1, 1 + skip, None),
                }
            }
            b"lusa" => day(2, 1, None),
            b"tadi" | b"nanti" => {
                let p = next_part?;
                let n = if w == b"tadi" && p == "malam" { -1 } else { 0 };
                day(n, 2, Some(p))
            }
            b"semalam"
                if !self.prev_is(i, &["selama", "menginap", "bermalam", "hanya", "cuma"]) =>
            {
                day(-1, 1, Some("malam"))
            }
            b"pagi" | b"siang" | b"sore" | b"malam" => {
                let p = part_of_day(word);
                if self.is(i + 1, &["ini", "nanti"]) {
                    day(0, 2, p)
                } else if self.is(i + 1, &["tadi"]) {
                    day(if w == b"malam" { -1 } else { 0 }, 2, p)
                } else {
                    None
                }
            }
            b"pekan" | b"minggu" | b"bulan" | b"tahun" => {
                let off = self.year_offset(i + 1)?;
                // `bek 32 tahun ini` is an age, not this year.
                if i > 0 && (self.num(i - 1).is_some() || self.count(i - 1).is_some()) {
                    return None;
                }
                let val = match unit_of(word)? {
                    Unit::Week => Val::RelWeeks(off),
                    Unit::Month => Val::RelMonths(off),
                    _ => Val::RelYears(off),
                };
                Some(Cand::new(i, i + 2, val))
            }
            _ => None,
        }
    }

    /// `dua hari lalu`, `24 tahun lalu`, `sepekan lalu`, `tiga bulan mendatang`,
    /// `beberapa hari lalu` (no value), `dua tahun kemudian` (no value).
    fn counted_relative(&self, i: usize) -> Option<Cand> {
        let (n, unit, mut k) = match self.word(i).and_then(se_unit) {
            Some(u) => (Some(1), u, i + 1),
            None => {
                let (n, j) = self.count(i)?;
                (n, unit_of(self.word(j)?)?, j + 1)
            }
        };
        if self.is(k, &["yang"]) {
            k += 1;
        }
        let sign = if self.is(k, &["lalu", "silam", "kemarin"]) {
            -1
        } else if self.is(k, &["mendatang", "lagi"]) {
            1
        } else if self.is(k, &["kemudian", "sebelumnya", "setelahnya", "berikutnya"]) {
            0
        } else {
            return None;
        };
        let mut c = Cand::new(i, k + 1, Val::Unknown);
        if let Some(n) = n.filter(|_| sign != 0) {
            let n = n * sign;
            c.val = match unit {
                Unit::Day => Val::RelDays(n),
                Unit::Week => Val::RelWeeks(n),
                Unit::Month => Val::RelMonths(n),
                Unit::Year => Val::RelYears(n),
                Unit::Decade => Val::RelYears(n * 10),
            };
        }
        Some(c)
    }

    /// A count at token `i`: digits or number words; `None` inside for vague counts
    /// (`beberapa`). Returns the token after it.
    fn count(&self, i: usize) -> Option<(Option<i32>, usize)> {
        if let Some(n) = self.int(i) {
            return (1..=999).contains(&n).then_some((Some(n), i + 1));
        }
        let w = Lower::new(self.word(i)?)?;
        match w.as_bytes() {
            b"beberapa" | b"sejumlah" | b"belasan" | b"puluhan" | b"ratusan" | b"berapa" => {
                return Some((None, i + 1));
            }
            b"sepuluh" => return Some((Some(10), i + 1)),
            b"sebelas" => return Some((Some(11), i + 1)),
            b"seratus" => return Some((Some(100), i + 1)),
            _ => {}
        }
        let d = digit_word(w.as_bytes())?;
        let next = self.word(i + 1).and_then(Lower::new);
        match next.as_ref().map(Lower::as_bytes) {
            Some(b"belas") => Some((Some(10 + d), i + 2)),
            Some(b"puluh") => {
                let ones = self
                    .word(i + 2)
                    .and_then(Lower::new)
                    .and_then(|w| digit_word(w.as_bytes()));
                match ones {
                    Some(o) => Some((Some(d * 10 + o), i + 3)),
                    None => Some((Some(d * 10), i + 2)),
                }
            }
            _ => Some((Some(d), i + 1)),
        }
    }

    /// `awal tahun ini`, `akhir bulan lalu`, `pertengahan 2016`, `awal Juni`, `akhir pekan lalu`.
    fn approx_expr(&self, i: usize) -> Option<Cand> {
        let approx = approx_of(self.word(i)?)?;
        let inner = [
            self.relative(i + 1),
            self.month_expr(i + 1, true),
            self.year_expr(i + 1, true),
        ]
        .into_iter()
        .flatten()
        .filter(|c| !matches!(c.val, Val::RelDays(_)))
        .max_by_key(|c| c.end)?;
        let mut c = inner;
        c.start = i;
        c.approx = Some(approx);
        Some(c)
    }

    // --- clock times ------------------------------------------------------------------------

    /// `pukul 09.48 WIB`, `jam 10 pagi`; without `pukul`, `09:48`, `14.00 WITA`.
    fn clock_expr(&self, i: usize) -> Option<Cand> {
        let k = self.clock(i)?;
        let mut c = Cand::new(i, k.end, Val::Clock);
        c.clock = Some(k.hm);
        c.zone = k.zone;
        c.part = k.part;
        Some(c)
    }

    /// A clock time at token `i`. With `pukul`/`jam` any `H`, `H.MM`, `H:MM`; without, `HH:MM`
    /// or `HH.MM` followed by a zone.
    fn clock(&self, i: usize) -> Option<Clock> {
        let cued = self.is(i, &["pukul", "pkl", "pk", "jam"]);
        if self.is(i, &["jam"]) && i > 0 && self.num(i - 1).is_some() {
            // `3 jam 20 menit` is a duration.
            return None;
        }
        let at = if cued { i + 1 } else { i };
        let s = self.num(at)?;
        let (first, range_end) = match s.split_once(['-', '–']) {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        let hm = parse_hm(first, cued)?;
        if let Some(b) = range_end {
            parse_hm(b, cued)?;
        }
        let mut j = at + 1;
        // `pukul 10.00 hingga 12.00`
        if let Some(sep) = self.range_sep(j)
            && self.num(j + sep).and_then(|b| parse_hm(b, true)).is_some()
        {
            j += sep + 1;
        }
        let mut part = None;
        if let Some((p, n)) = self.part_at(j) {
            part = p;
            j += n;
        }
        let mut zone = self.word(j).and_then(zone_of);
        if zone.is_some() {
            j += 1;
        } else if self.waktu_setempat(j) {
            zone = Some("local");
            j += 2;
        }
        // `pukul 03.30 WIB dini hari`
        if part.is_none()
            && let Some((p, n)) = self.part_at(j)
        {
            part = p;
            j += n;
        }
        if !cued {
            let colon = first.contains(':') && first.len() == 5;
            let dotted = first.contains('.') && first.len() == 5;
            if !(colon || dotted && zone.is_some()) {
                return None;
            }
            if self.is(j, &["menit", "detik"]) {
                return None;
            }
        }
        if cued && self.is(j, &["menit", "detik"]) {
            return None;
        }
        Some(Clock {
            end: j,
            hm: to_24h(hm, part),
            zone,
            part,
        })
    }

    // --- datelines --------------------------------------------------------------------------

    /// Whether a candidate found near the start of a text is the article's dateline.
    fn is_dateline(&self, c: &Cand) -> bool {
        let numeric_or_weekday = c.weekday.is_some()
            || self
                .tok(c.start)
                .is_some_and(|t| t.kind == Kind::Num && self.text_of(t).contains(['/', '-']));
        let full = matches!(c.val, Val::Day { y: Some(_), .. });
        let written_free = full
            && !self.prev_is(c.start, PREP_CUES)
            && !self.prev_is(
                c.start,
                &["tanggal", "sejak", "sebelum", "sesudah", "hari", "di"],
            );
        let kind_ok = match c.val {
            Val::Day { .. } => numeric_or_weekday || written_free,
            _ => false,
        };
        kind_ok && self.stands_as_dateline(c)
    }

    /// A dateline opens its line after at most a short heading of names and marks
    /// (`JAKARTA, KOMPAS.com -`, `fin.co.id -`) and is not the start of a running sentence:
    /// `Suara.com - Kamis (8/9/2016) pemerintah ...` reports an event, it is not a dateline.
    fn stands_as_dateline(&self, c: &Cand) -> bool {
        let first = &self.toks[c.start];
        let line_start = self.text[..first.start].rfind('\n').map_or(0, |p| p + 1);
        let heading = self.toks[..c.start]
            .iter()
            .rev()
            .take_while(|t| t.start >= line_start);
        let mut count = 0;
        for t in heading {
            count += 1;
            // Domains are cut at their dots: `fin`, `.`, `co`, `.`, `id`.
            let dotted = self.text[..t.start].ends_with('.') || self.text[t.end..].starts_with('.');
            let heading_like = t.kind == Kind::Punct || is_capitalised(self.text_of(t)) || dotted;
            if count > 8 || !heading_like {
                return false;
            }
        }
        let last_end = self.toks[c.end - 1].end;
        match self.tok(c.end) {
            None => true,
            Some(t) => {
                self.text[last_end..t.start].contains('\n')
                    || t.kind == Kind::Punct
                    || is_capitalised(self.text_of(t))
            }
        }
    }

    // --- output -----------------------------------------------------------------------------

    fn to_expr(&self, c: &Cand, reference: Option<Date>) -> TimeExpr {
        let span = Span::new(self.toks[c.start].start, self.toks[c.end - 1].end);
        let (value, date) = resolve(c.val, c.weekday, c.dir, reference);
        // A range's end lies on or after its start (`5 hingga 7 September`).
        let end_value = c
            .end_val
            .and_then(|v| resolve(v, None, Dir::OnOrAfter, date.or(reference)).0);
        let weekday_mismatch = match (c.weekday, date, c.val) {
            (Some(wd), Some(d), Val::Day { .. }) => d.weekday() != wd,
            _ => false,
        };
        TimeExpr {
            text: self.text[span.range()].to_string(),
            span,
            value,
            end_value,
            time_of_day: c.clock.map(|(h, m)| format!("{h:02}:{m:02}")),
            timezone: c.zone.map(str::to_string),
            part_of_day: c.part.map(str::to_string),
            approx: c.approx.map(str::to_string),
            weekday_mismatch,
        }
    }
}

/// `D/M/YYYY`, `D-M-YYYY`, `YYYY-MM-DD`; in brackets also `D/M/YY` and `D/M` (year `None`).
fn parse_numeric_date(s: &str, bracketed: bool) -> Option<(Option<i16>, i8, i8)> {
    let seps_ok = s.contains('/') != s.contains('-');
    if !seps_ok {
        return None;
    }
    // At most three parts make a date; this runs at every number, so no `Vec`.
    let mut buf = [""; 3];
    let mut n = 0;
    for p in s.split(['/', '-']) {
        if n == 3 || p.is_empty() || p.len() > 4 {
            return None;
        }
        buf[n] = p;
        n += 1;
    }
    let parts = &buf[..n];
    let mut vals = [0i32; 3];
    for (v, p) in vals.iter_mut().zip(parts) {
        *v = plain_int(p)?;
    }
    let nums = &vals[..n];
    let (y, m, d) = match (parts, nums) {
        ([a, _, _], [y, m, d]) if a.len() == 4 && s.contains('-') => (Some(*y), *m, *d),
        ([_, _, c], [d, m, y]) if c.len() == 4 => (Some(*y), *m, *d),
        ([_, _, c], [d, m, y]) if c.len() == 2 && bracketed && s.contains('/') => {
            (Some(if *y <= 69 { 2000 + y } else { 1900 + y }), *m, *d)
        }
        ([_, _], [d, m]) if bracketed && s.contains('/') => (None, *m, *d),
        _ => return None,
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    if y.is_some_and(|y| !(1500..=2099).contains(&y)) {
        return None;
    }
    Some((y.map(|y| y as i16), m as i8, d as i8))
}

/// `09.48`, `9:30`, `10` (only when cued) as hours and minutes.
fn parse_hm(s: &str, cued: bool) -> Option<(i8, i8)> {
    let (h, m) = match s.split_once(['.', ':']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None if cued => (s, "0"),
        None => return None,
    };
    if h.is_empty() || h.len() > 2 {
        return None;
    }
    let h = plain_int(h)?;
    let m = plain_int(m)?;
    ((0..=24).contains(&h) && (0..=59).contains(&m)).then_some((h as i8, m as i8))
}

/// `pukul 7 malam` is 19:00: a 12-hour reading made explicit by the part of the day.
fn to_24h((h, m): (i8, i8), part: Option<&str>) -> (i8, i8) {
    let h = match part {
        Some("siang") if h < 11 => h + 12,
        Some("sore") if h < 12 => h + 12,
        Some("malam") if (6..12).contains(&h) => h + 12,
        Some("malam") if h == 12 => 0,
        _ => h,
    };
    (h, m)
}

// ---------------------------------------------------------------------------------------------
// Resolution

/// Resolves a value against the reference date; also returns the day it denotes, if any.
fn resolve(
    val: Val,
    weekday: Option<Weekday>,
    dir: Dir,
    reference: Option<Date>,
) -> (Option<String>, Option<Date>) {
    let day = |d: Date| (Some(d.to_string()), Some(d));
    let none = (None, None);
    match val {
        Val::Unknown | Val::Clock => none,
        Val::Day { y: Some(y), m, d } => Date::new(y, m, d).ok().map_or(none, day),
        Val::Day { y: None, m: 0, d } => reference
            .and_then(|r| day_of_month_near(r, d))
            .map_or(none, day),
        Val::Day { y: None, m, d } => reference
            .and_then(|r| month_day_near(r, m, d, dir, weekday))
            .map_or(none, day),
        Val::Month { y: Some(y), m } => (Some(format!("{y:04}-{m:02}")), Date::new(y, m, 1).ok()),
        Val::Month { y: None, m } => match reference {
            Some(r) => {
                let y = month_year_near(r, m, dir);
                (Some(format!("{y:04}-{m:02}")), Date::new(y, m, 1).ok())
            }
            None => none,
        },
        Val::MonthOfRelYear(m, off) => match reference.and_then(|r| shift(r, 0, 0, off)) {
            Some(r) => (Some(format!("{:04}-{m:02}", r.year())), None),
            None => none,
        },
        Val::Year(y) => (Some(format!("{y:04}")), None),
        Val::RelDays(n) => reference.and_then(|r| shift(r, n, 0, 0)).map_or(none, day),
        Val::RelWeeks(n) => match reference.and_then(|r| shift(r, 7 * n, 0, 0)) {
            Some(d) => (Some(iso_week(d)), None),
            None => none,
        },
        Val::RelMonths(n) => match reference.and_then(|r| shift(r, 0, n, 0)) {
            Some(d) => (Some(format!("{:04}-{:02}", d.year(), d.month())), None),
            None => none,
        },
        Val::RelYears(n) => match reference.and_then(|r| shift(r, 0, 0, n)) {
            Some(d) => (Some(format!("{:04}", d.year())), None),
            None => none,
        },
        Val::Weekday => match (reference, weekday) {
            (Some(r), Some(wd)) => weekday_near(r, wd, dir).map_or(none, day),
            _ => none,
        },
        Val::WeekdayInWeek(n) => match (reference.and_then(|r| shift(r, 7 * n, 0, 0)), weekday) {
            (Some(d), Some(wd)) => {
                let w = d.iso_week_date();
                ISOWeekDate::new(w.year(), w.week(), wd)
                    .ok()
                    .map(ISOWeekDate::date)
                    .map_or(none, day)
            }
            _ => none,
        },
    }
}

/// The reference date moved by days, months and years (month-level shifts start from the first
/// of the month so that `bulan lalu` on 31 March is February).
fn shift(r: Date, days: i32, months: i32, years: i32) -> Option<Date> {
    let base = if months != 0 || years != 0 {
        r.first_of_month()
    } else {
        r
    };
    base.checked_add(days.days())
        .ok()?
        .checked_add(months.months())
        .ok()?
        .checked_add(years.years())
        .ok()
}

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn weekday_near(r: Date, wd: Weekday, dir: Dir) -> Option<Date> {
    let same = r.weekday() == wd;
    match dir {
        Dir::OnOrBefore if same => Some(r),
        Dir::OnOrAfter if same => Some(r),
        Dir::OnOrBefore | Dir::Before => r.nth_weekday(-1, wd).ok(),
        Dir::OnOrAfter | Dir::After => r.nth_weekday(1, wd).ok(),
    }
}

/// The year of a yearless month: the latest on or before the reference month, or the earliest on
/// or after it when looking forward.
fn month_year_near(r: Date, m: i8, dir: Dir) -> i16 {
    match dir {
        Dir::OnOrBefore | Dir::Before if m > r.month() => r.year() - 1,
        Dir::OnOrAfter | Dir::After if m < r.month() => r.year() + 1,
        _ => r.year(),
    }
}

/// The date of a yearless day and month, latest on/before (or earliest on/after) the reference.
/// A weekday written with it (`Sabtu (21/10)`) picks the other side when only that one fits:
/// the caller's reference date is often a few days after the article's own date.
fn month_day_near(r: Date, m: i8, d: i8, dir: Dir, weekday: Option<Weekday>) -> Option<Date> {
    let this = Date::new(r.year(), m, d).ok();
    let before = match this {
        Some(x) if x <= r => Some(x),
        _ => r
            .year()
            .checked_sub(1)
            .and_then(|y| Date::new(y, m, d).ok()),
    };
    let after = match this {
        Some(x) if x >= r => Some(x),
        _ => r
            .year()
            .checked_add(1)
            .and_then(|y| Date::new(y, m, d).ok()),
    };
    let (first, second) = match dir {
        Dir::OnOrBefore | Dir::Before => (before, after),
        Dir::OnOrAfter | Dir::After => (after, before),
    };
    // Only a near date may win over the rule: a weekday typo must not move a date by a year.
    let near = |x: Date| x.since(r).is_ok_and(|span| span.get_days().abs() <= 45);
    match weekday {
        Some(wd)
            if first.is_some_and(|x| x.weekday() != wd)
                && second.is_some_and(|x| x.weekday() == wd && near(x)) =>
        {
            second
        }
        _ => first,
    }
}

/// `tanggal 17`: the 17th of the reference month if not after the reference, else of the month
/// before.
fn day_of_month_near(r: Date, d: i8) -> Option<Date> {
    match Date::new(r.year(), r.month(), d) {
        Ok(x) if x <= r => Some(x),
        _ => {
            let prev = r.first_of_month().checked_sub(1.month()).ok()?;
            Date::new(prev.year(), prev.month(), d).ok()
        }
    }
}
