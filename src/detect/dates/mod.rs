//! Temporal expressions, normalized to TimeML TIMEX3 values.

use crate::annotations::DateMention;
use crate::calendar::CalendarDate;
use crate::segment::Document;

/// Finds dates, times, durations and sets in `doc`, resolved against `reference`.
pub fn find(_doc: &Document, _reference: Option<CalendarDate>) -> Vec<DateMention> {
    Vec::new()
}
