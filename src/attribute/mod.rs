//! Attribution: the one stage that sees every detector's output. It settles overlaps between kinds
//! and groups person mentions into entities (`entities`), then links each quote to its speaker
//! (`speakers`: the rules find each quote's source, then the sources are linked to people).

pub mod entities;
pub mod speakers;

use crate::annotations::Annotations;
use crate::detect::Found;
use crate::segment::Document;
use crate::two_threads;

/// Builds the final annotations from what the detectors found.
///
/// The attribution rules read only the text and the quotes, so on a long text they run on a
/// second thread while the entities are resolved (see `two_threads`); linking their sources to
/// people then waits for both.
pub fn attribute(doc: &Document, found: Found) -> Annotations {
    let Found {
        quotes: scan,
        people,
        places,
        dates,
    } = found;
    let (resolved, sources) = two_threads::join(
        doc.text.len(),
        || entities::resolve(doc, &people, places, dates),
        || speakers::find_sources(doc, &scan),
    );
    let mut people = resolved.people;
    let quotes = speakers::link_speakers(sources, &mut people);
    Annotations {
        quotes,
        people,
        places: resolved.places,
        dates: resolved.dates,
        notes: scan.notes,
    }
}
