//! Coreference good enough for news: pronouns, plural pronouns, descriptions by title and short
//! forms of names, resolved against the people recently named.

use crate::Entity;

/// A party named earlier in the document.
#[derive(Clone, Debug)]
pub(super) struct Referent {
    pub name: String,
    pub id: String,
    /// Title words written before the name (`pemimpin korea utara`), lowercase.
    pub title: Option<String>,
}

#[derive(Debug)]
struct Seen {
    pos: usize,
    sentence: usize,
    person: bool,
    r: Referent,
}

/// How far back a pronoun looks, in entries; keeps resolution linear on long texts.
const MAX_LOOKBACK: usize = 64;

/// Parties in text order, as the document is read.
#[derive(Debug, Default)]
pub(super) struct Salience {
    seen: Vec<Seen>,
    /// For each word of a seen name (ASCII-lowercased), the indices in `seen` of the names that
    /// have it, ascending: short forms look only at those, not at everyone seen before.
    by_part: rustc_hash::FxHashMap<String, Vec<usize>>,
}

impl Salience {
    pub fn push_entity(&mut self, e: &Entity, title: Option<String>, sentence: usize) {
        let role = e.role.as_ref().map(|r| r.to_lowercase());
        self.push(
            e.span.start,
            sentence,
            e.label == crate::Label::Per,
            Referent {
                name: e.name.clone(),
                id: e.entity_id.clone(),
                title: title.or(role),
            },
        );
    }

    pub fn push(&mut self, pos: usize, sentence: usize, person: bool, r: Referent) {
        if person {
            for part in r.name.split([' ', '-']) {
                let list = self.by_part.entry(part.to_ascii_lowercase()).or_default();
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
    ) -> impl Iterator<Item = &Seen> {
        let end = self.seen.partition_point(|s| s.pos < pos);
        self.seen[..end]
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .take_while(move |s| s.sentence + window >= sentence)
            .filter(|s| s.person)
    }

    /// `ia`, `dia`, `-nya`: the latest person before `pos`, other than `not`.
    pub fn singular(&self, pos: usize, sentence: usize, not: &[String]) -> Option<Referent> {
        self.people_before(pos, sentence, 3)
            .find(|s| !not.contains(&s.r.id))
            .map(|s| s.r.clone())
    }

    /// `mereka`, `keduanya`: the two latest distinct people before `pos`.
    pub fn plural(&self, pos: usize, sentence: usize) -> Vec<Referent> {
        let mut out: Vec<Referent> = Vec::new();
        for s in self.people_before(pos, sentence, 2) {
            if !out.iter().any(|r| r.id == s.r.id) {
                out.push(s.r.clone());
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

    /// `pemimpin Korea Utara itu`: the latest person written with that title (or its first word).
    pub fn described(&self, pos: usize, sentence: usize, title: &str) -> Option<Referent> {
        let head = title.split(' ').next().unwrap_or(title);
        let titled = |s: &&Seen| s.r.title.as_deref().is_some_and(|t| t == title);
        let headed = |s: &&Seen| {
            s.r.title
                .as_deref()
                .is_some_and(|t| t.split(' ').next() == Some(head))
        };
        self.people_before(pos, sentence, usize::MAX / 2)
            .find(titled)
            .or_else(|| {
                self.people_before(pos, sentence, usize::MAX / 2)
                    .find(headed)
            })
            .map(|s| s.r.clone())
    }

    /// `Kim`: a person named earlier whose name has this word (or these words).
    pub fn short_form(&self, pos: usize, words: &str) -> Option<Referent> {
        let parts: Vec<&str> = words.split_whitespace().collect();
        let end = self.seen.partition_point(|s| s.pos < pos);
        // Only the people whose name has the first part can have them all.
        let first = parts.first()?.to_ascii_lowercase();
        let cands = self.by_part.get(&first)?;
        let below = cands.partition_point(|&i| i < end);
        cands[..below]
            .iter()
            .rev()
            .map(|&i| &self.seen[i])
            .filter(|s| s.person)
            .find(|s| {
                let name: Vec<&str> = s.r.name.split([' ', '-']).collect();
                !parts.is_empty()
                    && parts
                        .iter()
                        .all(|p| name.iter().any(|n| n.eq_ignore_ascii_case(p)))
            })
            .map(|s| s.r.clone())
    }
}
