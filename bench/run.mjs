// Browser benchmark: serves the repository root on 127.0.0.1, opens bench/index.html in headless
// Chromium (playwright-core, /usr/bin/chromium) and prints the figures as JSON on stdout.
// The page loads the release build from www/pkg (`make build`) and, for comparison only,
// compromise (with its dates plugin) from node_modules; nothing here ships with the page.
//   node bench/run.mjs            JSON on stdout, progress on stderr
// Env: BENCH_SAMPLE_BYTES (default 100000): size of the text both tools annotate for the ratio.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, DATA_DIR, newsTexts, typicalArticle, newsOfSize } from './texts.mjs';

const SAMPLE_BYTES = Number(process.env.BENCH_SAMPLE_BYTES || 100_000);
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};
const SERVED = ['/bench/', '/www/', '/node_modules/compromise/', '/node_modules/compromise-dates/'];

const texts = newsTexts();
if (!texts) {
  console.error(`browser benchmark skipped: ${DATA_DIR} not found`);
  console.log(JSON.stringify({ skipped: 'no news text' }));
  process.exit(0);
}
if (!existsSync(join(ROOT, 'www/pkg/article_annotator_bg.wasm'))) {
  console.error('browser benchmark needs the release build: run `make build` first');
  process.exit(2);
}
const article = typicalArticle(texts);
const data = {
  '/bench-data/article.txt': article,
  // The page as shipped, with the 5 KB article as the sample it annotates on opening.
  '/www/sample.js': `export const SAMPLE_ARTICLE = ${JSON.stringify(article)};\n`,
  '/bench-data/megabyte.txt': newsOfSize(texts, 1_000_000),
  '/bench-data/ten-megabytes.txt': newsOfSize(texts, 10_000_000),
  '/bench-data/sample.txt': newsOfSize(texts, SAMPLE_BYTES),
};

/** `no-store` for first visits; `no-cache` (fetched again every time, as a static server's files
 * are revalidated) for a returning visitor, whose browser may keep the compiled module. */
let cacheControl = 'no-store';

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (data[path] !== undefined) {
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || TYPES['.txt'], 'cache-control': cacheControl });
    return res.end(data[path]);
  }
  const file = join(ROOT, path);
  if (!SERVED.some((p) => path.startsWith(p)) || !existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': cacheControl });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--disable-gpu', '--disable-dev-shm-usage'],
});
/** Start-up figures swing by 2× from one load to the next on a shared machine: the page is loaded
 * this many times and the median of each timing is reported, with its range. */
const LOADS = 7;
const TIMINGS = ['instantiateMs', 'prepareMs', 'firstAnnotationMs', 'firstAnnotationSinceNavigationMs',
  'firstAnnotationAfterLoadMs'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Loads the benchmark page in `page` and returns its start-up figures. */
async function load(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${origin}/bench/index.html`);
  const loaded = await page.evaluate(() => window.loaded);
  if (loaded.error || errors.length) throw new Error(loaded.error || errors.join('\n'));
  page.removeAllListeners('pageerror');
  page.removeAllListeners('console');
  return loaded;
}

const PAGE_TIMINGS = ['pageShownSinceNavigationMs', 'pageShownAfterLoadMs', 'pageAnnotateMs'];

/** Opens the annotator's own page (www/index.html) in `page`, puts the article in at the load
 * event (its "sample" button, the article standing in for the sample) and returns when the
 * article's annotations were on screen: since navigation start, after the load event, and the
 * worker's time for that annotation. */
async function openAnnotator(page) {
  await page.addInitScript(() => {
    addEventListener('load', () => document.getElementById('sample').click());
    new MutationObserver(() => {
      if (!window.shownAt && document.body.dataset.shown && document.getElementById('view').textContent) {
        window.shownAt = performance.now();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-shown'] });
  });
  await page.goto(`${origin}/www/index.html`);
  await page.waitForFunction(() => window.shownAt, null, { timeout: 20_000 });
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    return {
      pageShownSinceNavigationMs: window.shownAt,
      pageShownAfterLoadMs: Math.max(0, window.shownAt - navigation.loadEventStart),
      pageAnnotateMs: Number(document.body.dataset.annotateMs),
    };
  });
}

/** `loads`' medians and ranges of the start-up timings, the keys prefixed with `prefix`. */
function summarize(loads, prefix, keys = TIMINGS) {
  const out = {};
  for (const key of keys) {
    const values = loads.map((l) => l[key]);
    const name = prefix ? prefix + key[0].toUpperCase() + key.slice(1) : key;
    out[name] = median(values);
    out[`${name}Range`] = [Math.min(...values), Math.max(...values)];
  }
  return out;
}

try {
  // First visits: a fresh browser profile for each load, nothing cached.
  const loads = [];
  let page;
  for (let i = 0; i < LOADS; i++) {
    if (page) await page.context().close();
    page = await (await browser.newContext()).newPage();
    const loaded = await load(page);
    console.error('browser: loaded', JSON.stringify(loaded));
    loads.push(loaded);
  }
  const loaded = { ...loads[0], loads: LOADS, ...summarize(loads, '') };
  // The annotator's page on first visits, the 5 KB article as its sample.
  const opened = [];
  for (let i = 0; i < LOADS; i++) {
    const fresh = await (await browser.newContext()).newPage();
    const shown = await openAnnotator(fresh);
    console.error('browser: page shown', JSON.stringify(shown));
    opened.push(shown);
    await fresh.context().close();
  }
  Object.assign(loaded, summarize(opened, '', PAGE_TIMINGS));
  // A returning visitor: one profile, the page loaded again and again; the first load fills the
  // browser's caches and is left out.
  cacheControl = 'no-cache';
  const returning = await (await browser.newContext()).newPage();
  const again = [];
  for (let i = 0; i <= LOADS; i++) {
    const loadedAgain = await load(returning);
    console.error('browser: loaded again', JSON.stringify(loadedAgain));
    if (i > 0) again.push(loadedAgain);
  }
  await returning.context().close();
  cacheControl = 'no-store';
  Object.assign(loaded, summarize(again, 'returning'));
  const steady = await page.evaluate(() => window.steady());
  console.error('browser: steady', JSON.stringify(steady));
  const inWorkers = await page.evaluate(() => window.steadyInWorkers());
  console.error('browser: steady in workers', JSON.stringify(inWorkers));
  Object.assign(steady, inWorkers);
  const compare = await page.evaluate(() => window.compare());
  console.error('browser: compare', JSON.stringify(compare));
  // The module's peak memory on 10 MB, in an instance that annotated nothing long before.
  const fresh = await (await browser.newContext()).newPage();
  await load(fresh);
  const memory = await fresh.evaluate(() => window.memoryOnTenMegabytes());
  console.error('browser: memory', JSON.stringify(memory));
  await fresh.context().close();
  console.log(JSON.stringify({ chromium: browser.version(), ...loaded, ...steady, ...compare, ...memory }, null, 1));
} finally {
  await browser.close();
  server.close();
}
