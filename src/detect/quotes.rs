//! Quotation candidates: spans between matching quotation marks.
//!
//! Owns which characters open and close a quotation and how they pair up: curly and straight double
//! quotes, single quotes told apart from apostrophes, guillemets, low-9 marks and TeX-style
//! ``…'' pairs, mismatched marks (`“…"`), nested quotes (kept inside their outer quote) and quotes
//! that run over several paragraphs. It does not decide whether a quotation is speech or who said
//! it; `attribute::speakers` does.
//!
//! Marks pair up within one paragraph. A paragraph that opens a quote without closing it ends the
//! quote there; when the next paragraph opens a quote again, that quote is marked as continuing it
//! (news style for a quotation over several paragraphs). A quote that never closes and is not
//! continued is reported in [`QuoteScan::notes`].

use crate::annotations::Note;
use crate::lanes::{equal_lanes, first_marked};
use crate::segment::Document;
use crate::span::Span;

/// Quotation candidates and notes about unbalanced marks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteScan {
    /// Candidates in text order.
    pub quotes: Vec<QuoteCandidate>,
    /// Remarks such as an unbalanced mark.
    pub notes: Vec<Note>,
}

/// A quoted stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCandidate {
    /// The words inside the marks.
    pub span: Span,
    /// The words with their marks.
    pub outer: Span,
    /// The kind of mark that opened it.
    pub style: QuoteStyle,
    /// Index of its paragraph in `Document::paragraphs`.
    pub paragraph: usize,
    /// True when it goes on with a quote that the previous paragraph left open.
    pub continues: bool,
    /// True when a closing mark ends it (false when it runs to the end of its paragraph).
    pub closed: bool,
}

/// The kind of mark that opens a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteStyle {
    /// “curly double”
    Curly,
    /// "straight double"
    Straight,
    /// ‘single’ or 'single'
    Single,
    /// « guillemets » or ‹ single guillemets ›
    Guillemet,
    /// „low-9“ or ‚low-9‘
    LowNine,
    /// ``TeX-style'' or ''doubled apostrophes''
    Tex,
}

/// Which way a mark faces, judged from its neighbours and, failing that, from its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    double: bool,
    facing: Facing,
    style: QuoteStyle,
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// True when `b` can be the first byte of a mark's UTF-8: the ASCII marks, and the lead bytes
/// of U+00AB/U+00BB (`C2`) and of U+2018–U+203A (`E2`).
fn may_start_mark(b: u8) -> bool {
    MARK_LEADS[b as usize]
}

/// The bytes [`may_start_mark`] is true of.
const MARK_LEAD_BYTES: [u8; 5] = [b'"', b'\'', b'`', 0xC2, 0xE2];

/// [`may_start_mark`] as a table, one entry per byte value: one load a byte instead of five
/// comparisons, for the last bytes of a paragraph.
static MARK_LEADS: [bool; 256] = {
    let mut leads = [false; 256];
    let mut i = 0;
    while i < MARK_LEAD_BYTES.len() {
        leads[MARK_LEAD_BYTES[i] as usize] = true;
        i += 1;
    }
    leads
};

/// The lanes of `word` holding a byte [`may_start_mark`] is true of, eight bytes at a time.
fn mark_lead_lanes(word: u64) -> u64 {
    MARK_LEAD_BYTES
        .iter()
        .fold(0, |found, &b| found | equal_lanes(word, b))
}

/// True when a character before a mark lets the mark open a quote (space, bracket, dash …).
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
                )
        }
    }
}

/// True when a character after a mark lets the mark close a quote (space or punctuation).
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | '\u{2026}'
                )
        }
    }
}

/// The marks of one paragraph, apostrophes left out.
fn marks(text: &str, paragraph: Span) -> Vec<Mark> {
    let s = paragraph.text(text);
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut next = 0;
    // Only the bytes a mark can start with are decoded (an ASCII mark, or the lead byte of one).
    loop {
        let at = first_marked(bytes, next, mark_lead_lanes, may_start_mark);
        if at == bytes.len() {
            break;
        }
        let Some(c) = s[at..].chars().next() else {
            break;
        };
        next = at + c.len_utf8();
        if !is_mark_char(c) {
            continue;
        }
        // Two ASCII apostrophes or two backticks make one double mark.
        let pair = matches!(c, '\'' | '`') && bytes.get(next) == Some(&bytes[at]);
        if pair {
            next += 1;
        }
        let len = if pair { 2 } else { c.len_utf8() };
        let (head, tail) = (&s[..at], &s[at + len..]);
        // Neighbours, looking past adjacent marks (`'”` closes two quotes at once).
        let before = head.chars().rev().take(4).find(|&c| !is_mark_char(c));
        let before_direct = head.chars().next_back();
        let after = tail.chars().take(4).find(|&c| !is_mark_char(c));
        let after_direct = tail.chars().next();
        let word_before = before_direct.is_some_and(char::is_alphanumeric);
        let word_after = after_direct.is_some_and(char::is_alphanumeric);
        let single = !pair
            && matches!(
                c,
                '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}'
            );
        if single && matches!(c, '\'' | '\u{2019}') {
            // Apostrophes: don’t, Trump's, ’90s, rock 'n' roll.
            if word_before && word_after {
                continue;
            }
            if !word_before
                && after_direct.is_some_and(|d| d.is_ascii_digit())
                && opens_after(before_direct)
            {
                continue;
            }
        }
        if c == '`' && !pair {
            continue;
        }
        let can_open = opens_after(before) && !closes_before(after);
        let can_close = !opens_after(before) && closes_before(after);
        let shape = match c {
            '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{2018}' | '\u{201A}' | '\u{201B}'
            | '\u{00AB}' | '\u{2039}' | '`' => Facing::Open,
            '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}' => Facing::Close,
            _ => Facing::Either,
        };
        let facing = match (can_open, can_close) {
            (true, false) => Facing::Open,
            (false, true) => Facing::Close,
            _ => shape,
        };
        let style = match c {
            '\u{201C}' | '\u{201D}' | '\u{201F}' => QuoteStyle::Curly,
            '"' => QuoteStyle::Straight,
            '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' => QuoteStyle::Guillemet,
            '\u{201E}' | '\u{201A}' => QuoteStyle::LowNine,
            _ if pair => QuoteStyle::Tex,
            _ => QuoteStyle::Single,
        };
        out.push(Mark {
            at: paragraph.start + at,
            len,
            double: !single,
            facing,
            style,
        });
    }
    out
}

/// A quote opened in a paragraph and not yet closed.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
}

/// The note for a quotation mark at byte `at` that never closes; its span covers the whole mark.
fn unbalanced_note(text: &str, at: usize) -> Note {
    let mark_len = text[at..].chars().next().map_or(0, char::len_utf8);
    Note {
        span: Some(Span::new(at, at + mark_len)),
        message: "unbalanced quote: this mark never closes, so the quote ends with its paragraph"
            .to_string(),
    }
}

/// Finds quotations in `doc`.
pub fn find(doc: &Document) -> QuoteScan {
    let text = doc.text;
    let mut scan = QuoteScan::default();
    // Index in `scan.quotes` of a quote left open at the end of the previous paragraph.
    let mut left_open: Option<usize> = None;
    for (paragraph_idx, &paragraph) in doc.paragraphs.iter().enumerate() {
        let first_in_paragraph = scan.quotes.len();
        let mut double: Option<Open> = None;
        let mut single: Option<Open> = None;
        for mark in marks(text, paragraph) {
            if mark.double {
                match double {
                    None => {
                        if mark.facing == Facing::Close {
                            continue; // a stray closing mark
                        }
                        double = Some(Open { mark });
                        single = None;
                    }
                    Some(open) => {
                        if mark.facing == Facing::Open {
                            // A new quote opens before the last one closed: end the last one here.
                            push(&mut scan, text, open.mark, mark.at, None, paragraph_idx);
                            double = Some(Open { mark });
                        } else {
                            push(
                                &mut scan,
                                text,
                                open.mark,
                                mark.at,
                                Some(mark),
                                paragraph_idx,
                            );
                            double = None;
                        }
                    }
                }
            } else if double.is_none() {
                // Single quotes count only outside double quotes; inside they are nested quotes.
                match (single, mark.facing) {
                    (None, Facing::Close) => {}
                    (None, _) => single = Some(Open { mark }),
                    (Some(_), Facing::Open) => single = Some(Open { mark }),
                    (Some(open), _) => {
                        push(
                            &mut scan,
                            text,
                            open.mark,
                            mark.at,
                            Some(mark),
                            paragraph_idx,
                        );
                        single = None;
                    }
                }
            }
        }
        // A quote that the previous paragraph left open goes on if this paragraph opens with a mark.
        if let Some(prev) = left_open.take() {
            let continued = scan
                .quotes
                .get(first_in_paragraph)
                .is_some_and(|q| q.outer.start == paragraph.start);
            if continued {
                scan.quotes[first_in_paragraph].continues = true;
            } else {
                scan.notes
                    .push(unbalanced_note(text, scan.quotes[prev].outer.start));
            }
        }
        if let Some(open) = double {
            if push(
                &mut scan,
                text,
                open.mark,
                paragraph.end,
                None,
                paragraph_idx,
            ) {
                left_open = Some(scan.quotes.len() - 1);
            }
        }
    }
    if let Some(prev) = left_open {
        scan.notes
            .push(unbalanced_note(text, scan.quotes[prev].outer.start));
    }
    scan
}

/// Adds the quote from `open` to `end` (the closing mark's start, or where it stops without one).
/// Returns false when nothing but punctuation lies inside.
fn push(
    scan: &mut QuoteScan,
    text: &str,
    open: Mark,
    end: usize,
    close: Option<Mark>,
    paragraph: usize,
) -> bool {
    let inner = Span::new(open.at + open.len, end).trim(text);
    if !inner.text(text).chars().any(char::is_alphanumeric) {
        return false;
    }
    let outer_end = close.map_or(inner.end, |c| c.at + c.len);
    scan.quotes.push(QuoteCandidate {
        span: inner,
        outer: Span::new(open.at, outer_end),
        style: open.style,
        paragraph,
        continues: false,
        closed: close.is_some(),
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// Renders each found quote as `[inner]`, plus `+` when it continues and `!` when unclosed.
    fn check(input: &str, expect: &[&str]) {
        let doc = segment(input);
        let scan = find(&doc);
        let got: Vec<String> = scan
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "{}{}{}",
                    if q.continues { "+" } else { "" },
                    q.span.text(input),
                    if q.closed { "" } else { "!" }
                )
            })
            .collect();
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn the_byte_skip_stops_at_every_mark() {
        let mut buf = [0; 4];
        let mut leads = [false; 256];
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_mark_char(c))
        {
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_start_mark(first), "{c:?} starts with {first:#x}");
            leads[first as usize] = true;
        }
        // And it stops at nothing else that way: each byte it stops at starts some mark.
        assert_eq!(leads, MARK_LEADS);
        check("é“yes”ü «oui» ‚ja‘ ''two''", &["yes", "oui", "ja", "two"]);
    }

    #[test]
    fn every_style_of_mark() {
        check("He said “yes” and \"no\".", &["yes", "no"]);
        check("Elle a dit « non » hier.", &["non"]);
        check("Er sagte „nein“ dazu.", &["nein"]);
        check("``We will,'' he said.", &["We will,"]);
        check("''We will,'' he said.", &["We will,"]);
        check("She called it ‘absurd’ and 'silly'.", &["absurd", "silly"]);
        check(
            "A “mixed pair\" here, and “again“ said.",
            &["mixed pair", "again"],
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        check("Don’t ask about the ’90s or the players’ union.", &[]);
        check("Trump's aides and the '90s. ‘bout time.", &[]);
        check(
            "Cruz Has ‘To Come a Long Way’ On Ethanol",
            &["To Come a Long Way"],
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        check(
            "“He said, ‘do this, do that,’ to me,” she said.",
            &["He said, ‘do this, do that,’ to me,"],
        );
        check(
            "\"It feels like, 'Meh,'\" he said.",
            &["It feels like, 'Meh,'"],
        );
    }

    #[test]
    fn quotes_over_paragraphs() {
        check(
            "He said:\n\n“First part.\n\n“Second part.”\n\nDone.",
            &["First part.!", "+Second part."],
        );
        let doc = segment("“Never closed.\n\nPlain text.");
        let scan = find(&doc);
        assert_eq!(scan.quotes.len(), 1);
        assert!(scan.notes[0].message.starts_with("unbalanced quote"));
        assert_eq!(scan.notes[0].span, Some(Span::new(0, '“'.len_utf8())));
    }

    #[test]
    fn a_new_opening_mark_ends_an_unclosed_quote() {
        check(
            "of being “a lot like others “that tax cuts work.”",
            &["a lot like others!", "that tax cuts work."],
        );
    }

    #[test]
    fn junk_does_not_panic() {
        check("\"\"''“”‘’«»", &[]);
        check("\"", &[]);
        check("", &[]);
    }
}
