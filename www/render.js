// Rendering of an annotation result (the object `annotate` returns, UTF-16 offsets) into the DOM, and
// the text formats the page exports. Everything from the article goes in as text nodes or textContent,
// never as HTML.

/** The kinds of highlight, in legend order. */
export const KINDS = ['quote', 'speaker', 'person', 'date', 'place'];

/** The engine's English country names (`Intl.DisplayNames`), made on first use: making them
 * takes 10–25 ms, which the page's start-up should not wait for (see `prepareCountryNames`). */
let regionNames;

function countryNames() {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  return regionNames;
}

/** Makes the country names ready now, for a caller with idle time before the first result. */
export function prepareCountryNames() {
  countryNames();
}

/** English name of an ISO 3166-1 alpha-2 code, or the code itself. */
export function countryName(code) {
  if (!code) return 'Country unknown';
  try {
    return countryNames()?.of(code) ?? code;
  } catch {
    return code;
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const spanKey = (s) => `${s.start}:${s.end}`;

/** Number of words in a string. */
export function wordCount(text) {
  return (text.match(/\S+/g) || []).length;
}

/** Flat list of highlights: {start, end, kind, index, ...} sorted outermost first. */
export function marksOf(result) {
  const marks = [];
  const speakerOf = new Map(); // span key → indices of the quotes that rest on that mention
  result.quotes.forEach((q, i) => {
    marks.push({ start: q.outerStart, end: q.outerEnd, kind: 'quote', quote: i, other: q.kind !== 'speech' });
    if (q.speakerMention) {
      const key = spanKey(q.speakerMention);
      if (!speakerOf.has(key)) speakerOf.set(key, []);
      speakerOf.get(key).push(i);
    }
  });
  const covered = new Set();
  result.people.forEach((p, pi) => {
    p.mentions.forEach((m) => {
      const key = spanKey(m);
      const quotes = speakerOf.get(key);
      covered.add(key);
      marks.push({ start: m.start, end: m.end, kind: quotes ? 'speaker' : 'person', person: pi, quotes });
    });
  });
  for (const [key, quotes] of speakerOf) {
    if (covered.has(key)) continue; // a source that is not a person ("the ministry")
    const m = result.quotes[quotes[0]].speakerMention;
    marks.push({ start: m.start, end: m.end, kind: 'speaker', quotes });
  }
  result.dates.forEach((d, i) => marks.push({ start: d.start, end: d.end, kind: 'date', date: i }));
  result.places.forEach((p, i) => marks.push({ start: p.start, end: p.end, kind: 'place', place: i }));
  const rank = { quote: 0, speaker: 1, person: 1, place: 2, date: 3 };
  marks.sort((a, b) => a.start - b.start || b.end - a.end || rank[a.kind] - rank[b.kind]);
  return marks.filter((m) => m.end > m.start);
}

const SLICE_MS = 12;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Fills `view` with `text`, highlighted by `result`, working in slices of a few milliseconds; gives up
 * (resolving to null) when `isStale()` turns true between slices. Overlapping highlights nest; one that crosses
 * another's end is cut there. Returns lookups from annotation to its elements.
 */
export async function renderText(view, text, result, isStale = () => false) {
  const index = { quotes: [], speakers: new Map(), people: [], dates: [], places: [], all: [] };
  const root = document.createDocumentFragment();
  // The text goes into blocks of about CHUNK characters, cut after a line break outside any highlight,
  // so that for a long text the browser lays out only the blocks on screen (content-visibility: auto).
  const CHUNK = 20_000;
  const newChunk = () => root.appendChild(el('div', 'chunk'));
  const stack = [{ end: text.length, node: newChunk() }];
  let chunkStart = 0;
  let pos = 0;
  let nextBreak = -2; // cached text.indexOf('\n', from) for a from ≤ pos; -1: none left
  const emit = (upTo) => {
    while (upTo > pos) {
      let cut = upTo;
      if (stack.length === 1) {
        const from = Math.max(pos, chunkStart + CHUNK);
        if (nextBreak !== -1 && nextBreak < from) nextBreak = text.indexOf('\n', from);
        if (nextBreak >= 0 && nextBreak < upTo) cut = nextBreak + 1;
      }
      stack[stack.length - 1].node.append(text.slice(pos, cut));
      pos = cut;
      if (stack.length === 1 && cut === nextBreak + 1) {
        stack[0].node = newChunk();
        chunkStart = cut;
      }
    }
  };
  let sliceStart = performance.now();
  let n = 0;
  for (const mark of marksOf(result)) {
    // A long text is rendered in slices, so that input events are handled in between.
    if (++n % 256 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      if (isStale()) return null;
      sliceStart = performance.now();
    }
    const start = Math.max(mark.start, pos);
    while (stack.length > 1 && stack[stack.length - 1].end <= start) {
      emit(stack[stack.length - 1].end);
      stack.pop();
    }
    const end = Math.min(mark.end, stack[stack.length - 1].end);
    if (end <= start) continue;
    emit(start);
    const node = el(mark.kind === 'quote' ? 'mark' : 'span', `a a-${mark.kind}${mark.other ? ' other' : ''}`);
    node.tabIndex = -1;
    node.dataset.kind = mark.kind;
    for (const field of ['quote', 'person', 'date', 'place']) {
      if (mark[field] !== undefined) node.dataset[field] = String(mark[field]);
    }
    if (mark.quotes) node.dataset.quotes = mark.quotes.join(' ');
    stack[stack.length - 1].node.append(node);
    stack.push({ end, node });
    index.all.push(node);
    if (mark.quote !== undefined) index.quotes[mark.quote] = node;
    if (mark.date !== undefined) index.dates[mark.date] = node;
    if (mark.place !== undefined) index.places[mark.place] = node;
    if (mark.person !== undefined) (index.people[mark.person] ??= []).push(node);
    if (mark.quotes) index.speakers.set(spanKey(mark), node);
  }
  while (stack.length > 1) {
    emit(stack[stack.length - 1].end);
    stack.pop();
  }
  emit(text.length);
  view.replaceChildren(root);
  return index;
}

/** The words a tooltip shows for a highlighted element. */
export function describe(node, result) {
  const d = node.dataset;
  if (d.kind === 'quote') {
    const q = result.quotes[+d.quote];
    if (q.kind !== 'speech') return 'Quoted words (not speech)';
    if (!q.speakerName) return 'Quote — speaker unknown';
    return `Quote by ${q.speakerName}${q.cue ? ` (“${q.cue.text}”)` : ''}`;
  }
  if (d.kind === 'speaker') {
    const n = d.quotes.split(' ').length;
    const person = d.person !== undefined ? result.people[+d.person].name : null;
    return `${person ?? 'Source'} — speaker of ${n} quote${n === 1 ? '' : 's'}`;
  }
  if (d.kind === 'person') return `Person: ${result.people[+d.person].name}`;
  if (d.kind === 'date') {
    const x = result.dates[+d.date];
    return `${x.type === 'DATE' ? 'Date' : x.type.toLowerCase()}: ${x.value}`;
  }
  if (d.kind === 'place') {
    const p = result.places[+d.place];
    return `Place: ${p.name}${p.country ? `, ${countryName(p.country)}` : ''} (${p.kind})`;
  }
  return '';
}

/** Speech quotes grouped by speaker, most quoted first; unattributed quotes last. */
export function speakerGroups(result) {
  const groups = new Map();
  result.quotes.forEach((q, i) => {
    if (q.kind !== 'speech') return;
    const key = q.speaker != null ? `p${q.speaker}` : q.speakerName ? `n${q.speakerName}` : '';
    if (!groups.has(key)) {
      groups.set(key, { name: key ? q.speakerName : null, quotes: [], words: 0 });
    }
    const g = groups.get(key);
    g.quotes.push(i);
    g.words += wordCount(q.text);
  });
  const named = [...groups.values()].filter((g) => g.name);
  named.sort((a, b) => b.quotes.length - a.quotes.length || b.words - a.words || a.name.localeCompare(b.name));
  const unattributed = groups.get('');
  return unattributed ? [...named, unattributed] : named;
}

function quoteButton(q, i) {
  const li = el('li');
  const button = el('button', 'link quote-link', `“${q.text}”`);
  button.type = 'button';
  button.dataset.goto = `quote:${i}`;
  li.append(button);
  return li;
}

/** The "who said what" panel. */
export function renderSpeakers(list, summary, result) {
  const groups = speakerGroups(result);
  const maxWords = Math.max(1, ...groups.map((g) => g.words));
  const n = groups.reduce((sum, g) => sum + g.quotes.length, 0);
  const nNamed = groups.filter((g) => g.name).length;
  summary.textContent = n
    ? `${n} quote${n === 1 ? '' : 's'} from ${nNamed} source${nNamed === 1 ? '' : 's'}.`
    : 'No quotes found.';
  list.replaceChildren(
    ...groups.map((g) => {
      const li = el('li', g.name ? 'speaker' : 'speaker unattributed');
      const details = el('details');
      const head = el('summary');
      head.append(el('span', 'speaker-name', g.name ?? 'Unattributed'));
      head.append(
        el('span', 'speaker-count', `${g.quotes.length} quote${g.quotes.length === 1 ? '' : 's'} · ${g.words} words`),
      );
      const bar = el('span', 'meter');
      const fill = el('span', 'meter-fill');
      fill.style.width = `${(100 * g.words) / maxWords}%`;
      bar.append(fill);
      head.append(bar);
      details.append(head);
      const quotes = el('ol', 'quote-list');
      details.append(quotes);
      // The quotes are listed when the entry is first opened: a long text may have thousands.
      details.addEventListener(
        'toggle',
        () => {
          const shown = g.quotes.slice(0, LIST_LIMIT);
          quotes.append(...shown.map((i) => quoteButton(result.quotes[i], i)));
          const more = g.quotes.length - shown.length;
          if (more > 0) quotes.append(el('li', 'hint', `… and ${more} more.`));
        },
        { once: true },
      );
      li.append(details);
      return li;
    }),
  );
}

/** The first day a TIMEX3 date value covers, as YYYY-MM-DD (weeks and quarters too), or null. */
export function firstDay(value) {
  let m = value.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/);
  if (m) return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  m = value.match(/^(\d{4})-W(\d{2})/);
  if (m) {
    // ISO week: the Monday of the week holding January 4.
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = new Date(jan4.getTime() + ((+m[2] - 1) * 7 - ((jan4.getUTCDay() + 6) % 7)) * 86_400_000);
    return monday.toISOString().slice(0, 10);
  }
  m = value.match(/^(\d{4})-Q([1-4])/);
  if (m) return `${m[1]}-${String(3 * m[2] - 2).padStart(2, '0')}-01`;
  m = value.match(/^(\d{4})-(SP|SU|FA|WI|H1|H2)/);
  if (m) return `${m[1]}-${{ SP: '03', SU: '06', FA: '09', WI: '12', H1: '01', H2: '07' }[m[2]]}-01`;
  return null;
}

/** Longest list a panel shows; the exports hold everything. */
const LIST_LIMIT = 300;

/** Sort key of a date: known dates first in time order, then partly known ones, then the rest. */
function timeKey(d) {
  const day = d.type === 'DATE' || d.type === 'TIME' ? firstDay(d.value) : null;
  if (day) return `0${day}${d.value}`;
  if (/^X{4}/.test(d.value)) return `1${d.value}`;
  return `2${d.type}${d.value}`;
}

/** The "when" panel: a timeline of dates sorted by normalized value. */
export function renderTimeline(list, result) {
  const keys = result.dates.map(timeKey);
  const order = result.dates.map((d, i) => i);
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  if (!order.length) {
    list.replaceChildren(el('li', 'hint', 'No dates found.'));
    return;
  }
  const more = order.length - LIST_LIMIT;
  list.replaceChildren(
    ...order.slice(0, LIST_LIMIT).map((i) => {
      const d = result.dates[i];
      const li = el('li', 'time');
      li.append(el('code', 'time-value', d.value));
      if (d.type !== 'DATE') li.append(el('span', 'time-type', d.type.toLowerCase()));
      const button = el('button', 'link', d.text);
      button.type = 'button';
      button.dataset.goto = `date:${i}`;
      li.append(button);
      return li;
    }),
  );
  if (more > 0) list.append(el('li', 'hint', `… and ${more} more (the exports have them all).`));
}

const SVG = 'http://www.w3.org/2000/svg';

/** The map's view box ([x, y, width, height], 2:1) around points in map units: the world if none. */
export function mapBox(points) {
  if (!points.length) return [0, 0, 360, 180];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const pad = 8;
  let width = Math.max(60, Math.max(...xs) - Math.min(...xs) + 2 * pad, 2 * (Math.max(...ys) - Math.min(...ys) + 2 * pad));
  width = Math.min(360, width);
  const height = width / 2;
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  const x = clamp((Math.min(...xs) + Math.max(...xs)) / 2 - width / 2, 0, 360 - width);
  const y = clamp((Math.min(...ys) + Math.max(...ys)) / 2 - height / 2, 0, 180 - height);
  return [x, y, width, height].map((v) => Math.round(v * 10) / 10);
}

/** The "where" panel: places grouped by country, and a dot per place on the map. */
export function renderPlaces(list, dots, result) {
  const byCountry = new Map();
  const seen = new Map();
  result.places.forEach((p, i) => {
    const key = `${p.country ?? ''}\u0000${p.name}`;
    if (seen.has(key)) {
      seen.get(key).count += 1;
      return;
    }
    const entry = { place: p, first: i, count: 1 };
    seen.set(key, entry);
    const country = p.country ?? '';
    if (!byCountry.has(country)) byCountry.set(country, []);
    byCountry.get(country).push(entry);
  });
  const countries = [...byCountry.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : countryName(a).localeCompare(countryName(b)),
  );
  if (!countries.length) list.replaceChildren(el('li', 'hint', 'No places found.'));
  else
    list.replaceChildren(
      ...countries.map((code) => {
        const li = el('li', 'country');
        li.append(el('span', 'country-name', countryName(code)));
        const names = el('ul');
        for (const entry of byCountry.get(code)) {
          const item = el('li');
          const button = el('button', 'link', entry.place.name);
          button.type = 'button';
          button.dataset.goto = `place:${entry.first}`;
          item.append(button);
          if (entry.count > 1) item.append(el('span', 'hint', ` ×${entry.count}`));
          names.append(item);
        }
        li.append(names);
        return li;
      }),
    );
  const located = [...seen.values()].filter((e) => Number.isFinite(e.place.lat) && Number.isFinite(e.place.lon));
  const box = mapBox(located.map((e) => [e.place.lon + 180, 90 - e.place.lat]));
  dots.ownerSVGElement?.setAttribute('viewBox', box.join(' '));
  dots.replaceChildren(
    ...located
      .map((e) => {
        const dot = document.createElementNS(SVG, 'circle');
        dot.setAttribute('class', 'dot');
        dot.setAttribute('cx', String(e.place.lon + 180));
        dot.setAttribute('cy', String(90 - e.place.lat));
        dot.setAttribute('r', String(box[2] / 90));
        dot.style.strokeWidth = String(box[2] / 360);
        dot.dataset.goto = `place:${e.first}`;
        const title = document.createElementNS(SVG, 'title');
        title.textContent = e.place.name;
        dot.append(title);
        return dot;
      }),
  );
}

// ------------------------------------------------------------------------------------------ exports

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

function iso(y, m, d) {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const monthNumber = (word) => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3))) + 1;

/** The publication date in the article's dateline (first lines), as YYYY-MM-DD, or null. */
export function findDateline(text) {
  const head = text.slice(0, 400);
  let m = head.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = head.match(new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'i'));
  if (m) return iso(+m[3], monthNumber(m[1]), +m[2]);
  m = head.match(new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'i'));
  if (m) return iso(+m[3], monthNumber(m[2]), +m[1]);
  return null;
}

/** A file name stem from the article's first line ("coastal-cities-agree"), or "article". */
export function fileStem(text) {
  const first = text.split('\n').find((line) => line.trim()) ?? '';
  const slug = first
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** One CSV field: quoted when needed; a leading formula character is neutralized for spreadsheets. */
export function csvField(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows) => rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

/** CSV of the quotes: speaker, quote, cue, UTF-16 offsets of the quoted words. */
export function quotesCsv(result) {
  return csv([
    ['speaker', 'quote', 'cue', 'start', 'end', 'kind'],
    ...result.quotes.map((q) => [q.speakerName ?? '', q.text, q.cue?.text ?? '', q.start, q.end, q.kind]),
  ]);
}

/** CSV of every annotation in text order: kind, offsets, text, normalized value, detail. */
export function annotationsCsv(result) {
  const rows = [];
  for (const q of result.quotes) rows.push(['quote', q.start, q.end, q.text, q.speakerName ?? '', q.cue?.text ?? '']);
  result.people.forEach((p) => {
    for (const m of p.mentions) rows.push(['person', m.start, m.end, m.text, p.name, m.kind]);
  });
  for (const d of result.dates) rows.push(['date', d.start, d.end, d.text, d.value, d.type]);
  for (const p of result.places) {
    rows.push(['place', p.start, p.end, p.text, p.name, [p.kind, p.country].filter(Boolean).join(' ')]);
  }
  rows.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
  return csv([['kind', 'start', 'end', 'text', 'value', 'detail'], ...rows]);
}

const mdEscape = (s) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** The quotes as Markdown block quotes, each followed by its speaker. */
export function quotesMarkdown(result) {
  return result.quotes
    .filter((q) => q.kind === 'speech')
    .map((q) => {
      const body = q.text
        .split('\n')
        .map((line) => `> ${mdEscape(line)}`)
        .join('\n');
      const who = q.speakerName ? `**${mdEscape(q.speakerName)}**` : '*unattributed*';
      return `${body}\n>\n> — ${who}${q.cue ? ` (${mdEscape(q.cue.text)})` : ''}\n`;
    })
    .join('\n');
}
