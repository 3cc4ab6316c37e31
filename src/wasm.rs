//! The WebAssembly boundary: `#[wasm_bindgen]` functions only. All logic lives in plain Rust.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::export::{self, JsConfig};

/// The fields of `JsConfig` as JavaScript names them.
const OPTION_NAMES: &[&str] = &["referenceDate"];

/// Annotates `text`. `options` is `{ referenceDate?: "YYYY-MM-DD" }` (or undefined). Returns the
/// `JsAnnotations` object with UTF-16 offsets; fails with a message naming a bad option, or when the
/// text is larger than `MAX_TEXT_BYTES`.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let js_config: JsConfig = if options.is_undefined() || options.is_null() {
        JsConfig::default()
    } else if !options.is_object() {
        return Err(JsError::new(&format!(
            "options: expected an object such as {{ referenceDate: \"2025-08-19\" }}, got {}",
            options.js_typeof().as_string().unwrap_or_default()
        )));
    } else {
        // serde-wasm-bindgen reads only the fields it knows, so a misspelt option would pass unseen.
        let given: BTreeMap<String, IgnoredAny> =
            serde_wasm_bindgen::from_value(options.clone())
                .map_err(|e| JsError::new(&format!("options: {e}")))?;
        if let Some(unknown) = given.keys().find(|k| !OPTION_NAMES.contains(&k.as_str())) {
            return Err(JsError::new(&format!(
                "options: unknown option {unknown:?}; the options are {}",
                OPTION_NAMES.join(", ")
            )));
        }
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("options: {e}")))?
    };
    let config = js_config.into_config().map_err(|e| JsError::new(&e))?;
    if text.len() > crate::MAX_TEXT_BYTES {
        return Err(JsError::new(&format!(
            "text too large: {} MB (UTF-8); the limit is {} MB",
            text.len().div_ceil(1 << 20),
            crate::MAX_TEXT_BYTES >> 20
        )));
    }
    let annotations = crate::annotate(text, &config);
    // The result crosses as one JSON string that the engine parses: building the object value by
    // value from here (serde-wasm-bindgen, a call into JavaScript for each) cost a fifth more.
    let json = serde_json::to_string(&export::to_js(text, &annotations))
        .map_err(|e| JsError::new(&format!("result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("result: not valid JSON"))
}

/// Builds the lexicons and compiles the date patterns ahead of the first `annotate` (optional).
#[wasm_bindgen]
pub fn prepare() {
    crate::prepare();
}

/// The largest text `annotate` accepts, in UTF-8 bytes.
#[wasm_bindgen(js_name = maxTextBytes)]
pub fn max_text_bytes() -> usize {
    crate::MAX_TEXT_BYTES
}
