//! Tokenizer: surface tokens with byte spans into the original text.
//!
//! The tokenizer never rewrites the text: every [`Token`] carries a [`Span`] such that
//! `&text[token.span.range()]` is the token exactly as written. Between two tokens there is only
//! whitespace or a character the tokenizer documents as skipped: Unicode whitespace, control
//! characters, the byte-order mark `U+FEFF`, the zero-width space `U+200B` and the word joiner
//! `U+2060`. (Zero-width joiners stay inside the word or emoji sequence they join.)
//!
//! What makes one token in Indonesian news:
//! - reduplication and hyphenated names: `sumber-sumber`, `besar-besaran`, `Kim Jong-un`,
//!   `Al-Qaeda`, `ke-5`, `1960-an`;
//! - clitics stay on their word (`mengantarnya`); [`split_clitic`] recovers the base;
//! - numbers with separators (`1.000.000`, `57,8`), dates (`19/06/2024`, `2016-08-19`) and clock
//!   times (`09:48`, `14.00`); `Rp 500 juta` is three tokens;
//! - abbreviations keep their period (`Prof.`, `Dr.`, `S.H.`, `a.n.`, `dll.`), and so do
//!   initials before a name (`S. Yudhoyono`);
//! - URLs, e-mail addresses, handles and hashtags, and domains (`fin.co.id`, `Suara.com`);
//! - every other punctuation mark or symbol is a token of its own, runs of one mark (`...`,
//!   `--`) are one token (but `?` and `!` always stand alone), and an emoji sequence is one
//!   grapheme cluster.

use crate::Span;
use crate::lexicon;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// A surface token.
///
/// ```
/// let text = "Prof. Dr. Ir. H. Ahmad ke Jl. Merdeka No. 5 (25/9/2014).";
/// let tokens = warta::tokenize(text);
/// let surface: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
/// assert_eq!(surface, ["Prof.", "Dr.", "Ir.", "H.", "Ahmad", "ke", "Jl.", "Merdeka", "No.", "5",
///                      "(", "25/9/2014", ")", "."]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is in the original text.
    #[serde(flatten)]
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// The kind of a [`Token`].
///
/// ```
/// use warta::TokenKind;
/// let kinds: Vec<TokenKind> = warta::tokenize("@jokowi 09:48 fin.co.id").iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::Handle, TokenKind::Time, TokenKind::Url]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (and digits inside words), with hyphens and apostrophes joining parts.
    Word,
    /// A number: `5`, `1.000.000`, `57,8`, `14.00`, `1960-an`, `12B`.
    Number,
    /// A numeric date: `19/06/2024`, `25/9`, `2016-08-19`.
    Date,
    /// A clock time with a colon: `09:48`.
    Time,
    /// A word with its abbreviation period: `Prof.`, `S.H.`, `dll.`, an initial `S.`.
    Abbreviation,
    /// A URL or a bare domain: `https://…`, `fin.co.id`, `Suara.com`.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle or hashtag: `@jokowi`, `#PilkadaDKI`.
    Handle,
    /// Punctuation: `.`, `,`, `"`, `(`, `–`, `...`.
    Punct,
    /// Any other symbol: `%`, `$`, `+`, emoji.
    Symbol,
}

impl TokenKind {
    /// Whether the kind is a word or abbreviation (text that can be part of a name).
    pub fn is_wordlike(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Abbreviation)
    }
}

/// Splits `text` into surface tokens. Never panics; linear in the input.
///
/// ```
/// let text = "Kim Jong-un mengantarnya, sumber-sumber bilang 1.000.000 orang.";
/// let surface: Vec<&str> = warta::tokenize(text).iter().map(|t| &text[t.span.range()]).collect();
/// assert_eq!(surface, ["Kim", "Jong-un", "mengantarnya", ",", "sumber-sumber", "bilang",
///                      "1.000.000", "orang", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to a vector the caller reuses.
pub(crate) fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_with(text, out, true)
}

/// The tokenizer, with or without its fast path for plain words (the tests compare the two).
fn tokenize_with(text: &str, out: &mut Vec<Token>, fast: bool) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() || b < 0x20 || b == 0x7f {
            i += 1;
            continue;
        }
        // Most tokens are plain ASCII words before a space or a comma: emitted here, as the
        // general path below would, without finding their chunk's end and trying URLs,
        // e-mail addresses, domains and abbreviations first (each needs a `.`, `:`, `@`, `-`
        // or `'` right after the letters, which `ends_plain_word` excludes).
        if fast && b.is_ascii_alphabetic() {
            let j = ascii_alnum_end(bytes, i + 1);
            if bytes.get(j).is_none_or(|&n| ends_plain_word(n)) {
                out.push(Token {
                    span: Span { start: i, end: j },
                    kind: TokenKind::Word,
                });
                i = j;
                continue;
            }
        }
        // A mark standing alone before a space (`, ` after a word, ` - `) is one token, as
        // the general path would have it after finding its chunk and trying everything else.
        if fast
            && matches!(
                b,
                b',' | b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'"' | b'-'
            )
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
        {
            out.push(Token {
                span: Span {
                    start: i,
                    end: i + 1,
                },
                kind: TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = char_at(text, i);
            if is_separator(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let end = chunk_end(text, i);
        Chunk { text, end, out }.split(i);
        i = end;
    }
}

/// The end of the run of ASCII letters and digits in `bytes` from `i`. (A table lookup per
/// byte: every word of every text goes through this loop.)
#[inline]
pub(crate) fn ascii_alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        if !ASCII_ALNUM[usize::from(b)] {
            break;
        }
        i += 1;
    }
    i
}

static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether a byte after a run of ASCII letters and digits ends it as a plain word: a separator
/// or punctuation that never continues a word, URL, address or abbreviation.
#[inline]
fn ends_plain_word(b: u8) -> bool {
    b.is_ascii_whitespace()
        || b < 0x20
        || b == 0x7f
        || matches!(b, b',' | b';' | b')' | b'"' | b'!' | b'?' | b'/')
}

/// `s` split at the bytes `is_sep` accepts, all of them ASCII, like `str::split` (empty parts
/// between two separators are kept): the bytes tell where without decoding characters.
pub(crate) fn split_ascii(
    s: &str,
    is_sep: impl Fn(u8) -> bool + Clone,
) -> impl Iterator<Item = &str> + Clone {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(&is_sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Characters that separate tokens without being tokens: Unicode whitespace, control characters,
/// the byte-order mark, the zero-width space and the word joiner.
///
/// ```
/// assert!(warta::is_separator('\u{FEFF}'));
/// assert!(!warta::is_separator('\u{200D}')); // a zero-width joiner joins
/// ```
#[inline]
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}')
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// End of the run of non-separator characters starting at `i`.
fn chunk_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        if b < 0x80 {
            if b.is_ascii_whitespace() || b < 0x20 || b == 0x7f {
                break;
            }
            j += 1;
        } else {
            let c = char_at(text, j);
            if is_separator(c) {
                break;
            }
            j += c.len_utf8();
        }
    }
    j
}

/// A letter or digit, or a combining mark continuing one.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (the common blocks): they continue the word they follow.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{200D}')
}

/// Top-level domains that make `a.b` a domain rather than two words run together.
const TLDS: &[&str] = &[
    "ac", "asia", "au", "biz", "br", "ca", "cn", "co", "com", "de", "edu", "eu", "fr", "go", "gov",
    "id", "in", "info", "int", "io", "jp", "kr", "me", "mil", "my", "net", "news", "nl", "or",
    "org", "ph", "ru", "sch", "sg", "th", "tv", "uk", "us", "web", "xyz",
];

fn is_tld(label: &str) -> bool {
    label.len() <= 4 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(label))
}

/// The longest e-mail local part and domain name the tokenizer looks for.
const MAX_EMAIL_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;

/// Splitting one whitespace-free chunk into tokens.
struct Chunk<'t, 'o> {
    text: &'t str,
    end: usize,
    out: &'o mut Vec<Token>,
}

impl Chunk<'_, '_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token {
            span: Span { start, end },
            kind,
        });
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        if i < self.end {
            let b = self.text.as_bytes()[i];
            if b < 0x80 {
                Some(b as char)
            } else {
                self.text[i..self.end].chars().next()
            }
        } else {
            None
        }
    }

    fn word_char_at(&self, i: usize) -> bool {
        self.char_at(i).is_some_and(is_word_char)
    }

    fn split(mut self, mut i: usize) {
        while i < self.end {
            i = self.next_token(i);
        }
    }

    /// Emits the token starting at `i` and returns where it ends.
    fn next_token(&mut self, i: usize) -> usize {
        let c = self.char_at(i).unwrap_or(' ');
        // A run of ASCII letters and digits that is not followed by one of the characters that
        // continue an e-mail address, a domain or a dotted abbreviation cannot start one.
        let mut run_end = i;
        let plain = c.is_ascii_alphanumeric() && {
            let bytes = &self.text.as_bytes()[..self.end];
            run_end = ascii_alnum_end(bytes, i + 1);
            run_end >= self.end
                || !matches!(bytes[run_end], b'.' | b'_' | b'%' | b'+' | b'-' | b'@')
        };
        let url = if matches!(c, 'h' | 'H' | 'w' | 'W') {
            self.url(i)
        } else {
            None
        };
        let url_or_email = if plain {
            url
        } else {
            url.or_else(|| self.email(i))
        };
        if let Some(end) = url_or_email {
            let kind = if self.text[i..end].contains('@') && !self.text[i..end].contains('/') {
                TokenKind::Email
            } else {
                TokenKind::Url
            };
            self.push(i, end, kind);
            return end;
        }
        if (c == '@' || c == '#') && self.word_char_at(i + 1) {
            let end = self.handle_end(i + 1);
            self.push(i, end, TokenKind::Handle);
            return end;
        }
        if c.is_ascii_digit() {
            return self.number(i, plain);
        }
        if is_word_char(c) {
            return self.word(i, plain, run_end);
        }
        self.punct(i, c)
    }

    /// `http(s)://…` or `www.…` up to the chunk end, minus trailing punctuation.
    fn url(&self, i: usize) -> Option<usize> {
        let rest = &self.text[i..self.end];
        if !matches!(rest.as_bytes().first(), Some(b'h' | b'H' | b'w' | b'W')) {
            return None;
        }
        let lower_starts = |p: &str| {
            rest.len() >= p.len()
                && rest.is_char_boundary(p.len())
                && rest[..p.len()].eq_ignore_ascii_case(p)
        };
        if !(lower_starts("http://") || lower_starts("https://") || lower_starts("www.")) {
            return None;
        }
        let mut end = self.end;
        let opens = self.text[i..end].matches('(').count();
        let mut closes = self.text[i..end].matches(')').count();
        while let Some(last) = self.text[i..end].chars().next_back() {
            let trailing = matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | ']' | '}' | '”' | '’' | '»'
            );
            // A closing bracket belongs to the URL only when the URL opened it.
            let unbalanced_paren = last == ')' && opens < closes;
            if !(trailing || unbalanced_paren) {
                break;
            }
            closes -= usize::from(last == ')');
            end -= last.len_utf8();
        }
        (end > i + 4).then_some(end)
    }

    /// `local@domain.tld`.
    fn email(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let local =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        // Bounded (RFC 5321 allows 64 bytes), so that a long run of such characters is not
        // rescanned from each of its tokens.
        let limit = self.end.min(i + MAX_EMAIL_LOCAL + 1);
        let mut j = i;
        while j < limit && local(bytes[j]) {
            j += 1;
        }
        if j == i || j >= self.end || bytes[j] != b'@' {
            return None;
        }
        let end = self.domain_end(j + 1)?;
        Some(end)
    }

    /// Longest `label(.label)+` from `i` whose last label is a known TLD and that is not
    /// followed by a word character.
    fn domain_end(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let label = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
        // Bounded (a domain name has at most 253 bytes), so that a long `word.word.word…` run is
        // not rescanned from each of its tokens.
        let limit = self.end.min(i + MAX_DOMAIN);
        let mut j = i;
        let mut best = None;
        let mut dots = 0;
        loop {
            let start = j;
            while j < limit && label(bytes[j]) {
                j += 1;
            }
            // A label never ends with a hyphen: `fin.co.id- Presiden`.
            while j > start && bytes[j - 1] == b'-' {
                j -= 1;
            }
            if j == start {
                break;
            }
            if dots > 0 && is_tld(&self.text[start..j]) && !self.word_char_at(j) {
                best = Some(j);
            }
            if j + 1 < limit && bytes[j] == b'.' && label(bytes[j + 1]) {
                j += 1;
                dots += 1;
            } else {
                break;
            }
        }
        best
    }

    fn handle_end(&self, mut j: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            match self.char_at(j) {
                Some(c) if is_word_char(c) || c == '_' => j += c.len_utf8(),
                Some('.') if j + 1 < self.end && (bytes[j + 1].is_ascii_alphanumeric()) => j += 1,
                _ => return j,
            }
        }
    }

    /// Digits with inner separators (`1.000.000`, `57,8`, `09:48`, `19/06/2024`, `2016-08-19`),
    /// an optional `-an` (`1960-an`) or letters (`12B`).
    fn number(&mut self, i: usize, plain: bool) -> usize {
        if let Some(end) = (!plain)
            .then(|| self.domain_end(i))
            .flatten()
            .filter(|&e| self.text[i..e].bytes().any(|b| b.is_ascii_alphabetic()))
        {
            self.push(i, end, TokenKind::Url);
            return end;
        }
        let bytes = self.text.as_bytes();
        let mut j = i;
        let mut seps = [0usize; 4]; // counts of '.', ',', ':', '/' or '-' (never overflows)
        loop {
            while j < self.end && bytes[j].is_ascii_digit() {
                j += 1;
            }
            if j + 1 < self.end
                && matches!(bytes[j], b'.' | b',' | b':' | b'/')
                && bytes[j + 1].is_ascii_digit()
            {
                let k = match bytes[j] {
                    b'.' => 0,
                    b',' => 1,
                    b':' => 2,
                    _ => 3,
                };
                seps[k] += 1;
                j += 1;
            } else {
                break;
            }
        }
        let digits_end = j;
        if j + 2 < self.end
            && bytes[j] == b'-'
            && self.text[j + 1..].starts_with("an")
            && !self.word_char_at(j + 3)
        {
            j += 3;
        }
        // Letters glued to digits (`12B`, `5G`, `2016an`) belong to the token.
        while let Some(c) = self.char_at(j) {
            if is_word_char(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        // A hyphenated continuation (`2-in-1`, `G-20`-style) keeps the word together.
        while j + 1 < self.end && bytes[j] == b'-' && self.word_char_at(j + 1) {
            j = self.word_run(j + 1);
        }
        let num = &self.text[i..digits_end];
        let kind = if j > digits_end {
            TokenKind::Number
        } else if seps[2] == 1 && seps[0] + seps[1] + seps[3] == 0 && num.len() <= 5 {
            TokenKind::Time
        } else if seps[3] >= 1 && seps[0] + seps[1] + seps[2] == 0 && is_numeric_date(num) {
            TokenKind::Date
        } else {
            TokenKind::Number
        };
        self.push(i, j, kind);
        j
    }

    /// End of a run of word characters from `j`.
    fn word_run(&self, j: usize) -> usize {
        let mut j = ascii_alnum_end(&self.text.as_bytes()[..self.end], j);
        while let Some(c) = self.char_at(j) {
            if is_word_char(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        j
    }

    /// `run_end` is the end of the ASCII letters and digits from `i` (or `i`).
    fn word(&mut self, i: usize, plain: bool, run_end: usize) -> usize {
        if !plain {
            if let Some(end) = self.domain_end(i) {
                self.push(i, end, TokenKind::Url);
                return end;
            }
            if let Some(end) = self.dotted_abbreviation(i) {
                self.push(i, end, TokenKind::Abbreviation);
                return end;
            }
        }
        let mut j = self.word_run(run_end);
        // Hyphens and apostrophes between word characters join (`sumber-sumber`, `Ma'ruf`).
        while let Some(c) = self.char_at(j) {
            if matches!(c, '-' | '\'' | '’' | '‐') && self.word_char_at(j + c.len_utf8()) {
                j = self.word_run(j + c.len_utf8());
            } else {
                break;
            }
        }
        if self.char_at(j) == Some('.') {
            let word = &self.text[i..j];
            if lexicon::abbreviation(word).is_some() || self.is_initial(word, j + 1) {
                self.push(i, j + 1, TokenKind::Abbreviation);
                return j + 1;
            }
        }
        self.push(i, j, TokenKind::Word);
        j
    }

    /// A single capital letter followed by `.` and, after whitespace, a capitalised word:
    /// an initial (`S. Yudhoyono`). The caller checked the period.
    fn is_initial(&self, word: &str, after_dot: usize) -> bool {
        let mut chars = word.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return false;
        };
        if !c.is_uppercase() || after_dot != self.end {
            return false;
        }
        // The next chunk (after whitespace) must start with an uppercase letter.
        let rest = &self.text[after_dot..];
        let next = rest.trim_start_matches([' ', '\u{a0}']);
        next.len() < rest.len() && next.chars().next().is_some_and(char::is_uppercase)
    }

    /// `S.H.`, `a.n.`, `Ph.D.`, `U.S.A`: at least two short letter groups joined by periods.
    fn dotted_abbreviation(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut j = i;
        let mut groups = 0;
        loop {
            let start = j;
            while j < self.end && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            let len = j - start;
            let max = if groups == 0 { 2 } else { 3 };
            if len == 0 || len > max || self.word_char_at(j) {
                return None;
            }
            if j < self.end && bytes[j] == b'.' {
                j += 1;
                groups += 1;
                if !(j < self.end && bytes[j].is_ascii_alphabetic()) {
                    return (groups >= 2).then_some(j);
                }
            } else {
                return (groups >= 2).then_some(j);
            }
        }
    }

    fn punct(&mut self, i: usize, c: char) -> usize {
        // An ASCII character followed by an ASCII character (or the chunk end) is a grapheme
        // cluster of its own (the only ASCII pair that joins, CR LF, never occurs in a chunk).
        let first = if c.is_ascii() && (i + 1 >= self.end || self.text.as_bytes()[i + 1] < 0x80) {
            1
        } else {
            self.text[i..self.end]
                .graphemes(true)
                .next()
                .map_or(c.len_utf8(), str::len)
        };
        let mut j = i + first;
        // Runs of one mark are one token (`...`, `--`, two backticks); `?` and `!` stand alone.
        if first == c.len_utf8() && matches!(c, '.' | '-' | '=' | '*' | '_' | '~' | '–' | '—' | '`')
        {
            while self.char_at(j) == Some(c) {
                j += c.len_utf8();
            }
        }
        let kind = if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        self.push(i, j, kind);
        j
    }
}

/// `d/m`, `d/m/y`, `y-m-d` shapes with plausible field values.
fn is_numeric_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '-']).collect();
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [d, m] => matches!((num(d), num(m)), (Some(1..=31), Some(1..=12))) && s.contains('/'),
        [a, b, c] if a.len() == 4 => matches!((num(b), num(c)), (Some(1..=12), Some(1..=31))),
        [d, m, y] => {
            matches!((num(d), num(m)), (Some(1..=31), Some(1..=12))) && matches!(y.len(), 2 | 4)
        }
        _ => false,
    }
}

fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(
                c,
                '$' | '%' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '`' | '&' | '#' | '@'
            );
    }
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00AB}' | '\u{00B7}' | '\u{00BB}'
        | '\u{00BF}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}')
}

/// Indonesian enclitics and emphatic particles, longest first.
pub(crate) const CLITICS: &[&str] = &["nya", "lah", "kah", "tah", "pun", "ku", "mu"];

/// Splits a word into its base and an enclitic or particle (`mengantarnya` → `mengantar` + `nya`,
/// `tidaklah` → `tidak` + `lah`). Words whose ending only looks like a clitic (`tanya`, `masalah`,
/// `sekolah`, `ibu`) are left whole, using the Indonesian root-word list.
///
/// ```
/// assert_eq!(warta::split_clitic("mengantarnya"), ("mengantar", Some("nya")));
/// assert_eq!(warta::split_clitic("pertamanya"), ("pertama", Some("nya")));
/// assert_eq!(warta::split_clitic("tidaklah"), ("tidak", Some("lah")));
/// assert_eq!(warta::split_clitic("sekolah"), ("sekolah", None));
/// assert_eq!(warta::split_clitic("tanya"), ("tanya", None));
/// ```
pub fn split_clitic(word: &str) -> (&str, Option<&str>) {
    // Lowercase ASCII check without allocating: clitics are lowercase and ASCII.
    for clitic in CLITICS {
        if word.len() >= clitic.len() + 3 && word.ends_with(clitic) {
            let base = &word[..word.len() - clitic.len()];
            if !base.is_char_boundary(base.len()) {
                continue;
            }
            if lexicon::is_root_ci(word) && !lexicon::is_root_ci(base) {
                return (word, None);
            }
            if lexicon::is_root_ci(word) {
                // Both are roots (`bukunya`? no: `tanya`/`tan`): the whole word is the safer reading.
                return (word, None);
            }
            return (base, Some(&word[base.len()..]));
        }
    }
    (word, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that decide between words, URLs, e-mail addresses, domains, abbreviations,
    /// handles and numbers.
    const PIECES: &[&str] = &[
        "http", "https", "://", "www", "HTTP", "W", ".", "co", "id", "com", "Jl", "S", "H", "@",
        "#", "-", "'", "’", ",", ";", " ", "\n", "12", "3", ":", "/", "nya", "é", "Prof", "(", ")",
        "\"", "!", "?", "_", "%", "+", "an", "\u{a0}", "\u{200b}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The fast paths (plain words, a mark standing alone) emit exactly what the general
        /// path does.
        #[test]
        fn fast_path_is_the_general_path(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..24)
        ) {
            let text = pieces.concat();
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            tokenize_with(&text, &mut fast, true);
            tokenize_with(&text, &mut general, false);
            prop_assert_eq!(fast, general, "{:?}", text);
        }
    }

    fn surface(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    macro_rules! tokens {
        ($($name:ident: $text:expr => [$($tok:expr),* $(,)?];)*) => {
            $(#[test] fn $name() { assert_eq!(surface($text), vec![$($tok),*], "{:?}", $text); })*
        };
    }

    tokens! {
        reduplication: "sumber-sumber besar-besaran opsi-opsi tiba-tiba" =>
            ["sumber-sumber", "besar-besaran", "opsi-opsi", "tiba-tiba"];
        hyphenated_names: "Kim Jong-un dan Al-Qaeda" => ["Kim", "Jong-un", "dan", "Al-Qaeda"];
        clitics_stay: "mengantarnya pertamanya tidaklah" => ["mengantarnya", "pertamanya", "tidaklah"];
        numbers: "1.000.000 57,8 Rp 500 juta 7,1 SR" => ["1.000.000", "57,8", "Rp", "500", "juta", "7,1", "SR"];
        rp_with_period: "Rp. 500 juta" => ["Rp.", "500", "juta"];
        dates_and_times: "19/06/2024, 09:48 WIB (25/9/2014) pukul 14.00." =>
            ["19/06/2024", ",", "09:48", "WIB", "(", "25/9/2014", ")", "pukul", "14.00", "."];
        iso_date: "2016-08-19" => ["2016-08-19"];
        decades: "tahun 1960-an dan ke-5" => ["tahun", "1960-an", "dan", "ke-5"];
        number_letters: "Pasal 12B dan 5G" => ["Pasal", "12B", "dan", "5G"];
        sentence_final_number: "pada 2024. Dia" => ["pada", "2024", ".", "Dia"];
        titles: "Prof. Dr. Ir. H. Hj. Jl. No. dll." => ["Prof.", "Dr.", "Ir.", "H.", "Hj.", "Jl.", "No.", "dll."];
        dotted_abbreviations: "Budi, S.H. a.n. Ph.D. U.S.A" => ["Budi", ",", "S.H.", "a.n.", "Ph.D.", "U.S.A"];
        initials: "S. Yudhoyono dan J. K. Rowling" => ["S.", "Yudhoyono", "dan", "J.", "K.", "Rowling"];
        sentence_final_capital: "vitamin C. Lalu" => ["vitamin", "C.", "Lalu"];
        domains: "fin.co.id - Suara.com, detik.com." => ["fin.co.id", "-", "Suara.com", ",", "detik.com", "."];
        glued_sentences: "tersebut.Dia pergi" => ["tersebut", ".", "Dia", "pergi"];
        urls: "lihat https://www.suara.com/news/2016/08/19/abc. Lalu (www.bbc.co.uk)" =>
            ["lihat", "https://www.suara.com/news/2016/08/19/abc", ".", "Lalu", "(", "www.bbc.co.uk", ")"];
        emails_handles: "surat ke redaksi@fin.co.id, @jokowi dan #PilkadaDKI." =>
            ["surat", "ke", "redaksi@fin.co.id", ",", "@jokowi", "dan", "#PilkadaDKI", "."];
        quotes_brackets: "\"Bukan,\" katanya (kanan). “Saat ini”" =>
            ["\"", "Bukan", ",", "\"", "katanya", "(", "kanan", ")", ".", "“", "Saat", "ini", "”"];
        ellipsis_and_dashes: "tunggu... lalu -- ya!! ``Apa?" => ["tunggu", "...", "lalu", "--", "ya", "!", "!", "``", "Apa", "?"];
        apostrophes: "Ma'ruf Amin, Jum'at" => ["Ma'ruf", "Amin", ",", "Jum'at"];
        dash_dateline: "JAKARTA (Pos Kota) – Polisi" => ["JAKARTA", "(", "Pos", "Kota", ")", "–", "Polisi"];
        dateline_glued_hyphen: "fin.co.id- Presiden" => ["fin.co.id", "-", "Presiden"];
        percent: "14% dan 3,5 persen" => ["14", "%", "dan", "3,5", "persen"];
        emoji: "Mantap 👍🏽 👨‍👩‍👧!" => ["Mantap", "👍🏽", "👨‍👩‍👧", "!"];
        skipped_chars: "\u{FEFF}Satu\u{200B}dua\u{0}tiga\u{a0}empat" => ["Satu", "dua", "tiga", "empat"];
        combining_marks: "Café e\u{301}lan" => ["Café", "e\u{301}lan"];
        ip_address: "IP 180.254.8.5 saja" => ["IP", "180.254.8.5", "saja"];
    }

    #[test]
    fn kinds() {
        let text = "Prof. 09:48 19/06/2024 14.00 fin.co.id a@b.com @x # . % kata 1.000";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            [
                Abbreviation,
                Time,
                Date,
                Number,
                Url,
                Email,
                Handle,
                Symbol,
                Punct,
                Symbol,
                Word,
                Number
            ]
        );
    }

    #[test]
    fn clitics() {
        assert_eq!(split_clitic("mengantarnya"), ("mengantar", Some("nya")));
        assert_eq!(split_clitic("bukunya"), ("buku", Some("nya")));
        assert_eq!(split_clitic("rumahmu"), ("rumah", Some("mu")));
        assert_eq!(split_clitic("masalah"), ("masalah", None));
        assert_eq!(split_clitic("dunia"), ("dunia", None));
        assert_eq!(split_clitic("nya"), ("nya", None));
    }
}
