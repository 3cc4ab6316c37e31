//! Article Annotator finds **quotes** and who said them, the **people** named, **dates** (normalized
//! like TimeML) and **places** in a news article — natively or in the browser through WebAssembly.
//!
//! ```
//! use article_annotator::{annotate, Config, CalendarDate};
//!
//! let text = "\u{201C}We will not back down,\u{201D} Prime Minister Keir Starmer said in London on Tuesday.";
//! let config = Config { reference_date: CalendarDate::parse_iso("2025-08-21") };
//! let found = annotate(text, &config);
//! let quote = &found.quotes[0];
//! assert_eq!(quote.span.text(text), "We will not back down,");
//! assert_eq!(found.people[quote.speaker.unwrap()].name, "Keir Starmer");
//! assert_eq!(found.dates[0].value, "2025-08-19");
//! assert_eq!(found.places[0].name, "London");
//! ```
//!
//! The pipeline runs one way: [`segment`] → detectors in [`detect`] → [`attribute`] → [`Annotations`].
//! Offsets are UTF-8 byte offsets into the original text ([`Span`]); [`export`] converts them to UTF-16
//! or code points for JavaScript and the evaluation format.
#![deny(missing_docs)]

pub mod annotations;
pub mod attribute;
mod bit_set;
pub mod calendar;
pub mod detect;
pub mod export;
mod fast_hash;
mod lanes;
pub mod lexicon;
pub mod segment;
mod sorting;
pub mod span;
pub mod two_parts;
mod two_threads;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use annotations::{
    Annotations, DateMention, Gender, Mention, MentionKind, Note, Person, PersonId, Place,
    PlaceKind, Quote, QuoteKind, TimexType,
};
pub use calendar::CalendarDate;
pub use span::Span;

/// Options for one run of [`annotate`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The article's publication date: relative dates ("yesterday", "on Tuesday") resolve against it.
    /// Without it, a dateline in the text is used; failing that, unknown parts stay `X` (`XXXX-08-19`).
    pub reference_date: Option<CalendarDate>,
}

/// Largest text, in bytes, that the browser boundary accepts (the native API takes any size).
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Builds every lexicon and every date rule's engines and runs one short annotation now instead
/// of paying for it in the first real one, so that a caller with idle time (the page's worker, right after loading) makes the first annotation fast.
/// Calling it is optional and changes no result.
pub fn prepare() {
    lexicon::prepare();
    detect::dates::matcher::prepare();
    // One short annotation warms what is built during searches (the lazy DFAs' states).
    annotate(WARM_UP_TEXT, &Config::default());
}

/// A few lines in the shape of news, for [`prepare`].
const WARM_UP_TEXT: &str = "LONDON (Wire) - \u{201C}We will meet again next Tuesday,\u{201D} Prime Minister \
Jane Porter told reporters on March 3, 2026. \"It is early,\" she said, adding that talks began two \
years ago in Paris.\n\nMr. Adams said on Monday: \u{201C}Not yet.\u{201D}";

/// Annotates `text`. Never fails and never panics: odd input yields fewer annotations and [`Note`]s.
pub fn annotate(text: &str, config: &Config) -> Annotations {
    if let Some(refused) = too_long(text.len()) {
        return refused;
    }
    let doc = segment::segment(text);
    let found = detect::find_all(&doc, config.reference_date);
    attribute::attribute(&doc, found)
}

/// The annotations of a text of `len` bytes when that is too long to annotate at all
/// ([`segment::MAX_TOKENIZED_BYTES`]): only a note saying so.
fn too_long(len: usize) -> Option<Annotations> {
    (!segment::within_tokenized_bytes(len)).then(|| Annotations {
        notes: vec![Note {
            span: None,
            message: format!(
                "The text is {len} bytes long: at most {} bytes (4 GiB) can be annotated; split it into parts.",
                segment::MAX_TOKENIZED_BYTES
            ),
        }],
        ..Annotations::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_text_over_4_gib_is_too_long() {
        assert!(too_long(0).is_none());
        assert!(too_long(segment::MAX_TOKENIZED_BYTES).is_none());
        // A wasm32 text cannot be longer.
        if let Some(longer) = segment::MAX_TOKENIZED_BYTES.checked_add(1) {
            let refused = too_long(longer).expect("a note");
            assert!(refused.quotes.is_empty() && refused.notes.len() == 1);
            let note = &refused.notes[0];
            assert!(note.message.contains("4 GiB") && note.span.is_none());
        }
    }

    #[test]
    fn prepare_changes_no_result() {
        let text = "\u{201C}Rates stay,\u{201D} said Ana Ruiz in Madrid on Friday.";
        let config = Config {
            reference_date: CalendarDate::parse_iso("2025-08-19"),
        };
        let before = annotate(text, &config);
        prepare();
        assert_eq!(annotate(text, &config), before);
        assert_eq!(before.quotes.len(), 1);
        assert_eq!(before.dates.len(), 1);
    }

    /// A long text, whose detectors and attribution rules run on two threads natively, gives the
    /// annotations of every stage run in turn on one: with a reference date, with a dateline
    /// instead, and with a first paragraph too long to search for the dateline twice.
    #[test]
    fn two_threads_annotate_as_one() {
        let news = |paragraph_break: &str| {
            let mut text = String::from("WASHINGTON, March 3, 2024 \u{2014} Talks went on.\n\n");
            for n in 0.. {
                text.push_str(&format!(
                    "\u{201C}Talks resume on May {},\u{201D} Mayor Ana Ruiz said in Madrid on Friday. \
                     Officials in Paris said {} was calm. \"Not now,\" he said. Ruiz left.{paragraph_break}",
                    n % 28 + 1,
                    1990 + n % 30
                ));
                if text.len() >= two_threads::FROM_BYTES + 1000 {
                    break;
                }
            }
            text
        };
        // The first paragraph after the dateline's runs on for 10 KB.
        let mut long_lead = news(" ");
        long_lead.truncate(long_lead.floor_char_boundary(10_000));
        long_lead.push_str("\n\n");
        long_lead.push_str(&news("\n\n"));
        let reference = CalendarDate::parse_iso("2025-08-19");
        for (text, reference) in [
            (news("\n\n"), reference),
            (news("\n\n"), None),
            (long_lead, None),
        ] {
            let one_thread = stage_by_stage(&text, reference);
            assert!(one_thread.quotes.len() > 100 && one_thread.dates.len() > 100);
            assert!(one_thread.quotes.iter().any(|q| q.speaker.is_some()));
            let fridays: Vec<&str> = one_thread
                .dates
                .iter()
                .filter(|d| d.span.text(&text) == "Friday")
                .map(|d| d.value.as_str())
                .collect();
            let expected = if reference.is_some() {
                "2025-08-15"
            } else {
                "2024-03-01"
            };
            assert!(fridays.len() > 100 && fridays.iter().all(|&v| v == expected));
            let config = Config {
                reference_date: reference,
            };
            assert_eq!(annotate(&text, &config), one_thread);
            // As the browser's two workers annotate it: the second part handed over as bytes, or
            // found by the first worker when they do not come.
            let second = two_parts::second_part(&text, &config);
            let begun = two_parts::FirstPart::begin(text.clone(), &config);
            assert_eq!(
                begun.clone().finish(Some(&second)),
                (one_thread.clone(), None)
            );
            assert_eq!(begun.finish(None), (one_thread, None));
        }
    }

    /// The annotations of `text`, each stage run in turn on this thread.
    fn stage_by_stage(text: &str, reference: Option<CalendarDate>) -> Annotations {
        use crate::attribute::{entities, speakers};
        use crate::detect::{dates, people, places, quotes};
        let doc = segment::segment(text);
        let scan = quotes::find(&doc);
        let resolved = entities::resolve(
            &doc,
            &people::find(&doc),
            places::find(&doc),
            dates::find(&doc, reference),
        );
        let mut people = resolved.people;
        let quotes = speakers::attribute(&doc, &scan, &mut people);
        Annotations {
            quotes,
            people,
            places: resolved.places,
            dates: resolved.dates,
            notes: scan.notes,
        }
    }
}
