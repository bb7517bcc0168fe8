//! Adversarial inputs, shared by `tests/adversarial.rs` (small sizes, debug build) and
//! `examples/adversarial.rs` (1× and 10× sizes, release build, timing and peak memory).
//!
//! Every generator makes a text of about `bytes` bytes (an empty text for `empty`).
#![allow(dead_code)]

/// `unit` repeated until the text reaches `bytes` bytes (whole units only).
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    let n = bytes.div_ceil(unit.len().max(1));
    unit.repeat(n)
}

/// Opening marks then as many closing marks: `(((…)))`.
fn nested(open: &str, close: &str, bytes: usize) -> String {
    let half = bytes / 2;
    let mut s = repeat_to(open, half);
    let n = s.len() / open.len();
    s.push_str(&close.repeat(n));
    s
}

/// The bundled seed article (a real news text).
pub const SEED: &str = include_str!("../../examples/data/putin-kim-fin-2024-06-19.txt");

/// Every control character, each between two letters.
fn controls() -> String {
    let mut unit = String::new();
    for c in (0u8..0x20).chain([0x7f]) {
        unit.push('a');
        unit.push(char::from(c));
    }
    unit.push_str("\u{85}b\u{2028}c\u{2029}");
    unit
}

/// Makes a text of about the given number of bytes.
pub type Generator = fn(usize) -> String;

/// The adversarial cases: a name and a generator taking a byte size.
pub const CASES: &[(&str, Generator)] = &[
    ("empty", |_| String::new()),
    ("whitespace", |b| {
        repeat_to(" \t\n\r\u{a0}\u{3000}\u{2009}", b)
    }),
    ("long_word", |b| repeat_to("a", b)),
    ("long_capital_word", |b| repeat_to("Jokowidodo", b)),
    ("long_non_ascii_word", |b| repeat_to("éñĝ中ع", b)),
    ("long_number", |b| repeat_to("1234567890", b)),
    ("long_dotted_number", |b| repeat_to("1.0", b)),
    ("long_date_chain", |b| repeat_to("19/06/", b)),
    ("long_hyphen_chain", |b| repeat_to("Rusia-Korea-", b)),
    ("long_domain_chain", |b| repeat_to("fin.co.", b)),
    ("long_email_like", |b| repeat_to("_.", b)),
    ("long_url", |b| format!("https://{}", repeat_to("a(b)/", b))),
    ("long_abbreviation_chain", |b| repeat_to("S.H.", b)),
    ("name_repeat", |b| repeat_to("Joko Widodo ", b)),
    ("name_repeat_no_space", |b| repeat_to("JokoWidodo", b)),
    ("places_repeat", |b| {
        repeat_to("Korea Utara, Jakarta, Rusia. ", b)
    }),
    ("nested_brackets", |b| nested("(", ")", b)),
    ("nested_mixed", |b| nested("([{“‘«", "»’”}])", b)),
    ("quotes", |b| repeat_to("\"", b)),
    ("curly_quotes", |b| repeat_to("“", b)),
    ("dots", |b| repeat_to(".", b)),
    ("question_marks", |b| repeat_to("?", b)),
    ("short_sentences", |b| repeat_to("Dia datang. ", b)),
    ("controls", |b| repeat_to(&controls(), b)),
    ("nul", |b| repeat_to("\0", b)),
    ("zero_width_and_nbsp", |b| {
        repeat_to(
            "Joko\u{200B}Widodo\u{a0}tiba\u{200D}di\u{2060}Jakarta\u{FEFF}. ",
            b,
        )
    }),
    ("combining_marks", |b| {
        repeat_to("e\u{301}\u{302}\u{303}", b)
    }),
    ("mixed_scripts_emoji", |b| {
        repeat_to("Путин 金正恩 بوتين 👍🏽 👨‍👩‍👧 Jakarta ⁂ 𝔘 ", b)
    }),
    ("emoji_no_space", |b| repeat_to("👨‍👩‍👧‍👦🇮🇩", b)),
    ("crlf", |b| repeat_to("Satu.\r\nDua\r\n\r\n", b)),
    ("bare_cr", |b| repeat_to("Satu.\rDua\r", b)),
    ("blank_lines", |b| repeat_to("\n\n", b)),
    ("long_first_hyphen_part", |b| {
        format!("{}{}", repeat_to("A", b / 2), repeat_to("-Rusia", b / 2))
    }),
    ("boms", |b| repeat_to("\u{FEFF}", b)),
    ("dates_one_sentence", |b| {
        repeat_to("Rabu (19/6/2024) pukul 09.48 WIB, ", b)
    }),
    ("bare_clocks_one_sentence", |b| {
        repeat_to("pukul 09.48, ", b)
    }),
    ("relative_times", |b| {
        repeat_to("kemarin, pekan lalu, bulan Maret, ", b)
    }),
    ("acronyms_one_sentence", |b| {
        repeat_to(
            "Sekolah Pasar Modal (SPM), Post Office Travel Money (POTM), dan dan dan (DDD), ",
            b,
        )
    }),
    ("titles_and_heads_one_sentence", |b| {
        repeat_to(
            "Ketua Badan Komite Kantor Gedung Wakil Dewan Pimpinan DPP Partai Fraksi Komisi III, ",
            b,
        )
    }),
    ("seed_article_repeated", |b| {
        format!("\u{FEFF}{}", repeat_to(SEED, b))
    }),
];

/// The generator of the case called `name`.
pub fn case(name: &str) -> Option<Generator> {
    CASES.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// Candidates probed while hunting quadratic paths (see `examples/adversarial.rs --probe`).
pub const PROBES: &[(&str, &str)] = &[
    ("words_and_dots", "abcd."),
    ("digits_and_underscores", "1_"),
    ("at_signs", "a@"),
    ("email_then_at", "_.@"),
    ("hash_handles", "#a."),
    ("at_handles", "@a."),
    ("www_chain", "www."),
    ("initials", "A. "),
    ("abbrev_words", "Prof. "),
    ("hyphen_words", "ab-"),
    ("apostrophes", "a'"),
    ("digit_hyphen", "1-"),
    ("digit_an", "1-an"),
    ("number_letters", "1a"),
    ("clocks_no_space", "09:48"),
    ("blank_lines", "\n\n"),
    ("blank_lines_crlf", "\r\n\r\n"),
    ("bare_clocks", "pukul 09.48, "),
    ("hyphen_domain_run", "a-b."),
    ("percent_plus_run", "x%y+"),
];
