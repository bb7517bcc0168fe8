//! Gazetteer parsing on arbitrary text: a typed error or an extractor, never a panic; an
//! extractor built from it then runs on the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let built = warta::Extractor::builder()
        .defaults(false)
        .gazetteer_str("fuzz.tsv", text)
        .and_then(|b| b.build());
    match built {
        Ok(extractor) => {
            let doc = extractor.extract(text);
            for e in &doc.entities {
                assert_eq!(&text[e.span.range()], e.text);
            }
        }
        Err(e) => {
            // Every parse error names the file and, for a bad line, the line.
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.tsv:"), "{msg}");
            if let Some(line) = e.line() {
                assert!(line >= 1 && line <= text.lines().count().max(1), "{msg}");
            }
        }
    }
});
