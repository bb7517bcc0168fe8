//! Golden test: every entity of the seed article listed in the project's expected records
//! (`spec/seed-expected.md`), with one id per entity.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use warta::{Extractor, Label, Source};

#[test]
fn seed_entities_with_tied_ids() {
    let text = common::seed();
    let doc = Extractor::new().extract(&text);
    // surface → (label, id); every mention of a surface must agree.
    let mut seen: BTreeMap<&str, BTreeSet<(Label, &str)>> = BTreeMap::new();
    for e in &doc.entities {
        assert_eq!(&text[e.span.range()], e.text);
        seen.entry(e.text.as_str())
            .or_default()
            .insert((e.label, e.entity_id.as_str()));
    }
    let id_of = |surface: &str, label: Label| -> String {
        let ids = seen
            .get(surface)
            .unwrap_or_else(|| panic!("{surface} not found; found {:?}", seen.keys()));
        assert_eq!(ids.len(), 1, "{surface} has several identities: {ids:?}");
        let (l, id) = ids.iter().next().unwrap();
        assert_eq!(*l, label, "{surface}");
        id.to_string()
    };
    let groups: &[(Label, &[&str])] = &[
        (Label::Per, &["Vladimir Putin", "Putin"]),
        (Label::Per, &["Kim Jong Un", "Kim Jong-un", "Kim"]),
        (Label::Per, &["Vladimir Smirnov"]),
        (Label::Per, &["John Kirby"]),
        (Label::Per, &["Afdal Namakule"]),
        (Label::Loc, &["Korea Utara", "Kora Utara"]),
        (Label::Loc, &["Rusia"]),
        (Label::Loc, &["Amerika", "AS"]),
        (Label::Loc, &["Korsel", "Korea Selatan"]),
        (Label::Loc, &["Kosmodrom Vostochny"]),
        (Label::Loc, &["Amur"]),
        (Label::Loc, &["Pyongyang"]),
        (Label::Loc, &["Wisma Negara Kumsusan"]),
        (Label::Loc, &["Washington"]),
        (Label::Loc, &["Ukraina"]),
        (Label::Loc, &["Tiongkok"]),
        (Label::Loc, &["Moskow"]),
        (Label::Loc, &["Semenanjung Korea"]),
        (Label::Org, &["fin.co.id"]),
        (Label::Org, &["AFP"]),
        (Label::Org, &["Getty Images"]),
        (Label::Org, &["Kantor Berita Pusat Korea Utara"]),
        (Label::Org, &["PBB"]),
        (Label::Org, &["Dewan Keamanan Nasional AS"]),
    ];
    let mut ids = BTreeSet::new();
    for (label, surfaces) in groups {
        let id = id_of(surfaces[0], *label);
        for s in &surfaces[1..] {
            assert_eq!(id_of(s, *label), id, "{s} is not tied to {}", surfaces[0]);
        }
        assert!(ids.insert(id.clone()), "{id} names two entities");
    }
    assert_eq!(id_of("Vladimir Putin", Label::Per), "per:vladimir-putin");
    assert_eq!(id_of("Kim Jong Un", Label::Per), "per:kim-jong-un");
    assert_eq!(id_of("Korsel", Label::Loc), "loc:korea-selatan");
    assert_eq!(
        id_of("Afdal Namakule", Label::Per),
        "doc:per:afdal-namakule"
    );

    let kora = doc
        .entities
        .iter()
        .find(|e| e.text == "Kora Utara")
        .unwrap();
    assert!(kora.fuzzy && kora.source == Source::Gazetteer && kora.name == "Korea Utara");
    let kim = doc.entities.iter().find(|e| e.text == "Kim").unwrap();
    assert_eq!(kim.source, Source::Alias);

    // Not entities: a car model and roles.
    for not in [
        "Aurus Senat",
        "Aurus",
        "Senat",
        "Penulis",
        "Presiden",
        "pemimpin",
        "Pemimpin",
    ] {
        assert!(!seen.contains_key(not), "{not} is not an entity");
    }
    // Entities never overlap.
    for w in doc.entities.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "{:?} overlaps {:?}",
            w[0].text,
            w[1].text
        );
    }
}
