//! Coreference good enough for news: pronouns, plural pronouns, descriptions by title and short
//! forms of names, resolved against the people recently named.

use crate::{Entity, Span};
use std::hash::{Hash, Hasher};

/// A party named earlier in the document. Borrows the entity: the referents of a document are
/// many and short-lived, and only the few that become participants copy its strings.
#[derive(Clone, Copy, Debug)]
pub(super) struct Referent<'a> {
    entity: &'a Entity,
    /// Index in [`Salience::titles`] of the title words written before the name (or of the
    /// role), so that a pronoun resolved to this party carries them on without a copy.
    title: Option<usize>,
}

impl<'a> Referent<'a> {
    pub fn of(e: &'a Entity) -> Referent<'a> {
        Referent {
            entity: e,
            title: None,
        }
    }

    pub fn name(&self) -> &'a str {
        &self.entity.name
    }

    pub fn id(&self) -> &'a str {
        &self.entity.entity_id
    }
}

/// A string that hashes and compares ASCII-case-insensitively, so that name parts can be
/// looked up as written instead of as lowercase copies.
#[derive(Clone, Copy, Debug)]
pub(super) struct AsciiCi<'a>(pub &'a str);

impl Hash for AsciiCi<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        // Eight bytes at a time, lowercased in the word: a byte at a time costs more than the
        // table lookup it feeds.
        let mut chunks = self.0.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            h.write_u64(ascii_lower(u64::from_le_bytes(
                c.try_into().expect("8 bytes"),
            )));
        }
        let rest = chunks.remainder();
        let mut tail = [0u8; 8];
        tail[..rest.len()].copy_from_slice(rest);
        h.write_u64(ascii_lower(u64::from_le_bytes(tail)));
        h.write_usize(self.0.len());
    }
}

/// The eight bytes of `w` with ASCII capitals lowercased.
fn ascii_lower(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit cleared so that no addition carries into the next byte; non-ASCII bytes are
    // masked out.
    let low = w & !HIGH;
    let upper = (low + 0x3f * ONES) & !(low + 0x25 * ONES) & !w & HIGH;
    w | (upper >> 2)
}

impl PartialEq for AsciiCi<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for AsciiCi<'_> {}

/// The words of a name, split at spaces and hyphens (`Leung Chun-ying`); like `str::split`,
/// empty words between two separators are kept.
pub(super) fn name_parts(name: &str) -> impl Iterator<Item = &str> + Clone {
    crate::token::split_ascii(name, |b| b == b' ' || b == b'-')
}

#[derive(Debug)]
struct Seen<'a> {
    pos: usize,
    sentence: usize,
    person: bool,
    r: Referent<'a>,
    /// For a person, the index in [`Salience::seen`] of the previous mention of the same name.
    prev: Option<usize>,
}

/// How far back a pronoun looks, in entries; keeps resolution linear on long texts.
const MAX_LOOKBACK: usize = 64;

/// The words written before a person's name, or the person's role: kept as found and
/// lowercased only when a description asks, which few do.
#[derive(Clone, Copy, Debug)]
pub(super) enum Title<'a> {
    /// A span of the text (`Pemimpin Korea Utara`), not blank.
    Written(Span),
    /// The entity's role.
    Role(&'a str),
}

/// A person's name as seen, once however often it is mentioned.
#[derive(Debug)]
struct Name<'a> {
    name: &'a str,
    /// Index in [`Salience::seen`] of its latest mention; the mentions before it are chained by
    /// [`Seen::prev`].
    last: usize,
}

/// Parties in text order, as the document is read.
#[derive(Debug, Default)]
pub(super) struct Salience<'a> {
    seen: Vec<Seen<'a>>,
    /// Titles of the people seen ([`Referent::title`]).
    titles: Vec<Title<'a>>,
    /// The distinct names of the people seen, in order of first mention.
    names: Vec<Name<'a>>,
    /// Index in `names` of each name: a mention costs one lookup, not one per word of its name.
    name_ids: rustc_hash::FxHashMap<&'a str, usize>,
    /// For each word of a seen name (ASCII-case-insensitive), the first of its entries in
    /// `with_part`: short forms look only at the names that have their first word, not at
    /// everyone seen before.
    by_part: rustc_hash::FxHashMap<AsciiCi<'a>, usize>,
    /// Lists of names by word, in one vector: an index in `names` and the next entry.
    with_part: Vec<(usize, Option<usize>)>,
}

impl<'a> Salience<'a> {
    /// Sized for a document with `entities` entities: growing the tables of names from empty
    /// costs more than the few names a document has.
    pub fn with_capacity(entities: usize) -> Salience<'a> {
        let tables = entities.min(16);
        Salience {
            seen: Vec::with_capacity(entities.min(64)),
            name_ids: rustc_hash::FxHashMap::with_capacity_and_hasher(tables, Default::default()),
            by_part: rustc_hash::FxHashMap::with_capacity_and_hasher(tables, Default::default()),
            ..Salience::default()
        }
    }

    pub fn push_entity(&mut self, e: &'a Entity, title: Option<Span>, sentence: usize) {
        let person = e.label == crate::Label::Per;
        let mut r = Referent::of(e);
        // Only people are ever looked up by title.
        if person {
            let title = title
                .map(Title::Written)
                .or_else(|| e.role.as_deref().map(Title::Role));
            if let Some(t) = title {
                r.title = Some(self.titles.len());
                self.titles.push(t);
            }
        }
        self.push(e.span.start, sentence, person, r);
    }

    pub fn push(&mut self, pos: usize, sentence: usize, person: bool, r: Referent<'a>) {
        let at = self.seen.len();
        let mut prev = None;
        if person {
            match self.name_ids.get(r.name()) {
                Some(&id) => prev = Some(std::mem::replace(&mut self.names[id].last, at)),
                None => self.add_name(r.name(), at),
            }
        }
        self.seen.push(Seen {
            pos,
            sentence,
            person,
            r,
            prev,
        });
    }

    fn add_name(&mut self, name: &'a str, at: usize) {
        let id = self.names.len();
        self.names.push(Name { name, last: at });
        self.name_ids.insert(name, id);
        for part in name_parts(name) {
            let next = self.with_part.len();
            let head = self.by_part.entry(AsciiCi(part)).or_insert(next);
            if *head == next {
                self.with_part.push((id, None));
            } else if self.with_part[*head].0 != id {
                // In front: the list need not be in order, and a name's repeated word (`Kim
                // Kim`) is then found at once.
                let first = std::mem::replace(head, next);
                self.with_part.push((id, Some(first)));
            }
        }
    }

    fn people_before(
        &self,
        pos: usize,
        sentence: usize,
        window: usize,
    ) -> impl Iterator<Item = &Seen<'a>> {
        let end = self.seen.partition_point(|s| s.pos < pos);
        self.seen[..end]
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .take_while(move |s| s.sentence + window >= sentence)
            .filter(|s| s.person)
    }

    /// `ia`, `dia`, `-nya`: the latest person before `pos`, other than `not`.
    pub fn singular(&self, pos: usize, sentence: usize, not: &[&str]) -> Option<Referent<'a>> {
        self.people_before(pos, sentence, 3)
            .find(|s| !not.contains(&s.r.id()))
            .map(|s| s.r)
    }

    /// `mereka`, `keduanya`: the two latest distinct people before `pos`, earlier first.
    pub fn plural(&self, pos: usize, sentence: usize) -> Option<[Referent<'a>; 2]> {
        let mut later: Option<Referent<'a>> = None;
        for s in self.people_before(pos, sentence, 2) {
            match later {
                None => later = Some(s.r),
                Some(l) if l.id() != s.r.id() => return Some([s.r, l]),
                Some(_) => {}
            }
        }
        None
    }

    /// The title of a person seen, lowercase, as the chunk's title words are.
    fn title(&self, text: &str, s: &Seen) -> Option<String> {
        Some(match self.titles[s.r.title?] {
            Title::Written(span) => text.get(span.range()).unwrap_or("").trim().to_lowercase(),
            Title::Role(role) => role.to_lowercase(),
        })
    }

    /// `pemimpin Korea Utara itu`: the latest person written with that title (or its first
    /// word); `text` is the document's.
    pub fn described(
        &self,
        pos: usize,
        sentence: usize,
        title: &str,
        text: &str,
    ) -> Option<Referent<'a>> {
        let head = title.split(' ').next().unwrap_or(title);
        let titled = |s: &&Seen| self.title(text, s).is_some_and(|t| t == title);
        let headed = |s: &&Seen| {
            self.title(text, s)
                .is_some_and(|t| t.split(' ').next() == Some(head))
        };
        self.people_before(pos, sentence, usize::MAX / 2)
            .find(titled)
            .or_else(|| {
                self.people_before(pos, sentence, usize::MAX / 2)
                    .find(headed)
            })
            .map(|s| s.r)
    }

    /// `Kim`: a person named earlier whose name has this word (or these words).
    pub fn short_form(&self, pos: usize, words: &str) -> Option<Referent<'a>> {
        let parts = words.split_whitespace();
        let end = self.seen.partition_point(|s| s.pos < pos);
        // Only the people whose name has the first part can have them all.
        let first = parts.clone().next()?;
        let mut entry = self.by_part.get(&AsciiCi(first)).copied();
        // The latest mention before `pos` of a name that has every part.
        let mut best: Option<usize> = None;
        while let Some(k) = entry {
            let (id, next) = self.with_part[k];
            entry = next;
            let n = &self.names[id];
            // Mentions at or after `pos` are few: those of the sentence being read.
            let mut latest = Some(n.last);
            while let Some(i) = latest.filter(|&i| i >= end) {
                latest = self.seen[i].prev;
            }
            let Some(latest) = latest else { continue };
            if best.is_some_and(|b| b > latest) {
                continue;
            }
            let has_all = parts
                .clone()
                .all(|p| name_parts(n.name).any(|w| w.eq_ignore_ascii_case(p)));
            if has_all {
                best = Some(latest);
            }
        }
        best.map(|i| self.seen[i].r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_parts_split_like_str_split() {
        for name in [
            "",
            "Kim",
            "Leung Chun-ying",
            "a  b",
            "-x-",
            "Émile Zola-Ñ",
            " ",
        ] {
            let want: Vec<&str> = name.split([' ', '-']).collect();
            assert_eq!(name_parts(name).collect::<Vec<_>>(), want, "{name:?}");
        }
    }

    #[test]
    fn ascii_lower_is_bytewise() {
        for start in (0..=255u8).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|i| start.wrapping_add(i as u8));
            let want: [u8; 8] = bytes.map(|b| b.to_ascii_lowercase());
            assert_eq!(ascii_lower(u64::from_le_bytes(bytes)).to_le_bytes(), want);
        }
    }

    #[test]
    fn case_variants_hash_alike() {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher;
        for (a, b) in [
            ("Kim", "kim"),
            ("JONG-UN Kim Jong", "jong-un kim jONG"),
            ("É", "É"),
        ] {
            assert_eq!(AsciiCi(a), AsciiCi(b));
            assert_eq!(h.hash_one(AsciiCi(a)), h.hash_one(AsciiCi(b)));
        }
        assert_ne!(AsciiCi("É"), AsciiCi("é"));
    }
}
