//! The WebAssembly boundary: `#[wasm_bindgen]` functions only. All logic lives in plain Rust.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::export::{self, JsConfig};

/// Annotates `text`. `options` is `{ referenceDate?: "YYYY-MM-DD" }` (or undefined). Returns the
/// `JsAnnotations` object with UTF-16 offsets; fails with a message naming a bad option, or when the
/// text is larger than `MAX_TEXT_BYTES`.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let js_config: JsConfig = if options.is_undefined() || options.is_null() {
        JsConfig::default()
    } else {
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
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    Ok(export::to_js(text, &annotations).serialize(&serializer)?)
}

/// The largest text `annotate` accepts, in UTF-8 bytes.
#[wasm_bindgen(js_name = maxTextBytes)]
pub fn max_text_bytes() -> usize {
    crate::MAX_TEXT_BYTES
}
