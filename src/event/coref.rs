//! Coreference good enough for news: pronouns, plural pronouns, descriptions by title and short
//! forms of names, resolved against the people recently named.

use crate::Entity;
use std::hash::{Hash, Hasher};

/// A party named earlier in the document. Borrows the entity's strings: the referents of a
/// document are many and short-lived, and only the few that become participants are copied.
#[derive(Clone, Copy, Debug)]
pub(super) struct Referent<'a> {
    pub name: &'a str,
    pub id: &'a str,
    /// Index in [`Salience::titles`] of the title words written before the name, so that a
    /// pronoun resolved to this party carries them on without a copy.
    title: Option<usize>,
}

impl<'a> Referent<'a> {
    pub fn of(e: &'a Entity) -> Referent<'a> {
        Referent {
            name: &e.name,
            id: &e.entity_id,
            title: None,
        }
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

#[derive(Debug)]
struct Seen<'a> {
    pos: usize,
    sentence: usize,
    person: bool,
    r: Referent<'a>,
}

/// How far back a pronoun looks, in entries; keeps resolution linear on long texts.
const MAX_LOOKBACK: usize = 64;

/// Parties in text order, as the document is read.
#[derive(Debug, Default)]
pub(super) struct Salience<'a> {
    seen: Vec<Seen<'a>>,
    /// Title words written before a person's name (`pemimpin korea utara`), or its role,
    /// lowercase.
    titles: Vec<String>,
    /// For each word of a seen name (ASCII-case-insensitive), the indices in `seen` of the names
    /// that have it, ascending: short forms look only at those, not at everyone seen before.
    by_part: rustc_hash::FxHashMap<AsciiCi<'a>, Vec<usize>>,
}

impl<'a> Salience<'a> {
    pub fn push_entity(&mut self, e: &'a Entity, title: Option<&str>, sentence: usize) {
        let person = e.label == crate::Label::Per;
        let mut r = Referent::of(e);
        // Only people are ever looked up by title.
        if person {
            let title = title
                .map(str::to_string)
                .or_else(|| e.role.as_ref().map(|r| r.to_lowercase()));
            if let Some(t) = title {
                r.title = Some(self.titles.len());
                self.titles.push(t);
            }
        }
        self.push(e.span.start, sentence, person, r);
    }

    pub fn push(&mut self, pos: usize, sentence: usize, person: bool, r: Referent<'a>) {
        if person {
            for part in r.name.split([' ', '-']) {
                let list = self.by_part.entry(AsciiCi(part)).or_default();
                if list.last() != Some(&self.seen.len()) {
                    list.push(self.seen.len());
                }
            }
        }
        self.seen.push(Seen {
            pos,
            sentence,
            person,
            r,
        });
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
            .find(|s| !not.contains(&s.r.id))
            .map(|s| s.r)
    }

    /// `mereka`, `keduanya`: the two latest distinct people before `pos`.
    pub fn plural(&self, pos: usize, sentence: usize) -> Vec<Referent<'a>> {
        let mut out: Vec<Referent<'a>> = Vec::new();
        for s in self.people_before(pos, sentence, 2) {
            if !out.iter().any(|r| r.id == s.r.id) {
                out.push(s.r);
                if out.len() == 2 {
                    break;
                }
            }
        }
        if out.len() < 2 {
            return Vec::new();
        }
        out.reverse();
        out
    }

    fn title(&self, s: &Seen) -> Option<&str> {
        s.r.title.map(|i| self.titles[i].as_str())
    }

    /// `pemimpin Korea Utara itu`: the latest person written with that title (or its first word).
    pub fn described(&self, pos: usize, sentence: usize, title: &str) -> Option<Referent<'a>> {
        let head = title.split(' ').next().unwrap_or(title);
        let titled = |s: &&Seen| self.title(s).is_some_and(|t| t == title);
        let headed = |s: &&Seen| {
            self.title(s)
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
        let cands = self.by_part.get(&AsciiCi(first))?;
        let below = cands.partition_point(|&i| i < end);
        cands[..below]
            .iter()
            .rev()
            .map(|&i| &self.seen[i])
            .filter(|s| s.person)
            .find(|s| {
                parts.clone().all(|p| {
                    s.r.name
                        .split([' ', '-'])
                        .any(|n| n.eq_ignore_ascii_case(p))
                })
            })
            .map(|s| s.r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
