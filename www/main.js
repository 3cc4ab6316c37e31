// The page: wires the text box, the publication date and the panels to the annotator, which runs in
// a Web Worker (worker.js). Results that arrive for an older text are dropped.
import { worker, listenToWorker } from './boot.js';
import { SAMPLE_ARTICLE } from './sample.js';
import { unpack } from './unpack.js';
import { KINDS, prepareCountryNames, renderText, renderSpeakers, renderTimeline, renderPlaces, describe, findDateline, fileStem, quotesCsv, annotationsCsv, quotesMarkdown } from './render.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const pubdate = $('pubdate');
const pubdateHint = $('pubdate-hint');
const view = $('view');
const status = $('status');
const progress = $('progress');
const tip = $('tip');
const body = document.body;

const DEBOUNCE_MS = 250;
const encoder = new TextEncoder();

const state = {
  worker: null,
  ready: false,
  maxTextBytes: Infinity,
  seq: 0, // id of the newest request; bumped on every change
  running: null, // the request the worker is working on
  pending: null, // the newest request waiting for the worker
  shown: null, // {id, text, result, index} on screen
  dropped: 0, // stale results dropped
  timer: 0,
  pubdateAuto: true, // the date field follows the dateline until the user edits it
};

// ------------------------------------------------------------------------------------------ worker

async function onWorkerMessage({ data }) {
  if (data.type === 'ready') {
    state.ready = true;
    state.maxTextBytes = data.maxTextBytes;
    body.dataset.ready = '1';
    setStatus('Ready.');
    schedule(true);
    return;
  }
  if (data.type === 'failed') {
    setStatus(`The annotator could not start: ${data.message}`, true);
    drawMap();
    return;
  }
  const job = state.running;
  state.running = null;
  if (state.pending) dispatch(state.pending);
  if (data.id !== state.seq) {
    if (data.type === 'result') giveBack(data.packed.numbers.buffer);
    state.dropped += 1; // the text or the date changed since: a newer request follows
    body.dataset.dropped = String(state.dropped);
    return;
  }
  if (data.type === 'error') setStatus(`Could not annotate: ${data.message}`, true);
  else {
    // Rebuilt at once, the numbers' buffer then going back to the worker for a later result.
    const result = unpack(job.text, data.packed.numbers, data.packed.strings);
    giveBack(data.packed.numbers.buffer);
    if (!(await show(job, result, data.ms))) return; // overtaken while rendering
    body.dataset.parts = String(data.parts); // 2 when the worker's helper found half (worker.js)
  }
  if (!state.running && data.id === state.seq) idle();
  drawMap();
}

/** Gives the world map its image, once: only after the first result is on screen (or the
 * annotator failed to start), since decoding and drawing the map's outline would otherwise share
 * the two cores of a small machine with the annotator's start-up, and on a first visit the result
 * came about 50 ms later (the map's image took that much of the page's loading). */
function drawMap() {
  const image = document.querySelector('#map image');
  if (image && !image.hasAttribute('href')) image.setAttribute('href', image.dataset.href);
}

/** Hands a result's numbers' buffer back to the worker, which copies the next result into it. */
function giveBack(buffer) {
  state.worker.postMessage({ type: 'buffer', buffer }, [buffer]);
}

function dispatch(job) {
  state.pending = null;
  state.running = job;
  body.dataset.state = 'busy';
  if (job.text.length > 100_000) {
    setStatus(`Annotating ${(job.bytes / 1_048_576).toFixed(1)} MB…`);
    progress.hidden = false;
  }
  state.worker.postMessage({ type: 'annotate', id: job.id, text: job.text, options: job.options });
}

function idle() {
  progress.hidden = true;
  body.dataset.state = 'idle';
}

/** Queues annotation of the current text: at once, or after a pause in typing. */
function schedule(now) {
  state.seq += 1; // whatever is on its way now is stale
  clearTimeout(state.timer);
  body.dataset.state = 'busy';
  if (now) request();
  else state.timer = setTimeout(request, DEBOUNCE_MS);
}

function request() {
  const text = input.value;
  const bytes = encoder.encode(text).length;
  const job = { id: state.seq, text, bytes, options: { referenceDate: pubdate.value || null } };
  if (bytes > state.maxTextBytes) {
    setStatus(`The text is too large (${(bytes / 1_048_576).toFixed(1)} MB; the limit is ${state.maxTextBytes / 1_048_576} MB).`, true);
    idle();
    return;
  }
  if (!state.ready) return; // sent when the worker is ready
  if (state.running) state.pending = job;
  else dispatch(job);
}

// ------------------------------------------------------------------------------------------ showing results

/** Shows `result` for `job`; false when a newer change overtook it while rendering. */
async function show(job, result, ms) {
  const t0 = performance.now();
  const index = await renderText(view, job.text, result, () => job.id !== state.seq);
  if (!index) return false;
  state.shown = { id: job.id, text: job.text, result, index };
  renderSpeakers($('speakers'), $('speakers-summary'), result);
  renderTimeline($('timeline'), result);
  renderPlaces($('places'), $('dots'), result);
  const people = result.people.length;
  setStatus(
    job.text.trim()
      ? `${result.quotes.length} quotes, ${people} people, ${result.dates.length} dates, ${result.places.length} places — ${Math.round(ms)} ms.`
      : 'Paste or type an article.',
  );
  body.dataset.shown = String(job.id);
  body.dataset.annotateMs = String(Math.round(ms));
  body.dataset.renderMs = String(Math.round(performance.now() - t0));
  hideTip();
  return true;
}

function setStatus(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

// ------------------------------------------------------------------------------------------ linking and tooltips

function annotationOf(target) {
  return target instanceof Element ? target.closest('#view .a') : null;
}

/** The elements linked to `node`: a quote's speaker mention, or a speaker mention's quotes. */
function linked(node) {
  const shown = state.shown;
  if (!shown) return [];
  if (node.dataset.kind === 'quote') {
    const m = shown.result.quotes[+node.dataset.quote].speakerMention;
    const speaker = m && shown.index.speakers.get(`${m.start}:${m.end}`);
    return speaker ? [speaker] : [];
  }
  if (node.dataset.quotes) return node.dataset.quotes.split(' ').map((i) => shown.index.quotes[+i]).filter(Boolean);
  return [];
}

let lit = [];
function light(node) {
  for (const n of lit) n.classList.remove('lit');
  lit = node ? [node, ...linked(node)] : [];
  for (const n of lit) n.classList.add('lit');
}

function showTip(node) {
  // The innermost annotation under the pointer is described; a quote is described from inside it too.
  const quote = node.closest('.a-quote');
  const inside = quote && quote !== node ? ` · inside a ${describe(quote, state.shown.result).replace(/^Quote/, 'quote')}` : '';
  tip.textContent = describe(node, state.shown.result) + inside;
  tip.hidden = false;
  const r = node.getBoundingClientRect();
  const top = r.bottom + window.scrollY + 6;
  const left = Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
  tip.style.top = `${top}px`;
  tip.style.left = `${Math.max(8, left)}px`;
  light(node.dataset.kind === 'quote' || node.dataset.quotes ? node : quote ?? node);
}

function hideTip() {
  tip.hidden = true;
  light(null);
}

view.addEventListener('mouseover', (e) => {
  const node = annotationOf(e.target);
  if (node) showTip(node);
  else hideTip();
});
view.addEventListener('mouseleave', hideTip);
view.addEventListener('focusin', (e) => {
  const node = annotationOf(e.target);
  if (node) showTip(node);
});
view.addEventListener('focusout', hideTip);

// ------------------------------------------------------------------------------------------ navigation

function visibleAnnotations() {
  const hidden = new Set(KINDS.filter((k) => view.classList.contains(`hide-${k}`)));
  return (state.shown?.index.all ?? []).filter((n) => !hidden.has(n.dataset.kind));
}

function step(direction) {
  const all = visibleAnnotations();
  if (!all.length) return;
  const current = all.indexOf(document.activeElement);
  const next = current < 0 ? (direction > 0 ? 0 : all.length - 1) : (current + direction + all.length) % all.length;
  goTo(all[next], false);
}

function goTo(node, flash = true) {
  if (!node) return;
  node.scrollIntoView({ block: 'center', behavior: 'smooth' });
  node.focus({ preventScroll: true });
  if (flash) {
    node.classList.remove('flash');
    void node.offsetWidth; // restart the animation
    node.classList.add('flash');
  }
}

view.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  if (['j', 'n', 'ArrowRight', 'ArrowDown'].includes(e.key)) step(1);
  else if (['k', 'p', 'ArrowLeft', 'ArrowUp'].includes(e.key)) step(-1);
  else if (e.key === 'Escape') hideTip();
  else return;
  e.preventDefault();
});
$('next').addEventListener('click', () => step(1));
$('prev').addEventListener('click', () => step(-1));
view.addEventListener('animationend', (e) => e.target.classList.remove('flash'));

// Panel entries name their target as data-goto="kind:index".
document.addEventListener('click', (e) => {
  const source = e.target instanceof Element ? e.target.closest('[data-goto]') : null;
  if (!source || !state.shown) return;
  const [kind, i] = source.dataset.goto.split(':');
  const index = state.shown.index;
  goTo({ quote: index.quotes, date: index.dates, place: index.places }[kind]?.[+i]);
});

// ------------------------------------------------------------------------------------------ legend

$('legend').addEventListener('change', (e) => {
  if (e.target.matches('input[type=checkbox]')) view.classList.toggle(`hide-${e.target.value}`, !e.target.checked);
});

// ------------------------------------------------------------------------------------------ input

function followDateline() {
  if (!state.pubdateAuto) return;
  const found = findDateline(input.value);
  pubdate.value = found ?? '';
  pubdateHint.textContent = found ? 'from the dateline' : '';
}

input.addEventListener('input', () => {
  followDateline();
  schedule(false);
});
pubdate.addEventListener('input', () => {
  state.pubdateAuto = pubdate.value === '';
  pubdateHint.textContent = pubdate.value ? 'set by you' : '';
  schedule(true);
});
$('run').addEventListener('click', () => schedule(true));
$('sample').addEventListener('click', () => {
  input.value = SAMPLE_ARTICLE;
  state.pubdateAuto = true;
  followDateline();
  schedule(true);
});
$('clear').addEventListener('click', () => {
  input.value = '';
  state.pubdateAuto = true;
  followDateline();
  schedule(true);
  input.focus();
});

// ------------------------------------------------------------------------------------------ export

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exported(fn) {
  return () => {
    const shown = state.shown;
    if (!shown || !shown.text.trim()) {
      setStatus('Nothing to export yet.', true);
      return;
    }
    fn(shown, fileStem(shown.text));
  };
}

$('export-json').addEventListener(
  'click',
  exported((s, stem) => download(`${stem}.json`, 'application/json', `${JSON.stringify(s.result, null, 2)}\n`)),
);
$('export-quotes').addEventListener(
  'click',
  exported((s, stem) => download(`${stem}-quotes.csv`, 'text/csv;charset=utf-8', `\ufeff${quotesCsv(s.result)}`)),
);
$('export-all').addEventListener(
  'click',
  exported((s, stem) => download(`${stem}-annotations.csv`, 'text/csv;charset=utf-8', `\ufeff${annotationsCsv(s.result)}`)),
);
$('copy-md').addEventListener(
  'click',
  exported(async (s) => {
    const markdown = quotesMarkdown(s.result);
    const n = s.result.quotes.filter((q) => q.kind === 'speech').length;
    try {
      await navigator.clipboard.writeText(markdown);
    } catch {
      // Clipboard API refused (e.g. no permission): fall back to a hidden selection.
      const area = document.createElement('textarea');
      area.value = markdown;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    body.dataset.copied = markdown;
    setStatus(`Copied ${n} quote${n === 1 ? '' : 's'} as Markdown.`);
  }),
);

// ------------------------------------------------------------------------------------------ theme

const THEMES = ['auto', 'light', 'dark'];
function applyTheme(theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  const button = $('theme');
  button.textContent = { auto: '◐ Auto', light: '☀ Light', dark: '☾ Dark' }[theme];
  button.setAttribute('aria-label', `Colour theme: ${theme === 'auto' ? 'automatic' : theme}`);
  button.dataset.value = theme;
}
$('theme').addEventListener('click', () => {
  const next = THEMES[(THEMES.indexOf($('theme').dataset.value ?? 'auto') + 1) % THEMES.length];
  applyTheme(next);
  try {
    localStorage.setItem('theme', next);
  } catch {
    // storage unavailable (private mode, file://): the choice lasts for this visit
  }
});
let savedTheme = 'auto';
try {
  savedTheme = localStorage.getItem('theme') ?? 'auto';
} catch {
  // as above
}
applyTheme(THEMES.includes(savedTheme) ? savedTheme : 'auto');

// ------------------------------------------------------------------------------------------ start

body.dataset.state = 'idle';
state.worker = worker;
listenToWorker(onWorkerMessage, (e) => {
  setStatus(`The annotator could not start: ${e.message ?? 'worker error'}`, true);
  drawMap();
});
// While the worker gets ready (requestIdleCallback is missing in some browsers).
(window.requestIdleCallback ?? ((run) => setTimeout(run, 100)))(() => prepareCountryNames());
