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
pub mod calendar;
pub mod detect;
pub mod export;
pub mod lexicon;
pub mod segment;
pub mod span;
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

/// Annotates `text`. Never fails and never panics: odd input yields fewer annotations and [`Note`]s.
pub fn annotate(text: &str, config: &Config) -> Annotations {
    let doc = segment::segment(text);
    let found = detect::Found {
        quotes: detect::quotes::find(&doc),
        people: detect::people::find(&doc),
        places: detect::places::find(&doc),
        dates: detect::dates::find(&doc, config.reference_date),
    };
    attribute::attribute(&doc, found)
}
