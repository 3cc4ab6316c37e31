//! The place gazetteer: countries, regions, states, cities, landmarks and features, matched over the
//! text case-sensitively by the longest name that starts at a given offset (ALL-CAPS text is looked
//! up by whole names in a map of capitalized names).
//!
//! Owns the place data files and the index built from them:
//! - `places.tsv`, generated from GeoNames by `scripts/gen_places.py` (countries, continents, US
//!   states, cities with 50 000 people or more);
//! - `places_extra.tsv`, hand-made: world regions, first-level regions, landmarks, seas, rivers,
//!   mountains, English short forms and exonyms (`U.S.`, `Britain`, `Kiev`); it wins over
//!   `places.tsv` for a name both hold;
//! - `place_blockers.tsv`, hand-made: organisations whose names contain a place (`Washington Post`);
//!   they are in the index so that longest-name matching swallows the place inside them;
//! - `places_ambiguous.tsv`, hand-made: place names that are also words or people's names;
//! - `place_context.tsv`, hand-made: the words around a name that `detect::places` reads (`in`,
//!   `Mr.`, `Tribune`, `Stadium` …), each with its classes.
//!
//! It deliberately does not decide whether a match is a place in context; `detect::places` does.

use super::{Caseless, CaselessMap, WordShapes};
use crate::bit_set::BitSet;
use crate::fast_hash::{padded_word, FastMap};
use std::sync::OnceLock;

use crate::annotations::PlaceKind;

const GENERATED: &str = include_str!("data/places.tsv");
const EXTRA: &str = include_str!("data/places_extra.tsv");
const BLOCKERS: &str = include_str!("data/place_blockers.tsv");
const AMBIGUOUS: &str = include_str!("data/places_ambiguous.tsv");
const CONTEXT: &str = include_str!("data/place_context.tsv");

/// What a word next to a capitalized name says about it (the classes of `place_context.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextWord {
    /// A capitalized word after it is probably a place (`in Nice`, `near Reading`).
    Cue,
    /// A capitalized function word that may precede a place at a sentence start or in a title.
    Function,
    /// Joins a following place into one name (`Southern Indiana`).
    Direction,
    /// Before `of` + place, makes one name with it (`State of Texas`).
    OfHead,
    /// A place name after it is a person's name (`Mr. Jordan`).
    Honorific,
    /// After a place name, makes it an organisation's name (`Chicago Tribune`).
    OrganisationHead,
    /// The last word of a company's name (`Inc`).
    CompanySuffix,
    /// A role or common noun that may follow a place used as a modifier (`Moscow Mayor`).
    Role,
    /// After it a person-like place name is a person (`Jordan said`).
    ReportingVerb,
    /// The head word of a named facility or building (`Fisht Stadium`).
    FacilityHead,
    /// A month or weekday, which may sit next to a place without being part of its name.
    Calendar,
}

impl ContextWord {
    fn parse(class: &str) -> Option<ContextWord> {
        Some(match class {
            "cue" => ContextWord::Cue,
            "function" => ContextWord::Function,
            "direction" => ContextWord::Direction,
            "of-head" => ContextWord::OfHead,
            "honorific" => ContextWord::Honorific,
            "organisation-head" => ContextWord::OrganisationHead,
            "company-suffix" => ContextWord::CompanySuffix,
            "role" => ContextWord::Role,
            "reporting-verb" => ContextWord::ReportingVerb,
            "facility-head" => ContextWord::FacilityHead,
            "calendar" => ContextWord::Calendar,
            _ => return None,
        })
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// Each word of `place_context.tsv` with its classes as bits of [`ContextWord::bit`].
fn context_words() -> &'static FastMap<&'static str, u16> {
    static WORDS: OnceLock<FastMap<&'static str, u16>> = OnceLock::new();
    WORDS.get_or_init(|| {
        super::entries(CONTEXT)
            .map(|f| {
                let classes = f.get(1).copied().unwrap_or("").split(',');
                let bits = classes
                    .filter_map(ContextWord::parse)
                    .fold(0, |bits, class| bits | class.bit());
                (f[0], bits)
            })
            .collect()
    })
}

/// The first letters (in both cases) and lengths of the ASCII cue words of `place_context.tsv`:
/// most words before a name have neither, and this turns them away before they are lowered and
/// looked up. (An ASCII word lowers to ASCII, so only those cue words can be it.)
fn cue_shapes() -> &'static WordShapes {
    static SHAPES: OnceLock<WordShapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes = WordShapes::empty();
        let cues = context_words()
            .iter()
            .filter(|&(_, &bits)| ContextClasses(bits).has(ContextWord::Cue));
        for (word, _) in cues {
            if let (Some(&first), true) = (word.as_bytes().first(), word.is_ascii()) {
                shapes.add(first.to_ascii_lowercase(), word.len());
                shapes.add(first.to_ascii_uppercase(), word.len());
            }
        }
        shapes
    })
}

/// True when `word`, in any case, is listed in `place_context.tsv` as a cue (`in`, `near`,
/// `From`).
pub fn is_cue_word(word: &str) -> bool {
    // A non-ASCII word may lower to ASCII letters of other lengths (the Kelvin sign to `k`): it
    // is always looked up.
    if word.is_ascii()
        && !word
            .as_bytes()
            .first()
            .is_some_and(|&first| cue_shapes().may_hold(first, word.len()))
    {
        return false;
    }
    super::with_lowercase(word, |w| is_context_word(w, ContextWord::Cue))
}

/// True when `word`, as written, is listed in `place_context.tsv` with `class`.
pub fn is_context_word(word: &str, class: ContextWord) -> bool {
    context_classes(word).has(class)
}

/// The classes `place_context.tsv` lists `word` (as written) with, all found by one lookup.
pub fn context_classes(word: &str) -> ContextClasses {
    ContextClasses(context_words().get(word).copied().unwrap_or(0))
}

/// A set of [`ContextWord`] classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextClasses(u16);

impl ContextClasses {
    /// True when `class` is in the set.
    pub fn has(self, class: ContextWord) -> bool {
        self.0 & class.bit() != 0
    }
}

/// What else a place name can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguity {
    /// Only a place.
    None,
    /// Also a person's first name or surname (`Jordan`, `Paris`).
    Person,
    /// Also an ordinary English word (`Nice`, `Reading`).
    Word,
}

/// A gazetteer entry: one surface name of a place, or of an organisation that blocks a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The name as written in the data, in its usual case.
    pub name: &'static str,
    /// Canonical name of the place (`Kyiv` for `Kiev`).
    pub canonical: &'static str,
    /// Kind of place; `None` for a blocking organisation name.
    pub kind: Option<PlaceKind>,
    /// ISO 3166-1 alpha-2 code; empty when the place spans countries or the code is unknown.
    pub country: &'static str,
    /// Latitude and longitude in degrees.
    pub coordinates: Option<(f64, f64)>,
    /// What else the name can be.
    pub ambiguity: Ambiguity,
}

/// Bytes of a name that key [`Gazetteer::entries_by_start`].
const START_BYTES: usize = 3;

/// The gazetteer: entries, found by name.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    index: FastMap<&'static str, usize>,
    /// For the first [`START_BYTES`] bytes of names (the whole name when shorter), the entries whose
    /// names start so, longest name first: a lookup at an offset compares only those. Building this
    /// takes a fraction of what an automaton over the names does, which matters for the first
    /// annotation in a browser.
    entries_by_start: FastMap<&'static [u8], Vec<NameHead>>,
    /// Which keys of `entries_by_start` shorter than [`START_BYTES`] there are (whole names of one
    /// or two bytes): most offsets have none, and a bit test costs less than a lookup.
    short_keys: ShortKeys,
    /// Names in ASCII capitals (`NEW YORK`), built on the first ALL-CAPS lookup.
    capitals: OnceLock<CaselessMap<usize>>,
}

/// A set of byte strings of one or two bytes, one bit each.
#[derive(Debug)]
struct ShortKeys(BitSet);

impl ShortKeys {
    /// The bit of `key` if it has one or two bytes: the one-byte keys after the 65 536 two-byte
    /// ones.
    fn bit(key: &[u8]) -> Option<usize> {
        match *key {
            [a] => Some((1 << 16) + usize::from(a)),
            [a, b] => Some(usize::from(a) << 8 | usize::from(b)),
            _ => None,
        }
    }

    fn new() -> ShortKeys {
        ShortKeys(BitSet::with_len((1 << 16) + 256))
    }

    fn insert(&mut self, key: &[u8]) {
        if let Some(bit) = Self::bit(key) {
            self.0.insert(bit);
        }
    }

    fn contains(&self, key: &[u8]) -> bool {
        Self::bit(key).is_some_and(|bit| self.0.contains(bit))
    }
}

/// One name in [`Gazetteer::entries_by_start`]: its entry and its first eight bytes.
#[derive(Debug, Clone, Copy)]
struct NameHead {
    /// As [`padded_word`] reads them.
    head: u64,
    /// The bytes of `head` that the name has (all eight for a longer name).
    mask: u64,
    entry: u32,
}

/// The mask of the first `len` bytes (all eight from 8 on) of a [`padded_word`].
fn head_mask(len: usize) -> u64 {
    match len {
        0..=7 => (1u64 << (8 * len)) - 1,
        _ => u64::MAX,
    }
}

/// The gazetteer, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(build)
}

/// Builds the gazetteer and its ALL-CAPS index now rather than on first use (see
/// [`crate::prepare`]).
pub fn prepare() {
    gazetteer().get_capitals("");
    cue_shapes();
}

fn parse_kind(kind: &str) -> PlaceKind {
    match kind {
        "region" => PlaceKind::Region,
        "country" => PlaceKind::Country,
        "state" => PlaceKind::State,
        "city" => PlaceKind::City,
        "landmark" => PlaceKind::Landmark,
        "feature" => PlaceKind::Feature,
        _ => PlaceKind::Other,
    }
}

fn parse_place(fields: &[&'static str]) -> Entry {
    let field = |i: usize| fields.get(i).copied().unwrap_or("");
    let coordinates = match (field(4).parse::<f64>(), field(5).parse::<f64>()) {
        (Ok(lat), Ok(lon)) => Some((lat, lon)),
        _ => None,
    };
    Entry {
        name: field(0),
        canonical: if field(1).is_empty() {
            field(0)
        } else {
            field(1)
        },
        kind: Some(parse_kind(field(2))),
        country: field(3),
        coordinates,
        ambiguity: Ambiguity::None,
    }
}

fn build() -> Gazetteer {
    let generated = crate::lexicon::entries(GENERATED);
    let extra = crate::lexicon::entries(EXTRA);
    let blockers = crate::lexicon::entries(BLOCKERS);
    let room = generated.len() + extra.len() + blockers.len();
    let mut index: FastMap<&'static str, usize> =
        FastMap::with_capacity_and_hasher(room, Default::default());
    let mut entries: Vec<Entry> = Vec::with_capacity(room);
    for fields in generated {
        index.insert(fields[0], entries.len());
        entries.push(parse_place(&fields));
    }
    for fields in extra {
        let mut entry = parse_place(&fields);
        if entry.coordinates.is_none() {
            let canonical = index.get(entry.canonical).map(|&i| &entries[i]);
            entry.coordinates = canonical.and_then(|c| c.coordinates);
        }
        match index.get(entry.name) {
            Some(&i) => entries[i] = entry,
            None => {
                index.insert(entry.name, entries.len());
                entries.push(entry);
            }
        }
    }
    for fields in crate::lexicon::entries(AMBIGUOUS) {
        let ambiguity = match fields.get(1).copied() {
            Some("person") => Ambiguity::Person,
            _ => Ambiguity::Word,
        };
        if let Some(&i) = index.get(fields[0]) {
            entries[i].ambiguity = ambiguity;
        }
    }
    for fields in blockers {
        let blocker = Entry {
            name: fields[0],
            canonical: fields[0],
            kind: None,
            country: "",
            coordinates: None,
            ambiguity: Ambiguity::None,
        };
        match index.get(blocker.name) {
            Some(&i) => entries[i] = blocker,
            None => {
                index.insert(blocker.name, entries.len());
                entries.push(blocker);
            }
        }
    }
    let mut entries_by_start: FastMap<&'static [u8], Vec<NameHead>> =
        FastMap::with_capacity_and_hasher(entries.len(), Default::default());
    let mut short_keys = ShortKeys::new();
    for (i, e) in (0u32..).zip(&entries) {
        let name = e.name.as_bytes();
        if (1..START_BYTES).contains(&name.len()) {
            short_keys.insert(name);
        }
        let ids = entries_by_start
            .entry(&name[..name.len().min(START_BYTES)])
            .or_default();
        // Kept longest first by inserting in place: the lists are short.
        let at = ids
            .iter()
            .position(|j| entries[j.entry as usize].name.len() < name.len())
            .unwrap_or(ids.len());
        ids.insert(
            at,
            NameHead {
                head: padded_word(name),
                mask: head_mask(name.len()),
                entry: i,
            },
        );
    }
    Gazetteer {
        entries,
        index,
        entries_by_start,
        short_keys,
        capitals: OnceLock::new(),
    }
}

impl Gazetteer {
    /// The longest entry whose name, in its usual case, starts exactly at byte `at` of `text`.
    /// Returns the end offset and the entry. Costs one lookup of the first bytes and a comparison
    /// with each name that starts with them (a bound fixed by the data), so calling it at every
    /// token is linear.
    pub fn longest_at(&self, text: &str, at: usize) -> Option<(usize, &Entry)> {
        let rest = text.as_bytes().get(at..)?;
        // Names of `START_BYTES` or more bytes first: every one is longer than the shorter names.
        for start_len in (1..=START_BYTES.min(rest.len())).rev() {
            let key = &rest[..start_len];
            if start_len < START_BYTES && !self.short_keys.contains(key) {
                continue;
            }
            let Some(ids) = self.entries_by_start.get(key) else {
                continue;
            };
            // Names are distinct, so the first that fits is the longest. The first eight bytes
            // are compared as one number: most names in a list differ there.
            let rest_head = padded_word(rest);
            for id in ids.iter() {
                if (rest_head ^ id.head) & id.mask != 0 {
                    continue;
                }
                let entry = &self.entries[id.entry as usize];
                if rest.starts_with(entry.name.as_bytes()) {
                    return Some((at + entry.name.len(), entry));
                }
            }
        }
        None
    }

    /// The entry whose name, written in ASCII capitals, is `written` (`LONDON`, `NEW YORK`): a
    /// name written so itself (`US`) before one that only reads so in capitals (`Us`), else the
    /// first entry that does.
    pub fn get_capitals(&self, written: &str) -> Option<&Entry> {
        let capitals = self.capitals.get_or_init(|| {
            let mut map =
                CaselessMap::with_capacity_and_hasher(self.entries.len(), Default::default());
            for (i, e) in self.entries.iter().enumerate() {
                map.entry(Caseless(e.name)).or_insert(i);
            }
            for (i, e) in self.entries.iter().enumerate() {
                if !e.name.bytes().any(|b| b.is_ascii_lowercase()) {
                    map.insert(Caseless(e.name), i);
                }
            }
            map
        });
        // The map ignores ASCII case; a name reads as `written` in capitals when it does too and
        // `written` has no lower-case ASCII letter.
        if written.bytes().any(|b| b.is_ascii_lowercase()) {
            return None;
        }
        capitals.get(&Caseless(written)).map(|&i| &self.entries[i])
    }

    /// The entry with exactly this name, if any.
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.index.get(name).map(|&i| &self.entries[i])
    }

    /// Number of entries, blockers included.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries (never, with the compiled-in data).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_hold_exactly_the_one_and_two_byte_keys_put_in() {
        let mut keys = ShortKeys::new();
        for key in [&b"US"[..], b"U", b"\xff\xff", b"\0"] {
            keys.insert(key);
        }
        assert!(keys.contains(b"US") && keys.contains(b"U") && keys.contains(b"\xff\xff"));
        assert!(keys.contains(b"\0") && !keys.contains(b"\0\0") && !keys.contains(b"S"));
        assert!(!keys.contains(b"UK") && !keys.contains(b"") && !keys.contains(b"USA"));
        // Every name of one or two bytes is found as before.
        let gazetteer = gazetteer();
        for e in gazetteer
            .entries
            .iter()
            .filter(|e| e.name.len() < START_BYTES)
        {
            let text = format!("{} ", e.name);
            assert!(gazetteer.longest_at(&text, 0).is_some(), "{}", e.name);
        }
    }

    #[test]
    fn context_words_have_known_classes_and_keep_their_case() {
        for fields in crate::lexicon::entries(CONTEXT) {
            let classes = fields.get(1).copied().unwrap_or("");
            for class in classes.split(',') {
                assert!(ContextWord::parse(class).is_some(), "{fields:?}: {class:?}");
            }
        }
        assert!(is_context_word("near", ContextWord::Cue));
        assert!(!is_context_word("Near", ContextWord::Cue), "as written");
        // In any case; the shape test turns the rest away.
        for word in ["near", "Near", "FROM", "in", "Towards", "visited"] {
            assert!(is_cue_word(word), "{word}");
        }
        for word in ["", "nearly", "Paris", "the", "i", "\u{212A}", "in\u{0301}"] {
            assert!(!is_cue_word(word), "{word}");
        }
        assert!(is_context_word("Inc", ContextWord::CompanySuffix));
        assert!(is_context_word("Inc", ContextWord::OrganisationHead));
        assert!(!is_context_word("Inc", ContextWord::Role));
        assert!(is_context_word("Stadium", ContextWord::FacilityHead));
        assert!(!is_context_word("Paris", ContextWord::Function));
    }

    fn check(text: &str, expect: Option<(&str, &str, Option<PlaceKind>, &str)>) {
        let got = gazetteer()
            .longest_at(text, 0)
            .map(|(end, e)| (&text[..end], e.canonical, e.kind, e.country));
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn longest_names_win() {
        check(
            "New York City is big",
            Some((
                "New York City",
                "New York City",
                Some(PlaceKind::City),
                "US",
            )),
        );
        check(
            "United States of",
            Some((
                "United States",
                "United States",
                Some(PlaceKind::Country),
                "US",
            )),
        );
        check(
            "Washington Post",
            Some(("Washington Post", "Washington Post", None, "")),
        );
    }

    #[test]
    fn aliases_point_to_canonical_names() {
        check("Kiev", Some(("Kiev", "Kyiv", Some(PlaceKind::City), "UA")));
        check(
            "U.S. troops",
            Some(("U.S.", "United States", Some(PlaceKind::Country), "US")),
        );
        let kiev = gazetteer().get("Kiev").unwrap();
        assert!(kiev.coordinates.is_some(), "coordinates come from Kyiv");
    }

    #[test]
    fn matching_is_case_sensitive_and_anchored() {
        check("LONDON 1996", None);
        check(
            "New York city",
            Some(("New York", "New York", Some(PlaceKind::State), "US")),
        );
        assert_eq!(
            gazetteer().get_capitals("LONDON").unwrap().canonical,
            "London"
        );
        assert_eq!(
            gazetteer().get_capitals("US").unwrap().canonical,
            "United States"
        );
        assert_eq!(
            gazetteer().get_capitals("NEW YORK").unwrap().canonical,
            "New York"
        );
        assert!(
            gazetteer().get_capitals("London").is_none(),
            "capitals only"
        );
        assert!(gazetteer().longest_at("in London", 0).is_none());
        assert_eq!(gazetteer().get("Nice").unwrap().ambiguity, Ambiguity::Word);
        assert_eq!(
            gazetteer().get("Jordan").unwrap().ambiguity,
            Ambiguity::Person
        );
    }

    #[test]
    fn every_name_is_found_as_itself_at_any_offset() {
        let g = gazetteer();
        for e in &g.entries {
            let text = format!("\u{201C}{} x", e.name);
            let at = '\u{201C}'.len_utf8();
            let (end, found) = g.longest_at(&text, at).expect(e.name);
            assert_eq!((&text[at..end], found.name), (e.name, e.name));
        }
        check(
            "US troops",
            Some(("US", "United States", Some(PlaceKind::Country), "US")),
        );
        check("", None);
        assert!(g.longest_at("London", 99).is_none());
        assert!(
            g.longest_at("\u{201C}London", 1).is_none(),
            "inside a character"
        );
    }

    #[test]
    fn every_ambiguous_name_is_a_place() {
        for fields in crate::lexicon::entries(AMBIGUOUS) {
            let entry = gazetteer().get(fields[0]);
            assert!(
                entry.is_some_and(|e| e.kind.is_some()),
                "{} is not in the gazetteer",
                fields[0]
            );
        }
    }
}
