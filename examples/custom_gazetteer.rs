//! Adding people, places and organisations at run time: from a file and in code.
//!
//! ```text
//! cargo run --release --example custom_gazetteer
//! ```

use warta::{Extractor, GazetteerEntry, Label};

fn main() -> Result<(), warta::Error> {
    let text = "Bu Sari memimpin rapat KMB di Dusun Sidomulyo, Kamis (3/8/2023). \
                Sari Wulandari mengatakan Koperasi Maju Bersama akan bekerja sama dengan Toko Berkah Jaya.";

    let plain = Extractor::new();
    let custom = Extractor::builder()
        // A file in the gazetteer format (gazetteers/FORMAT.md); a bad line is an error naming
        // the file and line.
        .gazetteer_file(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/my-gazetteer.tsv"
        ))?
        // And an entry made in code.
        .entry(
            GazetteerEntry::new("org:toko-berkah-jaya", Label::Org, "Toko Berkah Jaya")
                .attr("type", "company"),
        )?
        .build()?;

    for (what, extractor) in [("default gazetteers", &plain), ("with my entries", &custom)] {
        println!("{what}:");
        for e in extractor.extract(text).entities {
            println!(
                "  {:<24} {} {:<28} {:?}",
                e.text,
                e.label.as_str(),
                e.entity_id,
                e.source
            );
        }
        println!();
    }

    // Errors name the file and line.
    let err = Extractor::builder()
        .gazetteer_str("broken.tsv", "per:x\tPERSON\tX\t\t\n")
        .unwrap_err();
    println!("a broken file gives: {err}");
    Ok(())
}
