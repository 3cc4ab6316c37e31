import { chromium } from 'playwright-core';
import { serve } from './harness.mjs';
const fake = `
export default async function init() {}
export function maxTextBytes() { return 20 << 20; }
const at = (text, s, from = 0) => { const i = text.indexOf(s, from); return { start: i, end: i + s.length, text: s }; };
export function annotate(text, options) {
  const ref = options?.referenceDate || '2025-03-04';
  const prev = new Date(ref); prev.setUTCDate(prev.getUTCDate() - 1);
  const q = (inner, speakerIdx, name, mentionText, mentionFrom, cue) => {
    const s = at(text, inner); const m = mentionText ? at(text, mentionText, mentionFrom ?? 0) : null;
    return { start: s.start, end: s.end, text: inner, outerStart: s.start - 1, outerEnd: s.end + 1, kind: 'speech', speaker: speakerIdx, speakerName: name, speakerMention: m, cue: cue ? at(text, cue, s.end) : null, rule: 'x' };
  };
  const santos = at(text, 'Maria Santos');
  const quotes = [
    q('We cannot wait for the water to reach our doors,', 0, 'Maria Santos', 'Maria Santos', 0, 'said'),
    q('Every minute counts.', 0, 'Maria Santos', 'Maria Santos', 0, null),
    q('It is the first time cities have agreed to trust each other’s data,', 1, 'Henrik Larsen', 'he', text.indexOf('each other'), 'said'),
    q('The sea does not stop at borders.', 1, 'Henrik Larsen', 'he', text.indexOf('each other'), null),
    q('This is a press release, not a plan,', 2, 'Tomás Ribeiro', 'Tomás Ribeiro', 0, 'said'),
    q('We will meet again in Hamburg on 12 May 2025 to look at the first results.', 0, 'Maria Santos', 'Santos', text.indexOf('Santos said'), 'said'),
  ].filter(x => x.start >= 0);
  const people = [
    { name: 'Maria Santos', gender: 'female', mentions: [santos, at(text, 'Santos', text.indexOf('Santos said'))].filter(m => m.start >= 0).map(m => ({...m, kind: 'name'})) },
    { name: 'Henrik Larsen', gender: 'male', mentions: [at(text, 'Henrik Larsen'), at(text, 'he', text.indexOf('each other'))].map(m => ({...m, kind: 'name'})) },
    { name: 'Tomás Ribeiro', gender: 'male', mentions: [at(text, 'Tomás Ribeiro'), at(text, 'Ribeiro said')].map(m => ({...m, end: m.start + 7, text: 'Ribeiro', kind: 'name'})) },
  ].filter(p => p.mentions[0].start >= 0);
  people[2] && (people[2].mentions[0] = { ...at(text, 'Tomás Ribeiro'), kind: 'name' });
  const pl = (s, name, kind, country, lat, lon, from) => ({ ...at(text, s, from), name, kind, country, lat, lon });
  const places = [pl('LISBON', 'Lisbon', 'city', 'PT', 38.7, -9.1), pl('Lisbon', 'Lisbon', 'city', 'PT', 38.7, -9.1, 100), pl('Rotterdam', 'Rotterdam', 'city', 'NL', 51.9, 4.5), pl('Portugal', 'Portugal', 'country', 'PT', 39.5, -8), pl('Netherlands', 'Netherlands', 'country', 'NL', 52.2, 5.3), pl('Denmark', 'Denmark', 'country', 'DK', 56, 10), pl('Copenhagen', 'Copenhagen', 'city', 'DK', 55.7, 12.6), pl('Porto', 'Porto', 'city', 'PT', 41.1, -8.6), pl('Hamburg', 'Hamburg', 'city', 'DE', 53.6, 10), pl('Brussels', 'Brussels', 'city', 'BE', 50.8, 4.4)].filter(p => p.start >= 0).sort((a,b)=>a.start-b.start);
  const d = (s, type, value) => ({ ...at(text, s), type, value, rule: 'x' });
  const dates = [d('March 4, 2025', 'DATE', '2025-03-04'), d('Tuesday', 'DATE', '2025-03-04'), d('last week', 'DATE', '2025-W09'), d('April 1', 'DATE', '2025-04-01'), d('2019', 'DATE', '2019'), d('yesterday', 'DATE', prev.toISOString().slice(0, 10)), d('12 May 2025', 'DATE', '2025-05-12'), d('the end of June', 'DATE', '2025-06')].filter(x => x.start >= 0).sort((a,b)=>a.start-b.start);
  return { quotes, people, places, dates, notes: [] };
}`;
const server = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
for (const [name, opts] of [['light', { colorScheme: 'light', viewport: { width: 1280, height: 900 } }], ['dark', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }], ['phone', { colorScheme: 'light', viewport: { width: 390, height: 844 } }]]) {
  const context = await browser.newContext(opts);
  await context.route('**/pkg/article_annotator.js', (r) => r.fulfill({ contentType: 'text/javascript', body: fake }));
  const page = await context.newPage();
  page.on('console', (m) => console.log(name, m.type(), m.text()));
  page.on('pageerror', (e) => console.log(name, 'pageerror', String(e)));
  await page.goto(server.origin + '/');
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#sample');
  await page.waitForFunction(() => document.body.dataset.state === 'idle');
  await page.waitForTimeout(300);
  await page.click('#speakers .speaker summary');
  await page.locator('#view mark.a-quote').nth(2).hover();
  await page.screenshot({ path: `e2e/screenshots/preview-${name}.png`, fullPage: name !== 'phone' });
  if (name === 'phone') await page.screenshot({ path: `e2e/screenshots/preview-phone-full.png`, fullPage: true });
  await context.close();
}
await browser.close(); server.stop();
