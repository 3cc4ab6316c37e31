//! Fuzz target: the options the browser passes (`export::JsConfig`, read here from JSON as the wasm
//! boundary reads it from a JS object), then `into_config` and one annotation with the result.
//! Errors are expected; a panic, or an error that does not name the field, is a finding.
#![no_main]

use article_annotator::annotate;
use article_annotator::export::JsConfig;
use libfuzzer_sys::fuzz_target;

const TEXT: &str =
    "\u{201c}We will win,\u{201d} Keir Starmer said on Tuesday, 19 August, yesterday and today.";

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(options) = serde_json::from_str::<JsConfig>(json) else {
        return;
    };
    match options.into_config() {
        Ok(config) => {
            annotate(TEXT, &config);
        }
        Err(message) => assert!(message.starts_with("referenceDate:"), "{message}"),
    }
});
