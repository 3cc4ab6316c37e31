//! Properties that hold for every input: `annotate` does not panic, is deterministic, and every span it
//! returns lies in the text on character boundaries, is non-empty and comes in text order; offset
//! conversions (UTF-8 → UTF-16 → code points) agree with reference computations; CRLF text keeps
//! valid offsets. Pathological inputs (thousands of quote marks, one huge line, all-caps text, long
//! runs of capitalized words, deeply nested quotes) finish, and their cost grows linearly: the work at
//! two sizes is compared with a generous factor, never against a wall-clock threshold.
//!
//! Inputs that the fuzz targets (fuzz/) once broke are kept in `FUZZ_REGRESSIONS`.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Duration;
#[cfg(not(target_os = "linux"))]
use std::time::Instant;

use article_annotator::export::{self, EvalDoc, OffsetMap, Unit};
use article_annotator::segment::TokenKind;
use article_annotator::{annotate, Annotations, CalendarDate, Config, QuoteKind, Span};
use proptest::prelude::*;

/// Pieces that arbitrary text is built from: what breaks tokenizers, quote pairing and offsets.
const FRAGMENTS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\0",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "\u{ab}",
    "\u{bb}",
    "\u{201e}",
    "\u{301}",
    "e\u{301}",
    "\u{200d}",
    "👍🏽",
    "👩\u{200d}👩\u{200d}👧",
    "😀",
    "🇫🇷",
    "中文",
    "مرحبا",
    "שלום",
    "\u{202e}",
    "\u{202c}",
    ".",
    ",",
    ":",
    "?",
    "!",
    "…",
    "—",
    "-",
    "(",
    ")",
    "said",
    "says",
    "told",
    "according to",
    "he",
    "she",
    "Mr.",
    "Mrs",
    "President",
    "Prime Minister",
    "Sir",
    "Keir",
    "Starmer",
    "Angela",
    "Merkel",
    "John",
    "O'Brien",
    "al-Assad",
    "Paris",
    "London",
    "New York",
    "Kyiv",
    "August",
    "19",
    "2025",
    "2025-08-19",
    "Tuesday",
    "yesterday",
    "today",
    "May",
    "last week",
    "three days",
    "10:30",
    "p.m.",
    "U.S.",
    "BREAKING",
    "NEWS",
    "a",
    "the",
    "of",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<char>().prop_map(String::from),
        6 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "[A-Z][a-z]{1,8}",
    ]
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..160).prop_map(|parts| parts.concat())
}

fn config_with_date() -> Config {
    Config {
        reference_date: CalendarDate::parse_iso("2025-08-21"),
    }
}

/// Every span an annotation holds, with a label for failure messages.
fn all_spans(found: &Annotations) -> Vec<(&'static str, Span)> {
    let mut out = Vec::new();
    for q in &found.quotes {
        out.push(("quote", q.span));
        out.push(("quote outer", q.outer));
        out.extend(q.speaker_mention.map(|s| ("speaker mention", s)));
        out.extend(q.cue.map(|s| ("cue", s)));
    }
    for p in &found.people {
        out.extend(p.mentions.iter().map(|m| ("person mention", m.span)));
    }
    out.extend(found.places.iter().map(|p| ("place", p.span)));
    out.extend(found.dates.iter().map(|d| ("date", d.span)));
    out
}

fn assert_in_text_order(what: &str, spans: impl Iterator<Item = Span>) {
    let spans: Vec<Span> = spans.collect();
    for pair in spans.windows(2) {
        assert!(
            pair[0].start <= pair[1].start,
            "{what} out of order: {:?} then {:?}",
            pair[0],
            pair[1]
        );
    }
}

/// The invariants every result obeys.
fn check_annotations(text: &str, found: &Annotations) {
    for (what, span) in all_spans(found) {
        assert!(
            span.start < span.end && span.end <= text.len(),
            "{what} {span:?} empty or outside a text of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what} {span:?} not on character boundaries"
        );
    }
    for note in &found.notes {
        if let Some(span) = note.span {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "note {span:?}"
            );
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    for q in &found.quotes {
        assert!(
            q.outer.contains(q.span),
            "quote {:?} outside its marks {:?}",
            q.span,
            q.outer
        );
        if let Some(id) = q.speaker {
            assert!(id < found.people.len(), "speaker {id} is not a person");
        }
    }
    for p in &found.people {
        assert!(
            !p.mentions.is_empty(),
            "person {:?} without mentions",
            p.name
        );
        assert_in_text_order("person mentions", p.mentions.iter().map(|m| m.span));
    }
    assert_in_text_order("quotes", found.quotes.iter().map(|q| q.span));
    assert_in_text_order("places", found.places.iter().map(|p| p.span));
    assert_in_text_order("dates", found.dates.iter().map(|d| d.span));
}

/// The exports JavaScript and the evaluation format receive cover the same text as the byte spans.
fn check_exports(text: &str, found: &Annotations) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let js = export::to_js(text, found);
    let js_slices = js
        .quotes
        .iter()
        .map(|q| (q.start, q.end, &q.text))
        .chain(js.places.iter().map(|p| (p.start, p.end, &p.text)))
        .chain(js.dates.iter().map(|d| (d.start, d.end, &d.text)))
        .chain(
            js.people
                .iter()
                .flat_map(|p| p.mentions.iter().map(|m| (m.start, m.end, &m.text))),
        );
    for (start, end, covered) in js_slices {
        assert_eq!(
            String::from_utf16_lossy(&units[start..end]),
            *covered,
            "UTF-16 {start}..{end}"
        );
    }
    let chars: Vec<char> = text.chars().collect();
    let doc = EvalDoc {
        text: text.to_string(),
        ..EvalDoc::default()
    };
    let eval = export::to_eval(&doc, found);
    let byte_texts: Vec<&str> = found.dates.iter().map(|d| d.span.text(text)).collect();
    let cp_texts: Vec<String> = eval
        .dates
        .iter()
        .map(|d| chars[d.start..d.end].iter().collect())
        .collect();
    assert_eq!(byte_texts, cp_texts, "code point offsets of dates");
    let byte_quotes: Vec<&str> = found
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
        .map(|q| q.span.text(text))
        .collect();
    let cp_quotes: Vec<String> = eval
        .quotes
        .iter()
        .map(|q| chars[q.start..q.end].iter().collect())
        .collect();
    assert_eq!(byte_quotes, cp_quotes, "code point offsets of quotes");
    let byte_places: Vec<&str> = found.places.iter().map(|p| p.span.text(text)).collect();
    let cp_places: Vec<String> = eval
        .places
        .iter()
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect();
    assert_eq!(byte_places, cp_places, "code point offsets of places");
}

/// Annotates with and without a reference date, twice each, and checks everything.
fn check(text: &str) {
    for config in [Config::default(), config_with_date()] {
        let found = annotate(text, &config);
        check_annotations(text, &found);
        check_exports(text, &found);
        assert_eq!(found, annotate(text, &config), "not deterministic");
    }
}

/// UTF-8 → UTF-16 → code points, each step against a direct computation.
fn check_offset_chain(text: &str, picks: &[usize]) {
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let wanted: Vec<usize> = picks
        .iter()
        .map(|&p| boundaries[p % boundaries.len()])
        .collect();
    let utf16 = OffsetMap::new(text, Unit::Utf16);
    let code_points = OffsetMap::new(text, Unit::CodePoint);
    let units: Vec<u16> = text.encode_utf16().collect();
    for &byte in &wanted {
        let u = utf16.get(byte);
        assert_eq!(
            u,
            text[..byte].encode_utf16().count(),
            "UTF-16 offset of byte {byte}"
        );
        let cp = code_points.get(byte);
        assert_eq!(
            cp,
            text[..byte].chars().count(),
            "code point offset of byte {byte}"
        );
        let back = String::from_utf16(&units[..u]).expect("UTF-16 offsets fall between characters");
        assert_eq!(back.len(), byte, "UTF-16 prefix of byte {byte}");
        assert_eq!(back.chars().count(), cp, "code points of the UTF-16 prefix");
    }
}

/// What detectors rely on when they walk a document: paragraphs, sentences and tokens are each in
/// order without overlap, every sentence lies in one paragraph and starts at its first token,
/// every token lies in one sentence, a token knows whether a hyphen joins it, and each sentence's
/// facts say which tokens those are and whether they are in capitals.
fn check_segments_nest(text: &str) {
    let doc = article_annotator::segment::segment(text);
    let in_order = |spans: &[Span]| spans.windows(2).all(|w| w[0].end <= w[1].start);
    assert!(in_order(&doc.paragraphs) && in_order(&doc.sentences));
    for t in &doc.tokens {
        let joined = t.kind != TokenKind::Punct && t.span().text(text).contains('-');
        assert_eq!(t.has_hyphen(), joined, "{:?}", t.span().text(text));
    }
    let tokens: Vec<Span> = doc.tokens.iter().map(|t| t.span()).collect();
    assert!(in_order(&tokens));
    assert_eq!(doc.sentence_facts.len(), doc.sentences.len());
    let mut token = 0;
    for (k, sentence) in doc.sentences.iter().enumerate() {
        assert_eq!(
            doc.sentence_facts[k].first_token, token,
            "{sentence:?} knows its first token"
        );
        let inside =
            |outer: &Span, inner: &Span| outer.start <= inner.start && inner.end <= outer.end;
        assert!(
            doc.paragraphs.iter().any(|p| inside(p, sentence)),
            "{sentence:?} in no paragraph"
        );
        assert_eq!(
            tokens.get(token).map(|t| t.start),
            Some(sentence.start),
            "{sentence:?} starts at a token"
        );
        while tokens.get(token).is_some_and(|t| inside(sentence, t)) {
            token += 1;
        }
        let sentence_tokens = &doc.tokens[doc.sentence_tokens(k)];
        assert_eq!(
            sentence_tokens.len(),
            token - doc.sentence_facts[k].first_token
        );
        let capitals = article_annotator::segment::in_capitals(text, sentence_tokens);
        assert_eq!(
            doc.sentence_facts[k].in_capitals, capitals,
            "{sentence:?} in capitals"
        );
    }
    assert_eq!(
        token,
        tokens.len(),
        "token {:?} is in no sentence",
        tokens.get(token)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_deterministic_annotations(text in arbitrary_text()) {
        check(&text);
    }

    #[test]
    fn any_unicode_string_gives_valid_annotations(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn segments_nest_in_order(text in arbitrary_text()) {
        check_segments_nest(&text);
    }

    #[test]
    fn offsets_convert_like_reference_computations(
        text in arbitrary_text(),
        picks in prop::collection::vec(any::<usize>(), 1..40),
    ) {
        check_offset_chain(&text, &picks);
    }

    #[test]
    fn crlf_text_keeps_valid_offsets(text in arbitrary_text()) {
        let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
        check(&crlf);
        for config in [Config::default(), config_with_date()] {
            let found = annotate(&crlf, &config);
            for (what, span) in all_spans(&found) {
                for at in [span.start, span.end] {
                    let splits_pair = crlf[..at].ends_with('\r') && crlf[at..].starts_with('\n');
                    prop_assert!(!splits_pair, "{} {:?} splits a CRLF pair", what, span);
                }
            }
        }
    }
}

#[test]
fn edge_cases_hold() {
    for text in [
        "",
        " ",
        "\r",
        "\r\r\r",
        "\0\0",
        "\"",
        "\u{201c}",
        "\u{201d}\u{201c}",
        "\"\"",
        "\u{201c}\u{201d}",
        "He said: \"",
        "\u{301}\u{301}Paris",
        "👍🏽\"Yes,\" 👍🏽 said Keir Starmer on 19 August 2025.",
        "\u{202e}\"مرحبا,\" said Sir Keir.\u{202c}",
        "Mr.",
        "Mr. \u{201c}",
        "said\r\n\"x\"\r\nsaid",
        "Bashar al-Assad won 3-2 - a mid-year -x y- \u{2010}z",
    ] {
        check(text);
        check_segments_nest(text);
    }
}

/// Inputs that fuzzing once broke (none so far).
const FUZZ_REGRESSIONS: &[&[u8]] = &[];

#[test]
fn fuzz_regressions_hold() {
    for input in FUZZ_REGRESSIONS {
        check(&String::from_utf8_lossy(input));
    }
}

// ------------------------------------------------------------------------------------------ pathological inputs

/// Builds a pathological text of about `bytes` bytes.
type Builder = fn(usize) -> String;

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

fn quote_marks(bytes: usize) -> String {
    repeat_to("\" \u{201c}\u{201d} ' \u{201c}", bytes)
}

fn one_huge_line(bytes: usize) -> String {
    repeat_to(
        "\u{201c}We go on,\u{201d} said Keir Starmer in Paris on Tuesday, August 19, 2025, and ",
        bytes,
    )
}

fn all_caps(bytes: usize) -> String {
    repeat_to(
        "PRESIDENT KEIR STARMER SAID \"WE WILL WIN\" IN PARIS ON MONDAY. ",
        bytes,
    )
}

fn capitalized_words(bytes: usize) -> String {
    repeat_to(
        "Keir Starmer Paris Angela Merkel President London Tuesday May ",
        bytes,
    )
}

fn nested_quotes(bytes: usize) -> String {
    let depth = bytes / 40 + 1;
    let mut text = String::with_capacity(bytes * 2);
    for level in 0..depth {
        text.push_str(if level % 2 == 0 {
            "\u{201c}He said "
        } else {
            "\u{2018}she said "
        });
    }
    text.push_str("yes");
    for level in (0..depth).rev() {
        text.push_str(if level % 2 == 0 {
            ",\u{201d} said Mr Smith"
        } else {
            "\u{2019} "
        });
    }
    text
}

const PATHOLOGICAL: &[(&str, Builder)] = &[
    ("quote marks", quote_marks),
    ("one huge line", one_huge_line),
    ("all caps", all_caps),
    ("capitalized words", capitalized_words),
    ("nested quotes", nested_quotes),
];

/// CPU time of the calling thread, so that other tests and other processes on the machine do not
/// count; wall-clock time where that clock is not available.
#[cfg(target_os = "linux")]
fn thread_time() -> Duration {
    #[repr(C)]
    struct Timespec {
        tv_sec: std::ffi::c_long,
        tv_nsec: std::ffi::c_long,
    }
    extern "C" {
        fn clock_gettime(clock: std::ffi::c_int, time: *mut Timespec) -> std::ffi::c_int;
    }
    const CLOCK_THREAD_CPUTIME_ID: std::ffi::c_int = 3;
    let mut time = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one Timespec to a valid pointer; the clock id exists on Linux.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) } == 0;
    assert!(ok, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(time.tv_sec as u64, time.tv_nsec as u32)
}

#[cfg(not(target_os = "linux"))]
fn thread_time() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The work of one annotation of `text`, measured as thread CPU time.
fn work(text: &str) -> Duration {
    let started = thread_time();
    let found = annotate(text, &config_with_date());
    let took = thread_time().saturating_sub(started);
    check_annotations(text, &found);
    took
}

/// The least work of a few runs at each size, measured alternately so that any slowdown of the
/// machine touches both sizes alike.
fn least_work(small: &str, large: &str) -> (Duration, Duration) {
    let (mut least_small, mut least_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        least_small = least_small.min(work(small));
        least_large = least_large.min(work(large));
    }
    (least_small, least_large)
}

#[test]
fn pathological_inputs_finish() {
    for (name, build) in PATHOLOGICAL {
        let text = build(64 * 1024);
        let found = annotate(&text, &config_with_date());
        check_annotations(&text, &found);
        assert!(!name.is_empty());
    }
    // "Thousands of quote marks" literally: 5 000 straight double quotes in a row, and unpaired ones.
    check(&"\"".repeat(5000));
    check(&"\u{201c}a ".repeat(3000));
}

#[test]
fn pathological_inputs_scale_linearly() {
    // 16× the text may cost at most 64× the time (linear would be 16×, quadratic 256×). A small
    // allowance covers clock granularity when the small run is very fast.
    const SMALL: usize = 16 * 1024;
    const GROWTH: u32 = 16;
    for (name, build) in PATHOLOGICAL {
        let (small, large) = least_work(&build(SMALL), &build(SMALL * GROWTH as usize));
        eprintln!("{name}: {SMALL} bytes {small:?}, {GROWTH}x {large:?}");
        let bound = small * GROWTH * 4 + Duration::from_millis(2);
        assert!(
            large <= bound,
            "{name}: {SMALL} bytes took {small:?}, {GROWTH}× as much took {large:?} (bound {bound:?})"
        );
    }
}
