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
/// On a long text (`two_threads::FROM_BYTES`) quotes, people and the dates of the text's last
/// part ([`DATES_THERE_PER_MILLE`]) are found on a second thread while places and the other dates
/// are found on the calling one. Both parts' relative dates resolve against an anchor settled
/// first ([`dates::Anchoring::ahead`]); each part's dates come from whole paragraphs, so the
/// result is the same either way.
pub fn find_all(doc: &Document, reference: Option<CalendarDate>) -> Found {
    let len = doc.text.len();
    let ahead = two_threads::pays(len)
        .then(|| dates::Anchoring::ahead(doc, reference))
        .flatten();
    let split = match ahead {
        Some(_) => dates_split(doc),
        None => doc.paragraphs.len(),
    };
    let anchoring = ahead.unwrap_or(dates::Anchoring::reference_or_own_dateline(reference));
    let (here, there) = doc.paragraphs.split_at(split);
    let ((places, mut dates), (quotes, people, later_dates)) = two_threads::join(
        len,
        || (places::find(doc), dates::find_in(doc, here, anchoring)),
        || {
            (
                quotes::find(doc),
                people::find(doc),
                dates::find_in(doc, there, anchoring),
            )
        },
    );
    dates.extend(later_dates);
    Found {
        quotes,
        people,
        places,
        dates,
    }
}

/// The share of a long text, in thousandths from its end, whose dates the second thread finds.
/// Set by the threads' own clocks, both running, on 1 MB of news annotated again and again (means
/// of 35 runs, about 14 ms each, two rounds): with 37 % the calling thread ended 0.6–0.9 ms after
/// the second, with 41 % 0.0–0.7 ms before it, and with 39 % within 0.2 ms either way. (Before
/// the date gate lost its second stage, 37 % was the share that balanced.)
const DATES_THERE_PER_MILLE: usize = 390;

/// The index of the first paragraph whose dates the second thread finds (all paragraphs' count
/// when there is no second thread).
fn dates_split(doc: &Document) -> usize {
    let len = doc.text.len();
    let from = len - len / 1000 * DATES_THERE_PER_MILLE;
    two_threads::first_paragraph_there(&doc.paragraphs, len, from)
}
