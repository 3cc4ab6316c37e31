//! The WebAssembly boundary in real browsers (`wasm-pack test --headless --chrome --firefox`): the shape
//! of the object `annotate` returns, UTF-16 offsets checked with JavaScript's own `String.prototype.slice`,
//! the `JsError` for bad options, and a few short articles through wasm.
//!
//! The tests named `article_*` need the detectors to find something; the others hold whatever they find.
#![cfg(target_arch = "wasm32")]

use article_annotator::wasm::{
    annotate, annotate_packed, annotate_second_part, begin_annotation, max_text_bytes, prepare,
    two_parts_from_bytes,
};
use article_annotator::{export, CalendarDate, Config};
use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn array(value: &JsValue, key: &str) -> Array {
    get(value, key)
        .dyn_into::<Array>()
        .unwrap_or_else(|_| panic!("{key} is not an array"))
}

fn string(value: &JsValue, key: &str) -> Option<String> {
    get(value, key).as_string()
}

fn number(value: &JsValue, key: &str) -> u32 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number")) as u32
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test options are JSON")
}

fn run(text: &str, opts: &str) -> JsValue {
    annotate(&text.into(), options(opts)).unwrap_or_else(|e| {
        let e: JsValue = e.into();
        panic!(
            "annotate failed: {:?}",
            e.dyn_ref::<js_sys::Error>().map(|e| e.message())
        )
    })
}

/// The message of the error `annotate` gives for `text` and `opts`; `why` says why it must fail.
fn error_message(text: &JsString, opts: JsValue, why: &str) -> String {
    let err: JsValue = annotate(text, opts).map(|_| ()).expect_err(why).into();
    String::from(
        err.dyn_into::<js_sys::Error>()
            .expect("a JS Error")
            .message(),
    )
}

/// The message of the error `annotate` gives for `opts`.
fn error_for(opts: JsValue) -> String {
    let why = format!("options {opts:?} must fail");
    error_message(&"Text.".into(), opts, &why)
}

/// Every span in the result, as (start, end, text): quotes, speaker mentions, cues, people, places, dates.
fn spans(result: &JsValue) -> Vec<(u32, u32, String)> {
    let mut out = Vec::new();
    let mut push = |span: &JsValue| {
        if span.is_object() {
            out.push((
                number(span, "start"),
                number(span, "end"),
                string(span, "text").expect("span text"),
            ));
        }
    };
    for quote in array(result, "quotes").iter() {
        push(&quote);
        push(&get(&quote, "speakerMention"));
        push(&get(&quote, "cue"));
    }
    for person in array(result, "people").iter() {
        for mention in array(&person, "mentions").iter() {
            push(&mention);
        }
    }
    for key in ["places", "dates"] {
        for item in array(result, key).iter() {
            push(&item);
        }
    }
    out
}

/// Checks each span against the text with JavaScript's `slice` (UTF-16 code units).
fn check_offsets(text: &str, result: &JsValue) -> usize {
    let js_text = JsString::from(text);
    let all = spans(result);
    for (start, end, covered) in &all {
        assert!(
            start <= end && *end <= js_text.length(),
            "span {start}..{end} out of range"
        );
        assert_eq!(
            String::from(js_text.slice(*start, *end)),
            *covered,
            "text.slice({start}, {end})"
        );
    }
    all.len()
}

#[wasm_bindgen_test]
fn result_has_the_documented_shape() {
    let result = run("", "{}");
    let keys: Vec<String> = Object::keys(result.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    assert_eq!(keys, ["quotes", "people", "places", "dates", "notes"]);
    for key in &keys {
        assert_eq!(array(&result, key).length(), 0, "{key} of an empty text");
    }
    // Options may be left out entirely.
    assert!(annotate(&"Hello.".into(), JsValue::UNDEFINED).is_ok());
    assert!(annotate(&"Hello.".into(), JsValue::NULL).is_ok());
    assert!(max_text_bytes() >= 1 << 20);
}

#[wasm_bindgen_test]
fn bad_options_give_an_error_that_names_the_problem() {
    let message = error_for(options(r#"{"referenceDate": "19/08/2025"}"#));
    assert!(
        message.contains("referenceDate") && message.contains("YYYY-MM-DD"),
        "{message}"
    );
    let message = error_for(options(r#"{"referenceDate": "2025-02-30"}"#));
    assert!(message.contains("referenceDate"), "{message}");
    let message = error_for(options(r#"{"refDate": "2025-08-19"}"#));
    assert!(message.contains("refDate"), "{message}");
    let message = error_for(options(r#"{"referenceDate": 20250819}"#));
    assert!(message.starts_with("options:"), "{message}");
    let message = error_for(JsValue::from_str("2025-08-19"));
    assert!(message.starts_with("options:"), "{message}");
}

#[wasm_bindgen_test]
fn a_text_over_the_limit_is_refused_with_a_message() {
    let limit = max_text_bytes();
    assert_eq!(limit, article_annotator::MAX_TEXT_BYTES);
    for text in ["x".repeat(limit + 1), "\u{e9}".repeat(limit / 2 + 1)] {
        let message = error_message(
            &text.as_str().into(),
            options("{}"),
            "a text over the limit must fail",
        );
        assert!(
            message.starts_with("text too large") && message.contains("the limit is 20 MB"),
            "{message}"
        );
    }
}

#[wasm_bindgen_test]
fn a_text_that_is_not_a_string_is_refused_with_a_message() {
    let message = error_message(
        JsValue::from(42).unchecked_ref(),
        options("{}"),
        "a number is not a text",
    );
    assert_eq!(message, "text: expected a string, got number");
}

/// Texts with a bit of everything the result holds: quotes with and without speakers, roles,
/// genders, places with and without coordinates, every kind of date, notes, non-ASCII and
/// characters outside the Basic Multilingual Plane.
const MIXED_TEXTS: &[&str] = &[
    "",
    "\u{201C}unbalanced",
    "line\r\nbreaks\r\n\r\n\"x,\" he said.",
    "\u{0}\u{FFFD}\u{FEFF} \u{2028}",
    "PARIS (Wire) \u{2014} \u{201C}We will not back down,\u{201D} Prime Minister Keir Starmer said on \
     Tuesday, March 3, 2026. Mrs. Ana Ruiz, 42, told the newspaper: \"It is early.\" The President \
     said talks began two years ago in S\u{E3}o Paulo and would resume every Monday at 10 a.m.\n\n\
     \u{1F600} \u{201C}T\u{F3}k\u{F3} 東京,\u{201D} she said in Tokyo in the summer of 1999. \
     The \"Iron Lady\" film opened. Mr Adams said: \u{201C}Not yet.",
];

/// The packed result (`export::packed` rebuilt by `src/unpack.js`) is the object that the JSON
/// of `export::to_js` parses to, key order included.
#[wasm_bindgen_test]
fn packed_result_is_the_object_of_the_native_json() {
    let config = Config {
        reference_date: CalendarDate::parse_iso("2026-03-05"),
    };
    for text in MIXED_TEXTS {
        let found = article_annotator::annotate(text, &config);
        let json = serde_json::to_string(&export::to_js(text, &found)).expect("serializes");
        let expected = JSON::stringify(&JSON::parse(&json).expect("valid JSON")).unwrap();
        let result = run(text, r#"{"referenceDate": "2026-03-05"}"#);
        assert_eq!(
            String::from(JSON::stringify(&result).unwrap()),
            String::from(expected),
            "{text:?}"
        );
    }
}

/// A packed result handed an earlier one's numbers to reuse is copied into them when they have
/// room (a view of their start, on the same buffer) and into a new array when they have too
/// little or far too much; the numbers are the same either way.
#[wasm_bindgen_test]
fn packed_numbers_go_into_a_handed_back_array_with_room() {
    let text: JsString =
        "\u{201C}It took two years,\u{201D} said Lena Dahl in Bergen on Tuesday.".into();
    let opts = r#"{"referenceDate": "2026-03-05"}"#;
    let numbers =
        |packed: &JsValue| -> js_sys::Float64Array { get(packed, "numbers").unchecked_into() };
    let fresh = numbers(&annotate_packed(&text, options(opts), None).expect("packed"));
    let len = fresh.length();
    let roomy = js_sys::Float64Array::new_with_length(len + 10);
    let into_roomy =
        numbers(&annotate_packed(&text, options(opts), Some(roomy.clone().into())).unwrap());
    assert_eq!(into_roomy.to_vec(), fresh.to_vec());
    assert!(
        Object::is(&into_roomy.buffer(), &roomy.buffer()),
        "the handed-back buffer"
    );
    for unfit in [
        js_sys::Float64Array::new_with_length(len - 1),
        js_sys::Float64Array::new_with_length(1 << 20),
    ] {
        let into_new =
            numbers(&annotate_packed(&text, options(opts), Some(unfit.clone().into())).unwrap());
        assert_eq!(into_new.to_vec(), fresh.to_vec());
        assert!(
            !Object::is(&into_new.buffer(), &unfit.buffer()),
            "a new buffer"
        );
    }
    // Anything else handed back is ignored.
    let ignored = annotate_packed(&text, options(opts), Some(JsValue::from("x"))).unwrap();
    assert_eq!(numbers(&ignored).to_vec(), fresh.to_vec());
}

/// A long article annotated in two parts, as the page's two workers do it (the second part's
/// bytes handed to the first), gives the object `annotate` gives; so it does when the bytes do
/// not come, or are of another text.
#[wasm_bindgen_test]
fn two_parts_give_the_object_annotate_gives() {
    let mut text = String::from("WASHINGTON, March 3, 2024 \u{2014} Talks went on.\n\n");
    let mut n = 0;
    while text.len() < two_parts_from_bytes() + 2000 {
        n += 1;
        text.push_str(&format!(
            "\u{201C}Talks resume on May {},\u{201D} Mayor Ana Ruiz \u{1F600} said in Madrid on Friday. \
             \"Not now,\" he said.\n\n",
            n % 28 + 1
        ));
    }
    let js_text: JsString = text.as_str().into();
    let opts = r#"{"referenceDate": "2026-03-05"}"#;
    let whole = JSON::stringify(&run(&text, opts)).unwrap();
    let second = annotate_second_part(&js_text, options(opts)).expect("a second part");
    let other = annotate_second_part(&"Short.".into(), options(opts)).expect("a part");
    for bytes in [Some(second), None, Some(other)] {
        let begun = begin_annotation(js_text.clone(), options(opts)).expect("begun");
        let result = begun.finish(bytes).expect("finished");
        assert_eq!(JSON::stringify(&result).unwrap(), whole);
    }
    assert!(array(&run(&text, opts), "quotes").length() > 100);
    let refused = begin_annotation(JsValue::from(3).unchecked_into(), options(opts));
    assert!(refused.is_err());
}

#[wasm_bindgen_test]
fn odd_text_is_annotated_without_failing() {
    for text in [
        "\u{201C}unbalanced",
        "\"\"\"\"",
        "line\r\nbreaks\r\n\r\n\"x,\" he said.",
        "\u{0}\u{FFFD}\u{FEFF} \u{2028}",
        "😀😀😀 “👍🏽” 東京",
    ] {
        let result = run(text, "{}");
        check_offsets(text, &result);
    }
}

#[wasm_bindgen_test]
fn a_lone_surrogate_reads_as_a_replacement_character() {
    // JavaScript strings may hold a lone surrogate, which UTF-8 cannot: it is read as U+FFFD,
    // one code unit either way, so the offsets after it are those of the same text with U+FFFD.
    let (before, after) = (
        "\u{201C}We met,\u{201D} said Ana Ruiz in Oslo ",
        " on Monday, March 3, 2025.",
    );
    let lone = JsString::from(before)
        .concat(&JsString::from_char_code1(0xD800))
        .concat(&after.into());
    let with_lone = annotate(&lone, options("{}")).expect("annotates");
    let replaced = run(&format!("{before}\u{FFFD}{after}"), "{}");
    let json = |v: &JsValue| String::from(JSON::stringify(v).expect("JSON"));
    assert_eq!(json(&with_lone), json(&replaced));
    assert!(
        array(&replaced, "dates").length() > 0,
        "the date after the surrogate is found"
    );
}

#[wasm_bindgen_test]
fn article_after_a_long_stretch_beyond_latin_is_read_whole() {
    // Two, three or four bytes of UTF-8 for each character before the English: its offsets are
    // still UTF-16 code units, and nothing is lost reading it into the module.
    let sentence =
        " \u{201C}We will build it,\u{201D} said Mayor Anna Berg in Oslo on 19 August 2025.";
    for opening in [
        "😀".repeat(3000),
        "東京 ".repeat(2000),
        "Москва ".repeat(1500),
    ] {
        let text = format!("{opening}{sentence}");
        let result = run(&text, r#"{"referenceDate": "2025-08-20"}"#);
        check_offsets(&text, &result);
        let date = array(&result, "dates").get(0);
        assert_eq!(string(&date, "text").as_deref(), Some("19 August 2025"));
        assert_eq!(
            number(&date, "start") as usize,
            text.encode_utf16().count() - "19 August 2025.".len()
        );
    }
}

#[wasm_bindgen_test]
fn article_offsets_are_utf16_with_emoji_and_cjk() {
    let text = "👍🏽 東京 ニュース 😀\n\u{201C}We will build the bridge by spring,\u{201D} said Mayor Anna Berg in Oslo on 19 August 2025. \u{201C}再见 👋,\u{201D} she added.";
    let result = run(text, r#"{"referenceDate": "2025-08-20"}"#);
    let n = check_offsets(text, &result);
    assert!(n >= 4, "only {n} spans found");
    let quote = array(&result, "quotes").get(0);
    assert_eq!(
        string(&quote, "text").as_deref(),
        Some("We will build the bridge by spring,")
    );
    // The emoji and CJK before it count as UTF-16 code units: 👍🏽 is 4, 😀 is 2.
    let before = "👍🏽 東京 ニュース 😀\n\u{201C}".encode_utf16().count() as u32;
    assert_eq!(number(&quote, "start"), before);
}

#[wasm_bindgen_test]
fn article_quote_speaker_date_and_place() {
    // As the page's worker does: build everything ahead, then annotate (the result is the same).
    prepare();
    let text = "Harbour reopens\n\nThe harbour in Bergen reopened on Tuesday. \u{201C}It took two years,\u{201D} said Lena Dahl, who runs the port. \u{201C}We are glad,\u{201D} she said.";
    let result = run(text, r#"{"referenceDate": "2025-03-06"}"#);
    check_offsets(text, &result);
    let quotes = array(&result, "quotes");
    assert_eq!(quotes.length(), 2, "quotes");
    for quote in quotes.iter() {
        assert_eq!(
            string(&quote, "speakerName").as_deref(),
            Some("Lena Dahl"),
            "speaker of {:?}",
            string(&quote, "text")
        );
    }
    let dates = array(&result, "dates");
    let tuesday = dates
        .iter()
        .find(|d| string(d, "text").as_deref() == Some("Tuesday"))
        .expect("Tuesday found");
    assert_eq!(string(&tuesday, "value").as_deref(), Some("2025-03-04"));
    let places = array(&result, "places");
    let bergen = places
        .iter()
        .find(|p| string(p, "name").as_deref() == Some("Bergen"))
        .expect("Bergen found");
    assert_eq!(string(&bergen, "country").as_deref(), Some("NO"));
    // Coordinates arrive as the data writes them (60.4, not a float widened to 60.400001525878906).
    let coordinate = |key: &str| {
        Reflect::get(&bergen, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    assert_eq!(
        (coordinate("lat"), coordinate("lon")),
        (Some(60.4), Some(5.3))
    );
}

#[wasm_bindgen_test]
fn article_relative_dates_follow_the_reference_date() {
    let text = "The minister resigned yesterday, officials in Paris said.";
    let value = |reference: &str| {
        let result = run(text, &format!(r#"{{"referenceDate": "{reference}"}}"#));
        let dates = array(&result, "dates");
        assert_eq!(dates.length(), 1, "dates");
        string(&dates.get(0), "value")
    };
    assert_eq!(value("2025-01-01").as_deref(), Some("2024-12-31"));
    assert_eq!(value("2025-03-01").as_deref(), Some("2025-02-28"));
}
