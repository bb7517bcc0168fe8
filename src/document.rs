//! The records one extracted document serializes to: the output contract.
//!
//! Field names and shapes follow `spec/output.md` (the JSON of `warta extract`). Fields that
//! the contract always shows are always serialized (`null` when unknown); optional extras are
//! serialized only when they carry information.

use crate::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// Everything extracted from one text.
///
/// ```
/// let doc = warta::Extractor::new().extract("Presiden Joko Widodo tiba di Bandung, Senin (3/4/2017).");
/// assert_eq!(doc.sentences.len(), 1);
/// let json = serde_json::to_string(&doc).unwrap();
/// assert!(json.starts_with(r#"{"id":null,"reference_date":"#));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's identifier for the text (a path, a JSONL `id`), if any.
    pub id: Option<String>,
    /// The date that relative time expressions were resolved against: given by the caller,
    /// else found in the text's dateline, else `None`.
    pub reference_date: Option<Date>,
    /// Sentence spans, in order, trimmed of surrounding whitespace.
    pub sentences: Vec<Span>,
    /// Named entities, in text order, never overlapping.
    pub entities: Vec<Entity>,
    /// Time expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Event records, in text order of their triggers.
    pub events: Vec<Event>,
    /// Every token, in order; filled only on request
    /// (see [`ExtractorBuilder::tokens`](crate::ExtractorBuilder::tokens)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<crate::Token>>,
}

/// The kind of a named entity.
///
/// ```
/// assert_eq!(serde_json::to_string(&warta::Label::Per).unwrap(), r#""PER""#);
/// assert_eq!("LOC".parse::<warta::Label>(), Ok(warta::Label::Loc));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// A place: country, region, city, named building, airport, palace, office named as a place.
    #[serde(rename = "LOC")]
    Loc,
    /// An organisation: government body, party, ministry, agency, company, news agency, …
    #[serde(rename = "ORG")]
    Org,
}

impl Label {
    /// The label as written in the contract: `PER`, `LOC` or `ORG`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Loc => "LOC",
            Label::Org => "ORG",
        }
    }

    /// The lowercase prefix of ids of this label: `per`, `loc`, `org`.
    pub fn id_prefix(self) -> &'static str {
        match self {
            Label::Per => "per",
            Label::Loc => "loc",
            Label::Org => "org",
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Label {
    type Err = ();

    fn from_str(s: &str) -> Result<Label, ()> {
        match s {
            "PER" => Ok(Label::Per),
            "LOC" => Ok(Label::Loc),
            "ORG" => Ok(Label::Org),
            _ => Err(()),
        }
    }
}

/// Where an entity mention came from.
///
/// ```
/// assert_eq!(serde_json::to_string(&warta::Source::Alias).unwrap(), r#""alias""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A name or alias of a gazetteer entry.
    Gazetteer,
    /// A context cue (a title, a head noun, a reporting verb …).
    Rule,
    /// A short form of a name seen elsewhere in the same document.
    Alias,
}

/// One mention of a named entity.
///
/// See [`Document`] for an example.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The surface text, `&text[start..end]`.
    pub text: String,
    /// PER, LOC or ORG.
    pub label: Label,
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
    /// Stable id of the gazetteer entry (`per:vladimir-putin`), or of a name first seen in this
    /// document (`doc:per:afdal-namakule`). Every mention of one entity shares it.
    pub entity_id: String,
    /// Canonical name, in the form the Indonesian press uses.
    pub name: String,
    /// Which evidence produced the mention.
    pub source: Source,
    /// True when the gazetteer matched through typo tolerance (`Kora Utara`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub fuzzy: bool,
    /// The title or role written next to the name (`Presiden Rusia`), outside the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A time expression with its normalised value.
///
/// ```
/// let doc = warta::Extractor::new().extract("Ia tiba pada 13 September 2023.");
/// let t = &doc.times[0];
/// assert_eq!(t.text, "13 September 2023");
/// assert_eq!(t.value.as_deref(), Some("2023-09-13"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The surface text.
    pub text: String,
    /// Where the expression is.
    #[serde(flatten)]
    pub span: Span,
    /// Calendar value at the precision the text gives (`2024-06-19`, `2024-06`, `2024`,
    /// `2024-W24`), or `None` when it cannot be resolved. For a range, its start.
    pub value: Option<String>,
    /// For a range, its end value.
    pub end_value: Option<String>,
    /// Clock time `HH:MM`, when given.
    pub time_of_day: Option<String>,
    /// Time zone as written (`WIB`, `WITA`, `WIT`, `UTC`, `waktu setempat` → `local`).
    pub timezone: Option<String>,
    /// `pagi`, `siang`, `sore` or `malam`, when given.
    pub part_of_day: Option<String>,
    /// `awal`, `akhir` or `pertengahan`, when given.
    pub approx: Option<String>,
    /// True when a weekday contradicts the date it is written with.
    #[serde(default, skip_serializing_if = "is_false")]
    pub weekday_mismatch: bool,
}

/// The kinds of event warta reports.
///
/// ```
/// assert_eq!(serde_json::to_string(&warta::EventType::Meet).unwrap(), r#""MEET""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    /// Two or more parties meet in person.
    Meet,
    /// A party visits a place or a host.
    Visit,
    /// A party arrives at or travels to a place.
    Arrive,
    /// A party receives or welcomes a guest.
    Host,
    /// A party says something.
    Statement,
    /// A party gives or sends something to another.
    Transfer,
}

impl EventType {
    /// The CAMEO code that fits the event type.
    pub fn cameo(self) -> Option<&'static str> {
        match self {
            EventType::Meet => Some("040"),
            EventType::Visit => Some("042"),
            EventType::Host => Some("043"),
            EventType::Statement => Some("010"),
            EventType::Arrive | EventType::Transfer => None,
        }
    }
}

/// Whether an event is reported as having happened.
///
/// ```
/// assert_eq!(serde_json::to_string(&warta::Modality::Planned).unwrap(), r#""planned""#);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// The text asserts it happened.
    #[default]
    Asserted,
    /// Planned or expected (`akan bertemu`, `rencana pertemuan`).
    Planned,
    /// Denied (`tidak bertemu`, `membantah pernah menemui`).
    Negated,
}

/// The role of an argument in an event.
///
/// ```
/// assert_eq!(serde_json::to_string(&warta::Role::Traveller).unwrap(), r#""traveller""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A party of a MEET.
    Participant,
    /// Who visits (VISIT).
    Visitor,
    /// Who is visited (VISIT) or receives a guest (HOST).
    Host,
    /// Who is received (HOST).
    Guest,
    /// Who arrives or travels (ARRIVE).
    Traveller,
    /// Who speaks (STATEMENT).
    Speaker,
    /// Who gives (TRANSFER).
    Giver,
    /// Who receives (TRANSFER).
    Recipient,
    /// What is given (TRANSFER).
    Object,
}

/// A piece of text: a trigger, for example.
///
/// ```
/// let m = warta::Mention { text: "bertemu".into(), span: warta::Span::new(6, 13) };
/// assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"text":"bertemu","start":6,"end":13}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The surface text.
    pub text: String,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
}

/// An argument of an event: a named entity, a pronoun or a description.
///
/// See [`Event`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The argument's role.
    pub role: Role,
    /// The mention as written (the name without its title, or `dia`, `mereka`, …).
    pub text: String,
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
    /// Canonical name of the entity it refers to, when resolved.
    pub name: Option<String>,
    /// Id of the entity it refers to, when resolved.
    pub entity_id: Option<String>,
}

/// The place of an event.
///
/// See [`Event`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The place phrase as written (`bandara Pyongyang`).
    pub text: String,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// Canonical name of the place entity (`Pyongyang`), when known.
    pub name: Option<String>,
    /// Id of the place entity, when known.
    pub entity_id: Option<String>,
}

/// One event record: who did what with whom, where and when.
///
/// ```
/// let doc = warta::Extractor::new()
///     .extract("Presiden Rusia Vladimir Putin bertemu dengan Kim Jong Un di Pyongyang.");
/// for event in &doc.events {
///     println!("{:?} {:?}", event.kind, event.participants.iter().map(|p| &p.text).collect::<Vec<_>>());
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// MEET, VISIT, ARRIVE, HOST, STATEMENT or TRANSFER.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Asserted, planned or negated.
    pub modality: Modality,
    /// The words that signal the event.
    pub trigger: Mention,
    /// The event's arguments with their roles.
    pub participants: Vec<Participant>,
    /// Where it happened.
    pub place: Option<Place>,
    /// When it happened.
    pub time: Option<TimeExpr>,
    /// The sentence that reports it.
    pub sentence: Span,
    /// CAMEO code, where one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// For a STATEMENT, the span of what was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Span>,
    /// Records of one document that report the same happening share a group number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
}
