//! The event pattern files: a trigger lexicon, argument frames and cue word lists, parsed once.
//!
//! Format (`gazetteers/patterns/FORMAT.md`): one directive a line, TAB-separated.
//! - `trigger TYPE phrase frame [options]`: a trigger phrase (lowercase words separated by
//!   spaces) for an event type, with the argument frame that reads its arguments.
//! - `+ sentence [participants]` and `- sentence`: positive and negative examples of the
//!   trigger above; the test suite runs them all.
//! - `cue NAME word|word|…`: a word list the frames consult (modality, adverbs, titles, …).

use crate::EventType;
use crate::error::{Error, ErrorKind};
use crate::word_table::WordTable;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

/// How a trigger finds its arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Symmetric meeting: subject(s), `dengan X`, `antara X dan Y`, a direct object.
    Meet,
    /// Visitor is the subject; a place or host follows (directly or after `ke`).
    Visit,
    /// Traveller is the subject; the place follows `di` or `ke`.
    Arrive,
    /// Host is the subject, guest the object (`menyambut X`).
    Host,
    /// Guest is the subject, host the agent (`disambut oleh X`).
    HostPassive,
    /// Speaker is the subject, what was said follows (`X mengatakan …`).
    Say,
    /// Speaker follows the verb, what was said precedes (`…, kata X`).
    SayAfter,
    /// Giver is the subject; recipient and object follow (`mengirimi X sebuah Y`).
    Give,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "meet" => Frame::Meet,
            "visit" => Frame::Visit,
            "arrive" => Frame::Arrive,
            "host" => Frame::Host,
            "host-passive" => Frame::HostPassive,
            "say" => Frame::Say,
            "say-after" => Frame::SayAfter,
            "give" => Frame::Give,
            _ => return None,
        })
    }
}

fn parse_type(s: &str) -> Option<EventType> {
    Some(match s {
        "MEET" => EventType::Meet,
        "VISIT" => EventType::Visit,
        "ARRIVE" => EventType::Arrive,
        "HOST" => EventType::Host,
        "STATEMENT" => EventType::Statement,
        "TRANSFER" => EventType::Transfer,
        _ => return None,
    })
}

/// The cue lists the frames know; an unknown name in a file is an error, not a silent no-op.
pub(crate) const CUE_NAMES: &[&str] = &[
    "planned",
    "negated",
    "skip",
    "title",
    "group",
    "singular",
    "plural",
    "plural-head",
    "demonstrative",
    "clause",
    "preposition",
    "place-noun",
    "sports",
    "agent",
    "comitative",
    "between",
    "toward",
    "at",
    "recipient",
    "complementizer",
    "temporal",
];

/// One trigger phrase.
#[derive(Clone, Debug)]
pub(crate) struct Trigger {
    pub kind: EventType,
    /// Lowercase words; the last may carry a clitic in the text (`menemuinya`).
    pub words: Vec<String>,
    pub frame: Frame,
    /// A noun (`pertemuan`): an event only with its own named argument, place or time.
    pub nominal: bool,
    /// A bare phrase right after the trigger is an argument (`menemui X`, `mengunjungi X`).
    pub direct: bool,
    /// Words that, among the next few, cancel the trigger (`memberikan perlindungan`).
    pub unless: Vec<String>,
}

/// An example sentence of a trigger.
#[derive(Clone, Debug)]
#[cfg_attr(not(test), allow(dead_code))] // read by the test that runs them all
pub(crate) struct Example {
    pub trigger: usize,
    pub positive: bool,
    pub sentence: String,
    /// Expected participant names (or texts when unresolved), when the example lists them.
    pub participants: Option<Vec<String>>,
    pub origin: String,
}

/// A compiled set of patterns.
#[derive(Clone, Debug, Default)]
pub(crate) struct Patterns {
    pub triggers: Vec<Trigger>,
    by_first: HashMap<String, Vec<usize>>,
    cues: HashMap<&'static str, HashSet<String>>,
    /// Every cue word (lowercase) and the cue lists it is in, one bit per [`CUE_NAMES`] index;
    /// the first words of triggers (bare or with a clitic) also carry [`TRIGGER_START`].
    cue_bits: WordTable,
    pub examples: Vec<Example>,
}

/// The bit of cue list `name` in [`Patterns::cues_of`] masks (0 for an unknown name).
pub(crate) const fn cue_bit(name: &str) -> u32 {
    let mut i = 0;
    while i < CUE_NAMES.len() {
        let c = CUE_NAMES[i].as_bytes();
        let n = name.as_bytes();
        if c.len() == n.len() {
            let mut k = 0;
            while k < c.len() && c[k] == n[k] {
                k += 1;
            }
            if k == c.len() {
                return 1 << i;
            }
        }
        i += 1;
    }
    0
}

/// A mask bit of [`Patterns::cues_of`] beyond the cue lists: the word may start a trigger
/// phrase (it is the first word of one, maybe with a clitic). A sentence without such a word
/// has no trigger.
pub(crate) const TRIGGER_START: u32 = 1 << 31;
const _: () = assert!(CUE_NAMES.len() < 31, "cue bits overlap TRIGGER_START");

/// The [`cue_bit`] of a cue list name, computed at compile time (an unknown name does not compile).
macro_rules! cue {
    ($name:literal) => {{
        const BIT: u32 = $crate::event::patterns::cue_bit($name);
        const _: () = assert!(BIT != 0, "unknown cue list");
        BIT
    }};
}
pub(crate) use cue;

impl Patterns {
    /// The cue lists `word` (lowercase) is in, as a mask of [`cue_bit`]s, with
    /// [`TRIGGER_START`] when a trigger phrase may start with it.
    #[inline]
    pub fn cues_of(&self, word: &[u8]) -> u32 {
        self.cue_bits.get(word)
    }

    fn add_bits(&mut self, word: &str, bits: u32) {
        self.cue_bits.add(word, bits);
    }

    fn add_cue_word(&mut self, name: &'static str, word: String) {
        self.add_bits(&word, cue_bit(name));
        self.cues.entry(name).or_default().insert(word);
    }

    /// Triggers whose first word is `word` (lowercase).
    pub fn starting_with(&self, word: &str) -> &[usize] {
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// Adds every directive of `text`; `path` names it in errors.
    pub fn add_text(&mut self, path: &Path, text: &str) -> Result<(), Error> {
        let mut current: Option<usize> = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |kind| Error::new(kind).at(path, Some(n + 1));
            let cols: Vec<&str> = line.split('\t').collect();
            match cols[0] {
                "trigger" => {
                    let t = parse_trigger(&cols).map_err(at)?;
                    current = Some(self.push_trigger(t));
                }
                sign @ ("+" | "-") => {
                    let Some(trigger) = current else {
                        return Err(at(ErrorKind::ExampleWithoutTrigger));
                    };
                    let sentence = cols.get(1).map_or("", |s| s.trim());
                    if sentence.is_empty() || cols.len() > 3 {
                        return Err(at(ErrorKind::ColumnCount {
                            found: cols.len(),
                            expected: 3,
                        }));
                    }
                    let participants = cols
                        .get(2)
                        .filter(|s| !s.trim().is_empty())
                        .map(|s| s.split('|').map(|p| p.trim().to_string()).collect());
                    self.examples.push(Example {
                        trigger,
                        positive: sign == "+",
                        sentence: sentence.to_string(),
                        participants,
                        origin: format!("{}:{}", path.display(), n + 1),
                    });
                }
                "cue" => {
                    if cols.len() != 3 {
                        return Err(at(ErrorKind::ColumnCount {
                            found: cols.len(),
                            expected: 3,
                        }));
                    }
                    let Some(&name) = CUE_NAMES.iter().find(|&&c| c == cols[1]) else {
                        return Err(at(ErrorKind::UnknownCue(cols[1].to_string())));
                    };
                    for w in cols[2].split('|').map(str::trim).filter(|w| !w.is_empty()) {
                        self.add_cue_word(name, w.to_lowercase());
                    }
                }
                other => return Err(at(ErrorKind::UnknownDirective(other.to_string()))),
            }
        }
        Ok(())
    }

    /// Reads a pattern file.
    pub fn add_file(&mut self, path: &Path) -> Result<(), Error> {
        let text = crate::error::read_config(path)?;
        self.add_text(path, &text)
    }

    /// Adds everything of `other` (a user's file on top of the defaults).
    pub fn extend(&mut self, other: &Patterns) {
        let offset = self.triggers.len();
        for t in &other.triggers {
            self.push_trigger(t.clone());
        }
        for (name, words) in &other.cues {
            for w in words {
                self.add_cue_word(name, w.clone());
            }
        }
        self.examples.extend(other.examples.iter().map(|e| Example {
            trigger: e.trigger + offset,
            ..e.clone()
        }));
    }

    fn push_trigger(&mut self, t: Trigger) -> usize {
        let i = self.triggers.len();
        // `find_triggers` looks a word up as written and, when it has a clitic, as its base
        // (`menemuinya`): marking both forms lets a sentence without either be skipped.
        self.add_bits(&t.words[0], TRIGGER_START);
        for clitic in crate::token::CLITICS {
            self.add_bits(&format!("{}{clitic}", t.words[0]), TRIGGER_START);
        }
        self.by_first.entry(t.words[0].clone()).or_default().push(i);
        // Longer phrases first, so that `melakukan pertemuan` wins over a shorter reading.
        let triggers = &self.triggers;
        if let Some(list) = self.by_first.get_mut(&t.words[0]) {
            list.sort_by_key(|&k| {
                std::cmp::Reverse(if k == i {
                    t.words.len()
                } else {
                    triggers[k].words.len()
                })
            });
        }
        self.triggers.push(t);
        i
    }
}

fn parse_trigger(cols: &[&str]) -> Result<Trigger, ErrorKind> {
    if !(4..=5).contains(&cols.len()) {
        return Err(ErrorKind::ColumnCount {
            found: cols.len(),
            expected: 5,
        });
    }
    let kind =
        parse_type(cols[1]).ok_or_else(|| ErrorKind::UnknownEventType(cols[1].to_string()))?;
    let words: Vec<String> = cols[2].split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Err(ErrorKind::EmptyField("trigger phrase"));
    }
    let frame =
        Frame::parse(cols[3]).ok_or_else(|| ErrorKind::UnknownFrame(cols[3].to_string()))?;
    let mut t = Trigger {
        kind,
        words,
        frame,
        nominal: false,
        direct: false,
        unless: Vec::new(),
    };
    for opt in cols.get(4).into_iter().flat_map(|o| o.split(';')) {
        let opt = opt.trim();
        match opt.split_once('=') {
            _ if opt.is_empty() => {}
            None if opt == "nominal" => t.nominal = true,
            None if opt == "direct" => t.direct = true,
            Some(("unless", words)) if !words.is_empty() => {
                t.unless = words.split('|').map(|w| w.trim().to_lowercase()).collect();
            }
            _ => return Err(ErrorKind::BadOption(opt.to_string())),
        }
    }
    Ok(t)
}

/// The embedded pattern files, in load order.
pub(crate) const DEFAULT_FILES: &[(&str, &str)] = &[
    (
        "gazetteers/patterns/cues.tsv",
        include_str!("../../gazetteers/patterns/cues.tsv"),
    ),
    (
        "gazetteers/patterns/triggers.tsv",
        include_str!("../../gazetteers/patterns/triggers.tsv"),
    ),
];

/// The embedded default patterns.
pub(crate) fn defaults() -> Patterns {
    let mut p = Patterns::default();
    for (path, text) in DEFAULT_FILES {
        // The embedded files are checked by the test suite; a bad line is a build defect.
        p.add_text(Path::new(path), text)
            .unwrap_or_else(|e| panic!("embedded patterns: {e}"));
    }
    p
}
