//! The HTML view (`render` feature): snapshots of the page for the seed article, for hostile text
//! and for a batch, and structural checks that do not depend on the snapshots: the page is well
//! formed, every character of the text survives, every entity and time has its mark, every event
//! has its row, nothing is fetched and nothing hostile is left unescaped.
//!
//! Snapshots live in `tests/snapshots/`. When the page changes on purpose (better recognition,
//! events, a new style) regenerate them with
//! `WARTA_UPDATE_SNAPSHOTS=1 cargo test --features render --test render` and review the diff.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;
use warta::{
    Document, Entity, Event, EventType, Extractor, Label, Mention, Modality, Participant, Place,
    Role, Source, Span, TimeExpr, render_html,
};

// ---------------------------------------------------------------------------------------------
// A tiny HTML checker: tags balance, attributes are quoted and escaped, `&` starts an entity.

const VOID: &[&str] = &["meta", "br", "hr", "img", "wbr", "link", "input"];

/// One element of the page: its tag, raw attribute text and decoded text content.
#[derive(Debug)]
struct Element {
    tag: String,
    attrs: String,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<String> {
        let key = format!(" {name}=\"");
        let at = self.attrs.find(&key)? + key.len();
        let len = self.attrs[at..].find('"')?;
        Some(unescape(&self.attrs[at..at + len]))
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split(' ').any(|c| c == class))
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Parses the page strictly enough to catch any escaping or nesting mistake; returns every
/// element (closed ones, in closing order).
fn parse(html: &str) -> Result<Vec<Element>, String> {
    let mut stack: Vec<Element> = Vec::new();
    let mut done = Vec::new();
    let mut rest = html;
    let at = |rest: &str| html.len() - rest.len();
    let push_text = |stack: &mut Vec<Element>, t: &str| {
        if let Some(top) = stack.last_mut() {
            top.text.push_str(&unescape(t));
        }
    };
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..lt];
        check_text(text).map_err(|e| format!("byte {}: {e}", at(rest)))?;
        push_text(&mut stack, text);
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        if let Some(r) = rest.strip_prefix("<!DOCTYPE html>") {
            rest = r;
            continue;
        }
        let gt = rest
            .find('>')
            .ok_or_else(|| format!("byte {}: unclosed tag", at(rest)))?;
        let tag_text = &rest[1..gt];
        let start = at(rest);
        rest = &rest[gt + 1..];
        if let Some(name) = tag_text.strip_prefix('/') {
            let open = stack
                .pop()
                .ok_or_else(|| format!("byte {start}: </{name}> closes nothing"))?;
            if open.tag != name {
                return Err(format!(
                    "byte {start}: </{name}> closes <{}{}>",
                    open.tag, open.attrs
                ));
            }
            let text = open.text.clone();
            done.push(open);
            if let Some(parent) = stack.last_mut() {
                parent.text.push_str(&text);
            }
            continue;
        }
        let name_len = tag_text
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag_text.len());
        let (name, attrs) = tag_text.split_at(name_len);
        if name.is_empty() {
            return Err(format!("byte {start}: a raw '<' in text: {tag_text:?}"));
        }
        check_attrs(attrs).map_err(|e| format!("byte {start}: <{name}>: {e}"))?;
        if VOID.contains(&name) {
            continue;
        }
        if name == "style" || name == "script" {
            let end = format!("</{name}>");
            let close = rest
                .find(&end)
                .ok_or_else(|| format!("byte {start}: unclosed <{name}>"))?;
            rest = &rest[close + end.len()..];
            done.push(Element {
                tag: name.into(),
                attrs: attrs.into(),
                text: String::new(),
            });
            continue;
        }
        stack.push(Element {
            tag: name.into(),
            attrs: attrs.into(),
            text: String::new(),
        });
    }
    match stack.last() {
        Some(open) => Err(format!("<{}{}> is never closed", open.tag, open.attrs)),
        None => Ok(done),
    }
}

fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("a raw '>' in text near {:?}", excerpt(text, '>')));
    }
    check_amp(text)
}

fn check_amp(text: &str) -> Result<(), String> {
    for (i, _) in text.match_indices('&') {
        let tail = &text[i..];
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| tail.starts_with(e));
        if !ok {
            return Err(format!("a bare '&' near {:?}", excerpt(tail, '&')));
        }
    }
    Ok(())
}

fn excerpt(s: &str, c: char) -> String {
    let i = s.find(c).unwrap_or(0);
    s[i..].chars().take(30).collect()
}

/// ` name="value"` pairs: names are lowercase ASCII, values double-quoted without `<`, `>` or
/// a bare `&`.
fn check_attrs(mut attrs: &str) -> Result<(), String> {
    while !attrs.is_empty() {
        attrs = attrs
            .strip_prefix(' ')
            .ok_or_else(|| format!("attributes not separated by a space: {attrs:?}"))?;
        let eq = attrs.find("=\"").ok_or("an attribute without a value")?;
        let name = &attrs[..eq];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == ':')
        {
            return Err(format!("bad attribute name {name:?}"));
        }
        let value_and_rest = &attrs[eq + 2..];
        let close = value_and_rest
            .find('"')
            .ok_or("unterminated attribute value")?;
        let value = &value_and_rest[..close];
        if value.contains('<') || value.contains('>') {
            return Err(format!("unescaped '<' or '>' in {name}={value:?}"));
        }
        check_amp(value)?;
        attrs = &value_and_rest[close + 1..];
    }
    Ok(())
}

/// The text of document `n` as shown on the page.
fn shown_text(elements: &[Element], n: usize) -> String {
    // Each document section has one `div.text`, in document order.
    let divs: Vec<&Element> = elements.iter().filter(|e| e.has_class("text")).collect();
    divs[n].text.clone()
}

/// Structural checks shared by every test page.
fn check_page(html: &str, docs: &[(&str, &Document)]) -> Vec<Element> {
    let elements = parse(html).unwrap_or_else(|e| panic!("the page is not well formed: {e}"));
    for forbidden in ["http://", "https://", "src=", "@import", "url("] {
        assert!(!html.contains(forbidden), "the page refers to {forbidden}");
    }
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "a script element"
    );
    for (n, (text, doc)) in docs.iter().enumerate() {
        assert_eq!(
            shown_text(&elements, n),
            text.replace('\0', "\u{FFFD}"),
            "document {n}: the shown text is not the text (NUL aside)"
        );
        // Every entity: a mark of its label and id holding exactly its text, or (when a mark
        // crosses it, which the contract rules out for extracted documents) pieces of it.
        let mut marks: HashMap<String, Vec<String>> = HashMap::new();
        for e in elements.iter().filter(|e| e.tag == "mark") {
            if let Some(eid) = e.attr("data-eid") {
                marks.entry(eid).or_default().push(e.text.clone());
            }
        }
        for e in &doc.entities {
            let texts = marks
                .get(&e.entity_id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let whole = texts.contains(&e.text);
            let pieces = texts.len() > 1 && texts.iter().all(|t| e.text.contains(t.as_str()));
            assert!(
                whole || pieces,
                "entity {:?} ({}) has no mark",
                e.text,
                e.entity_id
            );
        }
        let times: Vec<&Element> = elements.iter().filter(|e| e.has_class("tim")).collect();
        // (Hand-made times may cross other marks, paragraphs or the end of the text.)
        let well_formed = |t: &&TimeExpr| text.get(t.span.range()) == Some(t.text.as_str());
        for t in doc.times.iter().filter(well_formed) {
            let pieces: Vec<&str> = times
                .iter()
                .filter(|m| t.text.contains(m.text.as_str()))
                .map(|m| m.text.as_str())
                .collect();
            assert!(
                pieces.contains(&t.text.as_str()) || pieces.concat().contains(&t.text),
                "time {:?} has no mark",
                t.text
            );
        }
        // Every event: a row linking to its sentence, and its trigger marked.
        for (k, event) in doc.events.iter().enumerate() {
            let row = format!("r{n}-{k}");
            assert!(
                elements
                    .iter()
                    .any(|e| e.tag == "tr" && e.attr("id") == Some(row.clone())),
                "no row for event {k}"
            );
            let class = format!("x{n}-{k}");
            assert!(
                elements
                    .iter()
                    .any(|e| e.has_class("trg") && e.has_class(&class)),
                "event {k}: trigger {:?} not marked",
                event.trigger.text
            );
            let id = format!("e{n}-{k}");
            assert_eq!(
                elements
                    .iter()
                    .filter(|e| e.attr("id") == Some(id.clone()))
                    .count(),
                1,
                "event {k}: one element with id {id}"
            );
        }
    }
    elements
}

// ---------------------------------------------------------------------------------------------
// Snapshots.

fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots")).join(name);
    if std::env::var_os("WARTA_UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        let _ = std::fs::remove_file(path.with_extension("new.html"));
        eprintln!("updated {}", path.display());
        return;
    }
    let new = path.with_extension("new.html");
    let Ok(expected) = std::fs::read_to_string(&path) else {
        let _ = std::fs::write(&new, actual);
        panic!(
            "no snapshot {}: create it with\n    \
             WARTA_UPDATE_SNAPSHOTS=1 cargo test --features render --test render",
            path.display()
        );
    };
    if expected == actual {
        let _ = std::fs::remove_file(&new);
        return;
    }
    let (line, exp, act) = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (e, a))| e != a)
        .map(|(i, (e, a))| (i + 1, e, a))
        .unwrap_or((
            expected.lines().count().min(actual.lines().count()) + 1,
            "",
            "",
        ));
    let _ = std::fs::write(&new, actual);
    panic!(
        "snapshot {} differs at line {line}\n  expected: {}\n  actual:   {}\n\
         The page as rendered now is in {}. If the change is intended (e.g. recognition or \
         events improved), regenerate the snapshots with\n    \
         WARTA_UPDATE_SNAPSHOTS=1 cargo test --features render --test render\nand review \
         `git diff tests/snapshots`.",
        path.display(),
        exp.chars().take(200).collect::<String>(),
        act.chars().take(200).collect::<String>(),
        new.display()
    );
}

// ---------------------------------------------------------------------------------------------
// Hand-built documents.

/// The span of the `nth` (0-based) occurrence of `needle`.
fn find(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"))
        .0;
    Span::new(start, start + needle.len())
}

fn entity(text: &str, surface: &str, nth: usize, label: Label, id: &str, name: &str) -> Entity {
    Entity {
        text: surface.into(),
        label,
        span: find(text, surface, nth),
        entity_id: id.into(),
        name: name.into(),
        source: Source::Gazetteer,
        fuzzy: false,
        role: None,
    }
}

fn time(text: &str, surface: &str, value: &str) -> TimeExpr {
    TimeExpr {
        text: surface.into(),
        span: find(text, surface, 0),
        value: Some(value.into()),
        ..TimeExpr::default()
    }
}

fn party(
    text: &str,
    surface: &str,
    nth: usize,
    role: Role,
    who: Option<(&str, &str)>,
) -> Participant {
    Participant {
        role,
        text: surface.into(),
        span: find(text, surface, nth),
        name: who.map(|w| w.1.into()),
        entity_id: who.map(|w| w.0.into()),
    }
}

fn place(text: &str, surface: &str, id: &str, name: &str) -> Place {
    Place {
        text: surface.into(),
        span: find(text, surface, 0),
        name: Some(name.into()),
        entity_id: Some(id.into()),
    }
}

fn event(
    text: &str,
    kind: EventType,
    trigger: &str,
    sentence: &str,
    participants: Vec<Participant>,
) -> Event {
    Event {
        kind,
        modality: Modality::Asserted,
        trigger: Mention {
            text: trigger.into(),
            span: find(text, trigger, 0),
        },
        participants,
        place: None,
        time: None,
        sentence: find(text, sentence, 0),
        cameo: kind.cameo().map(str::to_string),
        content: None,
        group: None,
    }
}

const PUTIN: (&str, &str) = ("per:vladimir-putin", "Vladimir Putin");
const KIM: (&str, &str) = ("per:kim-jong-un", "Kim Jong Un");
const XI: (&str, &str) = ("per:xi-jinping", "Xi Jinping");

const HOSTILE: &str = "<script>alert(1)</script> & \"quotes\" 'single' &amp; </p></div> — \
Kantor Berita Pusat Korea Utara (KCNA) melaporkan.\n\n\
محمد بن سلمان bertemu Benjamin Netanyahu di ירושלים pada Senin 🙂 (17/6/2024).\n\
Baris kedua\tdengan   spasi.\r\n\r\n\
Emoji 👨\u{200d}👩\u{200d}👧 🇮🇩 Jokowi tiba di Jakarta. Dia disambut \"<b>Gubernur</b>\".\n";

/// Hostile text: markup and entities in the text and in every field, an ORG around a LOC, a
/// time crossing an entity, a mark crossing a paragraph break, spans out of range and inside a
/// character, right-to-left names, emoji with joiners and flags, CR LF.
fn hostile_doc() -> Document {
    let t = HOSTILE;
    let mut entities = vec![
        entity(
            t,
            "Kantor Berita Pusat Korea Utara",
            0,
            Label::Org,
            "org:kcna",
            "KCNA \"<Korea>\" & co",
        ),
        entity(
            t,
            "Korea Utara",
            0,
            Label::Loc,
            "loc:korea-utara",
            "Korea Utara",
        ),
        entity(
            t,
            "محمد بن سلمان",
            0,
            Label::Per,
            "per:mohammed-bin-salman",
            "Mohammed bin Salman",
        ),
        entity(
            t,
            "Benjamin Netanyahu",
            0,
            Label::Per,
            "per:benjamin-netanyahu",
            "Benjamin Netanyahu",
        ),
        entity(t, "ירושלים", 0, Label::Loc, "loc:yerusalem", "Yerusalem"),
        entity(t, "Jokowi", 0, Label::Per, "per:joko-widodo", "Joko Widodo"),
        entity(t, "Jakarta", 0, Label::Loc, "loc:jakarta", "Jakarta"),
    ];
    // Crosses the paragraph break after `melaporkan.`.
    let cross = find(t, "(KCNA) melaporkan.\n\nمحمد", 0);
    entities.push(Entity {
        text: t[cross.range()].into(),
        label: Label::Org,
        span: cross,
        entity_id: "doc:org:<script>".into(),
        name: "</mark><script>alert('x')</script>".into(),
        source: Source::Rule,
        fuzzy: true,
        role: Some("\"role\" & <title>".into()),
    });
    let mut times = vec![time(t, "Senin 🙂 (17/6/2024)", "2024-06-17")];
    // A time crossing `Benjamin Netanyahu`.
    times.push(TimeExpr {
        text: "Netanyahu di".into(),
        span: find(t, "Netanyahu di", 0),
        value: None,
        time_of_day: Some("<09:00>".into()),
        ..TimeExpr::default()
    });
    // Out of range, and starting inside the first byte of 🙂.
    let smile = find(t, "🙂", 0);
    times.push(TimeExpr {
        text: "?".into(),
        span: Span::new(smile.start + 1, t.len() + 100),
        value: Some("\"><script>".into()),
        ..TimeExpr::default()
    });
    let mut meet = event(
        t,
        EventType::Meet,
        "bertemu",
        "محمد بن سلمان bertemu Benjamin Netanyahu di ירושלים pada Senin 🙂 (17/6/2024).",
        vec![
            party(
                t,
                "محمد بن سلمان",
                0,
                Role::Participant,
                Some(("per:mohammed-bin-salman", "Mohammed bin Salman")),
            ),
            party(
                t,
                "Benjamin Netanyahu",
                0,
                Role::Participant,
                Some(("per:benjamin-netanyahu", "Benjamin Netanyahu")),
            ),
        ],
    );
    meet.place = Some(place(t, "ירושלים", "loc:yerusalem", "Yerusalem"));
    meet.time = Some(times[0].clone());
    let mut arrive = event(
        t,
        EventType::Arrive,
        "tiba",
        "Emoji 👨\u{200d}👩\u{200d}👧 🇮🇩 Jokowi tiba di Jakarta.",
        vec![party(
            t,
            "Jokowi",
            0,
            Role::Traveller,
            Some(("per:joko-widodo", "Joko Widodo")),
        )],
    );
    arrive.place = Some(place(t, "di Jakarta", "loc:jakarta", "Jakarta"));
    let mut host = event(
        t,
        EventType::Host,
        "disambut",
        "Dia disambut \"<b>Gubernur</b>\".",
        vec![
            party(
                t,
                "Dia",
                0,
                Role::Guest,
                Some(("per:joko-widodo", "Joko Widodo")),
            ),
            party(t, "\"<b>Gubernur</b>\"", 0, Role::Host, None),
        ],
    );
    host.modality = Modality::Planned;
    host.group = Some(7);
    Document {
        id: Some("<script>alert(\"id\")</script> & co.txt".into()),
        reference_date: "2024-06-19".parse().ok(),
        sentences: vec![Span::new(0, t.len())],
        entities,
        times,
        events: vec![meet, arrive, host],
        tokens: None,
    }
}

const BATCH_A: &str = "Vladimir Putin bertemu Kim Jong Un di Pyongyang pada 19 Juni 2024.";
const BATCH_B: &str = "Kim Jong Un menyambut Putin di bandara Pyongyang. Dia akan bertemu Xi Jinping. \
Putin tidak bertemu Joe Biden. Mereka bertemu lagi: Putin dan Kim.";

/// Two documents whose events the "who met whom" table aggregates.
fn batch_docs() -> Vec<Document> {
    let a = BATCH_A;
    let mut meet = event(
        a,
        EventType::Meet,
        "bertemu",
        a,
        vec![
            party(a, "Vladimir Putin", 0, Role::Participant, Some(PUTIN)),
            party(a, "Kim Jong Un", 0, Role::Participant, Some(KIM)),
        ],
    );
    meet.place = Some(place(a, "Pyongyang", "loc:pyongyang", "Pyongyang"));
    meet.time = Some(time(a, "19 Juni 2024", "2024-06-19"));
    let doc_a = Document {
        id: Some("a.txt".into()),
        reference_date: "2024-06-19".parse().ok(),
        sentences: vec![Span::new(0, a.len())],
        entities: vec![
            entity(a, "Vladimir Putin", 0, Label::Per, PUTIN.0, PUTIN.1),
            entity(a, "Kim Jong Un", 0, Label::Per, KIM.0, KIM.1),
            entity(a, "Pyongyang", 0, Label::Loc, "loc:pyongyang", "Pyongyang"),
        ],
        times: vec![time(a, "19 Juni 2024", "2024-06-19")],
        events: vec![meet],
        tokens: None,
    };

    let b = BATCH_B;
    let s1 = "Kim Jong Un menyambut Putin di bandara Pyongyang.";
    let mut host = event(
        b,
        EventType::Host,
        "menyambut",
        s1,
        vec![
            party(b, "Kim Jong Un", 0, Role::Host, Some(KIM)),
            party(b, "Putin", 0, Role::Guest, Some(PUTIN)),
        ],
    );
    host.place = Some(place(b, "bandara Pyongyang", "loc:pyongyang", "Pyongyang"));
    let mut planned = event(
        b,
        EventType::Meet,
        "akan bertemu",
        "Dia akan bertemu Xi Jinping.",
        vec![
            party(b, "Dia", 0, Role::Participant, Some(PUTIN)),
            party(b, "Xi Jinping", 0, Role::Participant, Some(XI)),
        ],
    );
    planned.modality = Modality::Planned;
    let mut negated = event(
        b,
        EventType::Meet,
        "tidak bertemu",
        "Putin tidak bertemu Joe Biden.",
        vec![
            party(b, "Putin", 1, Role::Participant, Some(PUTIN)),
            party(
                b,
                "Joe Biden",
                0,
                Role::Participant,
                Some(("per:joe-biden", "Joe Biden")),
            ),
        ],
    );
    negated.modality = Modality::Negated;
    // `Mereka` is both parties; each is counted once.
    let again = event(
        b,
        EventType::Meet,
        "bertemu lagi",
        "Mereka bertemu lagi: Putin dan Kim.",
        vec![
            party(b, "Mereka", 0, Role::Participant, Some(PUTIN)),
            party(b, "Mereka", 0, Role::Participant, Some(KIM)),
            party(b, "Putin", 2, Role::Participant, Some(PUTIN)),
            party(b, "Kim", 1, Role::Participant, Some(KIM)),
        ],
    );
    let doc_b = Document {
        id: Some("b.txt".into()),
        reference_date: None,
        sentences: vec![],
        entities: vec![
            entity(b, "Kim Jong Un", 0, Label::Per, KIM.0, KIM.1),
            entity(b, "Putin", 0, Label::Per, PUTIN.0, PUTIN.1),
            entity(b, "Pyongyang", 0, Label::Loc, "loc:pyongyang", "Pyongyang"),
            entity(b, "Xi Jinping", 0, Label::Per, XI.0, XI.1),
            entity(b, "Putin", 1, Label::Per, PUTIN.0, PUTIN.1),
            entity(b, "Joe Biden", 0, Label::Per, "per:joe-biden", "Joe Biden"),
            entity(b, "Putin", 2, Label::Per, PUTIN.0, PUTIN.1),
            entity(b, "Kim", 1, Label::Per, KIM.0, KIM.1),
        ],
        times: vec![],
        events: vec![host, planned, negated, again],
        tokens: None,
    };
    vec![doc_a, doc_b]
}

fn seed_doc() -> (String, Document) {
    let text = common::seed();
    let mut doc = Extractor::new().extract(&text);
    doc.id = Some("putin-kim-fin-2024-06-19.txt".into());
    (text, doc)
}

// ---------------------------------------------------------------------------------------------
// Tests.

#[test]
fn seed_article_snapshot() {
    let (text, doc) = seed_doc();
    let html = render_html(&[(&text, &doc)]);
    check_page(&html, &[(&text, &doc)]);
    assert!(html.contains("<title>warta — putin-kim-fin-2024-06-19.txt</title>"));
    assert!(!html.contains("id=\"index\""), "one document: no index");
    snapshot("seed.html", &html);
}

#[test]
fn seed_article_marks_follow_the_document() {
    let (text, doc) = seed_doc();
    let html = render_html(&[(&text, &doc)]);
    let elements = check_page(&html, &[(&text, &doc)]);
    // One mark per entity (none crosses another in an extracted document), by label.
    for label in [Label::Per, Label::Loc, Label::Org] {
        let marks = elements
            .iter()
            .filter(|e| {
                e.tag == "mark" && e.has_class(label.as_str()) && e.attr("data-eid").is_some()
            })
            .count();
        let entities = doc.entities.iter().filter(|e| e.label == label).count();
        assert_eq!(marks, entities, "{label} marks");
    }
    // Hover text: canonical name and id of entities, normalised value of times.
    for e in &doc.entities {
        let mark = elements
            .iter()
            .find(|m| {
                m.attr("data-eid").as_deref() == Some(e.entity_id.as_str()) && m.text == e.text
            })
            .unwrap();
        let title = mark.attr("title").unwrap();
        assert!(
            title.contains(&e.name) && title.contains(&e.entity_id),
            "{title}"
        );
    }
    for t in doc.times.iter().filter(|t| t.value.is_some()) {
        let mark = elements
            .iter()
            .find(|m| m.has_class("tim") && m.text == t.text)
            .unwrap();
        assert!(
            mark.attr("title")
                .unwrap()
                .contains(t.value.as_deref().unwrap())
        );
    }
    // Paragraphs are kept: one <p> per blank-line separated block.
    let paragraphs = elements
        .iter()
        .filter(|e| e.tag == "p" && e.attr("dir").is_some())
        .count();
    let blocks = text.split("\n\n").filter(|b| !b.trim().is_empty()).count();
    assert_eq!(paragraphs, blocks);
    // Events, whatever the extractor finds today: one row each (checked by check_page).
    if doc.events.is_empty() {
        assert!(html.contains("No events."));
    }
}

#[test]
fn hostile_text_snapshot() {
    let doc = hostile_doc();
    let html = render_html(&[(HOSTILE, &doc)]);
    let elements = parse(&html).unwrap_or_else(|e| panic!("not well formed: {e}"));
    assert_eq!(
        shown_text(&elements, 0),
        HOSTILE,
        "every character survives"
    );
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39; &amp;amp; &lt;/p&gt;&lt;/div&gt;"));
    // The ORG holds the LOC.
    let org = elements
        .iter()
        .find(|e| e.attr("data-eid").as_deref() == Some("org:kcna"))
        .unwrap();
    assert_eq!(org.text, "Kantor Berita Pusat Korea Utara");
    assert!(html.contains("title=\"ORG KCNA &quot;&lt;Korea&gt;&quot; &amp; co · org:kcna · gazetteer\" data-eid=\"org:kcna\" data-l=\"ORG\">Kantor Berita Pusat <mark class=\"LOC\""));
    // The time crossing `Benjamin Netanyahu` is split, the entity mark stays whole.
    let pieces: Vec<&Element> = elements
        .iter()
        .filter(|e| e.has_class("tim") && e.attr("title").is_some_and(|t| t.contains("<09:00>")))
        .collect();
    assert_eq!(pieces.len(), 2);
    assert_eq!(
        pieces.iter().map(|p| p.text.as_str()).collect::<String>(),
        "Netanyahu di"
    );
    // The mark crossing a paragraph break is cut in two; the second piece has no label chip.
    let cross: Vec<&Element> = elements
        .iter()
        .filter(|e| e.attr("data-eid").as_deref() == Some("doc:org:<script>"))
        .collect();
    assert_eq!(cross.len(), 2);
    assert!(cross[0].attr("data-l").is_some() && cross[1].attr("data-l").is_none());
    // Right-to-left names are isolated marks with their own direction, in paragraphs whose
    // direction the browser takes from their first strong character.
    let mbs = elements
        .iter()
        .find(|e| e.attr("data-eid").as_deref() == Some("per:mohammed-bin-salman"))
        .unwrap();
    assert_eq!(mbs.text, "محمد بن سلمان");
    // Events: the planned HOST's arguments include the unresolved `"<b>Gubernur</b>"`.
    assert!(html.contains("&quot;&lt;b&gt;Gubernur&lt;/b&gt;&quot;"));
    check_page(&html, &[(HOSTILE, &doc)]);
    snapshot("hostile.html", &html);
}

#[test]
fn batch_snapshot_with_who_met_whom() {
    let docs = batch_docs();
    let pairs: Vec<(&str, &Document)> = vec![(BATCH_A, &docs[0]), (BATCH_B, &docs[1])];
    let html = render_html(&pairs);
    let elements = check_page(&html, &pairs);
    // The index links to both documents.
    assert!(
        html.contains("<a href=\"#d0\">a.txt</a>") && html.contains("<a href=\"#d1\">b.txt</a>")
    );
    // Who met whom: rows of (party, party, met, planned, events, places, dates, links).
    assert!(
        elements
            .iter()
            .any(|e| e.tag == "table" && e.has_class("pairs"))
    );
    let cells = |row: usize| -> Vec<String> {
        // Cells of the pairs table body, in document order: closed `td`s follow their row's
        // order because cells hold no nested cells.
        let start = html.find("<table class=\"pairs\">").unwrap();
        let end = start + html[start..].find("</table>").unwrap();
        let table = parse(&html[start..end + "</table>".len()]).unwrap();
        let trs: Vec<&Element> = table.iter().filter(|e| e.tag == "tr").collect();
        let tds: Vec<String> = table
            .iter()
            .filter(|e| e.tag == "td")
            .map(|e| e.text.clone())
            .collect();
        let per_row = 8;
        assert_eq!(tds.len(), (trs.len() - 1) * per_row);
        tds[row * per_row..(row + 1) * per_row].to_vec()
    };
    assert_eq!(
        cells(0),
        [
            "Kim Jong Un",
            "Vladimir Putin",
            "3",
            "0",
            "HOST ×1, MEET ×2",
            "Pyongyang",
            "2024-06-19",
            "1:1, 2:1, 2:4"
        ]
    );
    assert_eq!(
        cells(1),
        [
            "Vladimir Putin",
            "Xi Jinping",
            "0",
            "1",
            "MEET ×1",
            "",
            "",
            "2:2"
        ]
    );
    assert!(
        !html[html.find("who-met-whom").unwrap()..html.find("<section class=\"doc\"").unwrap()]
            .contains("Biden"),
        "a negated meeting is not a meeting"
    );
    snapshot("batch.html", &html);
}

#[test]
fn empty_and_odd_inputs_do_not_break_the_page() {
    let empty = Document::default();
    for text in ["", " \n\n ", "\u{feff}Satu.", "a\0b", "\r\n\r\n"] {
        let html = render_html(&[(text, &empty)]);
        check_page(&html, &[(text, &empty)]);
    }
    let html = render_html(&[]);
    parse(&html).unwrap();
    assert!(html.contains("No documents."));
    // Events whose spans point anywhere at all.
    let mut doc = hostile_doc();
    for e in &mut doc.events {
        e.sentence = Span::new(3, 100_000);
        e.trigger.span = Span::new(99_999, 100_000);
    }
    let html = render_html(&[("short", &doc)]);
    parse(&html).unwrap();
}

#[test]
fn large_document_renders_in_linear_time() {
    // 20,000 paragraphs, 60,000 entities, 20,000 times and 20,000 events.
    let unit = "Presiden Joko Widodo bertemu Kim Jong Un di Jakarta pada 3 April 2017.\n\n";
    let copies = 20_000;
    let text = unit.repeat(copies);
    let mut doc = Document::default();
    for i in 0..copies {
        let base = i * unit.len();
        let at = |s: &str| {
            let start = base + unit.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        for (s, label, id) in [
            ("Joko Widodo", Label::Per, "per:joko-widodo"),
            ("Kim Jong Un", Label::Per, "per:kim-jong-un"),
            ("Jakarta", Label::Loc, "loc:jakarta"),
        ] {
            doc.entities.push(Entity {
                text: s.into(),
                label,
                span: at(s),
                entity_id: id.into(),
                name: s.into(),
                source: Source::Gazetteer,
                fuzzy: false,
                role: None,
            });
        }
        let t = TimeExpr {
            text: "3 April 2017".into(),
            span: at("3 April 2017"),
            value: Some("2017-04-03".into()),
            ..TimeExpr::default()
        };
        doc.times.push(t.clone());
        let p = |s: &str, who: (&str, &str)| Participant {
            role: Role::Participant,
            text: s.into(),
            span: at(s),
            name: Some(who.1.into()),
            entity_id: Some(who.0.into()),
        };
        doc.events.push(Event {
            kind: EventType::Meet,
            modality: Modality::Asserted,
            trigger: Mention {
                text: "bertemu".into(),
                span: at("bertemu"),
            },
            participants: vec![
                p("Joko Widodo", ("per:joko-widodo", "Joko Widodo")),
                p("Kim Jong Un", KIM),
            ],
            place: None,
            time: Some(t),
            sentence: Span::new(base, base + unit.trim_end().len()),
            cameo: None,
            content: None,
            group: None,
        });
    }
    let started = Instant::now();
    let html = render_html(&[(&text, &doc)]);
    let took = started.elapsed();
    eprintln!(
        "{} bytes of text, {} marks: {} bytes of HTML in {took:?}",
        text.len(),
        doc.entities.len() + doc.times.len() + doc.events.len() * 2,
        html.len()
    );
    // Generous: linear rendering takes well under a second even unoptimised; quadratic string
    // building or mark search would take minutes.
    assert!(took.as_secs() < 20, "took {took:?}");
    let elements = parse(&html).unwrap();
    assert_eq!(shown_text(&elements, 0), text);
}

#[test]
fn indosum_articles_render_well_formed() {
    let Some(path) = common::data_file("indosum/articles.jsonl") else {
        return;
    };
    let extractor = Extractor::new();
    let corpus = std::fs::read_to_string(path).unwrap();
    let records: Vec<(String, Document)> = corpus
        .lines()
        .take(150)
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap().to_string();
            let mut doc = extractor.extract(&text);
            doc.id = v["id"].as_str().map(str::to_string);
            (text, doc)
        })
        .collect();
    let pairs: Vec<(&str, &Document)> = records.iter().map(|(t, d)| (t.as_str(), d)).collect();
    let html = render_html(&pairs);
    check_page(&html, &pairs);
}

#[cfg(feature = "cli")]
mod cli {
    use super::*;

    fn warta(args: &[&str], stdin: &str) -> std::process::Output {
        super::common::run_warta(args, stdin.as_bytes())
    }

    #[test]
    fn render_a_file_to_out() {
        let seed = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/putin-kim-fin-2024-06-19.txt"
        );
        let dir = std::env::temp_dir().join(format!("warta-render-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out_path = dir.join("page.html");
        let out = warta(&["render", seed, "-o", out_path.to_str().unwrap()], "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        let html = std::fs::read_to_string(&out_path).unwrap();
        // The same page as the library renders for the same document.
        let text = common::seed();
        let mut doc = Extractor::new().extract(&text);
        doc.id = Some(seed.into());
        assert_eq!(html, render_html(&[(&text, &doc)]));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn render_jsonl_from_stdin_skips_bad_records() {
        let input = "{\"id\": \"satu\", \"text\": \"Vladimir Putin tiba di Pyongyang.\"}\n\
                     not json\n\
                     {\"text\": \"<script>alert(1)</script> Kim Jong Un & Putin\"}\n";
        let out = warta(&["render", "--jsonl"], input);
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("-:2: malformed JSON"));
        let html = String::from_utf8(out.stdout).unwrap();
        parse(&html).unwrap();
        assert!(
            html.contains("<a href=\"#d0\">satu</a>") && html.contains("<a href=\"#d1\">3</a>")
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("id=\"who-met-whom\""));
    }

    #[test]
    fn render_rejects_an_unwritable_output() {
        let out = warta(&["render", "-o", "/nonexistent-dir/page.html"], "teks");
        assert_eq!(out.status.code(), Some(1));
    }
}
