// One table of every benchmark figure, read from what `make bench` left behind:
// criterion's estimates (target/criterion), the browser run (target/bench/browser.json), the release
// .wasm and the page (www/), and the CLI's peak memory (target/bench/time-10MB.txt, /usr/bin/time -v).
// MB is 10^6 bytes throughout.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './texts.mjs';

const rows = [];
const row = (metric, value, target = '', ok = null) =>
  rows.push([metric, value, target, ok === null ? '' : ok ? 'ok' : 'MISSED']);
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

/** Throughput of one criterion benchmark in MB/s, or NaN when it did not run. From the median
 * time, as the browser figures are medians: a busy neighbour on a shared machine slows a few
 * samples a lot, which moves the mean and not the median. */
function nativeMBps(id) {
  const dir = join(ROOT, 'target/criterion', id, 'new');
  const est = readJson(join(dir, 'estimates.json'));
  const bench = readJson(join(dir, 'benchmark.json'));
  const bytes = bench?.throughput?.Bytes;
  return est && bytes ? bytes / est.median.point_estimate * 1e3 : NaN;
}

const n1 = nativeMBps('news/1MB');
row('native MB/s (criterion median), 5 KB article', fmt(nativeMBps('news/article-5KB')));
row('native MB/s, 1 MB news', fmt(n1), '>= 50', n1 >= 50);
row('native MB/s, 10 MB news', fmt(nativeMBps('news/10MB')));
const scaling = ['10KB', '100KB', '1MB', '10MB'].map((s) => nativeMBps(`scaling/${s}`));
const flat = Math.max(...scaling) / Math.min(...scaling);
row('native MB/s, scaling 10KB/100KB/1MB/10MB', scaling.map((x) => fmt(x)).join(' / '),
  'flat (linear cost)', Number.isFinite(flat) ? flat < 3 : null);
row('native MB/s, one 5 MB line', fmt(nativeMBps('pathological/one-5MB-line')));
row('native MB/s, 100 000 quote marks', fmt(nativeMBps('pathological/100k-quote-marks')));
row('native MB/s, capitalized words only', fmt(nativeMBps('pathological/capitalized-words-1MB')));

const b = readJson(join(ROOT, 'target/bench/browser.json')) || {};
row('wasm MB/s, 1 MB news (Chromium), one instance on the page\'s thread, median run', fmt(b.wasmMBps), '>= 20', b.wasmMBps >= 20);
// What the page does: its worker and the worker's helper, a long text in two parts (www/worker.js).
row('wasm MB/s, 1 MB news, the page\'s two workers: posted to result rebuilt on the page, median run',
  fmt(b.workersMBps), '>= 20', b.workersMBps >= 20);
row('wasm MB/s, 1 MB news, the page\'s two workers: inside the worker (text in to packed result out)',
  fmt(b.workersInWorkerMBps));
const sampleKB = fmt((b.sampleBytes || NaN) / 1e3, 0);
row(`compromise MB/s, ${sampleKB} KB news, dates parsed (compromise-dates), median of 3 warm runs`, fmt(b.compromiseDatesMBps, 3));
row(`compromise MB/s, ${sampleKB} KB news, dates as #Date tags only, median of 3 warm runs`, fmt(b.compromiseMBps, 3));
row('wasm MB/s on that same text', fmt(b.wasmSampleMBps));
row('ratio wasm / compromise, dates parsed (like for like)', fmt(b.ratioWithDates, 0) + '×', '>= 100×', b.ratioWithDates >= 100);
row('ratio wasm / compromise, dates as tags only', fmt(b.ratio, 0) + '×', '>= 100×', b.ratio >= 100);
// Start-up timings: the median over the page loads, and their range.
const timing = (key) => {
  const range = b[`${key}Range`];
  return range ? `${fmt(b[key])} (${fmt(range[0])}–${fmt(range[1])})` : fmt(b[key]);
};
const loads = b.loads ? `, median of ${b.loads} loads (range)` : '';
const articleKB = fmt((b.articleBytes || NaN) / 1e3);
// What a user sees: the annotator's own page opened afresh, its worker annotating the article.
row(`first visit, the page: ${articleKB} KB article annotated and shown, ms after the load event${loads}`,
  timing('pageShownAfterLoadMs'), '<= 50', b.pageShownAfterLoadMs <= 50);
row('first visit, the page: shown, ms after navigation start', timing('pageShownSinceNavigationMs'));
row('first visit, the page: the worker\'s first annotation ms (the call)', timing('pageAnnotateMs'));
// The module alone, on the benchmark page's own thread, in the worker's order.
row('first visit, module alone: instantiate ms', timing('instantiateMs'));
row('first visit, module alone: prepare ms (lexicons and date patterns)', timing('prepareMs'));
row(`first visit, module alone: first annotation ms, ${articleKB} KB article (the call)`, timing('firstAnnotationMs'));
row('first visit, module alone: first annotation done, ms after the load event', timing('firstAnnotationAfterLoadMs'));
// The same page loaded again in one browser profile: the browser reuses the module it compiled.
row('returning visit, module alone: instantiate / prepare / first annotation ms', ['Instantiate', 'Prepare', 'FirstAnnotation']
  .map((k) => fmt(b[`returning${k}Ms`])).join(' / '));
row('returning visit, module alone: first annotation done, ms after the load event', timing('returningFirstAnnotationAfterLoadMs'));

if (b.wasmMemoryAfterBytes) {
  // A WebAssembly memory only grows: its size after the annotation is the heap's high-water mark.
  const ratio = b.wasmMemoryAfterBytes / b.tenMegabyteBytes;
  row('wasm memory MB after 10 MB in Chromium (the heap\'s peak; JS objects not counted) (× input)',
    `${fmt(b.wasmMemoryAfterBytes / 1e6)} (${fmt(ratio)}×; ${fmt(b.wasmMemoryBeforeBytes / 1e6)} before)`, '<= 10×', ratio <= 10);
}

const wasm = join(ROOT, 'www/pkg/article_annotator_bg.wasm');
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
if (existsSync(wasm)) {
  const size = gz(wasm);
  row('gzipped .wasm KB', fmt(size / 1e3), '<= 400', size <= 400_000);
}
// The page's transfer size: every file the page can load from www/, gzipped.
const pageFiles = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(html|js|mjs|css|wasm|svg|png|ico|json)$/.test(name) && !/^package\.json$/.test(name)) pageFiles.push(path);
  }
};
if (existsSync(join(ROOT, 'www'))) walk(join(ROOT, 'www'));
const pageNote = existsSync(join(ROOT, 'www/index.html')) ? '' : ' (no www/index.html: pkg only)';
row(`page transfer KB, gzipped, ${pageFiles.length} files${pageNote}`, fmt(pageFiles.reduce((s, f) => s + gz(f), 0) / 1e3));

const time = join(ROOT, 'target/bench/time-10MB.txt');
if (existsSync(time)) {
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(time, 'utf8'))?.[1]);
  const input = statSync(join(ROOT, 'target/bench/news-10MB.txt')).size;
  const ratio = (kb * 1024) / input;
  row('CLI peak memory MB, 10 MB input (× input)', `${fmt(kb * 1024 / 1e6)} (${fmt(ratio)}×)`, '<= 10×', ratio <= 10);
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['metric', 'value', 'target', ''], ...rows].map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ').trimEnd();
console.log(line(['metric', 'value', 'target', '']));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
rows.forEach((r) => console.log(line(r)));
