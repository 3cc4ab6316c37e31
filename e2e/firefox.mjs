// The page's core flow in headless Firefox (/usr/bin/firefox-esr) through plain W3C WebDriver
// (geckodriver; Node's fetch, no client library). Group "page" holds whatever the detectors find;
// group "annotations" needs their real output on the sample article.
// Run: node e2e/firefox.mjs   (make test-e2e builds first)
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ROOT, SHOTS, serve, Checks, assert, assertEqual, until, XSS, SAMPLE } from './harness.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const driver = spawn('geckodriver', ['--port', String(port), '--log', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
process.on('exit', () => driver.kill());
const base = `http://127.0.0.1:${port}`;

async function call(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

await until(() => fetch(`${base}/status`).then((r) => r.ok, () => false), 'geckodriver', 15_000);
const checks = new Checks('firefox e2e');
const server = await serve();
const t0 = performance.now();
const { sessionId } = await call('POST', '/session', {
  capabilities: {
    alwaysMatch: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width', '1280', '-height', '900'],
        prefs: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false, 'ui.systemUsesDarkTheme': 0 },
      },
    },
  },
});
const s = `/session/${sessionId}`;
const run = (script, ...args) => call('POST', `${s}/execute/sync`, { script, args });
const find = async (css) => (await call('POST', `${s}/element`, { using: 'css selector', value: css }))[ELEMENT];
const click = async (css) => call('POST', `${s}/element/${await find(css)}/click`, {});
const ready = () => until(() => run('return document.body.dataset.ready === "1"'), 'the wasm to load', 20_000);
const settle = () => until(() => run('return document.body.dataset.state === "idle"'), 'the annotation', 30_000);
const viewText = () => run('return document.getElementById("view").textContent');
const inputValue = () => run('return document.getElementById("input").value');

async function screenshot(name) {
  const png = await call('GET', `${s}/screenshot`);
  writeFileSync(`${SHOTS}/${name}`, Buffer.from(png, 'base64'));
}

/** Resource URLs the page loaded (the page's own timeline; the CSP keeps the worker to 'self'). */
const resources = () => run('return performance.getEntriesByType("resource").map((e) => e.name)');

await call('POST', `${s}/url`, { url: `${server.origin}/` });
await ready();
console.log(`firefox ready in ${Math.round(performance.now() - t0)} ms (browser start included)`);

// ------------------------------------------------------------------------------------------ page
await checks.run('page', 'loads with the wasm ready', async () => {
  assertEqual(await call('GET', `${s}/title`), 'Article Annotator', 'title');
  assert(!(await run('return document.getElementById("status").classList.contains("error")')), 'status is no error');
});

await checks.run('page', 'typed markup stays text', async () => {
  const input = await find('#input');
  await call('POST', `${s}/element/${input}/clear`, {});
  await call('POST', `${s}/element/${input}/value`, { text: XSS });
  await settle();
  assertEqual(await viewText(), XSS, 'view text');
  assertEqual(await run('return document.querySelectorAll("#view img, #view b, body img").length'), 0, 'elements made from the text');
});

await checks.run('page', 'sample article loads with its dateline as publication date', async () => {
  await click('#sample');
  await settle();
  const value = await inputValue();
  assert(value.startsWith('Coastal cities'), 'sample text');
  assertEqual(await viewText(), value, 'view text');
  assertEqual(await run('return document.getElementById("pubdate").value'), SAMPLE.dateline, 'publication date');
});

await checks.run('page', 'no request outside the origin', async () => {
  const urls = await resources();
  const outside = urls.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assertEqual(outside, [], 'requests outside the origin');
  assert(urls.some((u) => u.endsWith('.wasm')) || urls.some((u) => u.endsWith('worker.js')), `own files loaded: ${urls}`);
});

// ------------------------------------------------------------------------------------------ annotations
await checks.run('annotations', 'a quote is highlighted and focusing it names its speaker', async () => {
  const tip = await run(
    `const quote = [...document.querySelectorAll('#view mark.a-quote')].find((q) => q.textContent.includes(arguments[0]));
     if (!quote) return 'no quote highlighted';
     quote.focus();
     const tip = document.getElementById('tip');
     return tip.hidden ? 'no tooltip' : tip.textContent;`,
    SAMPLE.quote,
  );
  assert(tip.includes(SAMPLE.speaker), `tooltip: ${tip}`);
});

await checks.run('annotations', 'speaker panel, timeline value and place', async () => {
  const panel = await run(`return {
    speaker: document.querySelector('#speakers .speaker-name')?.textContent,
    timeline: [...document.querySelectorAll('#timeline li')].map((li) => li.textContent),
    places: [...document.querySelectorAll('#places .country')].map((li) => li.textContent),
    dots: document.querySelectorAll('#dots circle').length,
  }`);
  assertEqual(panel.speaker, SAMPLE.topSpeaker, 'top speaker');
  assert(panel.timeline.some((t) => t.includes(SAMPLE.date.value)), `timeline: ${panel.timeline}`);
  assert(panel.places.some((p) => p.includes(SAMPLE.place.country) && p.includes(SAMPLE.place.name)), `places: ${panel.places}`);
  assert(panel.dots >= SAMPLE.minDots, `${panel.dots} dots`);
});

await checks.run('page', 'screenshot', async () => {
  await run('document.querySelector("#view mark.a-quote")?.focus()');
  await screenshot('firefox-light.png');
});

await checks.run('page', 'a long text is annotated in two parts, with the worker\'s helper', async () => {
  const sample = await inputValue();
  let parts;
  for (let round = 0; round < 40 && parts !== '2'; round++) {
    // As a paste puts it in (typing 100 KB would take minutes).
    await run(`const box = document.getElementById('input');
      box.value = arguments[0].repeat(Math.ceil(100000 / arguments[0].length)) + arguments[1];
      box.dispatchEvent(new Event('input', { bubbles: true }));`, sample, ` ${round}.`);
    await settle();
    parts = await run('return document.body.dataset.parts');
    if (parts !== '2') await new Promise((ok) => setTimeout(ok, 250));
  }
  assertEqual(parts, '2', 'parts');
  assert(/^\d+ quotes, /.test(await run('return document.getElementById("status").textContent')), 'status counts');
  await click('#sample');
  await settle();
});

// ------------------------------------------------------------------------------------------ self-contained file
const single = `${ROOT}dist/annotator.html`;
let fileHighlights = -1;
await checks.run('page', 'self-contained file works from file://', async () => {
  assert(existsSync(single), `${single} missing (make dist)`);
  await call('POST', `${s}/url`, { url: `file://${single}` });
  await ready();
  await click('#sample');
  await settle();
  assertEqual(await viewText(), await inputValue(), 'view text');
  const outside = (await resources()).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && u !== `file://${single}`);
  assertEqual(outside, [], 'requests');
  fileHighlights = await run('return document.querySelectorAll("#view .a").length');
  await screenshot('firefox-file.png');
});
await checks.run('annotations', 'self-contained file highlights the sample', async () => {
  assert(fileHighlights > 5, `${fileHighlights} highlights`);
});

await call('DELETE', s).catch(() => {});
driver.kill();
server.stop();
process.exit(checks.finish());
