//! Time expressions (being written).
use crate::{Span, TimeExpr};
use jiff::civil::Date;
pub(crate) fn find_times(
    _text: &str,
    _sentences: &[Span],
    _reference: Option<Date>,
) -> Vec<TimeExpr> {
    Vec::new()
}
pub(crate) fn find_reference_date(_text: &str) -> Option<Date> {
    None
}
