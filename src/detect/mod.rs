//! Detectors: each reads the `Document` (and the lexicons) and proposes candidates of one kind.
//!
//! Architecture invariant: detectors never read each other's output; overlaps and ambiguity between
//! kinds are settled in `attribute`, the only stage that sees them all.

pub mod dates;
pub mod people;
pub mod places;
pub mod quotes;

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
