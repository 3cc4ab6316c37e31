//! One annotation in two parts, for two callers that share only the text: the browser build's two
//! workers, each with its own WebAssembly instance (natively, `two_threads` splits the same work
//! inside one call).
//!
//! The second caller finds the detectors' second part ([`detect::Parts`]) and hands it over as
//! bytes ([`second_part`]). The first segments the text and finds the first part meanwhile
//! ([`FirstPart::begin`]), then finishes with those bytes, or without them finds the second part
//! itself ([`FirstPart::finish`]). Either way the annotations are [`annotate`](crate::annotate)'s.

use crate::detect::{self, handover, Found, Here, Parts};
use crate::segment::{self, Lists};
use crate::{attribute, too_long, Annotations, Config};

/// Texts this long or longer are worth annotating in two parts: where the native build starts a
/// second thread (the second caller costs as much to start as a thread, or more).
pub const FROM_BYTES: usize = crate::two_threads::FROM_BYTES;

/// The second part of annotating `text`, as bytes for [`FirstPart::finish`].
pub fn second_part(text: &str, config: &Config) -> Vec<u8> {
    let doc = segment::segment(text);
    let parts = Parts::split(&doc, config.reference_date);
    handover::encode(&detect::find_there(&doc, parts), &doc, parts)
}

/// An annotation whose first part is done, waiting for the second.
#[derive(Debug, Clone)]
pub struct FirstPart {
    text: String,
    lists: Lists,
    parts: Parts,
    here: Here,
}

impl FirstPart {
    /// Segments `text` and finds the first part of its annotation.
    pub fn begin(text: String, config: &Config) -> FirstPart {
        let doc = segment::segment(&text);
        let parts = Parts::split(&doc, config.reference_date);
        let here = detect::find_here(&doc, parts);
        let lists = doc.into_lists();
        FirstPart {
            text,
            lists,
            parts,
            here,
        }
    }

    /// The text being annotated.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The annotations, with `second`: the bytes [`second_part`] gave for the same text and
    /// config. Without them, or when they are refused, the second part is found here; the reason
    /// for refusing them comes back with the annotations.
    pub fn finish(self, second: Option<&[u8]>) -> (Annotations, Option<String>) {
        let FirstPart {
            text,
            lists,
            parts,
            here,
        } = self;
        if let Some(refused) = too_long(text.len()) {
            return (refused, None);
        }
        let doc = lists.over(&text);
        let (there, refused) = match second.map(|bytes| handover::decode(bytes, &doc, parts)) {
            Some(Ok(there)) => (there, None),
            Some(Err(why)) => (detect::find_there(&doc, parts), Some(why)),
            None => (detect::find_there(&doc, parts), None),
        };
        let annotations = attribute::attribute(&doc, Found::from_parts(here, there));
        (annotations, refused)
    }
}
