//! Person-name candidates.

use crate::segment::Document;
use crate::span::Span;

/// A stretch of text that names a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCandidate {
    /// The name.
    pub span: Span,
}

/// Finds person names in `doc`.
pub fn find(_doc: &Document) -> Vec<PersonCandidate> {
    Vec::new()
}
