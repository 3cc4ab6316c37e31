// Runs the annotator off the main thread so typing never waits for it.
// Messages in:  {type: 'init', module?}, {type: 'annotate', id, text, options},
//               {type: 'buffer', buffer} (a result's numbers handed back, for the next result)
// Messages out: {type: 'ready', maxTextBytes}, {type: 'failed', message},
//               {type: 'result', id, packed, ms, parts}, {type: 'error', id, message}
// `packed` is the result as annotatePacked gives it, {numbers, strings}, for unpack.js to rebuild
// with the same text: rebuilding it there costs the page less than copying the object across.
// `module` is the compiled WebAssembly.Module when the page compiled it while this worker was
// loading (boot.js); without it the worker fetches the wasm itself. The self-contained build
// defines globalThis.EMBEDDED_WASM (the module's bytes) before this code.
//
// Two parts: a while after its first annotation (HELPER_AFTER_MS, so as not to slow the page's
// first result; at once should a long text come first) this worker asks the page for a helper
// ({type: 'want-helper'}; helper.js makes it): a second worker from this same script with its own
// instance of the module, joined to this one by a MessageChannel ({type: 'helper', port}). A long
// text (twoPartsFromBytes() or more) is then annotated on both at once: the helper finds the
// second part (annotateSecondPart) and hands it over as bytes while this worker finds the first
// (beginAnnotation), and `parts` in the result is 2. Should the helper fail to start, fail a part,
// crash ({type: 'helper-stopped', message} from the page) or not answer, this worker finds that
// part itself.
// Helper messages in: {type: 'init', module?, role: 'helper', port}; on the port {type: 'part', id,
// text, options}. Out, on the port: {type: 'ready'}, {type: 'failed', message},
// {type: 'part', id, bytes} or {type: 'part', id, error}.
import init, { annotatePacked, annotateSecondPart, beginAnnotation, maxTextBytes, prepare, twoPartsFromBytes } from './pkg/article_annotator.js';

let role = 'page';
/** The buffer of an earlier result's numbers, handed back by the page once it rebuilt that
 * result: the next result's numbers are copied into it when it has room (annotatePacked's
 * `reuse`), which on a long text spares making and paging in a new one. */
let spareNumbers = null;
/** The spare buffer as an array for one result, or undefined; it goes out with that result. */
function takeSpare() {
  const spare = spareNumbers;
  spareNumbers = null;
  return spare ? new Float64Array(spare) : undefined;
}
let helper = null; // {port, ready, seq, waiting: Map(id → resolve)} once joined
let helperAsked = false;
let annotated = 0;
/** How long after the first annotation the helper starts: on a first visit its start-up (the
 * engine compiling the module's code once more) would share the two cores with the page showing
 * that first result. */
const HELPER_AFTER_MS = 1500;

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    role = data.role ?? 'page';
    // A helper answers on its port; the page's worker to the page.
    const reply = role === 'helper' ? data.port : self;
    if (role === 'helper') data.port.onmessage = ({ data: part }) => annotatePart(data.port, part);
    try {
      await init({ module_or_path: data.module ?? globalThis.EMBEDDED_WASM });
      // Lexicons and date patterns are built now, while the page is still loading, so that the
      // first annotation takes milliseconds rather than a hundred or more.
      prepare();
      reply.postMessage(role === 'helper' ? { type: 'ready' } : { type: 'ready', maxTextBytes: maxTextBytes() });
    } catch (e) {
      reply.postMessage({ type: 'failed', message: String(e?.message ?? e) });
      if (role === 'helper') self.close();
    }
  } else if (data.type === 'buffer') {
    spareNumbers = data.buffer;
  } else if (data.type === 'helper') {
    joinHelper(data.port);
  } else if (data.type === 'helper-stopped') {
    stopHelper(data.message);
  } else if (data.type === 'annotate') {
    const t0 = performance.now();
    try {
      const { packed, parts } = await annotateInParts(data.text, data.options);
      const ms = performance.now() - t0;
      self.postMessage({ type: 'result', id: data.id, packed, ms, parts }, [packed.numbers.buffer]);
    } catch (e) {
      self.postMessage({ type: 'error', id: data.id, message: String(e?.message ?? e) });
    }
    annotated += 1;
    if (annotated === 1) setTimeout(askForHelper, HELPER_AFTER_MS);
  }
};

/** How long the helper may take over the part of `text` before this worker finds it itself:
 * far longer than it takes (about 25 ms per MB), so that only a helper that stopped answering
 * trips it; an answer that comes later is dropped. */
const partTimeoutMs = (text) => Math.round(5000 + text.length / 1000);

/** `text` annotated (packed), in two parts when it is long and the helper is ready. */
async function annotateInParts(text, options) {
  // A string's UTF-16 length is at most its UTF-8 length.
  const long = text.length >= twoPartsFromBytes();
  if (long) askForHelper(); // for the next long text, should this one come before the helper
  if (!helper?.ready || !long) return { packed: annotatePacked(text, options, takeSpare()), parts: 1 };
  const asked = helper;
  const id = ++asked.seq;
  let timer;
  const reply = new Promise((resolve) => {
    asked.waiting.set(id, resolve);
    const ms = partTimeoutMs(text);
    timer = setTimeout(() => asked.waiting.delete(id) && resolve({ error: `no answer within ${ms} ms` }), ms);
  });
  asked.port.postMessage({ type: 'part', id, text, options });
  let pending;
  try {
    pending = beginAnnotation(text, options);
  } catch (e) {
    asked.waiting.delete(id); // its part, when it comes, is dropped
    clearTimeout(timer);
    throw e;
  }
  const { bytes, error } = await reply;
  clearTimeout(timer);
  if (error) console.warn(`the helper could not annotate the second part (${error}); finding it here`);
  return { packed: pending.finishPacked(bytes, takeSpare()), parts: bytes ? 2 : 1 };
}

/** The helper's answer to a part: its bytes, or why there are none. */
function annotatePart(port, { id, text, options }) {
  try {
    const bytes = annotateSecondPart(text, options);
    port.postMessage({ type: 'part', id, bytes }, [bytes.buffer]);
  } catch (e) {
    port.postMessage({ type: 'part', id, error: String(e?.message ?? e) });
  }
}

/** Asks the page for the helper, once; without one every text is annotated here. */
function askForHelper() {
  if (helperAsked) return;
  helperAsked = true;
  self.postMessage({ type: 'want-helper' });
}

/** Starts working with the helper at the other end of `port` once it says it is ready. */
function joinHelper(port) {
  const joined = { port, ready: false, seq: 0, waiting: new Map() };
  helper = joined;
  port.onmessage = ({ data }) => {
    if (data.type === 'ready') joined.ready = true;
    else if (data.type === 'failed') stopHelper(data.message);
    else if (data.type === 'part') {
      const resolve = joined.waiting.get(data.id);
      joined.waiting.delete(data.id);
      resolve?.(data);
    }
  };
}

/** Stops using the helper: the parts it still owes are found here. */
function stopHelper(why) {
  console.warn(`the helper worker stopped (${why}): long texts are annotated in one part`);
  const stopped = helper;
  helper = null;
  if (!stopped) return;
  for (const resolve of stopped.waiting.values()) resolve({ error: why });
  stopped.waiting.clear();
  stopped.port.close();
}
