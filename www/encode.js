// Writes a text from the page into the module's memory as UTF-8, in one call of the browser's
// own encoder. (wasm-bindgen's way of taking a string first copies its ASCII opening one code
// unit at a time in JavaScript, then grows the buffer and encodes the rest: on 1 MB of news in
// Chromium about twice as long.) Used by src/wasm.rs; scripts/flatten-glue.mjs puts it in the glue.

const encoder = new TextEncoder();

/** Encodes `text` into the `room` bytes of `memory` (the module's WebAssembly.Memory) from byte
 * `at` on and returns how many bytes it wrote. `room` must be at least three times `text.length`:
 * each UTF-16 code unit takes at most three bytes in UTF-8. */
export function encodeInto(text, memory, at, room) {
  const { read, written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, at, room));
  if (read !== text.length) throw new Error(`encodeInto: ${read} of ${text.length} code units fit`);
  return written;
}
