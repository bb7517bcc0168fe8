//! Sentence splitter over surface tokens.
//!
//! A sentence ends
//! - at a blank line, always;
//! - at a single line break, unless the next line continues the sentence (it starts with a
//!   lowercase word, or the line before ends with a comma or a hyphen), so that headlines,
//!   standalone datelines, captions and bylines are sentences of their own;
//! - after `.`, `!`, `?`, `...` or `…` — with the closing quotes and brackets glued to them — when
//!   the next token does not continue the sentence: a lowercase word (`... ," kata Henry.`, `Apa?"
//!   tanya dia`), a comma or another closing mark continue it;
//! - after an abbreviation that may close a sentence (`dll.`, `Tbk.`) before a capitalised word.
//!
//! Abbreviations that precede names or numbers (`Prof.`, `Jl.`, `No.`), initials (`S. Yudhoyono`)
//! and decimals never end a sentence: the tokenizer keeps their periods inside the token. A
//! dateline that opens a paragraph (`fin.co.id - `, `JAKARTA (Pos Kota) – `) has no terminal mark,
//! so it stays in the paragraph's first sentence.

use crate::lexicon::{self, AbbrevClass};
use crate::{Span, Token, TokenKind};

/// Splits `text` into sentence spans, trimmed of whitespace.
///
/// ```
/// let text = "Harga naik 3,5 persen, kata Prof. Budi. \"Kami siap,\" ujarnya. Lalu?\n\nJudul Baru";
/// let sentences: Vec<&str> = warta::split_sentences(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(sentences, [
///     "Harga naik 3,5 persen, kata Prof. Budi.",
///     "\"Kami siap,\" ujarnya.",
///     "Lalu?",
///     "Judul Baru",
/// ]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    sentences(text, &crate::tokenize(text))
}

/// Sentence spans from the tokens of `text`.
pub(crate) fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    // News sentences run to 20–30 tokens: sized for that, the vector seldom grows.
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut first = 0;
    let mut k = 0;
    while k < tokens.len() {
        let mut last = k;
        let boundary = if is_terminal(text, tokens[k]) {
            // Closing quotes and brackets glued to the mark belong to this sentence.
            while last + 1 < tokens.len()
                && tokens[last + 1].span.start == tokens[last].span.end
                && is_closing(&text[tokens[last + 1].span.range()])
            {
                last += 1;
            }
            match tokens.get(last + 1) {
                None => true,
                Some(next) => {
                    line_break(text, tokens[last], *next).is_some() || starts_sentence(text, *next)
                }
            }
        } else {
            match tokens.get(k + 1) {
                None => true,
                Some(&next) => match line_break(text, tokens[k], next) {
                    Some(Break::Blank) => true,
                    Some(Break::Single) => !continues_line(text, tokens[k], next),
                    None => {
                        tokens[k].kind == TokenKind::Abbreviation
                            && final_abbreviation(text, tokens[k])
                            && starts_upper(text, next)
                    }
                },
            }
        };
        if boundary {
            out.push(Span::new(tokens[first].span.start, tokens[last].span.end));
            first = last + 1;
        }
        k = last + 1;
    }
    out
}

enum Break {
    Single,
    Blank,
}

/// The kind of line break between two tokens, if any.
#[inline]
fn line_break(text: &str, a: Token, b: Token) -> Option<Break> {
    // The common gaps (none, a space) hold no line break, and are told here, inline: this runs
    // between every two tokens.
    match b.span.start - a.span.end {
        0 => None,
        1 if text.as_bytes()[a.span.end] == b' ' => None,
        _ => gap_break(text, a, b),
    }
}

fn gap_break(text: &str, a: Token, b: Token) -> Option<Break> {
    // Every break is `\n`, `\r` or non-ASCII. (As bytes: slicing the `str` would check character
    // boundaries first.)
    let gap = &text.as_bytes()[a.span.end..b.span.start];
    if gap.iter().all(|&c| c < 0x80 && c != b'\n' && c != b'\r') {
        return None;
    }
    let gap = &text[a.span.end..b.span.start];
    if gap.contains('\u{2029}') {
        return Some(Break::Blank);
    }
    let mut n = gap.bytes().filter(|&c| c == b'\n').count();
    if n == 0 {
        // Old Mac line ends and the Unicode line separator.
        n = gap.bytes().filter(|&c| c == b'\r').count() + gap.matches('\u{2028}').count();
    }
    match n {
        0 => None,
        1 => Some(Break::Single),
        _ => Some(Break::Blank),
    }
}

/// Whether the line that `next` opens continues the sentence that `prev` ends.
fn continues_line(text: &str, prev: Token, next: Token) -> bool {
    let p = &text[prev.span.range()];
    if matches!(p, "," | "-" | "–" | "(" | "/" | "&") {
        return true;
    }
    let n = &text[next.span.range()];
    next.kind == TokenKind::Word && n.chars().next().is_some_and(char::is_lowercase)
}

fn is_terminal(text: &str, t: Token) -> bool {
    if t.kind != TokenKind::Punct {
        return false;
    }
    let s = &text[t.span.range()];
    s.starts_with('.') || s.starts_with('!') || s.starts_with('?') || s == "…"
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | "»" | ")" | "]" | "}")
}

/// Whether `next` can open a new sentence after a terminal mark.
fn starts_sentence(text: &str, next: Token) -> bool {
    let s = &text[next.span.range()];
    let Some(c) = s.chars().next() else {
        return false;
    };
    if c.is_lowercase() {
        // Lowercase domains and handles open sentences (`detik.com -`), lowercase words do not.
        return matches!(next.kind, TokenKind::Url | TokenKind::Handle);
    }
    !matches!(
        s,
        "," | ";" | ":" | ")" | "]" | "}" | "”" | "’" | "»" | "%" | "-"
    )
}

fn starts_upper(text: &str, t: Token) -> bool {
    text[t.span.range()]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn final_abbreviation(text: &str, t: Token) -> bool {
    let s = &text[t.span.range()];
    let word = s.strip_suffix('.').unwrap_or(s);
    lexicon::abbreviation(word) == Some(AbbrevClass::Final)
}

#[cfg(test)]
mod tests {
    use super::split_sentences;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    macro_rules! sentences {
        ($($name:ident: $text:expr => [$($s:expr),* $(,)?];)*) => {
            $(#[test] fn $name() { let want: Vec<&str> = vec![$($s),*]; assert_eq!(split($text), want, "{:?}", $text); })*
        };
    }

    sentences! {
        simple: "Dia datang. Kami pergi! Kenapa? Entahlah" =>
            ["Dia datang.", "Kami pergi!", "Kenapa?", "Entahlah"];
        abbreviations: "Prof. Dr. Budi tinggal di Jl. Merdeka No. 5 bersama H. Ahmad. Dia senang." =>
            ["Prof. Dr. Budi tinggal di Jl. Merdeka No. 5 bersama H. Ahmad.", "Dia senang."];
        initials: "Presiden S. Yudhoyono hadir. Lalu pulang." => ["Presiden S. Yudhoyono hadir.", "Lalu pulang."];
        decimals: "Gempa 7,1 SR dan inflasi 3.5 persen. Warga panik." =>
            ["Gempa 7,1 SR dan inflasi 3.5 persen.", "Warga panik."];
        ellipsis: "Dia diam... lalu pergi. Dan... Selesai." => ["Dia diam... lalu pergi.", "Dan...", "Selesai."];
        quote_inside: "\"Kami siap bekerja,\" kata Henry. Dia tersenyum." =>
            ["\"Kami siap bekerja,\" kata Henry.", "Dia tersenyum."];
        quote_ends: "Dia berkata, \"Kami siap.\" Lalu pergi." => ["Dia berkata, \"Kami siap.\"", "Lalu pergi."];
        question_quote: "\"Apa?\" tanya dia. “Saat ini kami belum melihat.” Selesai." =>
            ["\"Apa?\" tanya dia.", "“Saat ini kami belum melihat.”", "Selesai."];
        final_abbreviation: "Ada buku, pena, dll. Semua dibawa." => ["Ada buku, pena, dll.", "Semua dibawa."];
        dateline_stays: "JAKARTA (Pos Kota) – Polisi menangkap dua orang. Mereka ditahan." =>
            ["JAKARTA (Pos Kota) – Polisi menangkap dua orang.", "Mereka ditahan."];
        dateline_domain: "fin.co.id- Presiden tiba. Dia disambut." => ["fin.co.id- Presiden tiba.", "Dia disambut."];
        headline_and_paragraphs: "Putin dan Kim Bertemu\n\nfin.co.id - 19/06/2024, 09:48 WIB\n\nPutin tiba. Kim menyambut." =>
            ["Putin dan Kim Bertemu", "fin.co.id - 19/06/2024, 09:48 WIB", "Putin tiba.", "Kim menyambut."];
        byline: "Dia pergi.\n\nAfdal Namakule\nPenulis" => ["Dia pergi.", "Afdal Namakule", "Penulis"];
        wrapped_line: "Presiden menyatakan bahwa\nkebijakan itu tepat." => ["Presiden menyatakan bahwa\nkebijakan itu tepat."];
        caption_credit: "Putin ke Korea Utara, Rabu 29 Juni 2024. (Vladimir Smirnov/AFP melalui Getty Images)" =>
            ["Putin ke Korea Utara, Rabu 29 Juni 2024.", "(Vladimir Smirnov/AFP melalui Getty Images)"];
        lowercase_after_period: "melakukan hal tersebut. mencapai sasaran Ukraina." =>
            ["melakukan hal tersebut. mencapai sasaran Ukraina."];
        crlf: "Satu.\r\n\r\nDua" => ["Satu.", "Dua"];
        empty: "" => [];
        whitespace_only: " \n\t " => [];
        domain_after_period: "Kami pulang. detik.com - Berita." => ["Kami pulang.", "detik.com - Berita."];
    }
}
