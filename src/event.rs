//! Events: who met, visited, welcomed, spoke to or gave to whom, where and when.
//!
//! Sentence by sentence: trigger phrases from the pattern files are found, noun-phrase chunks
//! fill the roles of each trigger's argument frame (subject before the verb, `dengan`, `antara`,
//! `oleh`, `ke`, a direct object …), pronouns and descriptions are resolved against the people
//! named before, and each event gets the place and time written in its own clause.

// Nested `if`s mirror the frames' argument order (subject, then marker, then phrase).
#![allow(clippy::collapsible_if)]

mod chunk;
mod coref;
pub(crate) mod patterns;
#[cfg(test)]
mod tests;

use crate::{
    Entity, Event, EventType, Label, Mention, Modality, Participant, Place, Role, Span, TimeExpr,
    Token,
};
use chunk::{Chunk, Head, Word};
use coref::{Referent, Salience};
use patterns::{Frame, Patterns, Trigger, cue};
use std::ops::Range;

/// How many words a frame looks past its trigger for a marker (`dengan`, `ke`, `oleh`).
const MAX_GAP: usize = 3;

/// Finds the events of a document. Linear in the text: every look-around is bounded.
pub(crate) fn find_events(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    times: &[TimeExpr],
    patterns: &Patterns,
) -> Vec<Event> {
    find_events_in_blocks(
        text,
        tokens,
        sentences,
        entities,
        times,
        patterns,
        WORDS_BLOCK,
    )
}

/// [`find_events`], making words `block_len` tokens at a time (the tests hold the result the
/// same for any length).
#[allow(clippy::too_many_arguments)]
fn find_events_in_blocks(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    times: &[TimeExpr],
    patterns: &Patterns,
    block_len: usize,
) -> Vec<Event> {
    let mut sal = Salience::with_capacity(entities.len());
    let people = chunk::People::new(entities);
    let lowered = chunk::Lowered::new(text, tokens);
    // Coreference reads every sentence before an event, but nothing after the last sentence
    // that can hold a trigger changes the result: words are made only up to its end.
    let Some(last_start) = chunk::last_trigger_start(tokens, &lowered, patterns) else {
        return Vec::new();
    };
    let last = sentences.partition_point(|s| s.end <= tokens[last_start].span.start);
    let words_end = sentences.get(last).map_or(tokens.len(), |s| {
        tokens.partition_point(|t| t.span.start < s.end)
    });
    let ranges = sentence_ranges(tokens, sentences);
    let mut out = Vec::new();
    // Buffers reused by every window. `words` holds the words of tokens `block`, made
    // `block_len` tokens at a time (or a window, when longer).
    let mut words = Vec::new();
    let mut block = 0..0;
    let mut chunks = Vec::new();
    let mut is_trigger = Vec::new();
    // Each window sees only its own times (they come in text order): scanning all of a long
    // document's times for every event would be quadratic.
    debug_assert!(times.is_sorted_by_key(|t| t.span.start));
    let mut first_time = 0;
    for (si, (&whole, range)) in sentences.iter().zip(ranges).enumerate().take(last + 1) {
        let mut windows = Windows::new(whole, range);
        while let Some((sent, range)) = windows.next(tokens, entities) {
            if range.start < block.start || range.end > block.end {
                let end = words_end.min(range.start.saturating_add(block_len));
                block = range.start..end.max(range.end);
                chunk::words_into(
                    text,
                    &tokens[block.clone()],
                    block.start,
                    &lowered,
                    entities,
                    patterns,
                    &mut words,
                );
            }
            let words = &words[range.start - block.start..range.end - block.start];
            let matches = if words.iter().any(|w| w.trigger_start) {
                find_triggers(words, patterns)
            } else {
                Vec::new()
            };
            is_trigger.clear();
            is_trigger.resize(words.len(), false);
            for m in &matches {
                is_trigger[m.start..m.end]
                    .iter_mut()
                    .for_each(|b| *b = true);
            }
            chunk::chunks(text, words, entities, &is_trigger, &people, &mut chunks);
            // Windows come in text order: the times before this one are behind for good.
            first_time += times[first_time..].partition_point(|t| t.span.start < sent.start);
            let n = times[first_time..].partition_point(|t| t.span.start < sent.end);
            let cx = Sentence {
                text,
                index: si,
                span: sent,
                words,
                chunks: &chunks,
                entities,
                times: &times[first_time..first_time + n],
                p: patterns,
                trig: &is_trigger,
            };
            if matches.is_empty() {
                // No event here, but its names and pronouns are the context of the next ones.
                for c in &chunks {
                    cx.note(c, &mut sal);
                }
                continue;
            }
            let resolved: Vec<Resolved> = chunks.iter().map(|c| cx.resolve(c, &mut sal)).collect();
            let mut events = cx.events(&matches, &resolved, &sal);
            for e in &mut events {
                e.sentence = whole;
            }
            out.extend(events);
        }
    }
    assign_groups(&mut out);
    out
}

/// The tokens of each sentence: those that start and end inside it. Sentences and tokens are
/// in text order, so each sentence's search starts where the one before it ended. (An iterator:
/// a text of a million one-mark sentences should not keep a million ranges.)
fn sentence_ranges<'t>(
    tokens: &'t [Token],
    sentences: &'t [Span],
) -> impl Iterator<Item = Range<usize>> + 't {
    let mut first = 0;
    let mut end = 0;
    sentences.iter().map(move |s| {
        // Token starts rise: when the last token of the sentence before starts before this
        // one, so do all the tokens up to it.
        if end > first && tokens[end - 1].span.start < s.start {
            first = end;
        }
        while first < tokens.len() && tokens[first].span.start < s.start {
            first += 1;
        }
        // Token ends rise with their starts, so the sentence's tokens are `first..end`.
        end = first + tokens[first..].partition_point(|t| t.span.end <= s.end);
        first..end
    })
}

/// Most tokens whose words are made at once: a news article's words are made in one go, and a
/// long text's a block at a time into the same buffer. (Made for the whole of a 1 MB text, they
/// were written to memory no cache held and read back: its events took twice the time of ten
/// 100 KB texts' in as many instructions. Made a window at a time, a news article's events took
/// a tenth longer, in 3 % more instructions.)
const WORDS_BLOCK: usize = 8192;

/// Most tokens one window of a sentence holds: no real sentence is longer, and argument
/// search within a window may look at all of it, so capping it keeps a pathological sentence
/// (a whole file without a period) linear.
const WINDOW_TOKENS: usize = 256;

/// The sentence as windows of at most [`WINDOW_TOKENS`] tokens, cut after a comma where one is
/// near and never inside an entity; usually the one window that is the sentence. Yields them
/// one by one with their tokens, so that the usual single window costs no allocation.
struct Windows {
    sent: Span,
    /// Next token of a long sentence; `None` when the sentence is one window.
    start: Option<usize>,
    /// The sentence's tokens.
    range: Range<usize>,
    done: bool,
}

impl Windows {
    fn new(sent: Span, range: Range<usize>) -> Windows {
        let long = range.len() > WINDOW_TOKENS;
        Windows {
            sent,
            start: long.then_some(range.start),
            range,
            done: false,
        }
    }

    fn next(&mut self, tokens: &[Token], entities: &[Entity]) -> Option<(Span, Range<usize>)> {
        if self.done {
            return None;
        }
        let Some(start) = self.start else {
            self.done = true;
            return Some((self.sent, self.range.clone()));
        };
        let b = self.range.end;
        if start >= b {
            self.done = true;
            return None;
        }
        let mut end = (start + WINDOW_TOKENS).min(b);
        if end < b {
            // Prefer to cut after a comma in the window's last quarter.
            if let Some(c) = (end - WINDOW_TOKENS / 4..end)
                .rev()
                .find(|&k| tokens[k].span.len() == 1 && tokens[k].kind == crate::TokenKind::Punct)
            {
                end = c + 1;
            }
            // Never inside an entity.
            let cut = tokens[end - 1].span.end;
            let i = entities.partition_point(|e| e.span.end <= cut);
            if let Some(e) = entities.get(i).filter(|e| e.span.start < cut) {
                end = tokens
                    .partition_point(|t| t.span.start < e.span.end)
                    .max(end);
            }
            end = end.min(b);
        }
        self.start = Some(end);
        // The window's tokens are exactly `start..end`: it spans from the first one's start to
        // the last one's end.
        Some((
            Span::new(tokens[start].span.start, tokens[end - 1].span.end),
            start..end,
        ))
    }
}

/// A trigger found in a sentence: words `start..end`.
#[derive(Clone, Copy, Debug)]
struct Match {
    trigger: usize,
    start: usize,
    end: usize,
    /// The last word carries `-nya` (`menemuinya`, `katanya`).
    clitic: bool,
}

fn find_triggers(words: &[Word], p: &Patterns) -> Vec<Match> {
    let sports = words.iter().any(|w| w.has(cue!("sports")));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].trigger_start {
            // Neither the word nor its base is the first word of a trigger.
            i += 1;
            continue;
        }
        let lower = words[i].lower_str();
        let (base, clitic) = crate::split_clitic(lower);
        let mut found = None;
        for first in [lower, base] {
            for &t in p.starting_with(first) {
                let tr = &p.triggers[t];
                if let Some(m) = match_at(words, i, t, tr) {
                    found = Some(m);
                    break;
                }
            }
            if found.is_some() || clitic.is_none() {
                break;
            }
        }
        match found {
            Some(m)
                if !(sports
                    && matches!(
                        p.triggers[m.trigger].kind,
                        EventType::Meet
                            | EventType::Host
                            | EventType::Visit
                            | EventType::Arrive
                            | EventType::Transfer
                    )) =>
            {
                let tr = &p.triggers[m.trigger];
                let cancelled = words[m.end..]
                    .iter()
                    .take(3)
                    .any(|w| tr.unless.iter().any(|u| w.is(u)));
                i = m.end;
                if !cancelled {
                    out.push(m);
                }
            }
            Some(m) => i = m.end,
            None => i += 1,
        }
    }
    out
}

fn match_at(words: &[Word], i: usize, t: usize, tr: &Trigger) -> Option<Match> {
    let n = tr.words.len();
    let ws = words.get(i..i + n)?;
    let mut clitic = false;
    for (k, (w, want)) in ws.iter().zip(&tr.words).enumerate() {
        if w.is(want) {
            continue;
        }
        let (base, c) = crate::split_clitic(w.lower_str());
        if k + 1 == n && c == Some("nya") && base == want {
            clitic = true;
            continue;
        }
        return None;
    }
    Some(Match {
        trigger: t,
        start: i,
        end: i + n,
        clitic,
    })
}

/// A chunk after coreference: zero, one or two referents (unresolved: none).
#[derive(Clone, Debug)]
struct Resolved<'a> {
    span: Span,
    refs: Refs<'a>,
    /// A pronoun or description rather than a name.
    anaphor: bool,
    /// Can be a party at all.
    party: bool,
    /// One capitalised word no list knows: a party only right after `kata`, `ujar`.
    lone_name: bool,
}

/// What a chunk refers to: nobody, one party or two (`keduanya`). Inline, since every chunk of
/// a sentence with a trigger is resolved and most refer to one party.
#[derive(Clone, Copy, Debug, Default)]
enum Refs<'a> {
    #[default]
    None,
    One(Referent<'a>),
    Two([Referent<'a>; 2]),
}

impl<'a> Refs<'a> {
    fn as_slice(&self) -> &[Referent<'a>] {
        match self {
            Refs::None => &[],
            Refs::One(r) => std::slice::from_ref(r),
            Refs::Two(rs) => rs,
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Refs::None)
    }
}

struct Sentence<'a, 'e> {
    text: &'a str,
    index: usize,
    span: Span,
    words: &'a [Word<'a>],
    chunks: &'a [Chunk],
    entities: &'e [Entity],
    times: &'a [TimeExpr],
    p: &'a Patterns,
    trig: &'a [bool],
}

/// The arguments a frame found for one trigger.
#[derive(Default)]
struct Args {
    /// (role, chunk index) pairs.
    roles: Vec<(Role, usize)>,
    /// `-nya` on the trigger, with its role.
    clitic_role: Option<Role>,
    object: Option<Span>,
    content: Option<Span>,
    /// First word of the subject, where the event's clause starts.
    clause_start: usize,
    subject_found: bool,
    /// How many of `roles` come from the subject.
    n_subject: usize,
    /// Word where a place phrase given as the object starts (`ke Jepang`, `mengunjungi X`).
    place_at: Option<usize>,
    /// The frame's conditions failed (`kata` not after a quote).
    invalid: bool,
    /// `kata Herry`: a lone unknown capitalised word is the speaker's name.
    lone_name_ok: bool,
    /// The subject is shared with this earlier trigger of the sentence.
    shared_from: Option<usize>,
}

impl<'e> Sentence<'_, 'e> {
    fn w(&self, i: usize) -> Option<&Word<'_>> {
        self.words.get(i)
    }

    fn chunk_ending_at(&self, end: usize) -> Option<usize> {
        self.chunks.iter().position(|c| c.end == end)
    }

    fn chunk_starting_at(&self, start: usize) -> Option<usize> {
        self.chunks.iter().position(|c| c.start == start)
    }

    fn resolve(&self, c: &Chunk, sal: &mut Salience<'e>) -> Resolved<'e> {
        let mut r = Resolved {
            span: c.span,
            refs: Refs::default(),
            anaphor: false,
            party: true,
            lone_name: false,
        };
        match &c.head {
            Head::Named(e) => {
                self.note(c, sal);
                r.refs = Refs::One(Referent::of(&self.entities[*e]));
            }
            Head::Group(_, e) => {
                r.refs = Refs::One(Referent::of(&self.entities[*e]));
            }
            Head::Singular | Head::Desc(_) => {
                r.anaphor = true;
                r.refs = self.note(c, sal).map_or(Refs::None, Refs::One);
            }
            Head::Plural => {
                r.anaphor = true;
                r.refs = sal
                    .plural(c.span.start, self.index)
                    .map_or(Refs::None, Refs::Two);
            }
            Head::Unknown => match self.note(c, sal) {
                Some(found) => r.refs = Refs::One(found),
                // Two or more unknown capitalised words: a name no list has; one is too
                // often an ordinary word in a headline or at a sentence start.
                None => {
                    let words = self.text.get(c.span.range()).unwrap_or("");
                    r.lone_name = words.split_whitespace().count() == 1;
                    r.party = !r.lone_name;
                }
            },
            Head::Unnamed => {}
            Head::Nothing => r.party = false,
        }
        r
    }

    /// What the chunk `c` tells the chunks after it: a name is a mention, and so is a pronoun,
    /// a description or a short form once resolved (returned). Enough for a sentence without
    /// a trigger, whose chunks are context only.
    fn note(&self, c: &Chunk, sal: &mut Salience<'e>) -> Option<Referent<'e>> {
        let pos = c.span.start;
        let found = match &c.head {
            Head::Named(e) => {
                sal.push_entity(&self.entities[*e], c.title, self.index);
                return None;
            }
            Head::Singular => sal.singular(pos, self.index, &[]),
            Head::Desc(title) => sal.described(pos, self.index, title, self.text),
            Head::Unknown => sal.short_form(pos, self.text.get(c.span.range()).unwrap_or("")),
            _ => None,
        };
        if let Some(found) = found {
            sal.push(pos, self.index, true, found);
        }
        found
    }

    fn events(&self, matches: &[Match], resolved: &[Resolved], sal: &Salience) -> Vec<Event> {
        let mut found: Vec<(Match, Args)> = Vec::with_capacity(matches.len());
        for m in matches {
            let tr = &self.p.triggers[m.trigger];
            let mut args = self.arguments(m, tr, resolved);
            let shares = |f: Frame| !matches!(f, Frame::Say | Frame::SayAfter);
            let prev_frame = found
                .last()
                .map(|(pm, _)| self.p.triggers[pm.trigger].frame);
            let after_speaker = found.last().is_some_and(|(pm, pa)| {
                self.p.triggers[pm.trigger].frame == Frame::SayAfter
                    && pa.n_subject > 0
                    && self.temporal_gap(self.chunks[pa.roles[0].1].end, m.start)
            });
            if !args.subject_found
                && !tr.nominal
                && shares(tr.frame)
                && (prev_frame.is_some_and(shares) || after_speaker)
            {
                // `tiba di X, lalu bertemu Y`: a clause without its own subject shares the last one.
                if let Some((_, prev)) = found.last() {
                    let role = subject_role_of(tr.frame);
                    let subj: Vec<(Role, usize)> = prev.roles[..prev.n_subject]
                        .iter()
                        .map(|&(_, c)| (role, c))
                        .collect();
                    args.n_subject = subj.len();
                    args.roles.splice(0..0, subj);
                    args.shared_from = Some(found.len() - 1);
                }
            }
            found.push((*m, args));
        }
        // Each event's clause runs from its subject to the next event's subject.
        let start = |k: usize| {
            let (m, a) = &found[k];
            if k == 0 {
                0
            } else {
                a.clause_start.min(m.start)
            }
        };
        let mut events: Vec<Event> = Vec::with_capacity(found.len());
        let mut nominal: Vec<bool> = Vec::with_capacity(found.len());
        let mut modalities: Vec<Option<Modality>> = Vec::with_capacity(found.len());
        for (k, (m, args)) in found.iter().enumerate() {
            let tr = &self.p.triggers[m.trigger];
            let next = if k + 1 < found.len() {
                start(k + 1)
            } else {
                self.words.len()
            };
            let end = self.clause_end(m.end, next.max(m.end), resolved);
            let region = (start(k).min(m.start), end);
            let mut built = self.build(m, tr, args, region, resolved, sal);
            if let Some(ev) = built.as_mut() {
                // `akan mengunjungi X dan bertemu Y`: the shared clause keeps the modality.
                let inherited = args
                    .shared_from
                    .and_then(|j| modalities.get(j).copied().flatten());
                if let Some(md) = inherited.filter(|&md| md != Modality::Asserted) {
                    if ev.modality == Modality::Asserted {
                        ev.modality = md;
                    }
                }
            }
            modalities.push(built.as_ref().map(|e| e.modality));
            if let Some(ev) = built {
                events.push(ev);
                nominal.push(tr.nominal);
            }
        }
        finish(events, &nominal)
    }
}

/// Folds nominal mentions (`nominal[k]` tells of `events[k]`) into the verbal event of the same
/// sentence they restate, and drops reported events that are not asserted.
fn finish(mut events: Vec<Event>, nominal: &[bool]) -> Vec<Event> {
    fn ids(e: &Event) -> impl Iterator<Item = &str> {
        e.participants
            .iter()
            .map(|p| p.entity_id.as_deref().unwrap_or(&p.text))
    }
    // Hosts are never nominal, so no host is folded away: decide first, then move.
    let mut folds: Vec<(usize, usize)> = Vec::new();
    for (k, e) in events.iter().enumerate() {
        if !nominal[k] {
            continue;
        }
        let host = events.iter().enumerate().position(|(j, o)| {
            j != k && !nominal[j] && o.kind == e.kind && ids(e).all(|id| ids(o).any(|x| x == id))
        });
        if let Some(j) = host {
            folds.push((k, j));
        }
    }
    for &(k, j) in &folds {
        let (place, time) = (events[k].place.take(), events[k].time.take());
        let target = &mut events[j];
        if target.place.is_none() {
            target.place = place;
        }
        if target.time.is_none() {
            target.time = time;
        }
    }
    let folded = |k: usize| folds.iter().any(|&(f, _)| f == k);
    if folds.is_empty() && events.iter().all(|e| e.modality == Modality::Asserted) {
        // Nothing to fold or to drop: the usual sentence.
        return events;
    }
    let contents: Vec<Span> = (0..events.len())
        .filter(|&k| !folded(k))
        .filter_map(|k| events[k].content)
        .collect();
    let mut k = 0;
    events.retain(|e| {
        let keep = !folded(k)
            && (e.modality == Modality::Asserted
                || !contents.iter().any(|c| c.contains(e.trigger.span)));
        k += 1;
        keep
    });
    events
}

fn subject_role_of(frame: Frame) -> Role {
    match frame {
        Frame::Meet => Role::Participant,
        Frame::Visit => Role::Visitor,
        Frame::Arrive => Role::Traveller,
        Frame::Host => Role::Host,
        Frame::HostPassive => Role::Guest,
        Frame::Say | Frame::SayAfter => Role::Speaker,
        Frame::Give => Role::Giver,
    }
}

/// Records that report the same happening share a group: same type and parties, and times
/// that do not contradict each other. An untimed record joins the happening of the
/// document's own days when there is one (news reports what just happened).
fn assign_groups(events: &mut [Event]) {
    type Key = (EventType, Vec<String>);
    let mut groups: Vec<(Key, Option<String>, u32)> = Vec::new();
    let key = |e: &Event| -> Key {
        let mut ids: Vec<String> = e
            .participants
            .iter()
            .filter(|p| p.role != Role::Object)
            .map(|p| p.entity_id.clone().unwrap_or_else(|| p.text.to_lowercase()))
            .collect();
        ids.sort();
        ids.dedup();
        (e.kind, ids)
    };
    let compatible = |a: &str, b: &str| a.starts_with(b) || b.starts_with(a);
    let mut next = 1;
    let mut order: Vec<usize> = (0..events.len()).collect();
    // Timed records first, so that untimed ones can join them.
    order.sort_by_key(|&i| {
        events[i]
            .time
            .as_ref()
            .and_then(|t| t.value.as_ref())
            .is_none()
    });
    for i in order {
        let k = key(&events[i]);
        let t = events[i].time.as_ref().and_then(|t| t.value.clone());
        let g = groups
            .iter()
            .filter(|(gk, gt, _)| {
                *gk == k
                    && match (&t, gt) {
                        (Some(a), Some(b)) => compatible(a, b),
                        _ => true,
                    }
            })
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
        let id = match g {
            Some(&(_, _, id)) => id,
            None => {
                groups.push((k, t, next));
                next += 1;
                next - 1
            }
        };
        events[i].group = Some(id);
    }
}

impl Sentence<'_, '_> {
    fn is_marker(&self, w: &Word) -> bool {
        w.has(
            cue!("comitative")
                | cue!("between")
                | cue!("toward")
                | cue!("at")
                | cue!("agent")
                | cue!("recipient")
                | cue!("preposition")
                | cue!("clause")
                | cue!("complementizer"),
        )
    }

    /// Skips modifiers after a trigger (`bilateral`, `pertamanya`, `langsung`).
    fn skip_fillers(&self, mut i: usize) -> usize {
        for _ in 0..MAX_GAP {
            let Some(w) = self.w(i) else { break };
            if w.cap
                || w.ent.is_some()
                || w.is_punct()
                || w.kind != crate::TokenKind::Word
                || self.trig.get(i).copied().unwrap_or(false)
                || self.is_marker(w)
                || self.chunk_starting_at(i).is_some()
            {
                break;
            }
            i += 1;
        }
        i
    }

    /// Chunks starting at `i` joined by `dan`, `serta` or commas; and the word after them.
    fn coordinated_at(&self, i: usize) -> Option<(Vec<usize>, usize)> {
        let mut c = self.chunk_starting_at(i)?;
        let mut out = vec![c];
        // Up to the last `dan`: a comma alone ends the phrase (`Kedatangan X, Y memasuki`).
        let mut confirmed = (1, self.chunks[c].end);
        loop {
            let j = self.chunks[c].end;
            let Some(w) = self.w(j) else { break };
            let and = w.is("dan") || w.is("serta");
            // `Menteri Energi dan Sumber Daya Manusia Ignasius Jonan`: capitalised words of a
            // title that no list knows may stand before the next chunk.
            let next = self.chunk_starting_at(j + 1).or_else(|| {
                let k = (j + 1..(j + 5).min(self.words.len())).find(|&k| {
                    !(self.words[k].cap
                        && self.words[k].kind == crate::TokenKind::Word
                        && self.words[k].ent.is_none())
                })?;
                (k > j + 1 && and)
                    .then(|| self.chunk_starting_at(k))
                    .flatten()
                    .filter(|&c| self.is_person_chunk(c))
            });
            match next.filter(|_| and || w.is_comma()) {
                Some(n) => {
                    out.push(n);
                    c = n;
                    if and {
                        confirmed = (out.len(), self.chunks[n].end);
                    }
                }
                None => break,
            }
        }
        out.truncate(confirmed.0);
        Some((out, confirmed.1))
    }

    /// Whether words `from..to` are a connective like `usai`, `saat` (with adverbs), nothing else.
    fn temporal_gap(&self, from: usize, to: usize) -> bool {
        from < to
            && to - from <= 3
            && self.words[from..to]
                .iter()
                .all(|w| w.has(cue!("temporal")) || w.has(cue!("skip")))
            && self.words[from..to].iter().any(|w| w.has(cue!("temporal")))
    }

    /// A person named after a role and a comma, starting near word `i`: `asisten pelatih
    /// Popsivo, Ayip Rizal`, `pendahulunya, Leung Chun-ying`.
    fn apposed_person(&self, i: usize) -> Option<usize> {
        let comma = (i..(i + 6).min(self.words.len())).find(|&k| {
            let w = &self.words[k];
            w.is_punct() || self.trig[k] || w.has(cue!("clause"))
        })?;
        if comma == i || !self.words[comma].is_comma() {
            return None;
        }
        let c = self.chunk_starting_at(comma + 1)?;
        let ends = self
            .w(self.chunks[c].end)
            .is_none_or(|w| w.is_punct() || w.has(cue!("clause")) || w.has(cue!("temporal")));
        (self.is_person_chunk(c) && ends).then_some(c)
    }

    /// The person whose `yang` clause ends right before word `t` (a bounded look back).
    fn subject_before_yang(&self, t: usize) -> Option<usize> {
        let from = t.saturating_sub(24);
        for y in (from..t).rev() {
            let w = &self.words[y];
            if w.is("yang") {
                let c = self.chunk_ending_at(y)?;
                let after_preposition = self.chunks[c]
                    .start
                    .checked_sub(1)
                    .is_some_and(|i| self.words[i].has(cue!("preposition")));
                return (self.is_person_chunk(c) && !after_preposition).then_some(c);
            }
            if w.has(cue!("clause"))
                || w.has(cue!("complementizer"))
                || matches!(w.lower_str(), "\"" | "“" | "”" | ":" | "." | "(" | ")")
            {
                return None;
            }
        }
        None
    }

    fn is_person_chunk(&self, c: usize) -> bool {
        matches!(self.chunks[c].head, Head::Named(e) if self.entities[e].label == Label::Per)
    }

    /// The subject chunks of a trigger at word `t`: the phrase right before it (past adverbs
    /// and modals), with the phrases coordinated to it.
    fn subject(&self, t: usize, nominal: bool) -> Option<Vec<usize>> {
        let mut k = t;
        for _ in 0..6 {
            let Some(w) = k.checked_sub(1).and_then(|i| self.w(i)) else {
                break;
            };
            let light =
                nominal && !w.cap && (w.lower.starts_with(b"me") || w.lower.starts_with(b"ber"));
            if (w.is("dan") || w.is("serta")) && !nominal {
                // `X mengunjungi Y dan bertemu Z`: a coordinated verb shares the first subject.
                return None;
            }
            if w.has(cue!("skip")) || w.has(cue!("planned")) || w.has(cue!("negated")) || light {
                k -= 1;
            } else {
                break;
            }
        }
        let before = k.checked_sub(1).and_then(|i| self.w(i))?;
        if before.is_comma() {
            // `John Kirby, juru bicara Dewan Keamanan Nasional AS, mengatakan`
            let c2 = self.chunk_ending_at(k - 1)?;
            let s2 = self.chunks[c2].start;
            let c1 = s2
                .checked_sub(1)
                .filter(|&i| self.words[i].is_comma())
                .and_then(|i| self.chunk_ending_at(i))?;
            if self.is_person_chunk(c1) {
                return Some(vec![c1]);
            }
            // `Pemimpin terpilih Hong Kong, Carrie Lam, bertemu`: the name is the apposition.
            let named = matches!(self.chunks[c2].head, Head::Named(_) | Head::Unknown);
            return named.then(|| vec![c2]);
        }
        let c = self.chunk_ending_at(k)?;
        // `lulusan ITB ini mengunjungi`: an organisation or place after a common noun, with a
        // demonstrative, modifies that noun; it is not the subject.
        let demonstrative = self.words[self.chunks[c].end - 1].has(cue!("demonstrative"))
            || self.words[k..t]
                .iter()
                .any(|w| w.has(cue!("demonstrative")) || w.is("ini"));
        let modifier = matches!(self.chunks[c].head, Head::Named(e) if self.entities[e].label != Label::Per)
            && self.chunks[c].start.checked_sub(1).is_some_and(|i| {
                let w = &self.words[i];
                w.kind == crate::TokenKind::Word && !w.cap && w.cues == 0
            });
        if demonstrative && modifier {
            return None;
        }
        let after_preposition = |c: usize| {
            self.chunks[c]
                .start
                .checked_sub(1)
                .is_some_and(|i| self.words[i].has(cue!("preposition")))
        };
        if after_preposition(c) {
            return None;
        }
        let mut out = vec![c];
        let mut crossed_and = false;
        loop {
            let s = self.chunks[out[0]].start;
            let Some(j) = s.checked_sub(1) else { break };
            let w = &self.words[j];
            let and = w.is("dan") || w.is("serta");
            if !(and || (w.is_comma() && crossed_and)) {
                break;
            }
            match self.chunk_ending_at(j).filter(|&c0| !after_preposition(c0)) {
                Some(c0) => {
                    crossed_and |= and;
                    out.insert(0, c0);
                }
                None => break,
            }
        }
        Some(out)
    }

    fn arguments(&self, m: &Match, tr: &Trigger, resolved: &[Resolved]) -> Args {
        let mut a = Args {
            clause_start: m.start,
            ..Args::default()
        };
        if tr.frame != Frame::SayAfter {
            if let Some(subj) = self.subject(m.start, tr.nominal) {
                a.clause_start = self.chunks[subj[0]].start;
                a.subject_found = true;
                a.n_subject = subj.len();
                let role = subject_role_of(tr.frame);
                a.roles.extend(subj.into_iter().map(|c| (role, c)));
            }
        }
        let party = |c: usize| resolved.get(c).is_some_and(|r| r.party);
        if !a.subject_found && tr.frame == Frame::Say {
            // `Durov yang datang sendiri menemui Y mengatakan`: the head of the `yang` clause.
            if let Some(c) = self.subject_before_yang(m.start) {
                a.clause_start = self.chunks[c].start;
                a.subject_found = true;
                a.n_subject = 1;
                a.roles.push((Role::Speaker, c));
            }
        }
        let mut i = self.skip_fillers(m.end);
        // A noun's bare phrase is its genitive (`kunjungan Presiden Joko Widodo`, `pertemuan
        // mereka`); a verb's is its object.
        let genitive = tr.nominal && tr.direct;
        match tr.frame {
            Frame::Meet => {
                if tr.direct {
                    if let Some((cs, after)) = self.coordinated_at(i) {
                        a.roles
                            .extend(cs.into_iter().map(|c| (Role::Participant, c)));
                        i = self.skip_fillers(after);
                    }
                }
                if m.clitic {
                    a.clitic_role = Some(Role::Participant);
                }
                if let Some(w) = self.w(i) {
                    let apposed = self
                        .apposed_person(i + 1)
                        .filter(|_| !self.chunk_starting_at(i + 1).is_some_and(&party));
                    if w.has(cue!("comitative")) && apposed.is_some() {
                        // `bertemu dengan pendahulunya, Leung Chun-ying`
                        a.roles.extend(apposed.map(|c| (Role::Participant, c)));
                    } else if w.has(cue!("comitative")) || w.has(cue!("between")) {
                        if let Some((cs, _)) = self.coordinated_at(i + 1) {
                            a.roles
                                .extend(cs.into_iter().map(|c| (Role::Participant, c)));
                        }
                    }
                }
            }
            Frame::Visit | Frame::Arrive => {
                let role = subject_role_of(tr.frame);
                if genitive && !a.subject_found {
                    if let Some((cs, after)) = self.coordinated_at(i) {
                        a.n_subject = cs.len();
                        a.roles.extend(cs.into_iter().map(|c| (role, c)));
                        i = self.skip_fillers(after);
                        // `Presiden RI Joko Widodo (Jokowi) ke Singapura`: past a short note.
                        if self.w(i).is_some_and(|w| w.is("(")) {
                            if let Some(k) = (i + 1..(i + 6).min(self.words.len()))
                                .find(|&k| self.words[k].is(")"))
                            {
                                i = k + 1;
                            }
                        }
                    }
                }
                let w = self.w(i);
                let marked = w.is_some_and(|w| {
                    w.has(cue!("toward")) || (tr.frame == Frame::Arrive && w.has(cue!("at")))
                });
                let at = if marked {
                    Some(i + 1)
                } else if tr.direct && !genitive {
                    Some(i)
                } else {
                    None
                };
                if let Some(at) = at {
                    if self.place_after(at).is_some() {
                        a.place_at = Some(at);
                    } else if let Some(c) = self.chunk_starting_at(at).filter(|&c| party(c)) {
                        if tr.frame == Frame::Visit {
                            a.roles.push((Role::Host, c));
                        }
                    }
                }
                if m.clitic && tr.frame == Frame::Visit {
                    a.clitic_role = Some(Role::Host);
                }
            }
            Frame::Host => {
                if let Some(c) = self.chunk_starting_at(i) {
                    a.roles.push((Role::Guest, c));
                } else if m.clitic {
                    a.clitic_role = Some(Role::Guest);
                }
            }
            Frame::HostPassive => {
                let agent = self.w(i).is_some_and(|w| w.has(cue!("agent")));
                let at = if agent { i + 1 } else { i };
                if let Some(c) = self.chunk_starting_at(at) {
                    a.roles.push((Role::Host, c));
                }
            }
            Frame::Say => {
                let mut j = m.end;
                while self
                    .w(j)
                    .is_some_and(|w| w.is_comma() || w.is(":") || w.has(cue!("complementizer")))
                {
                    j += 1;
                }
                a.content = self.span_of(j, self.words.len());
            }
            Frame::SayAfter => {
                let after_quote = m
                    .start
                    .checked_sub(1)
                    .and_then(|i| self.w(i))
                    .is_some_and(|w| {
                        w.is_comma() || matches!(w.lower_str(), "\"" | "”" | "“" | "'" | "’")
                    });
                if !after_quote {
                    a.invalid = true;
                    return a;
                }
                if m.clitic {
                    a.clitic_role = Some(Role::Speaker);
                } else if let Some(c) = self.apposed_person(m.end).filter(|_| {
                    !self
                        .chunk_starting_at(m.end)
                        .is_some_and(|c| self.is_person_chunk(c))
                }) {
                    // `tutur asisten pelatih Popsivo, Ayip Rizal`: the name after the role.
                    a.roles.push((Role::Speaker, c));
                    a.n_subject = 1;
                } else if let Some(c) = self.chunk_starting_at(m.end) {
                    a.roles.push((Role::Speaker, c));
                    a.n_subject = 1;
                    a.lone_name_ok = true;
                }
                a.content = self.span_of(0, m.start);
            }
            Frame::Give => {
                let mut j = m.end;
                if let Some(c) = self.chunk_starting_at(j).filter(|&c| {
                    party(c) && !matches!(self.chunks[c].head, Head::Named(e) if self.entities[e].label == Label::Loc)
                }) {
                    a.roles.push((Role::Recipient, c));
                    j = self.chunks[c].end;
                }
                let mut k = j;
                let ends_object = |w: &Word| {
                    w.is_punct()
                        || w.is("pada")
                        || w.has(
                            cue!("recipient")
                                | cue!("clause")
                                | cue!("at")
                                | cue!("complementizer"),
                        )
                };
                while self
                    .w(k)
                    .is_some_and(|w| !ends_object(w) && !self.trig.get(k).copied().unwrap_or(false))
                    && k - j < 12
                {
                    k += 1;
                }
                a.object = self.span_of(j, k);
                if self.w(k).is_some_and(|w| w.has(cue!("recipient"))) {
                    // `kepada X dan Y`: every party of the coordination.
                    if let Some((cs, _)) = self.coordinated_at(k + 1) {
                        a.roles.extend(
                            cs.into_iter()
                                .filter(|&c| party(c))
                                .map(|c| (Role::Recipient, c)),
                        );
                    }
                }
            }
        }
        a
    }

    /// The span of words `i..j`, trimmed of punctuation and quotes at both ends.
    fn span_of(&self, mut i: usize, mut j: usize) -> Option<Span> {
        j = j.min(self.words.len());
        while i < j && self.words[i].is_punct() {
            i += 1;
        }
        while j > i && self.words[j - 1].is_punct() {
            j -= 1;
        }
        (i < j).then(|| self.words[i].span.cover(self.words[j - 1].span))
    }

    /// Where the clause of a trigger ending at word `from` ends: at `limit`, at a word that
    /// opens a new clause, or at a comma followed by a new subject.
    fn clause_end(&self, from: usize, limit: usize, resolved: &[Resolved]) -> usize {
        let limit = limit.min(self.words.len());
        for i in from..limit {
            let w = &self.words[i];
            if w.has(cue!("clause")) {
                return i;
            }
            if w.is_comma() {
                let new_subject = self.chunk_starting_at(i + 1).is_some_and(|c| {
                    resolved.get(c).is_some_and(|r| r.party)
                        && self
                            .w(self.chunks[c].end)
                            .is_some_and(|n| !n.is_punct() && !self.is_marker(n))
                });
                if new_subject {
                    return i;
                }
            }
        }
        limit
    }

    /// A place phrase starting at word `i`: a few place nouns (`bandara`, `wilayah`) and a place
    /// entity.
    fn place_after(&self, i: usize) -> Option<Place> {
        for k in i..(i + 4).min(self.words.len()) {
            let w = &self.words[k];
            if let Some(e) = w.ent {
                let e = &self.entities[e];
                if e.label != Label::Loc {
                    return None;
                }
                let span = self.words[i].span.cover(e.span);
                return Some(Place {
                    text: self.text.get(span.range()).unwrap_or("").to_string(),
                    span,
                    name: Some(e.name.clone()),
                    entity_id: Some(e.entity_id.clone()),
                });
            }
            if !(w.has(cue!("place-noun")) || w.cap) || w.is_punct() {
                return None;
            }
        }
        None
    }

    fn place(&self, m: &Match, args: &Args, region: (usize, usize)) -> Option<Place> {
        if let Some(p) = args.place_at.and_then(|i| self.place_after(i)) {
            return Some(p);
        }
        let at = |i: usize| {
            self.words[i]
                .has(cue!("at"))
                .then(|| self.place_after(i + 1))
                .flatten()
        };
        (m.end..region.1.min(self.words.len()))
            .chain(region.0..m.start)
            .find_map(at)
    }

    fn time(&self, region: (usize, usize)) -> Option<TimeExpr> {
        let (i, j) = (region.0, region.1.min(self.words.len()));
        if i >= j {
            return None;
        }
        let span = self.words[i].span.cover(self.words[j - 1].span);
        self.times.iter().find(|t| span.contains(t.span)).cloned()
    }

    fn modality(&self, m: &Match, region: (usize, usize)) -> Modality {
        let from = m.start.saturating_sub(4).max(region.0);
        let cues = &self.words[from..m.start];
        if cues.iter().any(|w| w.has(cue!("negated"))) {
            Modality::Negated
        } else if cues.iter().any(|w| w.has(cue!("planned"))) {
            Modality::Planned
        } else {
            Modality::Asserted
        }
    }

    fn build<'e>(
        &self,
        m: &Match,
        tr: &Trigger,
        args: &Args,
        region: (usize, usize),
        resolved: &[Resolved<'e>],
        sal: &Salience<'e>,
    ) -> Option<Event> {
        if args.invalid {
            return None;
        }
        // The parties first, as borrowed: many triggers make no event, and only an event's
        // participants need their strings.
        let mut parts: Vec<(Role, Span, Option<Referent<'e>>)> =
            Vec::with_capacity(args.roles.len() + 1);
        let mut anaphors_only = true;
        let push =
            |parts: &mut Vec<_>, role: Role, span: Span, r: Option<Referent<'e>>| {
                let dup = parts.iter().any(
                    |&(p_role, p_span, p): &(Role, Span, Option<Referent>)| match (p, r) {
                        (Some(p), Some(r)) => p.id() == r.id(),
                        (None, None) => p_span == span && p_role == role,
                        _ => false,
                    },
                );
                if !dup {
                    parts.push((role, span, r));
                }
            };
        for &(role, c) in &args.roles {
            let Some(r) = resolved
                .get(c)
                .filter(|r| r.party || (r.lone_name && args.lone_name_ok))
            else {
                continue;
            };
            anaphors_only &= r.anaphor;
            if r.refs.is_empty() {
                push(&mut parts, role, r.span, None);
            }
            for re in r.refs.as_slice() {
                push(&mut parts, role, r.span, Some(*re));
            }
        }
        if let Some(role) = args.clitic_role {
            let w = &self.words[m.end - 1];
            let not: Vec<&str> = parts.iter().filter_map(|p| p.2.map(|r| r.id())).collect();
            let r = sal.singular(w.span.start, self.index, &not);
            push(&mut parts, role, w.span, r);
        }
        let has = |role: Role| parts.iter().any(|p| p.0 == role);
        let ok = match tr.kind {
            EventType::Meet => parts.len() >= 2,
            EventType::Visit => has(Role::Visitor),
            EventType::Arrive => has(Role::Traveller),
            EventType::Host => has(Role::Host) && has(Role::Guest),
            EventType::Statement => has(Role::Speaker),
            EventType::Transfer => {
                has(Role::Giver) && (has(Role::Recipient) || args.object.is_some())
            }
        };
        if !ok {
            return None;
        }
        let mut modality = self.modality(m, region);
        if tr.kind == EventType::Statement && modality == Modality::Negated {
            // `X tak menjelaskan …`: nothing was said.
            return None;
        }
        let place = self.place(m, args, region);
        let mut time = self.time(region);
        if time.is_none() && tr.frame == Frame::SayAfter {
            // `…," ujar X dalam keterangan yang diterima pada Sabtu (30/9)`: the tail of the
            // sentence after a quote is all about the statement.
            time = self.time((region.0, self.words.len()));
        }
        if tr.nominal && anaphors_only && place.is_none() && time.is_none() {
            // `pertemuan keduanya`, `pertemuan itu`: a back-reference, not a new event.
            return None;
        }
        let trigger = self.words[m.start].span.cover(self.words[m.end - 1].span);
        if tr.nominal && modality == Modality::Asserted {
            // `rencana pertemuan`: the noun before the trigger plans it.
            if m.start > 0 && self.words[m.start - 1].has(cue!("planned")) {
                modality = Modality::Planned;
            }
        }
        let text = |s: Span| self.text.get(s.range()).unwrap_or("").to_string();
        let mut participants = Vec::with_capacity(parts.len() + usize::from(args.object.is_some()));
        participants.extend(parts.iter().map(|&(role, span, r)| Participant {
            role,
            text: text(span),
            span,
            name: r.map(|r| r.name().to_string()),
            entity_id: r.map(|r| r.id().to_string()),
        }));
        if let Some(o) = args.object {
            participants.push(Participant {
                role: Role::Object,
                text: text(o),
                span: o,
                name: None,
                entity_id: None,
            });
        }
        Some(Event {
            kind: tr.kind,
            modality,
            trigger: Mention {
                text: text(trigger),
                span: trigger,
            },
            participants,
            place,
            time,
            sentence: self.span,
            cameo: tr.kind.cameo().map(str::to_string),
            content: if tr.kind == EventType::Statement {
                args.content
            } else {
                None
            },
            group: None,
        })
    }
}
