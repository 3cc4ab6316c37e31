//! `Annotations`: the one value the pipeline produces, in plain Rust (no serde).
//!
//! Owns the shape of the result: quotes with their speakers, people grouped into entities, places,
//! dates and notes about odd input. It does not know about JSON, JavaScript or UTF-16 (see `export`).

use crate::span::Span;

/// Everything found in one text. All spans are UTF-8 byte offsets into that text, sorted by start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// Quotations, in text order, including those that are not speech (see [`QuoteKind`]).
    pub quotes: Vec<Quote>,
    /// People, one entry per entity; [`Quote::speaker`] indexes this list.
    pub people: Vec<Person>,
    /// Place mentions, in text order.
    pub places: Vec<Place>,
    /// Temporal expressions, in text order.
    pub dates: Vec<DateMention>,
    /// Remarks about the input, such as a quote that never closes.
    pub notes: Vec<Note>,
}

/// Index of a person in [`Annotations::people`].
pub type PersonId = usize;

/// A quotation: the quoted words and, when it is speech, who said them.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words without the enclosing quotation marks.
    pub span: Span,
    /// The quoted words with their quotation marks (the same as `span` where a mark is missing).
    pub outer: Span,
    /// Speech, or a title / scare quote.
    pub kind: QuoteKind,
    /// The person who said it, when known.
    pub speaker: Option<PersonId>,
    /// The mention the attribution rests on: a name, a pronoun, a role or a description
    /// ("the newspaper"); present also when the source is not a person.
    pub speaker_mention: Option<Span>,
    /// The reporting cue, such as "said" or "according to".
    pub cue: Option<Span>,
    /// Name of the attribution rule that decided the speaker (for debugging and evaluation).
    pub rule: &'static str,
}

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words someone said or wrote, attributed or not.
    Speech,
    /// Marks around a title, a nickname or a scare-quoted term, with no speech context.
    Other,
}

/// A person: one entity with all its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The fullest name the text gives ("Keir Starmer").
    pub name: String,
    /// Gender when the text or the name lexicon tells it.
    pub gender: Option<Gender>,
    /// Where the person is mentioned, in text order.
    pub mentions: Vec<Mention>,
}

/// Grammatical gender used to resolve pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he / him / his
    Male,
    /// she / her
    Female,
}

/// One place in the text where a person is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The mention.
    pub span: Span,
    /// How the person is named there.
    pub kind: MentionKind,
}

/// How a mention names its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A name: full ("Keir Starmer"), partial ("Starmer") or with a title ("Sir Keir").
    Name,
    /// A role or title standing for the person ("the Prime Minister").
    Role,
}

/// A place mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The mention.
    pub span: Span,
    /// Canonical name ("Kyiv" for "Kiev").
    pub name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code, when the place lies in one country.
    pub country: Option<String>,
    /// Latitude and longitude in degrees, when known.
    pub coordinates: Option<(f64, f64)>,
}

/// Kinds of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A continent or world region.
    Region,
    /// A country.
    Country,
    /// A state, province or other first-level division.
    State,
    /// A city or town.
    City,
    /// A building, landmark or seat of power.
    Landmark,
    /// A sea, river, mountain range or other natural feature.
    Feature,
    /// A place known only from context.
    Other,
}

impl PlaceKind {
    /// Lower-case name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
            PlaceKind::State => "state",
            PlaceKind::City => "city",
            PlaceKind::Landmark => "landmark",
            PlaceKind::Feature => "feature",
            PlaceKind::Other => "other",
        }
    }
}

/// A temporal expression with its TimeML TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// The expression.
    pub span: Span,
    /// TIMEX3 type.
    pub timex_type: TimexType,
    /// TIMEX3 value: `2025-08-19`, `XXXX-08-19`, `P3D`, `PRESENT_REF` …
    pub value: String,
    /// Name of the rule that found it.
    pub rule: &'static str,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimexType {
    /// Upper-case TimeML name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A remark about the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Where the remark applies, if anywhere in particular.
    pub span: Option<Span>,
    /// Human-readable remark.
    pub message: String,
}
