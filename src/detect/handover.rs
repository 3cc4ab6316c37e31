//! The second part of the detectors' work ([`There`]) as bytes: how one WebAssembly instance hands
//! what it found to another (the browser's second worker to the first, see `two_parts`).
//!
//! Owns the format: little-endian `u32`s, a string as its byte length and UTF-8 bytes, an enum
//! as its index in one table here, an `Option` as 0 or 1 before the value. A header names the
//! format, the text's length and where the parts were cut, so that a part found for another text
//! or cut elsewhere is refused. Reading never trusts the bytes: every span must lie on character
//! boundaries inside the text and every paragraph index inside the document, or the whole part is
//! refused with a message (the caller then finds it itself).

use super::people::{CandidateKind, Cue, PersonCandidate};
use super::quotes::{QuoteCandidate, QuoteScan, QuoteStyle};
use super::{dates::rules::RULES, Parts, There};
use crate::annotations::{DateMention, Gender, Note, TimexType};
use crate::segment::Document;
use crate::span::Span;

/// The first word: the format and its version ("AAp" and 1).
const FORMAT: u32 = u32::from_le_bytes(*b"AAp\x01");

const QUOTE_STYLES: [QuoteStyle; 6] = [
    QuoteStyle::Curly,
    QuoteStyle::Straight,
    QuoteStyle::Single,
    QuoteStyle::Guillemet,
    QuoteStyle::LowNine,
    QuoteStyle::Tex,
];
const CANDIDATE_KINDS: [CandidateKind; 2] = [CandidateKind::Name, CandidateKind::Role];
const CUES: [Cue; 8] = [
    Cue::Title,
    Cue::FirstName,
    Cue::Initials,
    Cue::Context,
    Cue::Byline,
    Cue::List,
    Cue::Known,
    Cue::Role,
];
const GENDERS: [Gender; 2] = [Gender::Male, Gender::Female];
const TIMEX_TYPES: [TimexType; 4] = [
    TimexType::Date,
    TimexType::Time,
    TimexType::Duration,
    TimexType::Set,
];

/// `there`, found in `doc` cut as `parts`, as bytes for [`decode`].
pub fn encode(there: &There, doc: &Document, parts: Parts) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(
        64 + there.quotes.quotes.len() * 28 + there.people.len() * 40 + there.dates.len() * 24,
    ));
    out.u32(FORMAT);
    out.number(doc.text.len());
    out.number(parts.dates_split());
    out.number(there.quotes.quotes.len());
    for q in &there.quotes.quotes {
        out.span(&q.span);
        out.span(&q.outer);
        out.index(&QUOTE_STYLES, &q.style);
        out.number(q.paragraph);
        out.u32(u32::from(q.continues) | u32::from(q.closed) << 1);
    }
    out.number(there.quotes.notes.len());
    for note in &there.quotes.notes {
        out.option(note.span.as_ref(), Writer::span);
        out.string(&note.message);
    }
    out.number(there.people.len());
    for p in &there.people {
        out.span(&p.span);
        out.index(&CANDIDATE_KINDS, &p.kind);
        out.option(p.title.as_ref(), Writer::span);
        out.option(p.gender.as_ref(), |w, g| w.index(&GENDERS, g));
        out.index(&CUES, &p.cue);
        out.number(p.n_words);
        out.option(p.known_from.as_ref(), |w, c| w.index(&CUES, c));
    }
    out.number(there.dates.len());
    for d in &there.dates {
        out.span(&d.span);
        out.index(&TIMEX_TYPES, &d.timex_type);
        out.string(&d.value);
        out.u32(
            RULES
                .iter()
                .position(|r| r.name == d.rule)
                .map_or(u32::MAX, |k| k as u32),
        );
    }
    out.0
}

/// The part [`encode`] wrote for `doc` cut as `parts`, or why it is refused.
pub fn decode(bytes: &[u8], doc: &Document, parts: Parts) -> Result<There, String> {
    let mut r = Reader { bytes, at: 0, doc };
    if r.u32()? != FORMAT {
        return Err("not a part in this format".into());
    }
    if r.number()? != doc.text.len() || r.number()? != parts.dates_split() {
        return Err("a part of another text, or cut elsewhere".into());
    }
    let quotes = r.list(|r| {
        let (span, outer, style, paragraph, flags) = (
            r.span()?,
            r.span()?,
            *r.entry_of(&QUOTE_STYLES)?,
            r.paragraph()?,
            r.u32()?,
        );
        Ok(QuoteCandidate {
            span,
            outer,
            style,
            paragraph,
            continues: flags & 1 != 0,
            closed: flags & 2 != 0,
        })
    })?;
    let notes = r.list(|r| {
        Ok(Note {
            span: r.option(Reader::span)?,
            message: r.string()?,
        })
    })?;
    let people = r.list(|r| {
        Ok(PersonCandidate {
            span: r.span()?,
            kind: *r.entry_of(&CANDIDATE_KINDS)?,
            title: r.option(Reader::span)?,
            gender: r.option(|r| r.entry_of(&GENDERS).copied())?,
            cue: *r.entry_of(&CUES)?,
            n_words: r.number()?,
            known_from: r.option(|r| r.entry_of(&CUES).copied())?,
        })
    })?;
    let dates = r.list(|r| {
        Ok(DateMention {
            span: r.span()?,
            timex_type: *r.entry_of(&TIMEX_TYPES)?,
            value: r.string()?,
            rule: r.entry_of(RULES)?.name,
        })
    })?;
    if r.at != bytes.len() {
        return Err(format!("{} bytes left over", bytes.len() - r.at));
    }
    Ok(There {
        quotes: QuoteScan { quotes, notes },
        people,
        dates,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    /// A count, offset or index: at most `u32::MAX - 1`, the largest a tokenized text has (a
    /// larger one is written as `u32::MAX`, which no text or list matches).
    fn number(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }

    fn span(&mut self, span: &Span) {
        self.number(span.start);
        self.number(span.end);
    }

    /// `value`'s index in `table` (`u32::MAX`, refused on reading, should it be missing).
    fn index<T: PartialEq>(&mut self, table: &[T], value: &T) {
        self.number(table.iter().position(|t| t == value).unwrap_or(usize::MAX));
    }

    fn option<T>(&mut self, value: Option<&T>, write: impl FnOnce(&mut Writer, &T)) {
        self.u32(u32::from(value.is_some()));
        if let Some(v) = value {
            write(self, v);
        }
    }

    fn string(&mut self, s: &str) {
        self.number(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'b, 'd, 't> {
    bytes: &'b [u8],
    at: usize,
    doc: &'d Document<'t>,
}

impl Reader<'_, '_, '_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("cut short at byte {}", self.at))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn number(&mut self) -> Result<usize, String> {
        Ok(self.u32()? as usize)
    }

    fn span(&mut self) -> Result<Span, String> {
        let (start, end) = (self.number()?, self.number()?);
        let text = self.doc.text;
        if start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!("span {start}..{end} is not in the text"));
        }
        Ok(Span::new(start, end))
    }

    fn paragraph(&mut self) -> Result<usize, String> {
        let k = self.number()?;
        if k >= self.doc.paragraphs.len() {
            return Err(format!("paragraph {k} is not in the document"));
        }
        Ok(k)
    }

    fn entry_of<'a, T>(&mut self, table: &'a [T]) -> Result<&'a T, String> {
        let k = self.number()?;
        table
            .get(k)
            .ok_or_else(|| format!("no value {k} in a table of {}", table.len()))
    }

    fn option<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        match self.u32()? {
            0 => Ok(None),
            1 => read(self).map(Some),
            other => Err(format!("{other} where an option's flag belongs")),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.number()?;
        let bytes = self.take(n)?.to_vec();
        String::from_utf8(bytes).map_err(|_| "a string that is not UTF-8".into())
    }

    /// A count, then that many items. Room is made only for as many as the bytes left can hold
    /// (an item takes at least 4), so a bad count cannot ask for much memory.
    fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let n = self.number()?;
        let mut items = Vec::with_capacity(n.min((self.bytes.len() - self.at) / 4));
        for _ in 0..n {
            items.push(read(self)?);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarDate;
    use crate::detect::find_there;
    use crate::segment::segment;

    /// Long enough (over 2 KB) for the parts' dates to be cut after its first paragraphs.
    fn news() -> String {
        format!(
            "{NEWS}\n\n{}\n\nShe left \u{201C}for good",
            [NEWS_MORE; 16].join("\n\n")
        )
    }

    const NEWS_MORE: &str =
        "\"Rates stay,\" said Ana Ruiz in Madrid on Friday, June 3. Two weeks later \
        she resigned.";

    const NEWS: &str = "WASHINGTON, March 3, 2024 \u{2014} Talks went on.\n\n\u{201C}We will meet again next \
        Tuesday,\u{201D} Prime Minister Jane Porter told reporters. \"It is early,\" she said.\n\n\
        Mr. Adams, 42, said on Monday that talks began two years ago in Paris. \u{201E}Nein\u{201C}, \
        sagte Frau M\u{fc}ller.";

    fn cut(doc: &Document) -> Parts {
        Parts::split(doc, CalendarDate::parse_iso("2025-08-19"))
    }

    /// Every variant of every table, so that a variant added to an enum and not to its table
    /// fails to compile here.
    #[test]
    fn every_table_holds_every_variant_once() {
        fn distinct<T: PartialEq>(table: &[T]) -> bool {
            table
                .iter()
                .enumerate()
                .all(|(k, t)| table.iter().position(|u| u == t) == Some(k))
        }
        for style in QUOTE_STYLES {
            match style {
                QuoteStyle::Curly
                | QuoteStyle::Straight
                | QuoteStyle::Single
                | QuoteStyle::Guillemet
                | QuoteStyle::LowNine
                | QuoteStyle::Tex => {}
            }
        }
        for cue in CUES {
            match cue {
                Cue::Title
                | Cue::FirstName
                | Cue::Initials
                | Cue::Context
                | Cue::Byline
                | Cue::List
                | Cue::Known
                | Cue::Role => {}
            }
        }
        assert!(distinct(&QUOTE_STYLES) && distinct(&CUES) && distinct(&CANDIDATE_KINDS));
        assert!(distinct(&GENDERS) && distinct(&TIMEX_TYPES));
        assert_eq!(QUOTE_STYLES.len(), 6);
        assert_eq!(CUES.len(), 8);
        let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        assert!(names
            .iter()
            .enumerate()
            .all(|(k, n)| names.iter().position(|m| m == n) == Some(k)));
    }

    #[test]
    fn a_part_reads_back_as_it_was_found() {
        let text = news();
        let doc = segment(&text);
        let parts = cut(&doc);
        let there = find_there(&doc, parts);
        assert!(!there.dates.is_empty());
        assert!(there.quotes.quotes.len() >= 3 && !there.quotes.notes.is_empty());
        assert!(there
            .people
            .iter()
            .any(|p| p.gender.is_some() && p.title.is_some()));
        let mut there = there;
        // A date of every type, in case the text lacks one.
        for (k, timex_type) in TIMEX_TYPES.into_iter().enumerate() {
            there.dates.push(DateMention {
                span: Span::new(k, k + 1),
                timex_type,
                value: format!("P{k}D \u{fc}"),
                rule: RULES[k].name,
            });
        }
        let bytes = encode(&there, &doc, parts);
        assert_eq!(decode(&bytes, &doc, parts), Ok(there));
    }

    #[test]
    fn a_part_of_another_text_or_cut_elsewhere_is_refused() {
        let text = news();
        let doc = segment(&text);
        let parts = cut(&doc);
        assert!(parts.dates_split() > 0 && parts.dates_split() < doc.paragraphs.len());
        let bytes = encode(&find_there(&doc, parts), &doc, parts);
        let shorter = segment(&text[..text.len() - 1]);
        assert!(decode(&bytes, &shorter, cut(&shorter)).is_err());
        let whole = Parts::whole(&doc, None);
        assert!(decode(&bytes, &doc, whole)
            .unwrap_err()
            .contains("cut elsewhere"));
        assert!(decode(b"", &doc, parts).is_err());
        assert!(decode(&[bytes.as_slice(), &[0]].concat(), &doc, parts).is_err());
    }

    /// Cut short anywhere or with any byte changed, a part is refused or read as some part whose
    /// every span lies on character boundaries in the text: never a panic.
    #[test]
    fn damaged_bytes_never_panic_and_never_give_a_span_outside_the_text() {
        let text = news();
        let doc = segment(&text);
        let parts = cut(&doc);
        let bytes = encode(&find_there(&doc, parts), &doc, parts);
        let in_text = |s: &Span| {
            s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        };
        let check = |damaged: &[u8]| {
            if let Ok(there) = decode(damaged, &doc, parts) {
                assert!(there
                    .quotes
                    .quotes
                    .iter()
                    .all(|q| in_text(&q.span) && in_text(&q.outer)));
                assert!(there
                    .quotes
                    .quotes
                    .iter()
                    .all(|q| q.paragraph < doc.paragraphs.len()));
                assert!(there.people.iter().all(|p| in_text(&p.span)));
                assert!(there.dates.iter().all(|d| in_text(&d.span)));
            }
        };
        for end in 0..bytes.len() {
            assert!(decode(&bytes[..end], &doc, parts).is_err());
        }
        for at in 0..bytes.len() {
            for value in [0, 1, 0x7f, 0xff] {
                let mut damaged = bytes.clone();
                damaged[at] = value;
                check(&damaged);
            }
        }
    }
}
