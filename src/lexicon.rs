//! Embedded word lists, parsed lazily once per process.

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
        with_lowercase(word, |w| ROOTS.contains(w))
    }
}

/// `f` of `word` lowercased: on the stack when it is short ASCII, as nearly every word is
/// (these lookups run for many tokens of every document).
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut ascii = [0u8; 40];
    if word.len() <= ascii.len() && word.is_ascii() {
        let buf = &mut ascii[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        f(std::str::from_utf8(buf).expect("ASCII"))
    } else {
        f(&word.to_lowercase())
    }
}

/// Forces the lazy lists, so that benchmarks and the first extraction do not pay for them.
pub(crate) fn warm() {
    Lazy::force(&ABBREVIATIONS);
    Lazy::force(&ROOTS);
    Lazy::force(&GIVEN_NAMES);
    Lazy::force(&FAMILY_NAMES);
    Lazy::force(&COMMON_ACRONYMS);
}

static GIVEN_NAMES: Lazy<HashSet<&'static str>> =
    Lazy::new(|| data_lines(include_str!("../gazetteers/lexicon/given-names.txt")).collect());

static FAMILY_NAMES: Lazy<HashSet<&'static str>> =
    Lazy::new(|| data_lines(include_str!("../gazetteers/lexicon/family-names.txt")).collect());

static COMMON_ACRONYMS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| data_lines(include_str!("../gazetteers/lexicon/common-acronyms.txt")).collect());

/// The given names of the lexicon.
pub(crate) fn given_names() -> &'static HashSet<&'static str> {
    &GIVEN_NAMES
}

/// The family names of the lexicon.
pub(crate) fn family_names() -> &'static HashSet<&'static str> {
    &FAMILY_NAMES
}

/// The ordinary acronyms of the lexicon.
pub(crate) fn common_acronyms() -> &'static HashSet<&'static str> {
    &COMMON_ACRONYMS
}

/// Whether an all-capitals word names an ordinary thing (`BBM`, `KTP`, `SPBU`).
pub(crate) fn is_common_acronym(word: &str) -> bool {
    COMMON_ACRONYMS.contains(word)
}

/// Prefixes of Indonesian derivation, with the root's first letter a nasal prefix replaced,
/// grouped by their first letter (the empty prefix stands alone).
fn prefixes_starting(first: u8) -> &'static [(&'static str, &'static str)] {
    match first {
        b'd' => &[("di", ""), ("diper", "")],
        b'b' => &[("ber", ""), ("be", "")],
        b't' => &[("ter", "")],
        b'k' => &[("ke", ""), ("keber", "")],
        b's' => &[("se", "")],
        b'm' => &[
            ("me", ""),
            ("mem", ""),
            ("mem", "p"),
            ("men", ""),
            ("men", "t"),
            ("meng", ""),
            ("meng", "k"),
            ("meny", "s"),
            ("memper", ""),
        ],
        b'p' => &[
            ("pe", ""),
            ("per", ""),
            ("pem", ""),
            ("pem", "p"),
            ("pen", ""),
            ("pen", "t"),
            ("peng", ""),
            ("peng", "k"),
            ("peny", "s"),
        ],
        _ => &[],
    }
}

const SUFFIXES: &[&str] = &[
    "", "nya", "kan", "an", "i", "lah", "kah", "pun", "kannya", "annya", "inya",
];

/// Whether `word` is an ordinary Indonesian word: a root word, or a root with the usual
/// prefixes and suffixes (`Bertemu`, `Keuangan`, `Pertahanan`). Used to tell capitalised
/// ordinary words (headlines, sentence starts) from names.
pub(crate) fn is_common_word(word: &str) -> bool {
    // A reduplicated plural (`Pertemuan-pertemuan`, `Harga-harga`) is as ordinary as its word.
    if let Some((a, b)) = word.split_once('-')
        && a.len() == b.len()
        && a.eq_ignore_ascii_case(b)
    {
        return is_common_word(a);
    }
    if word.len() > 40 || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    with_lowercase(word, derives_from_root)
}

/// [`is_common_word`], remembered per thread across documents: recognition asks about every
/// capitalised word, and deriving one tries up to a dozen stems, each a lookup into 30,000 roots
/// that misses the cache; the words asked about (names, sentence openers) recur from one
/// article to the next.
pub(crate) fn is_common_word_cached(word: &str) -> bool {
    /// Bounds the memory a thread keeps (a few MB): the memo starts over when full.
    const CAP: usize = 1 << 16;
    thread_local! {
        static MEMO: std::cell::RefCell<HashMap<Box<str>, bool>> = Default::default();
    }
    // Without the memo (a thread being torn down, or a word asked about while another is
    // derived), the answer is computed as usual.
    MEMO.try_with(|memo| {
        let Ok(mut memo) = memo.try_borrow_mut() else {
            return is_common_word(word);
        };
        if let Some(&c) = memo.get(word) {
            return c;
        }
        let c = is_common_word(word);
        if memo.len() >= CAP {
            memo.clear();
        }
        memo.insert(word.into(), c);
        c
    })
    .unwrap_or_else(|_| is_common_word(word))
}

/// Whether `lower`, a lowercase word, is a root or a root with the usual prefixes and suffixes.
fn derives_from_root(lower: &str) -> bool {
    if ROOTS.contains(lower) {
        return true;
    }
    let mut buf = String::new();
    for suffix in SUFFIXES {
        let Some(stem) = lower.strip_suffix(suffix) else {
            continue;
        };
        let first = stem.as_bytes().first().copied().unwrap_or(0);
        let none: &[(&str, &str)] = &[("", "")];
        for (prefix, restore) in none.iter().chain(prefixes_starting(first)) {
            let Some(root) = stem.strip_prefix(prefix) else {
                continue;
            };
            if root.len() + restore.len() < 3 || (prefix.is_empty() && suffix.is_empty()) {
                continue;
            }
            let candidate = if restore.is_empty() {
                root
            } else {
                buf.clear();
                buf.push_str(restore);
                buf.push_str(root);
                buf.as_str()
            };
            if ROOTS.contains(candidate) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_answers_as_derivation_does() {
        // Asked twice: the second answer comes from the memo.
        for _ in 0..2 {
            for w in [
                "Bertemu",
                "Pertemuan-pertemuan",
                "Smirnov",
                "Jakarta2",
                "",
                "ÉLYSÉE",
            ] {
                assert_eq!(is_common_word_cached(w), is_common_word(w), "{w}");
            }
        }
    }

    #[test]
    fn common_words() {
        for w in [
            "Bertemu",
            "Meskipun",
            "Pertemuan-pertemuan",
            "Keuangan",
            "Pertahanan",
            "Gelisah",
            "menurut",
            "Pemimpin",
            "mengatakan",
            "Kemudian",
            // One of each prefix group, nasal replacements, suffixes and both together.
            "dibangun",
            "diperbaiki",
            "bekerja",
            "terbang",
            "keberadaan",
            "sebuah",
            "memukul",
            "menulis",
            "mengirim",
            "menyapu",
            "memperbaiki",
            "penulis",
            "pengirim",
            "penyapu",
            "bukunya",
            "tulisannya",
            "hadirlah",
        ] {
            assert!(is_common_word(w), "{w}");
        }
        for w in [
            "Namakule",
            "Smirnov",
            "Yudhoyono",
            "Kirby",
            "Tanoto",
            "Jakarta2",
        ] {
            assert!(!is_common_word(w), "{w}");
        }
    }
}
