// End-to-end test of the page in headless Chromium (playwright-core driving /usr/bin/chromium).
// Serves www/ (the release build in www/pkg), then checks what a user sees. Checks in the group
// "page" hold whatever the detectors find; the group "annotations" needs the detectors' real output
// on the sample article (www/sample.js). Also opens dist/annotator.html via file://.
// Run: node e2e/page.mjs   (make test-e2e builds first)
import { readFileSync, existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ROOT, SHOTS, serve, Checks, assert, assertEqual, until, XSS, SAMPLE } from './harness.mjs';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

const checks = new Checks('chromium e2e');
const server = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });

/** Opens `url` in a fresh context, recording requests, console errors and dialogs. */
async function open(url, { colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const log = { requests: [], errors: [], dialogs: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss();
  });
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && log.errors.push(`worker: ${m.text()}`)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15_000 });
  return { context, page, log };
}

/** Replaces the article text as a paste would, and waits until the result for it is on screen. */
async function setText(page, text) {
  await page.fill('#input', text);
  await settle(page);
}

/** Waits until the newest request's result is shown. */
async function settle(page, ms = 30_000) {
  await page.waitForFunction(() => document.body.dataset.state === 'idle', null, { timeout: ms });
}

/** Puts `text` into the box as a paste does (filling it key by key would take seconds) and waits
 * until its result is shown. */
async function paste(page, text) {
  await page.$eval('#input', (box, text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await settle(page);
}

/** Checks that what the status line counts is what one instance of the module, loaded in the
 * page itself, finds in `text` alone. */
async function assertStatusCountsAlone(page, text) {
  const counts = await page.evaluate(async (text) => {
    const wasm = await import('/pkg/article_annotator.js');
    await wasm.default();
    const r = wasm.annotate(text, { referenceDate: document.getElementById('pubdate').value || null });
    const alone = `${r.quotes.length} quotes, ${r.people.length} people, ${r.dates.length} dates, ${r.places.length} places`;
    return { alone, status: document.getElementById('status').textContent };
  }, text);
  assert(counts.status.startsWith(`${counts.alone} —`), `status ${counts.status} against one instance's ${counts.alone}`);
}

const viewText = (page) => page.$eval('#view', (v) => v.textContent);

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), body: readFileSync(await file.path(), 'utf8') };
}

function outsideOrigin(requests, allowed) {
  return requests.filter((u) => !allowed.some((prefix) => u.startsWith(prefix)));
}

const t0 = performance.now();
const { context, page, log } = await open(`${server.origin}/`);
console.log(`page ready in ${Math.round(performance.now() - t0)} ms`);

// ------------------------------------------------------------------------------------------ page
await checks.run('page', 'loads with the wasm ready, a title and an empty view', async () => {
  assertEqual(await page.title(), 'Article Annotator', 'title');
  assert(!(await page.$eval('#status', (s) => s.classList.contains('error'))), 'status is no error');
  assertEqual(await viewText(page), '', 'view');
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert(csp.includes("default-src 'self'") && csp.includes("'wasm-unsafe-eval'"), `CSP: ${csp}`);
});

await checks.run('page', 'typing is annotated after a pause and shows the text', async () => {
  await page.fill('#input', '');
  await page.type('#input', 'Hello from Paris on Monday.', { delay: 5 });
  await settle(page);
  assertEqual(await viewText(page), 'Hello from Paris on Monday.', 'view text');
});

await checks.run('page', 'pasted markup stays text (no element, no script run)', async () => {
  await setText(page, XSS);
  assertEqual(await viewText(page), XSS, 'view text');
  assertEqual(await page.$$eval('#view img, #view b', (n) => n.length), 0, 'elements made from the text');
  assertEqual(await page.$$eval('body img', (n) => n.length), 0, 'images on the page');
  assertEqual(log.dialogs, [], 'dialogs');
});

await checks.run('page', 'emoji, CJK, CRLF and odd spaces are shown exactly', async () => {
  const text = 'Zoë 👍🏽 said “東京 is fine” on\r\nMonday.\u00a0Tab\there.\u2028End 😀';
  await setText(page, text);
  const shown = await page.$eval('#input', (i) => i.value);
  assertEqual(await viewText(page), shown, 'view text vs. box');
});

await checks.run('page', 'rich-text paste arrives as plain text', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.fill('#input', '');
  await page.focus('#input');
  await page.evaluate(async () => {
    const html = new Blob(['<p>Rich <b>bold</b> <i>text</i></p>'], { type: 'text/html' });
    const plain = new Blob(['Rich bold text'], { type: 'text/plain' });
    await navigator.clipboard.write([new ClipboardItem({ 'text/html': html, 'text/plain': plain })]);
  });
  await page.keyboard.press('Control+V');
  await settle(page);
  assertEqual(await page.$eval('#input', (i) => i.value), 'Rich bold text', 'pasted value');
  assertEqual(await viewText(page), 'Rich bold text', 'view text');
  assertEqual(log.dialogs, [], 'dialogs');
});

await checks.run('page', 'sample article loads and its dateline fills the publication date', async () => {
  await page.click('#sample');
  await settle(page);
  const value = await page.$eval('#input', (i) => i.value);
  assert(value.startsWith('Coastal cities'), 'sample text');
  assertEqual(await viewText(page), value, 'view text');
  assertEqual(await page.$eval('#pubdate', (i) => i.value), SAMPLE.dateline, 'publication date');
});

await checks.run('page', 'legend toggles a kind off and on', async () => {
  await page.uncheck('#legend input[value=date]');
  assert(await page.$eval('#view', (v) => v.classList.contains('hide-date')), 'hide-date set');
  await page.check('#legend input[value=date]');
  assert(!(await page.$eval('#view', (v) => v.classList.contains('hide-date'))), 'hide-date cleared');
});

await checks.run('page', 'exports produce files named after the first line', async () => {
  const json = await download(page, '#export-json');
  assertEqual(json.name, `${SAMPLE.fileStem}.json`, 'JSON file name');
  assertEqual(Object.keys(JSON.parse(json.body)), ['quotes', 'people', 'places', 'dates', 'notes'], 'JSON keys');
  const quotes = await download(page, '#export-quotes');
  assertEqual(quotes.name, `${SAMPLE.fileStem}-quotes.csv`, 'quotes CSV name');
  assertEqual(quotes.body.split('\r\n')[0], '\ufeffspeaker,quote,cue,start,end,kind', 'quotes CSV header');
  const all = await download(page, '#export-all');
  assertEqual(all.name, `${SAMPLE.fileStem}-annotations.csv`, 'annotations CSV name');
  assertEqual(all.body.split('\r\n')[0], '\ufeffkind,start,end,text,value,detail', 'annotations CSV header');
  await page.click('#copy-md');
  await page.waitForFunction(() => /^Copied/.test(document.getElementById('status').textContent));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assertEqual(clip, await page.evaluate(() => document.body.dataset.copied), 'clipboard holds the Markdown');
});

await checks.run('page', 'theme button cycles auto → light → dark', async () => {
  await page.click('#theme');
  assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'theme');
  await page.click('#theme');
  assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'theme');
  await page.click('#theme');
  assertEqual(await page.evaluate(() => document.documentElement.dataset.theme ?? 'auto'), 'auto', 'theme');
});

await checks.run('page', 'an error inside the worker reaches the user; text and page stay intact', async () => {
  const text = 'Error check: "Still here," she said on Tuesday.';
  await setText(page, text);
  // A six-digit year is a valid date field value but not a YYYY-MM-DD date: the annotator in the
  // worker rejects the option, and the page must say so.
  await page.evaluate(() => {
    const field = document.getElementById('pubdate');
    field.value = '275760-09-13';
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(page);
  const status = await page.$eval('#status', (s) => ({ text: s.textContent, error: s.classList.contains('error') }));
  assert(/^Could not annotate: referenceDate/.test(status.text) && status.error, `status: ${JSON.stringify(status)}`);
  assertEqual(await page.$eval('#input', (b) => b.value), text, 'text box');
  assertEqual(await viewText(page), text, 'view');
  await page.fill('#pubdate', '2025-08-19');
  await settle(page);
  assert(/^1 quotes?, /.test(await page.$eval('#status', (s) => s.textContent)), 'annotates again after a valid date');
  // Back to the sample article with its dateline, which the checks that follow start from.
  await page.fill('#pubdate', '');
  await page.click('#sample');
  await settle(page);
});

await checks.run('page', 'a 1 MB paste annotates in the worker while typing still works; stale results dropped', async () => {
  const sample = await page.$eval('#input', (i) => i.value);
  const big = sample.repeat(Math.ceil(1_048_576 / sample.length));
  // The browser's own work of putting 1 MB into the text box is timed apart from the page's.
  const boxMs = await page.$eval('#input', (i, text) => {
    const t0 = performance.now();
    i.value = text;
    void i.scrollHeight;
    return performance.now() - t0;
  }, big);
  // Probe the main thread (the longest gap between timer ticks from the paste's input event on) and
  // record whether progress was shown.
  await page.evaluate(() => {
    window.maxGap = 0;
    window.sawProgress = false;
    let last = performance.now();
    window.probe = setInterval(() => {
      const now = performance.now();
      window.maxGap = Math.max(window.maxGap, now - last);
      last = now;
    }, 10);
    const progress = document.getElementById('progress');
    window.watch = new MutationObserver(() => {
      if (!progress.hidden && /^Annotating 1\.\d MB/.test(document.getElementById('status').textContent)) window.sawProgress = true;
    });
    window.watch.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  });
  const started = performance.now();
  // The paste's input event and an Annotate click send the 1 MB text at once; an edit right after
  // makes that result stale before it can arrive.
  const busy = await page.$eval('#input', (i) => {
    i.focus();
    i.setSelectionRange(i.value.length, i.value.length);
    i.addEventListener('keydown', () => (window.stateAtFirstKey ??= document.body.dataset.state));
    i.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('run').click();
    i.setRangeText(' Edited.', i.value.length, i.value.length, 'end');
    i.dispatchEvent(new Event('input', { bubbles: true }));
    return document.body.dataset.state;
  });
  // Type while the requests run: the keys land at once, and only the newest text is shown.
  const typeStart = performance.now();
  await page.keyboard.type(' More.', { delay: 5 });
  const typeMs = performance.now() - typeStart;
  const value = await page.$eval('#input', (i) => i.value);
  assert(value.endsWith(' Edited. More.'), 'typed keys arrived');
  // From here on the worker annotates and the page renders; the text box is left alone.
  const gapWhileTyping = await page.evaluate(() => {
    const gap = window.maxGap;
    window.maxGap = 0;
    return gap;
  });
  await settle(page, 60_000);
  const total = performance.now() - started;
  const after = await page.evaluate(() => ({
    ...document.body.dataset,
    viewLength: document.getElementById('view').textContent.length,
    gap: window.maxGap,
    sawProgress: window.sawProgress,
    stateAtFirstKey: window.stateAtFirstKey,
  }));
  await page.evaluate(() => {
    clearInterval(window.probe);
    window.watch.disconnect();
  });
  console.log(`     1 MB: text box ${Math.round(boxMs)} ms; then state=${busy}, progress shown=${after.sawProgress}; ` +
    `6 keys typed in ${Math.round(typeMs)} ms; newest result after ${Math.round(total)} ms ` +
    `(annotate ${after.annotateMs} ms, render ${after.renderMs} ms, dropped ${after.dropped ?? 0}); ` +
    `longest main-thread gap while the 1 MB text box was edited ${Math.round(gapWhileTyping)} ms, then ${Math.round(after.gap)} ms`);
  assertEqual([busy, after.stateAtFirstKey], ['busy', 'busy'], 'state right after the paste and at the first key');
  assert(after.sawProgress, 'progress shown');
  assertEqual(after.viewLength, value.length, 'shown text is the newest text');
  assert(Number(after.dropped) >= 1, 'the result for the older text was dropped');
  assert(after.gap < 1000, `main thread blocked for ${Math.round(after.gap)} ms while annotating`);
  // The worker's helper (started after the first annotation) found the second part, and what
  // the status line counts is what one instance of the module finds in the whole text alone.
  assertEqual(after.parts, '2', 'the 1 MB text annotated in two parts');
  await assertStatusCountsAlone(page, value);
  await setText(page, sample);
});

// ------------------------------------------------------------------------------------------ annotations
// These need the detectors' output for the sample article.
await page.click('#sample');
await settle(page);

await checks.run('annotations', 'a quote is highlighted and hovering it names its speaker', async () => {
  const quote = page.locator('#view mark.a-quote', { hasText: SAMPLE.quote }).first();
  await quote.hover({ timeout: 2000 });
  const tip = await page.$eval('#tip', (t) => (t.hidden ? '' : t.textContent));
  assert(tip.includes(SAMPLE.speaker), `tooltip "${tip}" names ${SAMPLE.speaker}`);
  const lit = await page.$$eval('#view .a-speaker.lit', (n) => n.map((x) => x.textContent));
  assert(lit.some((t) => SAMPLE.speaker.includes(t)), `speaker mention lit: ${JSON.stringify(lit)}`);
});

await checks.run('annotations', 'speakers ranked; clicking a quote scrolls to it and flashes it', async () => {
  const names = await page.$$eval('#speakers .speaker-name', (n) => n.map((x) => x.textContent));
  assertEqual(names[0], SAMPLE.topSpeaker, 'top speaker');
  const widths = await page.$$eval('#speakers .meter-fill', (n) => n.map((x) => parseFloat(x.style.width)));
  assert(widths.length && widths[0] === 100, `bars: ${widths}`);
  await page.click('#speakers .speaker summary');
  await page.click('#speakers .speaker .quote-link');
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    return { quote: a.classList.contains('a-quote'), flash: a.classList.contains('flash'), text: a.textContent };
  });
  assert(focused.quote && focused.flash, `focused ${JSON.stringify(focused)}`);
});

await checks.run('annotations', 'timeline shows the dateline date with its value', async () => {
  const rows = await page.$$eval('#timeline li', (n) => n.map((x) => x.textContent));
  assert(rows.some((r) => r.includes(SAMPLE.date.value) && r.includes(SAMPLE.date.text)), `timeline: ${JSON.stringify(rows)}`);
});

await checks.run('annotations', 'changing the publication date re-resolves "yesterday"', async () => {
  const yesterday = () => page.$$eval('#timeline li', (n) => n.map((x) => x.textContent).find((t) => t.includes('yesterday')) ?? '');
  assert((await yesterday()).includes(SAMPLE.yesterday.before), `before: ${await yesterday()}`);
  await page.fill('#pubdate', SAMPLE.yesterday.pubdate);
  await settle(page);
  assert((await yesterday()).includes(SAMPLE.yesterday.after), `after: ${await yesterday()}`);
  await page.fill('#pubdate', SAMPLE.dateline);
  await settle(page);
});

await checks.run('annotations', 'places are grouped by country with a map dot each', async () => {
  const groups = await page.$$eval('#places .country', (n) => n.map((x) => x.textContent));
  assert(groups.some((g) => g.includes(SAMPLE.place.country) && g.includes(SAMPLE.place.name)), `places: ${JSON.stringify(groups)}`);
  const dots = await page.$$eval('#dots circle', (n) => n.length);
  assert(dots >= SAMPLE.minDots, `${dots} dots`);
  // The map's outline is given its image once the first result is on screen (main.js drawMap).
  assertEqual(await page.$eval('#map image', (i) => i.getAttribute('href')), 'world.svg', 'map image');
  assert(log.requests.some((u) => u.endsWith('/world.svg')), 'the map outline was requested');
});

await checks.run('annotations', 'legend toggle removes the date style', async () => {
  const style = () => page.$eval('#view .a-date', (d) => getComputedStyle(d).textDecorationLine);
  assertEqual(await style(), 'underline', 'date style on');
  await page.uncheck('#legend input[value=date]');
  assertEqual(await style(), 'none', 'date style off');
  await page.check('#legend input[value=date]');
});

await checks.run('annotations', 'j / k move the focus between annotations', async () => {
  await page.focus('#view');
  await page.keyboard.press('j');
  const first = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('j');
  const second = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('k');
  const back = await page.evaluate(() => document.activeElement.textContent);
  assert(first && second && first !== second && back === first, `${first} → ${second} → ${back}`);
  assert(await page.evaluate(() => document.activeElement.classList.contains('a')), 'an annotation has focus');
});

await checks.run('annotations', 'exports carry the quotes with their speakers', async () => {
  const json = JSON.parse((await download(page, '#export-json')).body);
  const text = await page.$eval('#input', (i) => i.value);
  for (const q of json.quotes) assertEqual(text.slice(q.start, q.end), q.text, 'quote offsets');
  const quote = json.quotes.find((q) => q.text.includes(SAMPLE.quote));
  assertEqual(quote?.speakerName, SAMPLE.speaker, 'JSON speaker');
  const csv = (await download(page, '#export-quotes')).body;
  assert(csv.split('\r\n').some((l) => l.startsWith(`${SAMPLE.speaker},`) && l.includes(SAMPLE.quote)), 'quotes CSV row');
  const all = (await download(page, '#export-all')).body;
  assert(all.includes(`date,`) && all.includes(SAMPLE.date.value) && all.includes(`place,`), 'annotations CSV rows');
  await page.click('#copy-md');
  await page.waitForFunction(() => /^Copied/.test(document.getElementById('status').textContent));
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert(md.includes(`**${SAMPLE.speaker}**`) && md.includes(SAMPLE.quote), `Markdown: ${md.slice(0, 200)}`);
});

await checks.run('annotations', 'offsets stay right with CRLF, emoji and CJK', async () => {
  const sample = await page.$eval('#input', (i) => i.value);
  const text = `👍🏽 東京 ${sample.replaceAll('\n', '\r\n')}`;
  await setText(page, text);
  const json = JSON.parse((await download(page, '#export-json')).body);
  const value = await page.$eval('#input', (i) => i.value);
  const spans = [...json.quotes, ...json.dates, ...json.places, ...json.people.flatMap((p) => p.mentions)];
  assert(spans.length > 5, `${spans.length} annotations`);
  for (const s of spans) assertEqual(value.slice(s.start, s.end), s.text, 'span text');
  await page.click('#sample');
  await settle(page);
});

// ------------------------------------------------------------------------------------------ screenshots
await checks.run('page', 'screenshots of the light and dark page', async () => {
  await page.locator('#view mark.a-quote').first().hover({ timeout: 1000 }).catch(() => {});
  await page.screenshot({ path: `${SHOTS}/chromium-light.png`, fullPage: true });
  const dark = await open(`${server.origin}/`, { colorScheme: 'dark' });
  await dark.page.click('#sample');
  await settle(dark.page);
  await dark.page.locator('#speakers .speaker summary').first().click({ timeout: 1000 }).catch(() => {});
  await dark.page.screenshot({ path: `${SHOTS}/chromium-dark.png`, fullPage: true });
  const phone = await open(`${server.origin}/`, { viewport: { width: 390, height: 844 } });
  await phone.page.click('#sample');
  await settle(phone.page);
  await phone.page.screenshot({ path: `${SHOTS}/chromium-phone.png`, fullPage: true });
  assertEqual([...dark.log.errors, ...phone.log.errors], [], 'console errors');
  for (const c of [dark, phone]) await c.context.close();
});

await checks.run('page', 'no console errors and no request outside the origin', async () => {
  assertEqual(log.errors, [], 'console errors');
  assertEqual(outsideOrigin(log.requests, [`${server.origin}/`, 'blob:', 'data:']), [], 'requests outside the origin');
  assert(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm was requested');
});

// ------------------------------------------------------------------------------------------ self-contained file
const single = `${ROOT}dist/annotator.html`;
let fileHighlights = -1;
await checks.run('page', 'self-contained file works from file:// without any request', async () => {
  assert(existsSync(single), `${single} missing (make dist)`);
  const file = await open(`file://${single}`);
  await file.page.click('#sample');
  await settle(file.page);
  const value = await file.page.$eval('#input', (i) => i.value);
  assertEqual(await viewText(file.page), value, 'view text');
  assertEqual(await file.page.$$eval('#map image', (n) => n[0].getAttribute('href').startsWith('data:image/svg+xml')), true, 'map inlined');
  assertEqual(outsideOrigin(file.log.requests, [`file://${single}`, 'blob:', 'data:']), [], 'requests');
  assertEqual(file.log.errors, [], 'console errors');
  await file.page.screenshot({ path: `${SHOTS}/chromium-file.png`, fullPage: true });
  fileHighlights = await file.page.$$eval('#view .a', (n) => n.length);
  // A long text in two parts here too: the page makes the worker's helper from the same script.
  const long = value.repeat(Math.ceil(100_000 / value.length));
  let parts;
  for (let round = 0; round < 40 && parts !== '2'; round++) {
    await paste(file.page, `${long} ${round}.`);
    parts = await file.page.evaluate(() => document.body.dataset.parts);
    if (parts !== '2') await file.page.waitForTimeout(250);
  }
  assertEqual(parts, '2', 'a long text annotated in two parts');
  assertEqual(file.log.errors, [], 'console errors after the long text');
  await file.context.close();
});
await checks.run('annotations', 'self-contained file highlights the sample', async () => {
  assert(fileHighlights > 5, `${fileHighlights} highlights`);
});

await checks.run('page', 'a wasm that cannot load is reported on the page', async () => {
  // Both the page's early fetch (boot.js) and the worker's own fallback fetch fail.
  const broken = await browser.newContext();
  try {
    const page = await broken.newPage();
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'), null, { timeout: 15_000 });
    const status = await page.$eval('#status', (s) => s.textContent);
    assert(status.startsWith('The annotator could not start'), `status: ${status}`);
    assertEqual(await page.evaluate(() => document.body.dataset.ready), undefined, 'ready');
  } finally {
    await broken.close();
  }
});

await checks.run('page', 'without the worker\'s helper a long text is annotated in one part', async () => {
  // The worker's own scripts load; the helper's (the same URLs, asked for a second time) do not:
  // the module glue it imports fails (the second time it is asked for; the third is this check's).
  const alone = await browser.newContext();
  try {
    const page = await alone.newPage();
    const warnings = [];
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'warning' && warnings.push(m.text())));
    let asked = 0;
    await alone.route('**/pkg/article_annotator.js', (route) => (++asked === 2 ? route.abort() : route.continue()));
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 15_000 });
    await page.click('#sample');
    await settle(page);
    const sample = await page.$eval('#input', (i) => i.value);
    const long = sample.repeat(Math.ceil(200_000 / sample.length));
    for (const text of [long, `${long} Again.`]) {
      await paste(page, text);
      assertEqual(await page.evaluate(() => document.body.dataset.parts), '1', 'parts');
      await assertStatusCountsAlone(page, text);
    }
    assert(warnings.some((w) => /helper worker stopped/.test(w)), `warnings: ${warnings.join(' | ')}`);
  } finally {
    await alone.close();
  }
});

await checks.run('page', 'a text over the size limit is refused with a message, and the page keeps working', async () => {
  // Last, in a page of its own: 20 MB in a text box slows whatever runs after it in the browser.
  const own = await open(`${server.origin}/`);
  try {
    const { page } = own;
    await setText(page, 'Before: "Hold on," she said.');
    const before = await viewText(page);
    // Put the oversized text into the box in the page itself (typing 20 MB would take minutes).
    const limit = await page.evaluate(() => {
      const box = document.getElementById('input');
      box.value = 'x'.repeat(20 * 1024 * 1024 + 1);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return 20 * 1024 * 1024;
    });
    await settle(page);
    const status = await page.$eval('#status', (s) => ({ text: s.textContent, error: s.classList.contains('error') }));
    assert(/too large .*20 MB/.test(status.text) && status.error, `status: ${JSON.stringify(status)}`);
    assertEqual(await page.$eval('#input', (b) => b.value.length), limit + 1, 'the text stays in the box');
    assertEqual(await viewText(page), before, 'the last result stays shown');
    await setText(page, 'After: "Go on," he said.');
    assertEqual(await viewText(page), 'After: "Go on," he said.', 'view after a normal text');
    assertEqual(own.log.errors, [], 'console errors');
  } finally {
    await own.context.close();
  }
});

await context.close();
await browser.close();
server.stop();
process.exit(checks.finish());
