//! Temporal expressions, normalized to TimeML TIMEX3 values.
//!
//! Owns the date pass: every rule of [`rules::RULES`] that the gate lets through runs once over each
//! paragraph ([`matcher`]; one search per rule, so the pass is linear in the text), overlapping
//! matches are settled longest-first, TimeML modifiers ("about", "early", "the end of") join the
//! extent, and each value is resolved against the reference date (or a dateline the text gives) by
//! [`resolve`]. Nothing here reads the clock.

mod automata;
pub mod matcher;
pub mod resolve;
pub mod rules;

use crate::bit_set::ones;
use crate::sorting;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::annotations::{DateMention, TimexType};
use crate::calendar::CalendarDate;
use crate::lexicon::time_words::{tense_cue, TenseCue};
use crate::segment::Document;
use crate::span::Span;

use matcher::{for_each_match_near, with_search_state, NeedList, RuleGate};
use resolve::{Anchor, Lean, Spec};
use rules::{Context, RULES};

/// A rule's match before overlaps are settled.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    timex_type: TimexType,
    spec: Spec,
    rule: usize,
}

/// How the relative dates of a run of paragraphs are anchored ([`find_in`]).
#[derive(Debug, Clone, Copy)]
pub struct Anchoring(AnchorFrom);

#[derive(Debug, Clone, Copy)]
enum AnchorFrom {
    /// The reference, or failing it a dateline in the run itself: for a run that starts the text.
    ReferenceOrOwnDateline(Option<CalendarDate>),
    /// What [`Anchoring::ahead`] settled for the whole text.
    Settled(Option<Anchor>),
}

/// Paragraphs a dateline may be in that [`Anchoring::ahead`] searches a second time, at most
/// (they are searched again with the rest of their run).
const DATELINE_SEARCH_BYTES: usize = 8 * 1024;

impl Anchoring {
    /// Against `reference`, or failing it a dateline in the run: right for any run of paragraphs
    /// that starts the text, and the one way for a run that is the whole text.
    pub fn reference_or_own_dateline(reference: Option<CalendarDate>) -> Anchoring {
        Anchoring(AnchorFrom::ReferenceOrOwnDateline(reference))
    }

    /// The anchor of the whole of `doc`, settled before its paragraphs are searched in runs
    /// apart: `reference`, or failing it the dateline, found by searching the paragraphs it may be
    /// in (see `dateline`) now. `None` when those are longer than `DATELINE_SEARCH_BYTES`:
    /// the text is then best searched in one run.
    pub fn ahead(doc: &Document, reference: Option<CalendarDate>) -> Option<Anchoring> {
        if let Some(date) = reference {
            return Some(Anchoring(AnchorFrom::Settled(Some(known_year(date)))));
        }
        let limit = dateline_limit(doc);
        let lead = &doc.paragraphs[..doc.paragraphs.partition_point(|p| p.start < limit)];
        if lead.iter().map(|p| p.len()).sum::<usize>() > DATELINE_SEARCH_BYTES {
            return None;
        }
        let chosen = choose(doc.text, scan(doc, lead));
        Some(Anchoring(AnchorFrom::Settled(dateline(doc, &chosen))))
    }
}

fn known_year(date: CalendarDate) -> Anchor {
    Anchor {
        date,
        year_known: true,
    }
}

/// Finds dates, times, durations and sets in `doc`, resolved against `reference`.
///
/// Without a reference, a dateline near the top of the text (`March 27, 2008`, `WASHINGTON, Aug. 19`)
/// anchors relative expressions; failing that, unknown parts stay `X` (`XXXX-08-19`).
pub fn find(doc: &Document, reference: Option<CalendarDate>) -> Vec<DateMention> {
    find_in(
        doc,
        &doc.paragraphs,
        Anchoring::reference_or_own_dateline(reference),
    )
}

/// The dates of `paragraphs`, consecutive paragraphs of `doc`, anchored by `anchoring`. Runs that
/// follow each other give, one after the other, the dates of the text they make up: no rule's
/// match, overlap, modifier or comparison reaches across a paragraph break.
pub fn find_in(doc: &Document, paragraphs: &[Span], anchoring: Anchoring) -> Vec<DateMention> {
    let chosen = choose(doc.text, scan(doc, paragraphs));
    let anchor = match anchoring.0 {
        AnchorFrom::ReferenceOrOwnDateline(Some(date)) => Some(known_year(date)),
        AnchorFrom::ReferenceOrOwnDateline(None) => dateline(doc, &chosen),
        AnchorFrom::Settled(anchor) => anchor,
    };
    let mut mentions: Vec<DateMention> = chosen
        .into_iter()
        .map(|c| DateMention {
            span: c.span,
            timex_type: c.timex_type,
            value: resolve::resolve(&c.spec, anchor, || lean(doc, c.span)),
            rule: RULES[c.rule].name,
        })
        .collect();
    same_quarter_a_year_earlier(doc.text, &mut mentions);
    mentions
}

/// What [`scan`] found: matches, overlaps not yet settled, paragraph by paragraph.
struct Scanned {
    candidates: Vec<Candidate>,
    /// Where each paragraph's candidates end in `candidates` (for the paragraphs with any): no
    /// candidate overlaps one of another paragraph.
    paragraph_ends: Vec<usize>,
}

/// Runs the rules over `paragraphs`, consecutive paragraphs of `doc`.
fn scan(doc: &Document, paragraphs: &[Span]) -> Scanned {
    let text = doc.text;
    let mut candidates = Vec::new();
    let mut paragraph_ends = Vec::new();
    let gate = RuleGate::get();
    let mut needs = NeedList::default();
    with_search_state(|state| {
        state.start_text();
        for &paragraph in paragraphs {
            let para_text = paragraph.text(text);
            let rules = gate.rules_and_needs(para_text, &mut needs);
            for rule in ones(rules) {
                for_each_match_near(rule, para_text, &needs, state, |caps| {
                    let Some(whole) = caps.get(0) else { return };
                    let extent = caps.name("t").or_else(|| caps.name("t2")).unwrap_or(whole);
                    let span = Span::new(
                        paragraph.start + extent.start(),
                        paragraph.start + extent.end(),
                    );
                    // Word boundaries in the patterns are ASCII; a letter of any script next to
                    // the match means it sits inside a word.
                    let glued = text[..paragraph.start + whole.start()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                        || text[paragraph.start + whole.end()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    if span.is_empty() || glued || inside_url(text, span) {
                        return;
                    }
                    let ctx = Context::new(text, span, paragraph);
                    if let Some((timex_type, spec)) = (RULES[rule].build)(caps, &ctx) {
                        let span = Span::new(span.start + ctx.start_shift.get(), span.end);
                        candidates.push(Candidate {
                            span,
                            timex_type,
                            spec,
                            rule,
                        });
                    }
                });
            }
            // (A paragraph without candidates gets no end.)
            if candidates.len() > paragraph_ends.last().copied().unwrap_or(0) {
                paragraph_ends.push(candidates.len());
            }
        }
    });
    Scanned {
        candidates,
        paragraph_ends,
    }
}

/// The matches that stay (the longest of overlapping ones), in text order, with their modifiers.
fn choose(text: &str, scanned: Scanned) -> Vec<Candidate> {
    let mut chosen = select(scanned);
    extend_with_modifiers(text, &mut chosen);
    chosen
}

/// "Sales in the third quarter rose from a year earlier": the comparison is with the quarter just
/// named, a year before, when one is named shortly before in the same paragraph.
fn same_quarter_a_year_earlier(text: &str, mentions: &mut [DateMention]) {
    let is_quarter = |v: &str| {
        v.len() == 7
            && v.as_bytes()[4] == b'-'
            && v.as_bytes()[5] == b'Q'
            && v[..4].parse::<i32>().is_ok()
    };
    for i in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(i);
        let (prev, current) = (&head[i - 1], &mut tail[0]);
        let relative = current.rule == "ago"
            && matches!(prev.rule, "ordinal-quarter" | "the-quarter" | "q-number");
        let gap = &text[prev.span.end..current.span.start];
        if relative
            && is_quarter(&current.value)
            && is_quarter(&prev.value)
            && gap.len() < 200
            && !gap.contains('\n')
        {
            let year: i32 = prev.value[..4].parse().unwrap_or(0);
            current.value = format!("{:04}{}", year - 1, &prev.value[4..]);
        }
    }
}

/// Keeps the longest of overlapping candidates (the earlier rule on ties), sorted by start.
/// Candidates overlap only within a paragraph, so each paragraph's are settled on their own:
/// sorting a few at a time costs less than sorting all of them (on 1 MB of news, 3 700).
fn select(scanned: Scanned) -> Vec<Candidate> {
    let Scanned {
        mut candidates,
        paragraph_ends,
    } = scanned;
    let mut from = 0;
    for &end in &paragraph_ends {
        sorting::sort_by_key(&mut candidates[from..end], |c| {
            (usize::MAX - c.span.len(), c.rule, c.span.start)
        });
        from = end;
    }
    let by_start = |kept: &mut [Candidate]| sorting::sort_by_key(kept, |c| (c.span.start, 0, 0));
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(candidates.len());
    let (mut ends, mut kept_from) = (paragraph_ends.into_iter().peekable(), 0);
    for (i, c) in candidates.into_iter().enumerate() {
        if ends.next_if_eq(&i).is_some() {
            by_start(&mut out[kept_from..]);
            kept_from = out.len();
            taken.clear();
        }
        let before = taken.range(..c.span.end).next_back();
        if before.is_some_and(|(_, &end)| end > c.span.start) {
            continue;
        }
        taken.insert(c.span.start, c.span.end);
        out.push(c);
    }
    by_start(&mut out[kept_from..]);
    out
}

/// The last words of [`MODIFIERS`], without their separator, each once. (Not by sorting: a
/// sort of `&str` would be one more copy of the sorting code in the browser build, 9 KB.)
fn modifier_last_words() -> &'static [&'static str] {
    static LAST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LAST.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        for word in MODIFIERS.iter().map(|m| word_before_separator(m)) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
        words
    })
}

/// The ASCII letters right before `text`'s last byte when that is a space or a hyphen (the
/// separator every modifier ends with), else nothing.
fn word_before_separator(text: &str) -> &str {
    let Some(rest) = text.strip_suffix([' ', '-']) else {
        return "";
    };
    let letters = rest
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    &rest[rest.len() - letters..]
}

/// Words TimeML keeps inside the extent when they come right before an expression.
const MODIFIERS: &[&str] = &[
    "a mere ",
    "about ",
    "almost ",
    "approximately ",
    "around ",
    "at least ",
    "at most ",
    "earlier ",
    "early ",
    "fewer than ",
    "late ",
    "later ",
    "less than ",
    "mid ",
    "mid-",
    "more than ",
    "nearly ",
    "no more than ",
    "roughly ",
    "some ",
    "the beginning of ",
    "the end of ",
    "the middle of ",
    "the start of ",
    "the very beginning of ",
    "the very end of ",
    "up to ",
];

/// Grows each extent leftwards over [`MODIFIERS`] ("early December", "about three years").
fn extend_with_modifiers(text: &str, chosen: &mut [Candidate]) {
    let last_words = modifier_last_words();
    let mut floor = 0;
    for c in chosen.iter_mut() {
        for _ in 0..2 {
            let before = &text[floor..c.span.start];
            // Most dates follow a word no modifier ends with ("on", "in", "the").
            let word = word_before_separator(before);
            if !last_words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                break;
            }
            let Some(m) = MODIFIERS
                .iter()
                .filter(|m| {
                    before.len() >= m.len()
                        && before.is_char_boundary(before.len() - m.len())
                        && before[before.len() - m.len()..].eq_ignore_ascii_case(m)
                })
                .max_by_key(|m| m.len())
            else {
                break;
            };
            let start = c.span.start - m.len();
            let word_start = text[..start]
                .chars()
                .next_back()
                .is_none_or(|ch| !ch.is_alphanumeric());
            if !word_start
                || text[start..c.span.start].eq_ignore_ascii_case("some ")
                    && c.timex_type != TimexType::Duration
            {
                break;
            }
            c.span.start = start;
        }
        floor = c.span.end;
    }
}

/// A dateline near the top of the text: the first full date in the first two paragraphs (or the
/// first 600 bytes), else a month and day there (its year then stays unknown). `chosen` holds at
/// least the dates of the paragraphs that start before [`dateline_limit`], in text order.
fn dateline(doc: &Document, chosen: &[Candidate]) -> Option<Anchor> {
    let limit = dateline_limit(doc);
    let early = chosen.iter().take_while(|c| c.span.start < limit);
    let mut partial = None;
    for c in early {
        if let Spec::Date { year, month, day } = c.spec {
            match year {
                Some(y) => {
                    return CalendarDate::new(y, month, day).map(|date| Anchor {
                        date,
                        year_known: true,
                    })
                }
                None if partial.is_none() => {
                    partial = CalendarDate::new(2000, month, day).map(|date| Anchor {
                        date,
                        year_known: false,
                    });
                }
                None => {}
            }
        }
    }
    partial
}

/// The byte before which a dateline's date starts.
fn dateline_limit(doc: &Document) -> usize {
    doc.paragraphs.get(1).map_or(600, |p| p.end.max(600))
}

/// True when the span sits inside a URL or an e-mail address.
///
/// The chunk around the span ends at white space of any width (a no-break space is two bytes).
fn inside_url(text: &str, span: Span) -> bool {
    let from = text.ceil_char_boundary(span.start.saturating_sub(200));
    let to = text.floor_char_boundary(span.end + 200);
    let start = text[from..span.start]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let end = text[span.end..to]
        .find(char::is_whitespace)
        .map_or(to, |i| span.end + i);
    has_url_mark(&text.as_bytes()[start..end])
}

/// True when `chunk` holds `://`, `www.`, `.com/`, `.org/`, `.html` or `@`: one pass that
/// looks further only at the bytes those start with.
fn has_url_mark(chunk: &[u8]) -> bool {
    (0..chunk.len()).any(|at| {
        let rest = &chunk[at..];
        match rest[0] {
            b'@' => true,
            b':' => rest.starts_with(b"://"),
            b'w' => rest.starts_with(b"www."),
            b'.' => {
                rest.starts_with(b".com/")
                    || rest.starts_with(b".org/")
                    || rest.starts_with(b".html")
            }
            _ => false,
        }
    })
}

/// The tense around `span`: the nearest cue word in its sentence, looking back up to eight words
/// and ahead up to four.
fn lean(doc: &Document, span: Span) -> Lean {
    let sentence = match doc.sentences.binary_search_by(|s| s.start.cmp(&span.start)) {
        Ok(i) => doc.sentences[i],
        Err(0) => return Lean::Neutral,
        Err(i) => doc.sentences[i - 1],
    };
    let ctx = Context::new(doc.text, span, sentence);
    let before = ctx.words_before(8);
    let after = ctx.words_after(4);
    let nearest = |classify: &dyn Fn(&str) -> Option<Lean>| -> Option<Lean> {
        for (i, w) in before.iter().rev().enumerate() {
            if let Some(l) = classify(w) {
                // A cue right after is as near as one before.
                return after.iter().take(i).find_map(|w| classify(w)).or(Some(l));
            }
        }
        after.iter().find_map(|w| classify(w))
    };
    let explicit = |w: &str| -> Option<Lean> {
        let w = trim_word(w);
        if ends_with_ignore_case(w, "'ll") || ends_with_ignore_case(w, "\u{2019}ll") {
            return Some(Lean::Future);
        }
        tense_cue(w).map(|cue| match cue {
            TenseCue::Future => Lean::Future,
            TenseCue::Past => Lean::Past,
        })
    };
    // A past form ending in -ed counts only close before the expression ("arrived Monday").
    let past_form = before.iter().rev().take(4).any(|w| {
        let w = trim_word(w);
        w.len() > 4 && ends_with_ignore_case(w, "ed") && !ends_with_ignore_case(w, "eed")
    });
    nearest(&explicit)
        .or(past_form.then_some(Lean::Past))
        .unwrap_or(Lean::Neutral)
}

/// `w` without the punctuation around it (apostrophes stay: `they'll`).
fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
}

/// True when `w` ends with `end`, ignoring ASCII case.
fn ends_with_ignore_case(w: &str, end: &str) -> bool {
    let (w, end) = (w.as_bytes(), end.as_bytes());
    w.len() >= end.len() && w[w.len() - end.len()..].eq_ignore_ascii_case(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn reference() -> Option<CalendarDate> {
        CalendarDate::parse_iso("2025-08-19")
    }

    #[test]
    fn overlaps_are_settled_within_each_paragraph_and_kept_in_text_order() {
        let text = "Talks end on Friday, March 7, 2025, in May or next May.\n\n\
                    Next Tuesday the year 2024 came up, and 2024-03-05.\n\nNo date.";
        let doc = segment(text);
        let dates = find(&doc, reference());
        let found: Vec<(&str, &str)> = dates
            .iter()
            .map(|d| (d.span.text(text), d.value.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Friday, March 7, 2025", "2025-03-07"),
                ("May", "2026-05"),
                ("next May", "2026-05"),
                ("Next Tuesday", "2025-08-26"),
                ("2024", "2024"),
                ("2024-03-05", "2024-03-05"),
            ]
        );
    }

    /// Every modifier ends with a word and a separator, so that the word before a date tells
    /// which modifiers may precede it.
    #[test]
    fn modifiers_end_with_a_word_and_a_separator() {
        for m in MODIFIERS {
            let word = word_before_separator(m);
            // (Only a text ending with a separator has a word before it.)
            assert!(!word.is_empty(), "{m:?}");
            assert!(modifier_last_words().contains(&word), "{m:?}");
        }
        let words = modifier_last_words();
        assert!(
            (0..words.len()).all(|i| !words[..i].contains(&words[i])),
            "{words:?}"
        );
        assert_eq!(word_before_separator("said at least "), "least");
        assert_eq!(word_before_separator("in the mid-"), "mid");
        assert_eq!(word_before_separator("on"), "");
        assert_eq!(word_before_separator("caf\u{e9} "), "");
        assert_eq!(word_before_separator(""), "");
    }

    #[test]
    fn url_marks() {
        for chunk in [
            "https://x.org/2024/05/01",
            "www.example",
            "news.com/2024",
            "site.org/may",
            "page.html",
            "me@example",
            "a@",
        ] {
            assert!(has_url_mark(chunk.as_bytes()), "{chunk}");
        }
        for chunk in [
            "", "May 5.", "2024:", "ww.", ".co/", "html", ".htm", "1:30", "w", ".",
        ] {
            assert!(!has_url_mark(chunk.as_bytes()), "{chunk}");
        }
        let text = "See https://example.com/2024/05/01 on May 5, 2024.";
        let dates: Vec<_> = find(&segment(text), reference())
            .iter()
            .map(|d| d.span.text(text).to_string())
            .collect();
        assert_eq!(dates, ["May 5, 2024"]);
    }

    /// Renders the mentions found in `input` as `text=TYPE value` lines.
    fn render(input: &str, reference: Option<CalendarDate>) -> String {
        find(&segment(input), reference)
            .iter()
            .map(|m| {
                format!(
                    "{}={} {}",
                    m.span.text(input),
                    m.timex_type.as_str(),
                    m.value
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn check(input: &str, expect: &str) {
        assert_eq!(render(input, reference()), expect, "{input}");
    }

    #[test]
    fn wide_white_space_before_a_date() {
        check(
            "Seen\u{a0}on March 5, 2024.",
            "March 5, 2024=DATE 2024-03-05",
        );
        check(
            "See\u{a0}www.example.com/2024 today",
            "today=DATE 2025-08-19",
        );
    }

    #[test]
    fn the_gate_lets_through_only_rules_whose_needs_appear() {
        let gate = RuleGate::get();
        let names = |text: &str| {
            let rules = gate.rules_for(text);
            RULES
                .iter()
                .enumerate()
                .filter(|(i, _)| rules & (1 << i) != 0)
                .map(|(_, r)| r.name)
                .collect::<Vec<_>>()
        };
        assert!(names("He said so, and left.").is_empty());
        assert!(names("in 1999").contains(&"year"));
        assert!(!names("in 1999").contains(&"month"));
        assert!(names("on Tuesday").contains(&"weekday"));
        // Month names count as written: `may` is no need, `Mayor` is (no rule matches it).
        assert!(!names("the mayor said he may go").contains(&"month"));
        assert!(names("the Mayor said").contains(&"month"));
    }

    #[test]
    fn every_rule_example_resolves() {
        let mut names = crate::fast_hash::FastSet::default();
        for rule in RULES {
            assert!(names.insert(rule.name), "duplicate rule name {}", rule.name);
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.name
            );
            assert!(!rule.examples.is_empty(), "{} has no examples", rule.name);
            assert!(!rule.needs.is_empty(), "{} needs nothing", rule.name);
            for (text, expect) in rule.examples {
                let found = find(&segment(text), reference());
                assert!(
                    found
                        .iter()
                        .any(|m| m.rule == rule.name && m.value == *expect),
                    "rule {}: {text:?} should give {expect}, got {:?}",
                    rule.name,
                    found
                        .iter()
                        .map(|m| (m.rule, m.span.text(text), m.value.as_str()))
                        .collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn extents_follow_timeml() {
        check(
            "It fell about three years ago.",
            "about three years ago=DATE 2022",
        );
        check(
            "They will meet in early December.",
            "early December=DATE 2025-12",
        );
        check(
            "He arrived Tuesday morning.",
            "Tuesday morning=TIME 2025-08-19TMO",
        );
        check(
            "The index fell for the past three years.",
            "the past three years=DURATION P3Y",
        );
    }

    #[test]
    fn tense_picks_the_weekday() {
        check("The vote will be held on Friday.", "Friday=DATE 2025-08-22");
        check(
            "He said on Friday that it was over.",
            "Friday=DATE 2025-08-15",
        );
    }

    #[test]
    fn weak_readings_need_context() {
        check("You may leave. Theresa May spoke.", "");
        check(
            "Troops march on. March 5 was cold.",
            "March 5=DATE 2025-03-05",
        );
        check(
            "Apollo 11 carried 1,990 people; call 555-2025 or see Bill 2025.",
            "",
        );
        check(
            "The score was 3-1 at http://example.com/2024/05/01/story.",
            "",
        );
        check(
            "Code \u{e9}2020 and Monday\u{e9} stay words; \u{2014}2019 counts.",
            "2019=DATE 2019",
        );
    }

    /// The words around a bare four-digit number that tell a year from a label, a clock time or
    /// part of a name (`date_neighbours.tsv`).
    #[test]
    fn a_bare_year_reads_its_neighbours() {
        check(
            "Flight 1549 took Route 1960, see page 1998; we meet at 1900.",
            "",
        );
        check("It sold 2000 copies and ran Windows 2000.", "");
        check(
            "He left. Fiscal 2025 was weak. The 2019 season ended. In 2018 it rained.",
            "Fiscal 2025=DATE 2025; 2019=DATE 2019; 2018=DATE 2018",
        );
    }

    #[test]
    fn dateline_anchors_without_reference() {
        let text = "March 27, 2008\nThe deal was signed yesterday.";
        assert_eq!(
            render(text, None),
            "March 27, 2008=DATE 2008-03-27; yesterday=DATE 2008-03-26"
        );
        let text = "WASHINGTON, Aug. 19 (AP) -- The bill passed on Monday.";
        assert_eq!(
            render(text, None),
            "Aug. 19=DATE XXXX-08-19; Monday=DATE XXXX-WXX-1"
        );
        assert_eq!(render("It ended in June.", None), "June=DATE XXXX-06");
    }
}
