fn main() {
    for text in std::env::args().skip(1) {
        let doc = warta::Extractor::new().extract(&text);
        for e in &doc.entities {
            println!(
                "{:?} {:?} {} {:?} {:?}",
                e.label, e.text, e.entity_id, e.source, e.role
            );
        }
        println!("--");
    }
}
