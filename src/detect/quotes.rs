//! Quotation candidates: spans between matching quotation marks.

use crate::annotations::Note;
use crate::segment::Document;
use crate::span::Span;

/// Quotation candidates and notes about marks that never close.
#[derive(Debug, Clone, Default)]
pub struct QuoteScan {
    /// Candidates in text order.
    pub quotes: Vec<QuoteCandidate>,
    /// Remarks such as an unbalanced mark.
    pub notes: Vec<Note>,
}

/// A quoted stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCandidate {
    /// The words inside the marks.
    pub span: Span,
    /// The words with their marks.
    pub outer: Span,
}

/// Finds quotations in `doc`.
pub fn find(_doc: &Document) -> QuoteScan {
    QuoteScan::default()
}
