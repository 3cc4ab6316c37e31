//! The WebAssembly boundary: `#[wasm_bindgen]` functions only. All logic lives in plain Rust.

use std::collections::BTreeMap;

use js_sys::JsString;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::export::{self, JsConfig};

/// The fields of `JsConfig` as JavaScript names them.
const OPTION_NAMES: &[&str] = &["referenceDate"];

#[wasm_bindgen(module = "/src/unpack.js")]
extern "C" {
    /// Rebuilds the object `export::to_js_packed` packed, cutting span texts from `text`.
    fn unpack(text: &JsString, numbers: &[f64], strings: &str) -> JsValue;
}

/// Annotates `text`. `options` is `{ referenceDate?: "YYYY-MM-DD" }` (or undefined). Returns the
/// `JsAnnotations` object with UTF-16 offsets; fails with a message naming a bad option, when
/// `text` is not a string, or when it is larger than `MAX_TEXT_BYTES`.
#[wasm_bindgen]
pub fn annotate(text: &JsString, options: JsValue) -> Result<JsValue, JsError> {
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
    let too_large = |at_least: &str, bytes: usize| {
        JsError::new(&format!(
            "text too large: {at_least}{} MB (UTF-8); the limit is {} MB",
            bytes.div_ceil(1 << 20),
            crate::MAX_TEXT_BYTES >> 20
        ))
    };
    if !text.is_string() {
        return Err(JsError::new(&format!(
            "text: expected a string, got {}",
            text.js_typeof().as_string().unwrap_or_default()
        )));
    }
    // A string has at least as many UTF-8 bytes as UTF-16 code units: refuse before copying it.
    if text.length() as usize > crate::MAX_TEXT_BYTES {
        return Err(too_large("at least ", text.length() as usize));
    }
    let utf8 = String::from(text);
    if utf8.len() > crate::MAX_TEXT_BYTES {
        return Err(too_large("", utf8.len()));
    }
    let annotations = crate::annotate(&utf8, &config);
    // The result crosses packed (see `export::packed`): against one JSON string for the engine to
    // parse, no span text is copied, escaped or parsed, and no number printed and read back.
    let packed = export::to_js_packed(&utf8, &annotations)
        .map_err(|e| JsError::new(&format!("result: {e}")))?;
    Ok(unpack(text, &packed.numbers, &packed.strings))
}

/// Builds the lexicons and the date rules' engines ahead of the first `annotate` (optional).
#[wasm_bindgen]
pub fn prepare() {
    crate::prepare();
}

/// The largest text `annotate` accepts, in UTF-8 bytes.
#[wasm_bindgen(js_name = maxTextBytes)]
pub fn max_text_bytes() -> usize {
    crate::MAX_TEXT_BYTES
}
