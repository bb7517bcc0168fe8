//! The development gold set of events on IndoSum sentences (needs `WARTA_DATA`).

mod common;

#[test]
fn dev_gold_set_scores() {
    let Some(path) = common::data_file("indosum/articles.jsonl") else {
        return;
    };
    let s = common::events_dev::score(&path);
    println!("events dev: {s}");
    assert!(s.gold >= 80, "the gold set has {} events", s.gold);
    assert!(
        s.precision() >= FLOORS.0,
        "precision {:.3}\n{}",
        s.precision(),
        s.errors.join("\n")
    );
    assert!(
        s.recall() >= FLOORS.1,
        "recall {:.3}\n{}",
        s.recall(),
        s.errors.join("\n")
    );
    assert!(
        s.place_accuracy() >= FLOORS.2,
        "place {:.3}",
        s.place_accuracy()
    );
    assert!(
        s.time_accuracy() >= FLOORS.3,
        "time {:.3}",
        s.time_accuracy()
    );
}

/// Just under what was measured: precision, recall, place and time accuracy.
const FLOORS: (f64, f64, f64, f64) = (0.94, 0.82, 0.9, 0.9);
