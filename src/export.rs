//! Export: serde DTOs of `Annotations` for JavaScript and for the evaluation format, and the offset
//! conversions they need (UTF-8 bytes → UTF-16 code units or Unicode code points).
//!
//! Architecture invariant: this is the only module that derives `Serialize`/`Deserialize`; the wasm
//! boundary and the CLI both go through it, so what they print is tested natively here.

pub mod packed;

use crate::lanes::{continuation_lanes, four_byte_lead_lanes, marked_lanes};
use crate::sorting;
use serde::{Deserialize, Serialize};

use crate::annotations::{Annotations, Gender, MentionKind, Quote, QuoteKind};
use crate::calendar::CalendarDate;
use crate::span::Span;
use crate::Config;

/// Converts byte offsets of one text to another unit (UTF-16 code units or code points).
///
/// Built in one pass over the text: the converted offset at the start of every `BLOCK_BYTES`
/// bytes. An offset then converts by counting from its block's start, so any offset converts in
/// constant time, in any order, with nothing sorted or searched.
#[derive(Debug, Clone)]
pub struct OffsetMap<'t> {
    bytes: &'t [u8],
    unit: Unit,
    /// The converted offset of byte `k * BLOCK_BYTES`, for each block.
    blocks: Vec<usize>,
    /// Bit `k % 64` of word `k / 64` is set when block `k` is whole and all ASCII: an offset in it
    /// converts by adding, with nothing counted. News is mostly such blocks.
    ascii_blocks: Vec<u64>,
}

/// Bytes per block of an [`OffsetMap`]: a conversion counts at most this many.
const BLOCK_BYTES: usize = 32;

/// The unit an [`OffsetMap`] converts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-16 code units, as JavaScript strings count.
    Utf16,
    /// Unicode scalar values, as Python strings count.
    CodePoint,
}

impl<'t> OffsetMap<'t> {
    /// Prepares conversion of any offset within `text` to `unit`.
    pub fn new(text: &'t str, unit: Unit) -> OffsetMap<'t> {
        let bytes = text.as_bytes();
        let whole_blocks = bytes.len() / BLOCK_BYTES;
        let mut blocks = Vec::with_capacity(whole_blocks + 1);
        let mut ascii_blocks = vec![0; whole_blocks.div_ceil(64)];
        let mut converted = 0;
        blocks.push(0);
        for (k, block) in bytes.chunks_exact(BLOCK_BYTES).enumerate() {
            if block.is_ascii() {
                ascii_blocks[k / 64] |= 1 << (k % 64);
                converted += BLOCK_BYTES;
            } else {
                converted += units(block, unit);
            }
            blocks.push(converted);
        }
        OffsetMap {
            bytes,
            unit,
            blocks,
            ascii_blocks,
        }
    }

    /// The converted offset of byte offset `byte`. An offset inside a character converts as the
    /// start of the next character; one past the end as the text's length.
    pub fn get(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / BLOCK_BYTES;
        let into = byte % BLOCK_BYTES;
        let ascii = self
            .ascii_blocks
            .get(block / 64)
            .is_some_and(|word| word >> (block % 64) & 1 == 1);
        if ascii || into == 0 {
            return self.blocks[block] + into;
        }
        self.blocks[block] + units(&self.bytes[byte - into..byte], self.unit)
    }
}

/// The units of the characters that start in `bytes`, counted by their first bytes, with no
/// decoding: one per character, two in UTF-16 for a four-byte one, eight bytes at a time. A
/// character cut at the end of `bytes` counts whole, which makes an offset inside a character
/// convert as the start of the next one.
fn units(bytes: &[u8], unit: Unit) -> usize {
    let word_units = |word: u64| {
        let starts = 8 - marked_lanes(continuation_lanes(word));
        match unit {
            Unit::CodePoint => starts,
            Unit::Utf16 => starts + marked_lanes(four_byte_lead_lanes(word)),
        }
    };
    let mut chunks = bytes.chunks_exact(8);
    let count: usize = chunks
        .by_ref()
        .map(|chunk| word_units(u64::from_le_bytes(chunk.try_into().unwrap_or_default())))
        .sum();
    let rest = chunks.remainder();
    if rest.is_empty() {
        return count;
    }
    // Zero bytes pad the word: each counts as one character start, taken off again. The word is
    // put together byte by byte (copying the bytes into an array cost a call to `memmove`).
    let word = rest
        .iter()
        .enumerate()
        .fold(0, |word, (i, &b)| word | u64::from(b) << (8 * i));
    count + word_units(word) - (8 - rest.len())
}

// ------------------------------------------------------------------------------------------ options

/// Options as JavaScript passes them: `{ referenceDate: "2025-08-19" }`; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JsConfig {
    /// Publication date as `YYYY-MM-DD`, or null / empty for none.
    pub reference_date: Option<String>,
}

impl JsConfig {
    /// Checks the options; the error names the field and what it accepts.
    pub fn into_config(self) -> Result<Config, String> {
        let reference_date = match self.reference_date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(CalendarDate::parse_iso(s).ok_or_else(|| {
                format!("referenceDate: expected a calendar date as YYYY-MM-DD (e.g. \"2025-08-19\"), got {s:?}")
            })?),
        };
        Ok(Config { reference_date })
    }
}

// ------------------------------------------------------------------------------------------ JS result

/// The result object JavaScript receives. Offsets are UTF-16 code units: `text.slice(start, end)`.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsAnnotations<'a> {
    /// Quotations in text order.
    pub quotes: Vec<JsQuote<'a>>,
    /// People; `JsQuote::speaker` indexes this list.
    pub people: Vec<JsPerson<'a>>,
    /// Places in text order.
    pub places: Vec<JsPlace<'a>>,
    /// Dates in text order.
    pub dates: Vec<JsDate<'a>>,
    /// Remarks about the input.
    pub notes: Vec<JsNote<'a>>,
}

/// A half-open UTF-16 range with the text it covers.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct JsSpan<'a> {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The covered text.
    pub text: &'a str,
}

/// A quotation.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsQuote<'a> {
    /// First code unit of the quoted words (inside the marks).
    pub start: usize,
    /// End of the quoted words.
    pub end: usize,
    /// The quoted words.
    pub text: &'a str,
    /// Start including the quotation marks.
    pub outer_start: usize,
    /// End including the quotation marks.
    pub outer_end: usize,
    /// "speech" or "other" (titles, scare quotes).
    pub kind: &'static str,
    /// Index into `people`, when the speaker is a known person.
    pub speaker: Option<usize>,
    /// The speaker's name, or the source's description when it is not a person ("the newspaper").
    pub speaker_name: Option<&'a str>,
    /// The mention the attribution rests on.
    pub speaker_mention: Option<JsSpan<'a>>,
    /// The reporting cue ("said").
    pub cue: Option<JsSpan<'a>>,
    /// The attribution rule that decided.
    pub rule: &'static str,
}

/// A person entity.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsPerson<'a> {
    /// Canonical (fullest) name.
    pub name: &'a str,
    /// "male", "female" or null.
    pub gender: Option<&'static str>,
    /// Mentions in text order.
    pub mentions: Vec<JsMention<'a>>,
}

/// A mention of a person.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsMention<'a> {
    /// First code unit.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The mention's text.
    pub text: &'a str,
    /// "name" or "role".
    pub kind: &'static str,
}

/// A place mention.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsPlace<'a> {
    /// First code unit.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The mention's text.
    pub text: &'a str,
    /// Canonical name.
    pub name: &'a str,
    /// "country", "city", "state", "region", "landmark", "feature" or "other".
    pub kind: &'static str,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<&'a str>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
}

/// A temporal expression.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsDate<'a> {
    /// First code unit.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The expression's text.
    pub text: &'a str,
    /// TIMEX3 type: DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub timex_type: &'static str,
    /// TIMEX3 value.
    pub value: &'a str,
    /// The rule that found it.
    pub rule: &'static str,
}

/// A remark about the input.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct JsNote<'a> {
    /// Where it applies, if anywhere.
    pub start: Option<usize>,
    /// End of where it applies.
    pub end: Option<usize>,
    /// The remark.
    pub message: &'a str,
}

fn gender_name(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
    }
}

/// The name a quote's speaker goes by: the person's canonical name, else the mention's text.
pub fn speaker_name<'a>(
    text: &'a str,
    annotations: &'a Annotations,
    quote: &Quote,
) -> Option<&'a str> {
    match (quote.speaker, quote.speaker_mention) {
        (Some(id), _) => annotations.people.get(id).map(|p| p.name.as_str()),
        (None, Some(m)) => Some(m.text(text)),
        (None, None) => None,
    }
}

/// Converts `annotations` of `text` to the object JavaScript receives.
pub fn to_js<'a>(text: &'a str, annotations: &'a Annotations) -> JsAnnotations<'a> {
    let map = OffsetMap::new(text, Unit::Utf16);
    to_js_with(text, annotations, &map)
}

/// [`to_js`] in the [`packed`] format, for the browser boundary: span texts travel as ranges of
/// `text`, which JavaScript cuts from its own string.
pub fn to_js_packed(
    text: &str,
    annotations: &Annotations,
) -> Result<packed::Packed, packed::PackError> {
    let map = OffsetMap::new(text, Unit::Utf16);
    // The numbers of each kind (a quote with a speaker, its mention and cue: 40), and one for
    // each distinct string (dates' values, people's names). On 1 MB of news this is 2 % over
    // the stream's length: growing it copies it all.
    let mentions: usize = annotations.people.iter().map(|p| p.mentions.len()).sum();
    let expected_len = 40 * annotations.quotes.len()
        + 10 * annotations.people.len()
        + 11 * mentions
        + 19 * annotations.places.len()
        + 16 * annotations.dates.len()
        + 9 * annotations.notes.len();
    packed::pack(
        &to_js_with(text, annotations, &map),
        text,
        &map,
        expected_len,
    )
}

fn to_js_with<'a>(
    text: &'a str,
    annotations: &'a Annotations,
    map: &OffsetMap,
) -> JsAnnotations<'a> {
    let span = |s: Span| JsSpan {
        start: map.get(s.start),
        end: map.get(s.end),
        text: s.text(text),
    };
    JsAnnotations {
        quotes: annotations
            .quotes
            .iter()
            .map(|q| JsQuote {
                start: map.get(q.span.start),
                end: map.get(q.span.end),
                text: q.span.text(text),
                outer_start: map.get(q.outer.start),
                outer_end: map.get(q.outer.end),
                kind: match q.kind {
                    QuoteKind::Speech => "speech",
                    QuoteKind::Other => "other",
                },
                speaker: q.speaker,
                speaker_name: speaker_name(text, annotations, q),
                speaker_mention: q.speaker_mention.map(span),
                cue: q.cue.map(span),
                rule: q.rule,
            })
            .collect(),
        people: annotations
            .people
            .iter()
            .map(|p| JsPerson {
                name: &p.name,
                gender: p.gender.map(gender_name),
                mentions: p
                    .mentions
                    .iter()
                    .map(|m| {
                        let s = span(m.span);
                        JsMention {
                            start: s.start,
                            end: s.end,
                            text: s.text,
                            kind: match m.kind {
                                MentionKind::Name => "name",
                                MentionKind::Role => "role",
                            },
                        }
                    })
                    .collect(),
            })
            .collect(),
        places: annotations
            .places
            .iter()
            .map(|p| JsPlace {
                start: map.get(p.span.start),
                end: map.get(p.span.end),
                text: p.span.text(text),
                name: &p.name,
                kind: p.kind.as_str(),
                country: p.country.as_deref(),
                lat: p.coordinates.map(|c| c.0),
                lon: p.coordinates.map(|c| c.1),
            })
            .collect(),
        dates: annotations
            .dates
            .iter()
            .map(|d| JsDate {
                start: map.get(d.span.start),
                end: map.get(d.span.end),
                text: d.span.text(text),
                timex_type: d.timex_type.as_str(),
                value: &d.value,
                rule: d.rule,
            })
            .collect(),
        notes: annotations
            .notes
            .iter()
            .map(|n| JsNote {
                start: n.span.map(|s| map.get(s.start)),
                end: n.span.map(|s| map.get(s.end)),
                message: &n.message,
            })
            .collect(),
    }
}

// ------------------------------------------------------------------------------------------ evaluation format

/// A document in the evaluation format (JSON Lines; offsets in code points).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct EvalDoc {
    /// Document id.
    #[serde(default)]
    pub id: Option<String>,
    /// Corpus name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus: Option<String>,
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Publication date, the reference for relative dates.
    #[serde(default)]
    pub dct: Option<String>,
    /// Layers annotated in a gold document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layers: Option<Vec<String>>,
    /// Quotations.
    #[serde(default)]
    pub quotes: Vec<EvalQuote>,
    /// Person mentions.
    #[serde(default)]
    pub people: Vec<EvalSpan>,
    /// Place mentions.
    #[serde(default)]
    pub places: Vec<EvalSpan>,
    /// Temporal expressions.
    #[serde(default)]
    pub dates: Vec<EvalDate>,
}

/// A span in code points.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct EvalSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A quotation in the evaluation format.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct EvalQuote {
    /// First code point of the quoted words.
    pub start: usize,
    /// End of the quoted words.
    pub end: usize,
    /// Speaker name, or null when unknown.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Speaker mentions as `[start, end]` pairs.
    #[serde(default)]
    pub speaker_spans: Vec<(usize, usize)>,
    /// The attribution rule that decided the speaker (predictions only; the scorer ignores it,
    /// `annotate eval --by-rule` reports accuracy per rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// A temporal expression in the evaluation format.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct EvalDate {
    /// First code point.
    pub start: usize,
    /// End.
    pub end: usize,
    /// TIMEX3 type.
    #[serde(rename = "type", default)]
    pub timex_type: Option<String>,
    /// TIMEX3 value.
    #[serde(default)]
    pub value: Option<String>,
}

/// The configuration an evaluation document asks for: its `dct` as the reference date.
pub fn eval_config(doc: &EvalDoc) -> Config {
    Config {
        reference_date: doc.dct.as_deref().and_then(CalendarDate::parse_iso),
    }
}

/// Predictions for `source` (its id, corpus, text and dct are kept) in the evaluation format.
/// Only speech quotes are predicted; the people layer lists name mentions, not roles.
pub fn to_eval(source: &EvalDoc, annotations: &Annotations) -> EvalDoc {
    let text = source.text.as_str();
    let map = OffsetMap::new(text, Unit::CodePoint);
    let span = |s: Span| EvalSpan {
        start: map.get(s.start),
        end: map.get(s.end),
    };
    let mut people: Vec<EvalSpan> = annotations
        .people
        .iter()
        .flat_map(|p| {
            p.mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Name)
                .map(|m| span(m.span))
        })
        .collect();
    sorting::sort_by_key(&mut people, |s| (s.start, s.end, 0));
    EvalDoc {
        id: source.id.clone(),
        corpus: source.corpus.clone(),
        text: source.text.clone(),
        dct: source.dct.clone(),
        layers: None,
        quotes: annotations
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Speech)
            .map(|q| EvalQuote {
                start: map.get(q.span.start),
                end: map.get(q.span.end),
                speaker: speaker_name(text, annotations, q).map(str::to_string),
                speaker_spans: q
                    .speaker_mention
                    .map(|m| (map.get(m.start), map.get(m.end)))
                    .into_iter()
                    .collect(),
                rule: Some(q.rule.to_string()),
            })
            .collect(),
        people,
        places: annotations.places.iter().map(|p| span(p.span)).collect(),
        dates: annotations
            .dates
            .iter()
            .map(|d| EvalDate {
                start: map.get(d.span.start),
                end: map.get(d.span.end),
                timex_type: Some(d.timex_type.as_str().to_string()),
                value: Some(d.value.clone()),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{DateMention, TimexType};

    /// The keys of each object literal `www/unpack.js` builds (its `LITERALS`), in the order the
    /// literal reads their values, and the shape it is listed under.
    fn unpack_literals() -> Vec<(String, Vec<String>)> {
        let source = include_str!("../www/unpack.js");
        let start = source
            .find("const LITERALS = {")
            .expect("LITERALS in unpack.js");
        let end = start + source[start..].find("\n  };").expect("the end of LITERALS");
        let mut literals = Vec::new();
        for entry in source[start..end].split("\n    '").skip(1) {
            let (shape, body) = entry.split_once("': (v) => ({").expect("a literal");
            let keys = body
                .split(": v()")
                .filter_map(|before| before.rsplit([' ', '{', ',', '\n']).next())
                .filter(|key| !key.is_empty())
                .map(str::to_string)
                .collect();
            literals.push((shape.to_string(), keys));
        }
        literals
    }

    /// Every object shape of the annotations (a quote with a speaker and a cue, people and their
    /// mentions, places, dates, notes) has an object literal in `www/unpack.js`, whose keys are
    /// that shape's in its order; a shape without one would still unpack, only slower.
    #[test]
    fn unpack_builds_every_shape_as_a_literal() {
        let literals = unpack_literals();
        assert_eq!(literals.len(), 8);
        for (shape, keys) in &literals {
            assert_eq!(shape, &keys.join(","), "the literal of {shape}");
        }
        let text = "LONDON \u{201C}We stay,\u{201D} Keir Starmer said in Paris on Tuesday. \
                    \u{201C}No,\u{201D} he said. \u{201C}unbalanced";
        let found = crate::annotate(text, &crate::Config::default());
        assert!(found
            .quotes
            .iter()
            .any(|q| q.speaker.is_some() && q.cue.is_some()));
        assert!(!found.places.is_empty() && !found.dates.is_empty() && !found.notes.is_empty());
        let packed = to_js_packed(text, &found).expect("packs");
        let (_, _, shapes) = packed::tests::split(&packed);
        assert_eq!(shapes.len(), 8, "{shapes:?}");
        for shape in shapes {
            let shape = shape.join(",");
            assert!(
                literals.iter().any(|(s, _)| *s == shape),
                "no literal for {shape}"
            );
        }
    }

    fn check_map(text: &str, unit: Unit) {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let map = OffsetMap::new(text, unit);
        for &b in &bounds {
            let expect = match unit {
                Unit::Utf16 => text[..b].encode_utf16().count(),
                Unit::CodePoint => text[..b].chars().count(),
            };
            assert_eq!(map.get(b), expect, "offset {b} of {text:?}");
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end() {
        // `é` is bytes 1..3 and `😀` bytes 3..7 (two UTF-16 units); the text has 7 bytes.
        let text = "aé😀";
        let map = OffsetMap::new(text, Unit::Utf16);
        assert_eq!([2, 4, 6, 7, 9].map(|b| map.get(b)), [2, 4, 4, 4, 4]);
        let map = OffsetMap::new(text, Unit::CodePoint);
        assert_eq!([2, 4, 7, 9].map(|b| map.get(b)), [2, 3, 3, 3]);
    }

    #[test]
    fn offsets_at_block_edges_and_past_the_end_of_a_whole_number_of_blocks() {
        // Two blocks: `é` straddles the first edge, the text ends on the second.
        let b = BLOCK_BYTES;
        let text = format!("{}é{}", "a".repeat(b - 1), "b".repeat(b - 1));
        assert_eq!(text.len(), 2 * b);
        let map = OffsetMap::new(&text, Unit::Utf16);
        let got = [b - 2, b - 1, b, b + 1, 2 * b - 1, 2 * b, 2 * b + 1, 10 * b].map(|k| map.get(k));
        let all = 2 * b - 1;
        assert_eq!(got, [b - 2, b - 1, b, b, all - 1, all, all, all]);
    }

    #[test]
    fn offsets_in_all_ascii_blocks_convert_by_adding_and_others_by_counting() {
        // Blocks 0 and 1 are all ASCII; block 2 holds `é` and `😀`; the last is part of a block.
        let b = BLOCK_BYTES;
        let text = format!("{}é😀{}", "x".repeat(2 * b + 3), "y".repeat(b + 5));
        let map = OffsetMap::new(&text, Unit::Utf16);
        assert_eq!(map.ascii_blocks, [0b011]);
        for unit in [Unit::Utf16, Unit::CodePoint] {
            check_map(&text, unit);
        }
    }

    #[test]
    fn far_apart_offsets_convert_across_ascii_runs_and_other_characters() {
        // Offsets far apart cross many blocks; the odd characters fall inside words.
        let text = "Plain ASCII words for a while, then é, 😀 and 中文 inside; again. ".repeat(9);
        for step in [7, 13, 29] {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .step_by(step)
                .collect();
            for unit in [Unit::Utf16, Unit::CodePoint] {
                let map = OffsetMap::new(&text, unit);
                for &b in &bounds {
                    let expect = match unit {
                        Unit::Utf16 => text[..b].encode_utf16().count(),
                        Unit::CodePoint => text[..b].chars().count(),
                    };
                    assert_eq!(map.get(b), expect, "offset {b}, step {step}");
                }
            }
        }
    }

    #[test]
    fn lookups_in_any_order_find_the_same_offsets() {
        let text = "é, then 😀 and more words here. ".repeat(5);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(3)
            .collect();
        let map = OffsetMap::new(&text, Unit::Utf16);
        let expect = |b: usize| text[..b].encode_utf16().count();
        // Forward, backward, hopping, and back and forth over a few entries.
        let n = bounds.len();
        let order = (0..n)
            .chain((0..n).rev())
            .chain((0..n).map(|i| i * 7 % n))
            .chain((0..n).flat_map(|i| [i, i.saturating_sub(2), (i + 3).min(n - 1)]));
        for i in order {
            let b = bounds[i];
            assert_eq!(map.get(b), expect(b), "offset {b}");
        }
    }

    #[test]
    fn offsets_convert_to_utf16_and_code_points() {
        for text in ["", "plain", "é👍🏽中文 \r\n x", "😀😀", "a\u{301}b"] {
            check_map(text, Unit::Utf16);
            check_map(text, Unit::CodePoint);
        }
    }

    #[test]
    fn js_result_uses_utf16_offsets() {
        let text = "😀 Mon 5 May";
        let start = text.find('M').unwrap();
        let annotations = Annotations {
            dates: vec![DateMention {
                span: Span::new(start, text.len()),
                timex_type: TimexType::Date,
                value: "XXXX-05-05".into(),
                rule: "test",
            }],
            ..Annotations::default()
        };
        let js = to_js(text, &annotations);
        assert_eq!((js.dates[0].start, js.dates[0].end), (3, 12));
        let eval = to_eval(
            &EvalDoc {
                text: text.into(),
                ..EvalDoc::default()
            },
            &annotations,
        );
        assert_eq!((eval.dates[0].start, eval.dates[0].end), (2, 11));
    }

    #[test]
    fn options_name_the_bad_field() {
        let bad = JsConfig {
            reference_date: Some("19/08/2025".into()),
        }
        .into_config()
        .unwrap_err();
        assert!(bad.starts_with("referenceDate:"), "{bad}");
        let good = JsConfig {
            reference_date: Some("2025-08-19".into()),
        }
        .into_config()
        .unwrap();
        assert_eq!(good.reference_date, CalendarDate::new(2025, 8, 19));
        assert_eq!(
            JsConfig {
                reference_date: Some(" ".into())
            }
            .into_config()
            .unwrap(),
            Config::default()
        );
    }
}
