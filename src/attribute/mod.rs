//! Attribution: the one stage that sees every detector's output. It settles overlaps between kinds
//! and groups person mentions into entities (`entities`), then links each quote to its speaker
//! (`speakers`).

pub mod entities;
pub mod speakers;

use crate::annotations::Annotations;
use crate::detect::Found;
use crate::segment::Document;

/// Builds the final annotations from what the detectors found.
pub fn attribute(doc: &Document, found: Found) -> Annotations {
    let resolved = entities::resolve(doc, &found.people, found.places, found.dates);
    let mut people = resolved.people;
    let quotes = speakers::attribute(doc, &found.quotes, &mut people);
    Annotations {
        quotes,
        people,
        places: resolved.places,
        dates: resolved.dates,
        notes: found.quotes.notes,
    }
}
