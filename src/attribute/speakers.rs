//! Speakers: decides which quotations are speech and links each to its speaker.

use crate::annotations::{Person, Quote, QuoteKind};
use crate::detect::quotes::QuoteScan;
use crate::segment::Document;

/// Quotes with their speakers. May add people that only the attribution reveals.
pub fn attribute(_doc: &Document, scan: &QuoteScan, _people: &mut Vec<Person>) -> Vec<Quote> {
    scan.quotes
        .iter()
        .map(|q| Quote {
            span: q.span,
            outer: q.outer,
            kind: QuoteKind::Speech,
            speaker: None,
            speaker_mention: None,
            cue: None,
            rule: "none",
        })
        .collect()
}
