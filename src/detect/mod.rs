//! Detectors: each reads the `Document` (and the lexicons) and proposes candidates of one kind.
//! Owns running them all ([`find_all`]).
//!
//! Architecture invariant: detectors never read each other's output; overlaps and ambiguity between
//! kinds are settled in `attribute`, the only stage that sees them all.

pub mod dates;
pub mod handover;
pub mod people;
pub mod places;
pub mod quotes;

use crate::calendar::CalendarDate;
use crate::segment::Document;
use crate::span::Span;
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
/// On a long text (`two_threads::FROM_BYTES`) the work is split in [`Parts::split`]'s two parts,
/// the second found on a second thread; otherwise both are found in turn ([`Parts::whole`]).
pub fn find_all(doc: &Document, reference: Option<CalendarDate>) -> Found {
    let len = doc.text.len();
    let parts = if two_threads::pays(len) {
        Parts::split(doc, reference)
    } else {
        Parts::whole(doc, reference)
    };
    let (here, there) = two_threads::join(len, || find_here(doc, parts), || find_there(doc, parts));
    Found::from_parts(here, there)
}

/// How the detectors' work on one text is cut in two parts that share nothing, the first
/// ([`find_here`]) places and the dates of the text's first paragraphs, the second
/// ([`find_there`]) quotes, people and the dates of the paragraphs after. Both parts' relative
/// dates resolve against one anchor settled first ([`dates::Anchoring::ahead`]) and each part's
/// dates come from whole paragraphs, so [`Found::from_parts`] gives the same whatever the cut.
#[derive(Debug, Clone, Copy)]
pub struct Parts {
    /// The index of the first paragraph whose dates the second part finds.
    dates_split: usize,
    anchoring: dates::Anchoring,
}

impl Parts {
    /// The two parts about equally long: the second part's dates are those of the text's last
    /// `DATES_THERE_PER_MILLE`. All dates stay in the first part when the anchor cannot be
    /// settled ahead.
    pub fn split(doc: &Document, reference: Option<CalendarDate>) -> Parts {
        match dates::Anchoring::ahead(doc, reference) {
            Some(anchoring) => Parts {
                dates_split: dates_split(doc),
                anchoring,
            },
            None => Parts::whole(doc, reference),
        }
    }

    /// Every date in the first part: for a text found in one run.
    pub fn whole(doc: &Document, reference: Option<CalendarDate>) -> Parts {
        Parts {
            dates_split: doc.paragraphs.len(),
            anchoring: dates::Anchoring::reference_or_own_dateline(reference),
        }
    }

    /// The paragraph index the dates are split at (a check that two parts were cut alike).
    pub fn dates_split(&self) -> usize {
        self.dates_split
    }

    /// `doc`'s paragraphs whose dates each part finds (all in the first should `doc` be another
    /// document than the one cut, with fewer paragraphs).
    fn split_paragraphs<'p>(&self, doc: &'p Document) -> (&'p [Span], &'p [Span]) {
        doc.paragraphs
            .split_at(self.dates_split.min(doc.paragraphs.len()))
    }
}

/// The first part of the detectors' work ([`Parts`]).
#[derive(Debug, Clone, Default)]
pub struct Here {
    /// Place candidates.
    pub places: Vec<places::PlaceCandidate>,
    /// The dates of the paragraphs before the split.
    pub dates: Vec<crate::annotations::DateMention>,
}

/// The second part of the detectors' work ([`Parts`]); `handover` carries it between wasm
/// instances.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct There {
    /// Quotation candidates and notes about unbalanced marks.
    pub quotes: quotes::QuoteScan,
    /// Person-name candidates.
    pub people: Vec<people::PersonCandidate>,
    /// The dates of the paragraphs from the split on.
    pub dates: Vec<crate::annotations::DateMention>,
}

/// The first part of the detectors' work on `doc`.
pub fn find_here(doc: &Document, parts: Parts) -> Here {
    let (paragraphs, _) = parts.split_paragraphs(doc);
    Here {
        places: places::find(doc),
        dates: dates::find_in(doc, paragraphs, parts.anchoring),
    }
}

/// The second part of the detectors' work on `doc`.
pub fn find_there(doc: &Document, parts: Parts) -> There {
    let (_, paragraphs) = parts.split_paragraphs(doc);
    There {
        quotes: quotes::find(doc),
        people: people::find(doc),
        dates: dates::find_in(doc, paragraphs, parts.anchoring),
    }
}

impl Found {
    /// Both parts together.
    pub fn from_parts(here: Here, there: There) -> Found {
        let Here { places, mut dates } = here;
        dates.extend(there.dates);
        Found {
            quotes: there.quotes,
            people: there.people,
            places,
            dates,
        }
    }
}

/// The share of a long text, in thousandths from its end, whose dates the second thread finds.
/// Set by timing each part alone on 1 MB of news (medians of 15 runs, two rounds): once places
/// read their capitalized words from a token set, the second part took 0.9 ms longer than the
/// first with 390, 0.3–0.4 with 375, 0.1–0.2 less with 360 and 0.5–0.6 less with 345; then
/// 365. Once the people pass made room for its lists up front, the first part took 0.04–0.36 ms
/// longer with 365 and between 0.14 less and 0.05 more with 375 (medians of 15, three and four
/// rounds). (Set before that by the threads' own clocks, both running: 390; 37 % before the date
/// gate lost its second stage.) Once the date rules had also-needs and settled overlaps paragraph
/// by paragraph (dates 8 % cheaper), the second part took 0.15–0.27 ms longer than the first
/// with 375 and 0.0–0.3 less with 365 (medians of 15, three rounds each): 370. Once the date
/// gate turned most word starts away by their first bytes (the gate 4.0 → 2.5 ms), the second
/// part took 0.5–0.8 ms longer with 370, between 0.19 less and 0.01 more with 330, and the first
/// 0.0–0.5 ms longer with 315 (medians of 15, three rounds each): 330.
const DATES_THERE_PER_MILLE: usize = 330;

/// The index of the first paragraph whose dates the second part finds.
fn dates_split(doc: &Document) -> usize {
    let len = doc.text.len();
    let from = len - len / 1000 * DATES_THERE_PER_MILLE;
    doc.paragraphs.partition_point(|p| p.start < from)
}
