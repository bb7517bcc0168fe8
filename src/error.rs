//! Errors: only configuration (gazetteer and pattern files) can fail.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error loading configuration: a gazetteer or pattern file or entry.
///
/// Extraction itself never fails; only the data that configures an [`Extractor`](crate::Extractor)
/// can. The message names the file and line.
///
/// ```
/// let err = warta::Extractor::builder()
///     .gazetteer_str("mine.tsv", "per:x\tPER\n")
///     .unwrap_err();
/// assert_eq!(err.line(), Some(1));
/// assert!(err.to_string().starts_with("mine.tsv:1: "));
/// ```
#[derive(Debug)]
pub struct Error {
    path: Option<PathBuf>,
    line: Option<usize>,
    kind: ErrorKind,
}

/// What went wrong; private so that new kinds can be added.
#[derive(Debug)]
pub(crate) enum ErrorKind {
    Io(std::io::Error),
    InvalidUtf8,
    ColumnCount { found: usize, expected: usize },
    EmptyField(&'static str),
    UnknownLabel(String),
    BadId(String),
    LabelMismatch { id: String, label: String },
    DuplicateId { id: String, first: String },
    BadAttr(String),
    Cue(String),
    UnknownDirective(String),
    UnknownEventType(String),
    UnknownFrame(String),
    UnknownCue(String),
    BadOption(String),
    ExampleWithoutTrigger,
}

/// Reads a configuration file (gazetteer, patterns) as UTF-8 text; the error names the file, and
/// for invalid UTF-8 the line it is on.
pub(crate) fn read_config(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::new(ErrorKind::Io(e)).at(path, None))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::new(ErrorKind::InvalidUtf8).at(path, Some(line))
    })
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error {
            path: None,
            line: None,
            kind,
        }
    }

    pub(crate) fn at(mut self, path: &Path, line: Option<usize>) -> Error {
        self.path = Some(path.to_path_buf());
        self.line = line;
        self
    }

    /// The file the error is in, when it came from a file.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line the error is on, when it is about one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// Whether the error is an I/O error (a missing or unreadable file).
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: ", p.display(), l)?,
            (Some(p), None) => write!(f, "{}: ", p.display())?,
            (None, Some(l)) => write!(f, "line {l}: ")?,
            (None, None) => {}
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::InvalidUtf8 => f.write_str("invalid UTF-8"),
            ErrorKind::ColumnCount { found, expected } => {
                write!(
                    f,
                    "expected {expected} TAB-separated columns, found {found}"
                )
            }
            ErrorKind::EmptyField(which) => write!(f, "empty {which}"),
            ErrorKind::UnknownLabel(l) => {
                write!(f, "unknown label {l:?} (expected PER, LOC or ORG)")
            }
            ErrorKind::BadId(id) => write!(
                f,
                "invalid id {id:?} (expected per:, loc: or org: and a lowercase slug [a-z0-9-])"
            ),
            ErrorKind::LabelMismatch { id, label } => {
                write!(f, "id {id:?} does not match label {label}")
            }
            ErrorKind::DuplicateId { id, first } => {
                write!(f, "duplicate id {id:?} (first defined at {first})")
            }
            ErrorKind::BadAttr(a) => write!(f, "invalid attribute {a:?} (expected key=value)"),
            ErrorKind::Cue(msg) => f.write_str(msg),
            ErrorKind::UnknownDirective(d) => {
                write!(f, "unknown directive {d:?} (expected trigger, cue, + or -)")
            }
            ErrorKind::UnknownEventType(t) => write!(
                f,
                "unknown event type {t:?} (expected MEET, VISIT, ARRIVE, HOST, STATEMENT or TRANSFER)"
            ),
            ErrorKind::UnknownFrame(fr) => write!(f, "unknown argument frame {fr:?}"),
            ErrorKind::UnknownCue(c) => write!(f, "unknown cue list {c:?}"),
            ErrorKind::BadOption(o) => write!(
                f,
                "invalid trigger option {o:?} (expected nominal, direct or unless=word|word)"
            ),
            ErrorKind::ExampleWithoutTrigger => f.write_str("example before any trigger"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
