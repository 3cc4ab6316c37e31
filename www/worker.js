// Runs the annotator off the main thread so typing never waits for it.
// Messages in:  {type: 'init'}, {type: 'annotate', id, text, options}
// Messages out: {type: 'ready', maxTextBytes}, {type: 'failed', message},
//               {type: 'result', id, result, ms}, {type: 'error', id, message}
// The self-contained build defines globalThis.EMBEDDED_WASM (the module's bytes) before this code.
import init, { annotate, maxTextBytes, prepare } from './pkg/article_annotator.js';

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    try {
      const bytes = globalThis.EMBEDDED_WASM;
      await init(bytes ? { module_or_path: bytes } : undefined);
      // Lexicons and date patterns are built now, while the user is still reading the page, so
      // that the first annotation takes milliseconds rather than a few hundred.
      prepare();
      self.postMessage({ type: 'ready', maxTextBytes: maxTextBytes() });
    } catch (e) {
      self.postMessage({ type: 'failed', message: String(e?.message ?? e) });
    }
  } else if (data.type === 'annotate') {
    const t0 = performance.now();
    try {
      const result = annotate(data.text, data.options);
      self.postMessage({ type: 'result', id: data.id, result, ms: performance.now() - t0 });
    } catch (e) {
      self.postMessage({ type: 'error', id: data.id, message: String(e?.message ?? e) });
    }
  }
};
