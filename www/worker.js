// Runs the annotator off the main thread so typing never waits for it.
// Messages in:  {type: 'init', module?}, {type: 'annotate', id, text, options}
// Messages out: {type: 'ready', maxTextBytes}, {type: 'failed', message},
//               {type: 'result', id, result, ms}, {type: 'error', id, message}
// `module` is the compiled WebAssembly.Module when the page compiled it while this worker was
// loading (boot.js); without it the worker fetches the wasm itself. The self-contained build
// defines globalThis.EMBEDDED_WASM (the module's bytes) before this code.
import init, { annotate, maxTextBytes, prepare } from './pkg/article_annotator.js';

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    try {
      await init({ module_or_path: data.module ?? globalThis.EMBEDDED_WASM });
      // Lexicons and date patterns are built now, while the page is still loading, so that the
      // first annotation takes milliseconds rather than a hundred or more.
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
