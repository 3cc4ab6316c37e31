//! The WebAssembly boundary: `#[wasm_bindgen]` functions only. All logic lives in plain Rust.

use std::collections::BTreeMap;

use js_sys::JsString;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::export::{self, JsConfig};
use crate::two_parts::{self, FirstPart};

/// The fields of `JsConfig` as JavaScript names them.
const OPTION_NAMES: &[&str] = &["referenceDate"];

#[wasm_bindgen(module = "/www/unpack.js")]
extern "C" {
    /// Rebuilds the object `export::to_js_packed` packed, cutting span texts from `text`.
    fn unpack(text: &JsString, numbers: &[f64], strings: &str) -> JsValue;
}

#[wasm_bindgen(module = "/www/encode.js")]
extern "C" {
    /// Writes `text` as UTF-8 into `memory` from byte `at`, in at most `room` bytes; the count.
    #[wasm_bindgen(js_name = encodeInto, catch)]
    fn encode_into(text: &JsString, memory: &JsValue, at: u32, room: u32) -> Result<u32, JsValue>;
}

/// Annotates `text`. `options` is `{ referenceDate?: "YYYY-MM-DD" }` (or undefined). Returns the
/// `JsAnnotations` object with UTF-16 offsets; fails with a message naming a bad option, when
/// `text` is not a string, or when it is larger than `MAX_TEXT_BYTES`.
#[wasm_bindgen]
pub fn annotate(text: &JsString, options: JsValue) -> Result<JsValue, JsError> {
    let (utf8, config) = read_input(text, options)?;
    let annotations = crate::annotate(&utf8, &config);
    to_js(text, &utf8, &annotations)
}

/// `annotate`'s result still packed, as `{ numbers: Float64Array, strings }` for `unpack`
/// (www/unpack.js) to rebuild with the same text: the page's worker hands this to the page, for
/// whom it is quicker to rebuild than an object is to copy across. `reuse` (optional) is the
/// `numbers` of an earlier result, handed back: see `numbers_array`.
#[wasm_bindgen(js_name = annotatePacked)]
pub fn annotate_packed(
    text: &JsString,
    options: JsValue,
    reuse: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let (utf8, config) = read_input(text, options)?;
    let annotations = crate::annotate(&utf8, &config);
    to_js_packed(&utf8, &annotations, reuse)
}

/// The second part of annotating `text` (see `two_parts`) as bytes for another instance's
/// `PendingAnnotation.finish`. Takes and refuses what `annotate` does.
#[wasm_bindgen(js_name = annotateSecondPart)]
pub fn annotate_second_part(text: &JsString, options: JsValue) -> Result<Vec<u8>, JsError> {
    let (utf8, config) = read_input(text, options)?;
    Ok(two_parts::second_part(&utf8, &config))
}

/// Segments `text` and finds the first part of its annotation, to finish with the second part
/// another instance finds meanwhile (`annotateSecondPart`). Takes and refuses what `annotate`
/// does.
#[wasm_bindgen(js_name = beginAnnotation)]
pub fn begin_annotation(text: JsString, options: JsValue) -> Result<PendingAnnotation, JsError> {
    let (utf8, config) = read_input(&text, options)?;
    Ok(PendingAnnotation {
        first: FirstPart::begin(utf8, &config),
        text,
    })
}

/// An annotation begun by `beginAnnotation`, waiting for its second part.
#[wasm_bindgen]
pub struct PendingAnnotation {
    first: FirstPart,
    /// The text as JavaScript gave it, which the result's span texts are cut from.
    text: JsString,
}

#[wasm_bindgen]
impl PendingAnnotation {
    /// The `JsAnnotations` object `annotate` gives, with `second`: the bytes `annotateSecondPart`
    /// gave for the same text and options. Without them the second part is found here, as it
    /// is (with a warning on the console) when they do not fit this text.
    pub fn finish(self, second: Option<Vec<u8>>) -> Result<JsValue, JsError> {
        let (text, utf8, annotations) = self.finished(second);
        to_js(&text, &utf8, &annotations)
    }

    /// As `finish`, the result still packed as `annotatePacked` gives it (`reuse` as there).
    #[wasm_bindgen(js_name = finishPacked)]
    pub fn finish_packed(
        self,
        second: Option<Vec<u8>>,
        reuse: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let (_, utf8, annotations) = self.finished(second);
        to_js_packed(&utf8, &annotations, reuse)
    }
}

impl PendingAnnotation {
    /// The text, as JavaScript gave it and as UTF-8, and its annotations.
    fn finished(self, second: Option<Vec<u8>>) -> (JsString, String, crate::Annotations) {
        let PendingAnnotation { first, text } = self;
        let utf8 = first.text().to_owned();
        let (annotations, refused) = first.finish(second.as_deref());
        if let Some(why) = refused {
            let warning = format!("second part refused, found here instead: {why}");
            web_sys::console::warn_1(&warning.into());
        }
        (text, utf8, annotations)
    }
}

/// The text as UTF-8 and the options as a `Config`, or why `annotate` refuses them.
fn read_input(text: &JsString, options: JsValue) -> Result<(String, crate::Config), JsError> {
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
    let utf8 = utf8_of(text).map_err(|why| JsError::new(&format!("text: {why}")))?;
    if utf8.len() > crate::MAX_TEXT_BYTES {
        return Err(too_large("", utf8.len()));
    }
    Ok((utf8, config))
}

/// `text` as UTF-8, encoded by the browser straight into a buffer of this module's (see
/// www/encode.js). Lone surrogates become U+FFFD, as with `String::from`.
fn utf8_of(text: &JsString) -> Result<String, String> {
    let units = text.length() as usize;
    // Each UTF-16 code unit takes at most three bytes. Zeroed, so that taking it back as a
    // `String` needs no unsafe code (the zeroing is a small part of the encoding's cost).
    let too_long = || "too long to encode".to_string();
    let room = units.checked_mul(3).ok_or_else(too_long)?;
    let mut bytes = vec![0u8; room];
    let at = u32::try_from(bytes.as_mut_ptr() as usize).map_err(|_| too_long())?;
    let room_u32 = u32::try_from(room).map_err(|_| too_long())?;
    // The view is made in JavaScript from the memory's buffer at the call, so it holds wherever
    // the memory grew before.
    let written = encode_into(text, &wasm_bindgen::memory(), at, room_u32)
        .map_err(|e| format!("{e:?}"))? as usize;
    bytes.truncate(written);
    bytes.shrink_to_fit();
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// `annotations` of `utf8` (`text` as UTF-8) as the `JsAnnotations` object.
fn to_js(
    text: &JsString,
    utf8: &str,
    annotations: &crate::Annotations,
) -> Result<JsValue, JsError> {
    // The result crosses packed (see `export::packed`): against one JSON string for the engine to
    // parse, no span text is copied, escaped or parsed, and no number printed and read back.
    let packed = packed(utf8, annotations)?;
    Ok(unpack(text, &packed.numbers, &packed.strings))
}

/// `annotations` of `utf8` packed, as `{ numbers: Float64Array, strings }` (the numbers copied
/// out of the module's memory, so that they can be handed on).
fn to_js_packed(
    utf8: &str,
    annotations: &crate::Annotations,
    reuse: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let packed = packed(utf8, annotations)?;
    let object = js_sys::Object::new();
    let numbers = numbers_array(&packed.numbers, reuse);
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&object, &key.into(), value);
    set("numbers", &numbers)
        .and_then(|_| set("strings", &packed.strings.into()))
        .map_err(|_| JsError::new("result: the packed object could not be built"))?;
    Ok(object.into())
}

/// A handed-back array more than this many times the result's length (and longer than 65 536) is
/// not used, so that the buffer a long text left is not kept for every short one after it.
const REUSE_AT_MOST: u32 = 4;

/// `numbers` as a `Float64Array`: copied into `reuse` when that is a `Float64Array` with room and
/// not far too large (the returned array is then a view of its first elements), else into a new
/// one. Copying into a buffer handed back spares the engine making a new one and touching each of
/// its pages: in Node, 0.13 ms against 1.2–1.4 for a new one on the 3 MB that 1 MB of news packs
/// into.
fn numbers_array(numbers: &[f64], reuse: Option<JsValue>) -> js_sys::Float64Array {
    let reusable = reuse.and_then(|r| r.dyn_into::<js_sys::Float64Array>().ok());
    match (reusable, u32::try_from(numbers.len())) {
        (Some(array), Ok(len))
            if array.length() >= len
                && array.length() <= len.max(1 << 16).saturating_mul(REUSE_AT_MOST) =>
        {
            let view = array.subarray(0, len);
            view.copy_from(numbers);
            view
        }
        _ => js_sys::Float64Array::from(numbers),
    }
}

fn packed(utf8: &str, annotations: &crate::Annotations) -> Result<export::packed::Packed, JsError> {
    export::to_js_packed(utf8, annotations).map_err(|e| JsError::new(&format!("result: {e}")))
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

/// Texts at least this long (in UTF-8 bytes; a string's UTF-16 length is at most that) are worth
/// annotating in two parts on two instances.
#[wasm_bindgen(js_name = twoPartsFromBytes)]
pub fn two_parts_from_bytes() -> usize {
    crate::two_parts::FROM_BYTES
}
