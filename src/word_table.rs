//! A table of words and their bits: the lexical questions recognition and event patterns ask
//! of every token (is it a cue word, a given name, the start of a title...) answered by one
//! lookup.

use rustc_hash::FxHashMap;

/// Bits by word, looked up once per token of every document: a word of up to 16 bytes is
/// found by its bytes packed into integers, without hashing a string or comparing bytes.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordTable {
    /// Open addressing on [`Key::hash`]; empty or a power of two long, at most a quarter full:
    /// most words looked up are in no list, and a sparse table tells so at the first slot.
    slots: Vec<(Key, u32)>,
    /// A byte of each slot's hash (never 0), 0 for an empty slot: a word in no list is told so
    /// from these bytes alone, which stay in the cache where the slots (32 bytes each) would
    /// not.
    tags: Vec<u8>,
    used: usize,
    /// Words of more than 16 bytes (none in the embedded files).
    long: FxHashMap<Box<[u8]>, u32>,
}

/// A word of 1 to 16 bytes, exactly: its length and loads of its bytes that together cover
/// all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
struct Key {
    a: u64,
    b: u64,
    len: usize,
}

impl Key {
    #[inline]
    fn of(w: &[u8]) -> Option<Key> {
        let n = w.len();
        let load4 = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().expect("4 bytes")));
        let load8 = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes"));
        let (a, b) = match n {
            0 | 17.. => return None,
            8.. => (load8(&w[..8]), load8(&w[n - 8..])),
            4.. => (load4(&w[..4]) | load4(&w[n - 4..]) << 32, 0),
            // The first, middle and last bytes are all of them.
            _ => (
                u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
                0,
            ),
        };
        Some(Key { a, b, len: n })
    }

    /// The key's slot (before masking) and its tag.
    #[inline]
    fn hash(self) -> (usize, u8) {
        let h =
            (self.a ^ self.b.rotate_left(29) ^ self.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ((h >> 32) as usize, (h >> 24) as u8 | 1)
    }
}

impl WordTable {
    /// The bits of `word` (exactly as written), 0 for a word not in the table.
    #[inline]
    pub(crate) fn get(&self, word: &[u8]) -> u32 {
        let Some(k) = Key::of(word) else {
            return if self.long.is_empty() {
                0
            } else {
                self.long.get(word).copied().unwrap_or(0)
            };
        };
        let mask = self.slots.len().wrapping_sub(1);
        let (at, tag) = k.hash();
        let mut i = at & mask;
        while let Some(&t) = self.tags.get(i) {
            if t == 0 {
                break;
            }
            if t == tag && self.slots[i].0 == k {
                return self.slots[i].1;
            }
            i = (i + 1) & mask;
        }
        0
    }

    /// Adds `bits` to those of `word`.
    pub(crate) fn add(&mut self, word: &str, bits: u32) {
        let Some(k) = Key::of(word.as_bytes()) else {
            *self.long.entry(word.as_bytes().into()).or_default() |= bits;
            return;
        };
        if (self.used + 1) * 4 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(Key::default(), 0); (old.len() * 2).max(64)];
            let old_tags = std::mem::take(&mut self.tags);
            self.tags = vec![0; self.slots.len()];
            self.used = 0;
            for ((k, bits), _) in old.into_iter().zip(old_tags).filter(|(_, t)| *t != 0) {
                self.insert(k, bits);
            }
        }
        self.insert(k, bits);
    }

    fn insert(&mut self, k: Key, bits: u32) {
        let mask = self.slots.len() - 1;
        let (at, tag) = k.hash();
        let mut i = at & mask;
        loop {
            if self.tags[i] == 0 {
                self.slots[i] = (k, bits);
                self.tags[i] = tag;
                self.used += 1;
                return;
            }
            if self.slots[i].0 == k {
                self.slots[i].1 |= bits;
                return;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_its_words() {
        let mut t = WordTable::default();
        let words: Vec<String> = (1..=20)
            .flat_map(|n| ["a", "b", "\0"].map(|c| c.repeat(n)))
            .chain(["di", "dengan", "menghadiahkannya", "kedua-duanya"].map(String::from))
            .collect();
        for (i, w) in words.iter().enumerate() {
            t.add(w, 1 << (i % 31));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.as_bytes()), 1 << (i % 31), "{w:?}");
        }
        for w in ["", "d", "dan", "a\0", "\0a", "dengaN", "menghadiahkanny"] {
            assert_eq!(t.get(w.as_bytes()), 0, "{w:?}");
        }
    }
}
