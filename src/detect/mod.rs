//! Detectors: each reads the `Document` (and the lexicons) and proposes candidates of one kind.
//! Owns running them all ([`find_all`]): natively, on two threads for a long text.
//!
//! Architecture invariant: detectors never read each other's output; overlaps and ambiguity between
//! kinds are settled in `attribute`, the only stage that sees them all.

pub mod dates;
pub mod people;
pub mod places;
pub mod quotes;

use crate::calendar::CalendarDate;
use crate::segment::Document;

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

/// Runs every detector over `doc`, relative dates resolving against `reference`.
///
/// Natively, a text of at least [`TWO_THREADS_FROM_BYTES`] runs quotes and people on a second
/// thread while places and dates run on the calling one (dates keep their search caches per
/// thread, so they stay where they are warm). The detectors share nothing, so the result is the
/// same as one after another, which is what happens in the browser, for a shorter text, or when no
/// thread can be started.
pub fn find_all(doc: &Document, reference: Option<CalendarDate>) -> Found {
    #[cfg(not(target_arch = "wasm32"))]
    if doc.text.len() >= TWO_THREADS_FROM_BYTES {
        if let Some(found) = find_on_two_threads(doc, reference) {
            return found;
        }
    }
    Found {
        quotes: quotes::find(doc),
        people: people::find(doc),
        places: places::find(doc),
        dates: dates::find(doc, reference),
    }
}

/// Texts this long or longer run their detectors on two threads natively: starting a thread
/// costs tens of microseconds, about 1 % of annotating 64 KB.
pub const TWO_THREADS_FROM_BYTES: usize = 64 * 1024;

/// [`find_all`] on two threads; `None` when the second thread cannot be started.
#[cfg(not(target_arch = "wasm32"))]
fn find_on_two_threads(doc: &Document, reference: Option<CalendarDate>) -> Option<Found> {
    std::thread::scope(|scope| {
        let second = std::thread::Builder::new()
            .name("detect".into())
            .spawn_scoped(scope, || (quotes::find(doc), people::find(doc)))
            .ok()?;
        let places = places::find(doc);
        let dates = dates::find(doc, reference);
        let (quotes, people) = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Some(Found {
            quotes,
            people,
            places,
            dates,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::attribute;
    use crate::segment::segment;

    /// A long text gives the same annotations whether its detectors run on two threads or one
    /// after another.
    #[test]
    fn two_threads_find_what_one_finds() {
        let mut text = String::new();
        for n in 0.. {
            text.push_str(&format!(
                "\u{201C}Talks resume on May {},\u{201D} Mayor Ana Ruiz{n} said in Madrid on Friday. \
                 Officials in Paris said 2019 was calm. \"Not now,\" he said.\n\n",
                n % 28 + 1
            ));
            if text.len() >= TWO_THREADS_FROM_BYTES + 1000 {
                break;
            }
        }
        let doc = segment(&text);
        let reference = CalendarDate::parse_iso("2025-08-19");
        let one_after_another = Found {
            quotes: quotes::find(&doc),
            people: people::find(&doc),
            places: places::find(&doc),
            dates: dates::find(&doc, reference),
        };
        let expected = attribute(&doc, one_after_another);
        assert!(expected.quotes.len() > 100 && expected.dates.len() > 100);
        assert_eq!(attribute(&doc, find_all(&doc, reference)), expected);
    }
}
