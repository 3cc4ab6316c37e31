// In-page benchmark: instantiation, preparation (as the page's worker does it) and first annotation
// happen at load; bench/run.mjs then calls
// window.steady(), window.steadyInWorkers() and window.compare() and reads the figures back, and
// on a page of its own window.memoryOnTenMegabytes().
import init, { annotate, prepare } from '../www/pkg/article_annotator.js';
import { unpack } from '../www/unpack.js';
import { startHelper } from '../www/helper.js';

const OPTIONS = { referenceDate: '2016-06-01' };
const utf8Length = (s) => new TextEncoder().encode(s).length;
const out = document.getElementById('out');
const show = (o) => { out.textContent += JSON.stringify(o) + '\n'; };

/** Runs `fn` until at least `minRuns` runs and `minMs` milliseconds; returns the median ms of a
 * run (a garbage collection or a busy neighbour lands in a few runs, not in the figure). */
function timePerRun(fn, minRuns, minMs) {
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const before = performance.now();
    fn();
    times.push(performance.now() - before);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** The module's exports, its memory among them, once instantiated. */
let moduleExports = null;

async function atLoad() {
  const article = fetch('/bench-data/article.txt').then((r) => r.text());
  const initStart = performance.now();
  moduleExports = await init();
  const instantiateMs = performance.now() - initStart;
  const prepareStart = performance.now();
  prepare();
  const prepareMs = performance.now() - prepareStart;
  const text = await article;
  const firstStart = performance.now();
  const found = annotate(text, OPTIONS);
  const firstDone = performance.now();
  const firstAnnotationMs = firstDone - firstStart;
  if (document.readyState !== 'complete') await new Promise((ok) => addEventListener('load', ok, { once: true }));
  const [navigation] = performance.getEntriesByType('navigation');
  return {
    instantiateMs,
    prepareMs,
    firstAnnotationMs,
    // performance.now() counts from navigation start.
    firstAnnotationSinceNavigationMs: firstDone,
    // From the page's load event to the first annotation done (0 when it was done before).
    firstAnnotationAfterLoadMs: Math.max(0, firstDone - navigation.loadEventStart),
    articleBytes: utf8Length(text),
    articleCounts: { quotes: found.quotes.length, people: found.people.length, dates: found.dates.length, places: found.places.length },
  };
}

window.steady = async () => {
  const text = await (await fetch('/bench-data/megabyte.txt')).text();
  const bytes = utf8Length(text);
  for (let i = 0; i < 2; i++) annotate(text, OPTIONS);
  const ms = timePerRun(() => annotate(text, OPTIONS), 5, 3000);
  const res = { megabyteBytes: bytes, wasmMsPerMegabyte: ms, wasmMBps: bytes / 1e3 / ms };
  show(res);
  return res;
};

/**
 * The page's own way: the 1 MB text posted to the page's worker (www/worker.js) and its result
 * back, timed here (the round trip, the packed result rebuilt here as the page does) and by the
 * worker (from the text's arrival to the packed result's posting). After the worker's first annotation its
 * helper starts, from which on a long text is annotated in two parts on two instances.
 */
window.steadyInWorkers = async () => {
  const text = await (await fetch('/bench-data/megabyte.txt')).text();
  const bytes = utf8Length(text);
  const module = await WebAssembly.compileStreaming(fetch('/www/pkg/article_annotator_bg.wasm'));
  const make = () => new Worker('/www/worker.js', { type: 'module' });
  const worker = make();
  const replies = [];
  let wake = null;
  let helper = null;
  worker.onmessage = ({ data }) => {
    if (data.type === 'want-helper') return (helper = startHelper(worker, make, module));
    replies.push(data);
    wake?.();
  };
  const next = async () => {
    while (!replies.length) await new Promise((ok) => (wake = ok));
    return replies.shift();
  };
  worker.postMessage({ type: 'init', module });
  if ((await next()).type !== 'ready') throw new Error('the worker did not start');
  let id = 0;
  const run = async () => {
    const before = performance.now();
    worker.postMessage({ type: 'annotate', id: ++id, text, options: OPTIONS });
    const reply = await next();
    if (reply.type !== 'result') throw new Error(reply.message);
    unpack(text, reply.packed.numbers, reply.packed.strings);
    // As the page does: the numbers' buffer goes back to the worker for the next result.
    worker.postMessage({ type: 'buffer', buffer: reply.packed.numbers.buffer }, [reply.packed.numbers.buffer]);
    return { roundTrip: performance.now() - before, inWorker: reply.ms, parts: reply.parts };
  };
  // Until the helper is ready (it starts after the first annotation), then two more to warm it.
  const started = performance.now();
  while ((await run()).parts !== 2) {
    if (performance.now() - started > 20_000) throw new Error('the helper never took a part');
  }
  for (let i = 0; i < 2; i++) await run();
  const runs = [];
  const from = performance.now();
  while (runs.length < 5 || performance.now() - from < 3000) runs.push(await run());
  worker.terminate();
  helper?.terminate();
  const mid = (key) => {
    const xs = runs.map((r) => r[key]).sort((a, b) => a - b);
    return xs.length % 2 ? xs[xs.length >> 1] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
  };
  const res = {
    workersRoundTripMs: mid('roundTrip'),
    workersMBps: bytes / 1e3 / mid('roundTrip'),
    workersInWorkerMs: mid('inWorker'),
    workersInWorkerMBps: bytes / 1e3 / mid('inWorker'),
    workersParts: Math.min(...runs.map((r) => r.parts)),
  };
  show(res);
  return res;
};

/**
 * The module's memory before and after annotating 10 MB of news once, on a page that did nothing
 * else but get ready and annotate the 5 KB article. A WebAssembly memory only grows, so its size
 * after the annotation is the most the module's heap took at any moment of it (the text's copy,
 * the annotations, the result packed for JavaScript); the objects JavaScript then builds from the
 * result are not in it.
 */
window.memoryOnTenMegabytes = async () => {
  const text = await (await fetch('/bench-data/ten-megabytes.txt')).text();
  const before = moduleExports.memory.buffer.byteLength;
  annotate(text, OPTIONS);
  const res = {
    tenMegabyteBytes: utf8Length(text),
    wasmMemoryBeforeBytes: before,
    wasmMemoryAfterBytes: moduleExports.memory.buffer.byteLength,
  };
  show(res);
  return res;
};

/**
 * compromise's people, places and quotations on `text`, and its dates: as `#Date` terms when
 * `parseDates` is false, as values (compromise-dates' `.dates()`, what the annotator gives)
 * when it is true. Returns how many of each it found.
 */
function compromiseAll(nlp, text, parseDates) {
  const doc = nlp(text);
  return [
    doc.people().out('array').length,
    doc.places().out('array').length,
    doc.quotations().out('array').length,
    parseDates ? doc.dates().get().length : doc.match('#Date+').out('array').length,
  ];
}

window.compare = async () => {
  const { default: nlp } = await import('../node_modules/compromise/builds/three/compromise-three.mjs');
  const text = await (await fetch('/bench-data/sample.txt')).text();
  const article = await (await fetch('/bench-data/article.txt')).text();
  const bytes = utf8Length(text);
  // All steady: compromise warmed on the article and then run three times, the wasm build
  // (warmed by the 1 MB runs) for a second. Tags first: the dates plugin changes compromise for
  // good once loaded.
  compromiseAll(nlp, article, false);
  const compromiseMs = timePerRun(() => compromiseAll(nlp, text, false), 3, 0);
  const { default: datesPlugin } = await import('../node_modules/compromise-dates/builds/compromise-dates.mjs');
  nlp.plugin(datesPlugin);
  compromiseAll(nlp, article, true);
  const compromiseDatesMs = timePerRun(() => compromiseAll(nlp, text, true), 3, 0);
  const wasmMs = timePerRun(() => annotate(text, OPTIONS), 10, 1000);
  const res = {
    sampleBytes: bytes,
    compromiseMBps: bytes / 1e3 / compromiseMs,
    compromiseDatesMBps: bytes / 1e3 / compromiseDatesMs,
    wasmSampleMBps: bytes / 1e3 / wasmMs,
    ratio: compromiseMs / wasmMs,
    ratioWithDates: compromiseDatesMs / wasmMs,
  };
  show(res);
  return res;
};

window.loaded = atLoad().then((res) => { show(res); return res; }, (e) => ({ error: String(e) }));
