//! Detectors: each reads the `Document` (and the lexicons) and proposes candidates of one kind.
//! Owns running them all ([`find_all`]).
//!
//! Architecture invariant: detectors never read each other's output; overlaps and ambiguity between
//! kinds are settled in `attribute`, the only stage that sees them all.

pub mod dates;
pub mod people;
pub mod places;
pub mod quotes;

use crate::calendar::CalendarDate;
use crate::segment::Document;
use crate::two_threads;

/// What the detectors found, handed to `attribute` as one value.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Quotation candidates and notes about unbalanced marks.
    pub quotes: quotes::QuoteScan,
    /// Person-name candidates.
    pub people: Vec<people::PersonCandidate>,
    /// Place candidates.
    pub places: Vec<places::PlaceCandidate>,
    /// Resolved temporal expressions.
    pub dates: Vec<crate::annotations::DateMention>,
}

/// Runs every detector over `doc`, relative dates resolving against `reference`.
///
/// On a long text (`two_threads::FROM_BYTES`) quotes and people run on a second thread while
/// places and dates run on the calling one: dates keep their search caches per thread, so they
/// stay where those are warm. The detectors share nothing, so the result is the same either way.
pub fn find_all(doc: &Document, reference: Option<CalendarDate>) -> Found {
    let ((places, dates), (quotes, people)) = two_threads::join(
        doc.text.len(),
        || (places::find(doc), dates::find(doc, reference)),
        || (quotes::find(doc), people::find(doc)),
    );
    Found {
        quotes,
        people,
        places,
        dates,
    }
}
