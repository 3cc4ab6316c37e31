//! Fuzz target: `annotate` on any bytes (read as UTF-8, invalid sequences replaced), with or without a
//! reference date. Panics, and spans that break the invariants of tests/properties.rs, are findings.
#![no_main]

use article_annotator::{annotate, export, CalendarDate, Config, Span};
use libfuzzer_sys::fuzz_target;

/// The first byte picks the reference date: none, a fixed one, or one from the next two bytes.
fn split_config(data: &[u8]) -> (Config, &[u8]) {
    let reference_date = match data {
        [0, rest @ ..] => return (Config::default(), rest),
        [1, rest @ ..] => {
            return (
                Config {
                    reference_date: CalendarDate::new(2025, 8, 21),
                },
                rest,
            )
        }
        [2, a, b, rest @ ..] => {
            let n = u16::from_le_bytes([*a, *b]);
            let date = CalendarDate::new(
                i32::from(n % 10_000),
                u32::from(n % 12) + 1,
                u32::from(n % 28) + 1,
            );
            return (
                Config {
                    reference_date: date,
                },
                rest,
            );
        }
        _ => None,
    };
    (Config { reference_date }, data)
}

fn check_span(text: &str, what: &str, span: Span) {
    assert!(
        span.start < span.end && span.end <= text.len(),
        "{what} {span:?} empty or out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

fuzz_target!(|data: &[u8]| {
    let (config, bytes) = split_config(data);
    let text = String::from_utf8_lossy(bytes);
    let found = annotate(&text, &config);
    for q in &found.quotes {
        check_span(&text, "quote", q.span);
        check_span(&text, "quote outer", q.outer);
        assert!(q.outer.contains(q.span));
        q.speaker_mention
            .map(|s| check_span(&text, "speaker mention", s));
        q.cue.map(|s| check_span(&text, "cue", s));
        assert!(q.speaker.is_none_or(|id| id < found.people.len()));
    }
    for p in &found.people {
        p.mentions
            .iter()
            .for_each(|m| check_span(&text, "person", m.span));
    }
    found
        .places
        .iter()
        .for_each(|p| check_span(&text, "place", p.span));
    found
        .dates
        .iter()
        .for_each(|d| check_span(&text, "date", d.span));
    assert!(found
        .quotes
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    assert!(found
        .places
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    assert!(found
        .dates
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    assert_eq!(found, annotate(&text, &config), "not deterministic");
    let js = export::to_js(&text, &found);
    let units: Vec<u16> = text.encode_utf16().collect();
    for d in &js.dates {
        assert_eq!(String::from_utf16_lossy(&units[d.start..d.end]), d.text);
    }
    let doc = export::EvalDoc {
        text: text.to_string(),
        ..Default::default()
    };
    export::to_eval(&doc, &found);
});
