//! Attribution: the one stage that sees every detector's output. It settles overlaps between kinds,
//! groups person mentions into entities and links each quote to its speaker.

use crate::annotations::{Annotations, Mention, MentionKind, Person, Place, Quote, QuoteKind};
use crate::detect::Found;
use crate::segment::Document;

/// Builds the final annotations from what the detectors found.
pub fn attribute(doc: &Document, found: Found) -> Annotations {
    let people: Vec<Person> = found
        .people
        .iter()
        .map(|c| Person {
            name: c.span.text(doc.text).to_string(),
            gender: None,
            mentions: vec![Mention {
                span: c.span,
                kind: MentionKind::Name,
            }],
        })
        .collect();
    let places = found
        .places
        .into_iter()
        .map(|c| Place {
            span: c.span,
            name: c.name,
            kind: c.kind,
            country: c.country,
            coordinates: c.coordinates,
        })
        .collect();
    let quotes = found
        .quotes
        .quotes
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
        .collect();
    Annotations {
        quotes,
        people,
        places,
        dates: found.dates,
        notes: found.quotes.notes,
    }
}
