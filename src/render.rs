//! A self-contained HTML view of extracted documents: the text with its entities, times and
//! event arguments marked, a table of events, and for a batch an index and a "who met whom"
//! table.
//!
//! The page needs no network and no script: colours and tooltips are inline CSS and `title`
//! attributes; clicking an event row jumps to its sentence and outlines its trigger and
//! arguments (CSS `:target`), hovering a row does the same where the browser supports `:has()`.
//!
//! Rendering is linear in the size of the text and the number of marks: marks are sorted once and
//! written in one sweep. Marks that cross one another (which the contract does not produce, but a
//! hand-made record may) and marks that cross a paragraph break are split so that the HTML stays
//! well formed. Offsets that are out of range or not on a `char` boundary are clamped, never a
//! panic.

use crate::{Document, EventType, Label, Modality, Role, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io;

/// Renders documents as one self-contained HTML page.
///
/// Each pair is the text a document was extracted from and the document; its spans index that
/// text. With more than one document, the page starts with an index and a "who met whom" table.
///
/// ```
/// let text = "Presiden Joko Widodo tiba di Bandung, Senin (3/4/2017).";
/// let doc = warta::Extractor::new().extract(text);
/// let html = warta::render_html(&[(text, &doc)]);
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains(r#"data-eid="per:joko-widodo""#));
/// assert!(!html.contains("http://") && !html.contains("https://")); // nothing fetched
/// ```
pub fn render_html(docs: &[(&str, &Document)]) -> String {
    let mut renderer = Renderer::new();
    for (text, doc) in docs {
        renderer.push(text, doc);
    }
    renderer.finish()
}

/// Builds a page one document at a time, so that a large batch need not be kept in memory: each
/// document is rendered when it is pushed, and only its index line and the meetings it reports
/// are kept for the tables at the top of the page.
///
/// ```
/// use warta::{Extractor, Renderer};
///
/// let extractor = Extractor::new();
/// let mut page = Renderer::new().title("Two articles");
/// for text in ["Vladimir Putin tiba di Pyongyang.", "Kim Jong Un menyambut Putin."] {
///     page.push(text, &extractor.extract(text));
/// }
/// let html = page.finish();
/// assert!(html.contains("<title>Two articles</title>"));
/// assert!(html.contains(r#"<nav id="index">"#)); // a batch gets an index
/// ```
#[derive(Debug, Default)]
pub struct Renderer {
    title: Option<String>,
    /// The rendered document sections.
    body: String,
    /// Per-event highlight rules, for the page's `<style>`.
    event_css: String,
    index: Vec<IndexLine>,
    pairs: BTreeMap<(String, String), PairStats>,
}

#[derive(Debug)]
struct IndexLine {
    id: String,
    date: Option<String>,
    entities: usize,
    times: usize,
    events: usize,
}

#[derive(Debug, Default)]
struct PairStats {
    names: (String, String),
    asserted: usize,
    planned: usize,
    kinds: BTreeMap<&'static str, usize>,
    places: BTreeSet<String>,
    dates: BTreeSet<String>,
    /// (document number, event number, document id)
    refs: Vec<(usize, usize)>,
}

/// At most this many links to events per pair in the "who met whom" table.
const MAX_PAIR_LINKS: usize = 12;

impl Renderer {
    /// An empty page.
    pub fn new() -> Renderer {
        Renderer::default()
    }

    /// Sets the page's title (default: `warta — ` and the document's id or the count).
    pub fn title(mut self, title: impl Into<String>) -> Renderer {
        self.title = Some(title.into());
        self
    }

    /// Number of documents pushed so far.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no document was pushed.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Renders one document; `text` is the text it was extracted from.
    pub fn push(&mut self, text: &str, doc: &Document) {
        let n = self.index.len();
        let id = doc
            .id
            .clone()
            .unwrap_or_else(|| format!("document {}", n + 1));
        self.index.push(IndexLine {
            id: id.clone(),
            date: doc.reference_date.map(|d| d.to_string()),
            entities: doc.entities.len(),
            times: doc.times.len(),
            events: doc.events.len(),
        });
        self.collect_pairs(n, doc);
        render_document(&mut self.body, &mut self.event_css, n, &id, text, doc);
    }

    fn collect_pairs(&mut self, n: usize, doc: &Document) {
        for (k, event) in doc.events.iter().enumerate() {
            let kind = match event.kind {
                EventType::Meet => "MEET",
                EventType::Visit => "VISIT",
                EventType::Host => "HOST",
                _ => continue,
            };
            if event.modality == Modality::Negated {
                continue;
            }
            // The parties: resolved participants, once each (`dia` and `Putin` are one party).
            let mut parties: Vec<(String, String)> = Vec::new();
            for p in &event.participants {
                if matches!(p.role, Role::Object) {
                    continue;
                }
                let key = match (&p.entity_id, &p.name) {
                    (Some(id), _) => id.clone(),
                    (None, Some(name)) => format!("name:{name}"),
                    (None, None) => continue,
                };
                if parties.iter().any(|(k, _)| *k == key) {
                    continue;
                }
                let name = p.name.clone().unwrap_or_else(|| p.text.clone());
                parties.push((key, name));
            }
            for i in 0..parties.len() {
                for j in i + 1..parties.len() {
                    let (a, b) = if (&parties[i].1, &parties[i].0) <= (&parties[j].1, &parties[j].0)
                    {
                        (&parties[i], &parties[j])
                    } else {
                        (&parties[j], &parties[i])
                    };
                    let stats = self.pairs.entry((a.0.clone(), b.0.clone())).or_default();
                    stats.names = (a.1.clone(), b.1.clone());
                    if event.modality == Modality::Planned {
                        stats.planned += 1;
                    } else {
                        stats.asserted += 1;
                    }
                    *stats.kinds.entry(kind).or_default() += 1;
                    if let Some(place) = &event.place {
                        stats
                            .places
                            .insert(place.name.clone().unwrap_or_else(|| place.text.clone()));
                    }
                    if let Some(value) = event.time.as_ref().and_then(|t| t.value.clone()) {
                        stats.dates.insert(value);
                    }
                    stats.refs.push((n, k));
                }
            }
        }
    }

    /// The finished page.
    pub fn finish(self) -> String {
        let mut out = Vec::with_capacity(self.body.len() + self.event_css.len() + 8192);
        self.finish_to(&mut out)
            .expect("writing to a Vec never fails");
        String::from_utf8(out).expect("the page is built from UTF-8 strings")
    }

    /// Writes the finished page to `out`, without first assembling it in memory.
    pub fn finish_to<W: io::Write>(self, mut out: W) -> io::Result<()> {
        let title = match (&self.title, self.index.as_slice()) {
            (Some(t), _) => t.clone(),
            (None, [one]) => format!("warta — {}", one.id),
            (None, docs) => format!("warta — {} documents", docs.len()),
        };
        let mut head = String::with_capacity(8192);
        head.push_str("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
        head.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        head.push_str("<meta name=\"generator\" content=\"warta\">\n<title>");
        escape_into(&mut head, &title);
        head.push_str("</title>\n<style>\n");
        head.push_str(CSS);
        out.write_all(head.as_bytes())?;
        out.write_all(self.event_css.as_bytes())?;
        head.clear();
        head.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
        escape_into(&mut head, &title);
        head.push_str("</h1>\n");
        head.push_str(LEGEND);
        head.push_str("</header>\n");
        if self.index.len() > 1 {
            write_index(&mut head, &self.index);
            write_pairs(&mut head, &self.pairs, &self.index);
        }
        if self.index.is_empty() {
            head.push_str("<p class=\"none\">No documents.</p>\n");
        }
        out.write_all(head.as_bytes())?;
        out.write_all(self.body.as_bytes())?;
        out.write_all(b"</body>\n</html>\n")?;
        out.flush()
    }
}

const CSS: &str = "\
:root{--per:#ffd6d6;--per-b:#d9534f;--loc:#d4ecff;--loc-b:#2b7bb9;--org:#dff5d0;--org-b:#4a9a2c;\
--tim:#f1e2ff;--tim-b:#8a4fbf;--trg:#c0392b;--hl:#ff8c00;--sent:#fff4c2;--ink:#1d2329;--muted:#66707a}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem;font:16px/1.6 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;color:var(--ink);background:#fbfbf8}
header h1{font-size:1.3rem;margin:.2rem 0 .3rem}
h2{font-size:1.15rem;margin:0 0 .2rem;overflow-wrap:anywhere}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
.legend{font-size:.8rem;color:var(--muted);margin:0 0 1rem}
.legend mark,.legend span{margin-right:.4rem}
.doc{background:#fff;border:1px solid #e3e3dc;border-radius:8px;padding:1rem 1.4rem;margin:1rem 0;box-shadow:0 1px 2px #0000000d}
.meta{font-size:.8rem;color:var(--muted);margin:0 0 .8rem}
.text p{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .8rem;unicode-bidi:plaintext}
mark{color:inherit;border-radius:4px;padding:0 .15em;unicode-bidi:isolate;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark[data-l]::after,mark[data-v]::after{font-size:.62em;font-weight:700;letter-spacing:.03em;margin-left:.3em;vertical-align:.12em;opacity:.8}
mark[data-l]::after{content:attr(data-l)}
mark[data-v]::after{content:attr(data-v)}
.PER{background:var(--per);border-bottom:2px solid var(--per-b)}.PER::after{color:var(--per-b)}
.LOC{background:var(--loc);border-bottom:2px solid var(--loc-b)}.LOC::after{color:var(--loc-b)}
.ORG{background:var(--org);border-bottom:2px solid var(--org-b)}.ORG::after{color:var(--org-b)}
.tim{background:var(--tim);border-bottom:2px dotted var(--tim-b)}.tim::after{color:var(--tim-b)}
.trg{color:var(--trg);font-weight:600;text-decoration:underline 2px;text-underline-offset:3px}
.arg{text-decoration:underline dashed 1px;text-underline-offset:3px}
.ev:target{background:var(--sent);border-radius:3px}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.3rem 0}
th,td{border-bottom:1px solid #e6e6e0;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f3ee;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.events tr:hover td{background:#fffbe6}
.role{font-size:.72em;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.sent{color:#3c444c}
.modality-planned{color:#946200}.modality-negated{color:#b00020}
.none{color:var(--muted);font-size:.85rem}
a{color:#1a5fb4}
nav#index{max-height:24rem;overflow:auto;border:1px solid #e3e3dc;border-radius:8px;background:#fff;padding:.2rem .6rem}
";

const LEGEND: &str = "<p class=\"legend\"><mark class=\"PER\" data-l=\"PER\">person</mark> \
<mark class=\"LOC\" data-l=\"LOC\">place</mark> <mark class=\"ORG\" data-l=\"ORG\">organisation</mark> \
<mark class=\"tim\" data-v=\"value\">time</mark> <span class=\"trg\">event trigger</span> \
<span class=\"arg\">event argument</span> — hover a mark for its name, id or value; click an \
event to show its sentence and arguments.</p>\n";

fn write_index(out: &mut String, index: &[IndexLine]) {
    out.push_str("<nav id=\"index\">\n<h3>Documents</h3>\n<table class=\"index\">\n<thead><tr><th class=\"n\">#</th><th>document</th><th>date</th><th class=\"n\">entities</th><th class=\"n\">times</th><th class=\"n\">events</th></tr></thead>\n<tbody>\n");
    for (n, line) in index.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><td class=\"n\">{}</td><td><a href=\"#d{n}\">",
            n + 1
        );
        escape_into(out, &line.id);
        out.push_str("</a></td><td>");
        if let Some(d) = &line.date {
            escape_into(out, d);
        }
        let _ = writeln!(
            out,
            "</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            line.entities, line.times, line.events
        );
    }
    out.push_str("</tbody>\n</table>\n</nav>\n");
}

fn write_pairs(
    out: &mut String,
    pairs: &BTreeMap<(String, String), PairStats>,
    index: &[IndexLine],
) {
    out.push_str("<section id=\"who-met-whom\">\n<h3>Who met whom</h3>\n");
    if pairs.is_empty() {
        out.push_str("<p class=\"none\">No MEET, VISIT or HOST event with two resolved parties.</p>\n</section>\n");
        return;
    }
    let mut rows: Vec<&PairStats> = pairs.values().collect();
    rows.sort_by(|a, b| {
        (b.asserted + b.planned)
            .cmp(&(a.asserted + a.planned))
            .then_with(|| a.names.cmp(&b.names))
    });
    out.push_str("<table class=\"pairs\">\n<thead><tr><th>party</th><th>party</th><th class=\"n\">times met</th><th class=\"n\">planned</th><th>events</th><th>places</th><th>dates</th><th>reported in</th></tr></thead>\n<tbody>\n");
    for s in rows {
        out.push_str("<tr><td>");
        escape_into(out, &s.names.0);
        out.push_str("</td><td>");
        escape_into(out, &s.names.1);
        let _ = write!(
            out,
            "</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>",
            s.asserted, s.planned
        );
        join_into(out, s.kinds.iter().map(|(k, c)| format!("{k} ×{c}")));
        out.push_str("</td><td>");
        join_into(out, s.places.iter().cloned());
        out.push_str("</td><td>");
        join_into(out, s.dates.iter().cloned());
        out.push_str("</td><td>");
        for (i, &(d, k)) in s.refs.iter().take(MAX_PAIR_LINKS).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "<a href=\"#e{d}-{k}\" title=\"");
            escape_into(out, &index[d].id);
            let _ = write!(out, "\">{}:{}</a>", d + 1, k + 1);
        }
        if s.refs.len() > MAX_PAIR_LINKS {
            let _ = write!(out, " … +{}", s.refs.len() - MAX_PAIR_LINKS);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn join_into(out: &mut String, items: impl Iterator<Item = String>) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        escape_into(out, &item);
    }
}

/// One highlighted range of the text, before it is cut at paragraph breaks and crossings.
struct Mark {
    start: usize,
    end: usize,
    /// Nesting preference for marks with the same span: lower is outer.
    rank: u8,
    tag: &'static str,
    class: String,
    title: String,
    /// Extra attributes, already escaped, each with a leading space.
    attrs: String,
    /// Attributes only the first piece carries (an `id`, a label chip).
    first_attrs: String,
}

impl Mark {
    fn new(span: Span, len: usize, text: &str, rank: u8, tag: &'static str) -> Mark {
        let (start, end) = clamp(text, span, len);
        Mark {
            start,
            end,
            rank,
            tag,
            class: String::new(),
            title: String::new(),
            attrs: String::new(),
            first_attrs: String::new(),
        }
    }

    fn add_title_line(&mut self, line: &str) {
        if !self.title.is_empty() {
            self.title.push('\n');
        }
        self.title.push_str(line);
    }

    fn add_class(&mut self, class: &str) {
        if !self.class.is_empty() {
            self.class.push(' ');
        }
        self.class.push_str(class);
    }

    fn open_tag(&self, out: &mut String, first: bool) {
        out.push('<');
        out.push_str(self.tag);
        if !self.class.is_empty() {
            out.push_str(" class=\"");
            escape_into(out, &self.class);
            out.push('"');
        }
        if !self.title.is_empty() {
            out.push_str(" title=\"");
            escape_into(out, &self.title);
            out.push('"');
        }
        out.push_str(&self.attrs);
        if first {
            out.push_str(&self.first_attrs);
        }
        out.push('>');
    }
}

/// A span clamped into the text and onto `char` boundaries.
fn clamp(text: &str, span: Span, len: usize) -> (usize, usize) {
    let floor = |mut i: usize| {
        i = i.min(len);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    (start, end)
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Participant => "participant",
        Role::Visitor => "visitor",
        Role::Host => "host",
        Role::Guest => "guest",
        Role::Traveller => "traveller",
        Role::Speaker => "speaker",
        Role::Giver => "giver",
        Role::Recipient => "recipient",
        Role::Object => "object",
    }
}

fn kind_name(kind: EventType) -> &'static str {
    match kind {
        EventType::Meet => "MEET",
        EventType::Visit => "VISIT",
        EventType::Arrive => "ARRIVE",
        EventType::Host => "HOST",
        EventType::Statement => "STATEMENT",
        EventType::Transfer => "TRANSFER",
    }
}

fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Planned => "planned",
        Modality::Negated => "negated",
    }
}

fn time_summary(t: &crate::TimeExpr) -> String {
    let mut s = match (&t.value, &t.end_value) {
        (Some(v), Some(e)) => format!("{v} – {e}"),
        (Some(v), None) => v.clone(),
        (None, _) => "unresolved".to_string(),
    };
    for extra in [&t.time_of_day, &t.timezone, &t.part_of_day, &t.approx]
        .into_iter()
        .flatten()
    {
        s.push(' ');
        s.push_str(extra);
    }
    if t.weekday_mismatch {
        s.push_str(" (weekday mismatch)");
    }
    s
}

/// Collects the marks of one document: entities, times, and each event's sentence, trigger and
/// arguments. An argument whose span is exactly an entity's or a time's reuses that mark.
fn collect_marks(n: usize, text: &str, doc: &Document) -> Vec<Mark> {
    let len = text.len();
    let mut marks = Vec::with_capacity(doc.entities.len() + doc.times.len() + doc.events.len() * 4);
    let mut by_span: HashMap<(usize, usize), usize> = HashMap::new();
    for e in &doc.entities {
        let mut m = Mark::new(e.span, len, text, 1, "mark");
        m.add_class(e.label.as_str());
        let source = match e.source {
            crate::Source::Gazetteer => "gazetteer",
            crate::Source::Rule => "rule",
            crate::Source::Alias => "alias",
        };
        m.title = format!("{} {} · {} · {source}", e.label, e.name, e.entity_id);
        if e.fuzzy {
            m.title.push_str(" (fuzzy)");
        }
        if let Some(role) = &e.role {
            m.title.push_str(" · ");
            m.title.push_str(role);
        }
        m.attrs.push_str(" data-eid=\"");
        escape_into(&mut m.attrs, &e.entity_id);
        m.attrs.push('"');
        m.first_attrs = format!(" data-l=\"{}\"", e.label);
        by_span.entry((m.start, m.end)).or_insert(marks.len());
        marks.push(m);
    }
    for t in &doc.times {
        let mut m = Mark::new(t.span, len, text, 2, "mark");
        m.add_class("tim");
        let summary = time_summary(t);
        m.title = format!("TIME {summary}");
        m.first_attrs.push_str(" data-v=\"");
        escape_into(&mut m.first_attrs, t.value.as_deref().unwrap_or("TIME ?"));
        m.first_attrs.push('"');
        by_span.entry((m.start, m.end)).or_insert(marks.len());
        marks.push(m);
    }
    // Event argument spans that are not an entity or a time get marks of their own, shared
    // between events.
    for (k, event) in doc.events.iter().enumerate() {
        let class = format!("x{n}-{k}");
        let head = format!("event {} {}", k + 1, kind_name(event.kind));
        // The sentence (stretched to cover every argument) is the `:target` of the event's
        // row link.
        let mut wrap = Mark::new(event.sentence, len, text, 0, "span");
        let mut spans = vec![event.trigger.span];
        spans.extend(event.participants.iter().map(|p| p.span));
        spans.extend(event.place.iter().map(|p| p.span));
        spans.extend(event.time.iter().map(|t| t.span));
        for s in &spans {
            let (s, e) = clamp(text, *s, len);
            if s < e {
                wrap.start = wrap.start.min(s);
                wrap.end = wrap.end.max(e);
            }
        }
        wrap.add_class("ev");
        wrap.first_attrs = format!(" id=\"e{n}-{k}\"");
        marks.push(wrap);

        let mut mark_arg = |span: Span, kind: &str, line: String| {
            let (s, e) = clamp(text, span, len);
            let i = match by_span.get(&(s, e)) {
                Some(&i) => i,
                None => {
                    let mut m = Mark::new(span, len, text, 3, "span");
                    m.add_class(kind);
                    by_span.insert((s, e), marks.len());
                    marks.push(m);
                    marks.len() - 1
                }
            };
            let m = &mut marks[i];
            if kind == "trg" && !m.class.split(' ').any(|c| c == "trg") {
                m.add_class("trg");
            }
            m.add_class(&class);
            m.add_title_line(&line);
        };
        mark_arg(
            event.trigger.span,
            "trg",
            format!("{head} trigger ({})", modality_name(event.modality)),
        );
        for p in &event.participants {
            let mut line = format!("{head}: {}", role_name(p.role));
            if let Some(name) = &p.name {
                let _ = write!(line, " → {name}");
            }
            if let Some(id) = &p.entity_id {
                let _ = write!(line, " ({id})");
            }
            mark_arg(p.span, "arg", line);
        }
        if let Some(place) = &event.place {
            let mut line = format!("{head}: place");
            if let Some(name) = &place.name {
                let _ = write!(line, " → {name}");
            }
            mark_arg(place.span, "arg", line);
        }
        if let Some(t) = &event.time {
            mark_arg(t.span, "arg", format!("{head}: time {}", time_summary(t)));
        }
    }
    marks
}

/// Paragraphs: the text between whitespace runs holding a blank line, without the leading and
/// trailing whitespace of the text. Every paragraph starts and ends with a non-space.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None; // start of the current paragraph
    let mut last_end = 0; // end of the last non-space char
    let mut newlines = 0; // newlines in the current whitespace run
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            continue;
        }
        match start {
            None => start = Some(i),
            Some(s) if newlines >= 2 => {
                out.push((s, last_end));
                start = Some(i);
            }
            Some(_) => {}
        }
        newlines = 0;
        last_end = i + c.len_utf8();
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

/// A mark cut to one paragraph.
#[derive(Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    mark: usize,
}

/// Writes the text with its marks: marks are cut at paragraph breaks, and a mark that crosses
/// another is closed and reopened around it, so that every element nests.
fn write_marked_text(out: &mut String, text: &str, marks: &[Mark]) {
    let paras = paragraphs(text);
    let mut pieces: Vec<Piece> = Vec::with_capacity(marks.len());
    for (i, m) in marks.iter().enumerate() {
        if m.start >= m.end {
            continue;
        }
        // The first paragraph ending after the mark's start.
        let mut p = paras.partition_point(|&(_, pe)| pe <= m.start);
        while let Some(&(ps, pe)) = paras.get(p) {
            if ps >= m.end {
                break;
            }
            let (s, e) = (m.start.max(ps), m.end.min(pe));
            if s < e {
                pieces.push(Piece {
                    start: s,
                    end: e,
                    mark: i,
                });
            }
            p += 1;
        }
    }
    pieces.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(marks[a.mark].rank.cmp(&marks[b.mark].rank))
            .then(a.mark.cmp(&b.mark))
    });
    let mut opened = vec![false; marks.len()];
    let mut next = 0; // next piece to open
    let mut stack: Vec<Piece> = Vec::new();
    let mut reopen: Vec<Piece> = Vec::new();
    let mut pos = 0;
    for &(ps, pe) in &paras {
        // Whitespace between paragraphs is written as is: the text's characters all survive.
        out.push_str(&text[pos..ps]);
        out.push_str("<p dir=\"auto\">");
        pos = ps;
        loop {
            let next_open = pieces.get(next).map(|p| p.start).filter(|&s| s < pe);
            let next_close = stack.iter().map(|p| p.end).min();
            let at = match (next_open, next_close) {
                (Some(o), Some(c)) => o.min(c),
                (Some(o), None) => o,
                (None, Some(c)) => c,
                (None, None) => break,
            };
            escape_into(out, &text[pos..at]);
            pos = at;
            if next_close == Some(at) {
                // Close down to the last piece ending here; reopen the ones that go on.
                while let Some(i) = stack.iter().rposition(|p| p.end == at) {
                    while stack.len() > i {
                        let top = stack.pop().expect("non-empty");
                        out.push_str("</");
                        out.push_str(marks[top.mark].tag);
                        out.push('>');
                        if top.end != at {
                            reopen.push(top);
                        }
                    }
                }
                while let Some(p) = reopen.pop() {
                    marks[p.mark].open_tag(out, false);
                    stack.push(p);
                }
            }
            while let Some(&p) = pieces.get(next).filter(|p| p.start == at && p.start < pe) {
                let m = &marks[p.mark];
                m.open_tag(out, !opened[p.mark]);
                opened[p.mark] = true;
                stack.push(p);
                next += 1;
            }
        }
        escape_into(out, &text[pos..pe]);
        pos = pe;
        out.push_str("</p>");
    }
    out.push_str(&text[pos..]);
}

fn render_document(
    out: &mut String,
    css: &mut String,
    n: usize,
    id: &str,
    text: &str,
    doc: &Document,
) {
    let _ = write!(out, "<section class=\"doc\" id=\"d{n}\">\n<h2>");
    escape_into(out, id);
    out.push_str("</h2>\n<p class=\"meta\">");
    if let Some(d) = doc.reference_date {
        let _ = write!(out, "reference date {d} · ");
    }
    let count = |label: Label| doc.entities.iter().filter(|e| e.label == label).count();
    let _ = writeln!(
        out,
        "{} · {} PER · {} LOC · {} ORG · {} · {}</p>",
        plural(doc.sentences.len(), "sentence"),
        count(Label::Per),
        count(Label::Loc),
        count(Label::Org),
        plural(doc.times.len(), "time"),
        plural(doc.events.len(), "event"),
    );
    let marks = collect_marks(n, text, doc);
    out.reserve(text.len() * 2 + marks.len() * 96);
    out.push_str("<div class=\"text\">");
    write_marked_text(out, text, &marks);
    out.push_str("</div>\n");
    if text.trim().is_empty() {
        out.push_str("<p class=\"none\">Empty text.</p>\n");
    }
    write_events(out, css, n, text, doc);
    out.push_str("</section>\n");
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn write_events(out: &mut String, css: &mut String, n: usize, text: &str, doc: &Document) {
    out.push_str("<h3>Events</h3>\n");
    if doc.events.is_empty() {
        out.push_str("<p class=\"none\">No events.</p>\n");
        return;
    }
    out.push_str("<table class=\"events\">\n<thead><tr><th>#</th><th>type</th><th>modality</th><th>participants</th><th>place</th><th>time</th><th>sentence</th></tr></thead>\n<tbody>\n");
    for (k, event) in doc.events.iter().enumerate() {
        let _ = writeln!(
            css,
            "#e{n}-{k}:target .x{n}-{k},#d{n}:has(#r{n}-{k}:hover) .x{n}-{k}{{outline:2px solid var(--hl);outline-offset:1px}}#d{n}:has(#r{n}-{k}:hover) #e{n}-{k}{{background:var(--sent)}}"
        );
        let _ = write!(
            out,
            "<tr id=\"r{n}-{k}\"><td class=\"n\"><a href=\"#e{n}-{k}\">{}</a></td><td><a href=\"#e{n}-{k}\">{}</a>",
            k + 1,
            kind_name(event.kind)
        );
        if let Some(c) = &event.cameo {
            out.push_str(" <span class=\"role\">CAMEO ");
            escape_into(out, c);
            out.push_str("</span>");
        }
        if let Some(g) = event.group {
            let _ = write!(out, " <span class=\"role\">group {g}</span>");
        }
        let modality = modality_name(event.modality);
        let _ = write!(
            out,
            "</td><td class=\"modality-{modality}\">{modality}</td><td>"
        );
        for (i, p) in event.participants.iter().enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            let _ = write!(out, "<span class=\"role\">{}</span> ", role_name(p.role));
            match &p.entity_id {
                Some(id) => {
                    out.push_str("<span title=\"");
                    escape_into(out, id);
                    out.push_str("\">");
                }
                None => out.push_str("<span>"),
            }
            escape_into(out, &p.text);
            if let Some(name) = p.name.as_ref().filter(|name| **name != p.text) {
                out.push_str(" → ");
                escape_into(out, name);
            }
            out.push_str("</span>");
        }
        out.push_str("</td><td>");
        if let Some(place) = &event.place {
            escape_into(out, &place.text);
            if let Some(name) = place.name.as_ref().filter(|name| **name != place.text) {
                out.push_str(" → ");
                escape_into(out, name);
            }
        }
        out.push_str("</td><td>");
        if let Some(t) = &event.time {
            escape_into(out, &t.text);
            out.push_str("<br><span class=\"role\">");
            escape_into(out, &time_summary(t));
            out.push_str("</span>");
        }
        out.push_str("</td><td class=\"sent\">");
        let (s, e) = clamp(text, event.sentence, text.len());
        escape_into(out, &text[s..e]);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Appends `s` with `& < > " '` escaped (safe in text and in quoted attributes) and NUL replaced.
fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            0 => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let mut s = String::new();
        escape_into(&mut s, "<a href='x'>\"&\"</a>\0é");
        assert_eq!(
            s,
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;\u{FFFD}é"
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "\n  Judul\n\nSatu.\nDua. \n \n\t Tiga.\n";
        let got: Vec<&str> = paragraphs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["Judul", "Satu.\nDua.", "Tiga."]);
        assert!(paragraphs("  \n\n ").is_empty());
    }

    #[test]
    fn crossing_marks_are_split() {
        let text = "abcdef";
        let mk = |s, e, class: &str| {
            let mut m = Mark::new(Span::new(s, e), text.len(), text, 1, "b");
            m.add_class(class);
            m
        };
        let mut out = String::new();
        write_marked_text(&mut out, text, &[mk(0, 4, "x"), mk(2, 6, "y")]);
        assert_eq!(
            out,
            "<p dir=\"auto\"><b class=\"x\">ab<b class=\"y\">cd</b></b><b class=\"y\">ef</b></p>"
        );
    }

    #[test]
    fn out_of_range_spans_are_clamped() {
        let text = "é🙂";
        assert_eq!(clamp(text, Span::new(1, 99), text.len()), (0, 6));
        assert_eq!(clamp(text, Span::new(3, 4), text.len()), (2, 2));
    }
}
