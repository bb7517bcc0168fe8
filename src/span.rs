//! Byte spans into the caller's original text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` into the text given to
/// [`Extractor::extract`](crate::Extractor::extract).
///
/// Every stage of warta reports positions as a `Span` into the caller's text exactly as given:
/// no stage normalises, trims or rewrites the text, so `&text[span.range()]` is always the
/// surface form that the stage reports. Both ends always lie on `char` boundaries.
///
/// ```
/// use warta::Span;
///
/// let text = "Presiden Joko Widodo";
/// let span = Span::new(9, 20);
/// assert_eq!(&text[span.range()], "Joko Widodo");
/// assert_eq!(span.len(), 11);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    ///
    /// Panics when `start > end`: such a span is a bug in the caller.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "invalid span: {start} > {end}");
        Span { start, end }
    }

    /// The span as a `Range`, for slicing: `&text[span.range()]`.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn range_slices_the_text() {
        let text = "Kim Jong-un tiba";
        assert_eq!(&text[Span::new(0, 11).range()], "Kim Jong-un");
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 8);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span::new(0, 8));
        assert!(a.cover(b).contains(b));
    }
}
