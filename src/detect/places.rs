//! Place candidates from the gazetteer.

use crate::annotations::PlaceKind;
use crate::segment::Document;
use crate::span::Span;

/// A stretch of text that may name a place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCandidate {
    /// The mention.
    pub span: Span,
    /// Canonical name.
    pub name: String,
    /// Kind of place.
    pub kind: PlaceKind,
    /// ISO country code.
    pub country: Option<String>,
    /// Latitude, longitude.
    pub coordinates: Option<(f32, f32)>,
}

/// Finds places in `doc`.
pub fn find(_doc: &Document) -> Vec<PlaceCandidate> {
    Vec::new()
}
