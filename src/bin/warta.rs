//! The `warta` command: extract records from Indonesian news text as JSON lines.

use jiff::civil::Date;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use warta::{Document, Extractor};

const HELP: &str = "\
warta — people, places, organisations, dates and events from Indonesian news

USAGE:
    warta extract [OPTIONS] [FILE...]
    warta extract --jsonl [OPTIONS] [FILE...]
    warta render [--jsonl] [OPTIONS] [FILE...] [-o OUT]

Each FILE is a plain-text document whose id is the path as given; `-` or no FILE reads standard
input. With --jsonl each line of each FILE is a JSON object {\"id\": ..., \"text\": ..., \"date\":
\"YYYY-MM-DD\"?}; blank lines are skipped and a line without an id gets its line number.
One JSON document per line goes to standard output, in input order. `render` reads the same
inputs and writes one self-contained HTML page instead (entities, times, events; for several
documents an index and a who-met-whom table).

OPTIONS:
    --jsonl            read JSON lines instead of plain-text files
    --tokens           add every token's span to each document
    --char-offsets     give every start/end in Unicode code points instead of bytes
    --pretty           indent each document
    --date YYYY-MM-DD  reference date for plain-text documents (default: the dateline's)
    --threads N        worker threads (default: all cores)
    --max-bytes N      skip documents larger than N bytes (default: 67108864)
    --strict           stop at the first bad record with exit status 1
    -o, --output OUT   write to OUT instead of standard output
    -h, --help         show this help

EXIT STATUS:
    0  every document written (bad records reported on standard error and skipped)
    1  a bad record with --strict, or standard output failed
    2  usage error

EXAMPLES:
    warta extract article.txt
    warta extract --jsonl corpus.jsonl > records.jsonl
    cat corpus.jsonl | warta extract --jsonl --threads 4 | jq -c '.events[]'
";

struct Options {
    jsonl: bool,
    tokens: bool,
    char_offsets: bool,
    pretty: bool,
    strict: bool,
    date: Option<Date>,
    threads: usize,
    max_bytes: usize,
    files: Vec<String>,
    render: bool,
    output: Option<PathBuf>,
}

fn usage_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("warta: {msg}\nTry 'warta --help'.");
    ExitCode::from(2)
}

fn parse_args() -> Result<Options, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut opts = Options {
        jsonl: false,
        tokens: false,
        char_offsets: false,
        pretty: false,
        strict: false,
        date: None,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        max_bytes: 64 << 20,
        files: Vec::new(),
        render: false,
        output: None,
    };
    let mut command = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => {
                print!("{HELP}");
                std::process::exit(0);
            }
            Long("jsonl") => opts.jsonl = true,
            Long("tokens") => opts.tokens = true,
            Long("char-offsets") => opts.char_offsets = true,
            Long("pretty") => opts.pretty = true,
            Long("strict") => opts.strict = true,
            Long("date") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                let v = v.to_string_lossy();
                opts.date = Some(
                    v.parse()
                        .map_err(|_| format!("invalid --date {v:?}: expected YYYY-MM-DD"))?,
                );
            }
            Long("threads") => {
                let v: usize = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|e| format!("--threads: {e}"))?;
                opts.threads = v.max(1);
            }
            Long("max-bytes") => {
                opts.max_bytes = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|e| format!("--max-bytes: {e}"))?;
            }
            Short('o') | Long("output") => {
                opts.output = Some(parser.value().map_err(|e| e.to_string())?.into());
            }
            Value(v) if command.is_none() => command = Some(v.to_string_lossy().into_owned()),
            Value(v) => opts.files.push(v.to_string_lossy().into_owned()),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    match command.as_deref() {
        Some("extract") => Ok(opts),
        Some("render") => Ok(Options {
            render: true,
            ..opts
        }),
        Some(other) => Err(format!("unknown command {other:?}")),
        None => Err("missing command".into()),
    }
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => return usage_error(e),
    };
    let extractor = match Extractor::builder().tokens(opts.tokens).build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("warta: {e}");
            return ExitCode::from(1);
        }
    };
    let mut run = Run {
        opts: &opts,
        extractor: &extractor,
        skipped: 0,
        batch: Vec::new(),
        out: match &opts.output {
            None => Box::new(BufWriter::new(io::stdout().lock())) as Box<dyn Write>,
            Some(path) => match std::fs::File::create(path) {
                Ok(f) => Box::new(BufWriter::new(f)),
                Err(e) => {
                    eprintln!("warta: {}: {e}", path.display());
                    return ExitCode::from(1);
                }
            },
        },
        renderer: opts.render.then(warta::Renderer::new),
        progress: Progress::new(),
    };
    let files = if opts.files.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.files.clone()
    };
    let result = files
        .iter()
        .try_for_each(|f| run.file(f))
        .and_then(|()| run.flush())
        .and_then(|()| match run.renderer.take() {
            Some(page) => page.finish_to(&mut run.out).map_err(Stop::Output),
            None => Ok(()),
        });
    run.progress.finish();
    match result {
        Ok(()) => {
            if run.skipped > 0 {
                eprintln!("warta: {} record(s) skipped", run.skipped);
            }
            ExitCode::SUCCESS
        }
        Err(Stop::Strict) => ExitCode::from(1),
        Err(Stop::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Stop::Output(e)) => {
            eprintln!("warta: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

enum Stop {
    Strict,
    Output(io::Error),
}

/// One input record, ready to extract.
struct Record {
    id: String,
    text: String,
    date: Option<Date>,
}

struct Run<'a, W: Write> {
    opts: &'a Options,
    extractor: &'a Extractor,
    skipped: usize,
    batch: Vec<Record>,
    out: W,
    /// The page being built, for `render`.
    renderer: Option<warta::Renderer>,
    progress: Progress,
}

/// A one-line progress report on standard error, shown only when it is a terminal.
struct Progress {
    on: bool,
    docs: usize,
    bytes: usize,
    start: std::time::Instant,
    shown: std::time::Instant,
}

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal;
        let now = std::time::Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            docs: 0,
            bytes: 0,
            start: now,
            shown: now,
        }
    }

    fn add(&mut self, docs: usize, bytes: usize) {
        self.docs += docs;
        self.bytes += bytes;
        if self.on && self.shown.elapsed().as_millis() >= 200 {
            self.shown = std::time::Instant::now();
            self.show();
        }
    }

    fn show(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        eprint!(
            "\rwarta: {} documents, {mb:.1} MB, {:.1} MB/s ",
            self.docs,
            mb / secs
        );
    }

    fn finish(&self) {
        if self.on && self.docs > 0 {
            self.show();
            eprintln!();
        }
    }
}

impl<W: Write> Run<'_, W> {
    /// Reports a bad record; stops the run under --strict.
    fn bad(&mut self, msg: String) -> Result<(), Stop> {
        eprintln!("warta: {msg}");
        self.skipped += 1;
        if self.opts.strict {
            Err(Stop::Strict)
        } else {
            Ok(())
        }
    }

    fn file(&mut self, path: &str) -> Result<(), Stop> {
        let reader: Box<dyn Read> = if path == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(PathBuf::from(path)) {
                Ok(f) => Box::new(f),
                Err(e) => return self.bad(format!("{path}: {e}")),
            }
        };
        if self.opts.jsonl {
            self.jsonl(path, reader)
        } else {
            self.plain(path, reader)
        }
    }

    fn plain(&mut self, path: &str, reader: Box<dyn Read>) -> Result<(), Stop> {
        let mut bytes = Vec::new();
        let limit = self.opts.max_bytes as u64 + 1;
        if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
            return self.bad(format!("{path}: {e}"));
        }
        if bytes.len() > self.opts.max_bytes {
            return self.bad(format!(
                "{path}: larger than --max-bytes {}",
                self.opts.max_bytes
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => self.push(Record {
                id: path.to_string(),
                text,
                date: self.opts.date,
            }),
            Err(e) => self.bad(format!(
                "{path}: invalid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            )),
        }
    }

    fn jsonl(&mut self, path: &str, reader: Box<dyn Read>) -> Result<(), Stop> {
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut line = Vec::new();
        for n in 1.. {
            line.clear();
            // At most one byte over the limit is read into memory; the rest of a longer line
            // is skipped unread.
            let limit = self.opts.max_bytes as u64 + 1;
            match (&mut reader).take(limit).read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return self.bad(format!("{path}:{n}: {e}")),
            }
            if line.len() > self.opts.max_bytes {
                if line.last() != Some(&b'\n')
                    && let Err(e) = skip_line(&mut reader)
                {
                    return self.bad(format!("{path}:{n}: {e}"));
                }
                self.bad(format!(
                    "{path}:{n}: line larger than --max-bytes {}",
                    self.opts.max_bytes
                ))?;
                continue;
            }
            let Ok(mut text) = std::str::from_utf8(&line) else {
                self.bad(format!("{path}:{n}: invalid UTF-8"))?;
                continue;
            };
            if n == 1 {
                // A byte-order mark, as Windows tools write it, is not part of the first line.
                text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
            }
            if text.trim().is_empty() {
                continue;
            }
            match parse_record(text, n) {
                Ok(record) => self.push(record)?,
                Err(msg) => self.bad(format!("{path}:{n}: {msg}"))?,
            }
        }
        Ok(())
    }

    fn push(&mut self, record: Record) -> Result<(), Stop> {
        self.batch.push(record);
        let bytes: usize = self.batch.iter().map(|r| r.text.len()).sum();
        if self.batch.len() >= 64 * self.opts.threads || bytes >= 32 << 20 {
            self.flush()?;
        }
        Ok(())
    }

    /// Extracts the batch on the worker threads and writes it in input order.
    fn flush(&mut self) -> Result<(), Stop> {
        let batch = std::mem::take(&mut self.batch);
        let docs = extract_parallel(self.extractor, &batch, self.opts.threads);
        self.progress
            .add(batch.len(), batch.iter().map(|r| r.text.len()).sum());
        for (record, mut doc) in batch.into_iter().zip(docs) {
            doc.id = Some(record.id);
            if let Some(page) = &mut self.renderer {
                page.push(&record.text, &doc);
                continue;
            }
            self.write(&record.text, &doc).map_err(Stop::Output)?;
        }
        self.out.flush().map_err(Stop::Output)
    }

    fn write(&mut self, text: &str, doc: &Document) -> io::Result<()> {
        let to_io = |e: serde_json::Error| io::Error::other(e);
        if self.opts.char_offsets {
            let mut value = serde_json::to_value(doc).map_err(to_io)?;
            to_char_offsets(&mut value, &CharIndex::new(text));
            self.emit(&value)
        } else {
            self.emit(doc)
        }
    }

    fn emit<T: serde::Serialize>(&mut self, value: &T) -> io::Result<()> {
        let result = if self.opts.pretty {
            serde_json::to_writer_pretty(&mut self.out, value)
        } else {
            serde_json::to_writer(&mut self.out, value)
        };
        result.map_err(io::Error::other)?;
        self.out.write_all(b"\n")
    }
}

/// Consumes the rest of a line, up to and including its `\n`, without keeping it.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

fn parse_record(line: &str, n: usize) -> Result<Record, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let obj = value.as_object().ok_or("not a JSON object")?;
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err("\"text\" is not a string".into()),
        None => return Err("no \"text\" field".into()),
    };
    let id = match obj.get("id") {
        None | Some(serde_json::Value::Null) => n.to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let date = match obj.get("date") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(
            s.parse::<Date>()
                .map_err(|_| format!("invalid \"date\" {s:?}: expected YYYY-MM-DD"))?,
        ),
        Some(_) => return Err("\"date\" is not a string".into()),
    };
    Ok(Record { id, text, date })
}

/// Extracts records on `threads` scoped threads, returning documents in input order.
fn extract_parallel(extractor: &Extractor, records: &[Record], threads: usize) -> Vec<Document> {
    let run = |r: &Record| extractor.extract_with_date(&r.text, r.date);
    if threads <= 1 || records.len() <= 1 {
        return records.iter().map(run).collect();
    }
    // Work is handed out one record at a time so that one long document does not hold a
    // whole share of the batch back.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<Document>> = vec![None; records.len()];
    let results: Vec<Vec<(usize, Document)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.min(records.len()))
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(r) = records.get(i) else { break };
                        done.push((i, run(r)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("extraction never panics"))
            .collect()
    });
    for (i, doc) in results.into_iter().flatten() {
        slots[i] = Some(doc);
    }
    slots.into_iter().map(|d| d.unwrap_or_default()).collect()
}

/// Byte offset → code-point offset.
struct CharIndex {
    /// Code-point index of each char boundary, by byte offset (non-boundaries repeat).
    map: Vec<u32>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let mut map = Vec::with_capacity(text.len() + 1);
        for (n, c) in text.chars().enumerate() {
            map.extend(std::iter::repeat_n(n as u32, c.len_utf8()));
        }
        map.push(text.chars().count() as u32);
        CharIndex { map }
    }

    fn get(&self, byte: u64) -> u64 {
        self.map.get(byte as usize).copied().map_or(byte, u64::from)
    }
}

/// Rewrites every `start`/`end` number in the JSON tree to code points.
fn to_char_offsets(value: &mut serde_json::Value, index: &CharIndex) {
    match value {
        serde_json::Value::Object(obj) => {
            for (k, v) in obj.iter_mut() {
                match v {
                    serde_json::Value::Number(n) if k == "start" || k == "end" => {
                        if let Some(b) = n.as_u64() {
                            *v = serde_json::Value::from(index.get(b));
                        }
                    }
                    _ => to_char_offsets(v, index),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| to_char_offsets(v, index)),
        _ => {}
    }
}
