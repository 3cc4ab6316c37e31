// Shared pieces of the end-to-end tests: serving www/ on a free local port, a tiny check runner that
// prints one line per check and a closing "N passed, N failed" line, and the sample's expectations.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHOTS = `${ROOT}e2e/screenshots`;
mkdirSync(SHOTS, { recursive: true });

/** Serves www/ with Python's http.server on a free port; resolves to {origin, stop}. */
export function serve() {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', `${ROOT}www`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    process.on('exit', () => server.kill()); // also when a test script dies half-way
    const timer = setTimeout(() => reject(new Error('http.server did not start')), 10_000);
    server.stdout.on('data', (chunk) => {
      const m = String(chunk).match(/port (\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${m[1]}`, stop: () => server.kill() });
      }
    });
    server.stderr.resume();
    server.on('error', reject);
  });
}

/** Runs named checks in order, each in a group; a failing check does not stop the others. */
export class Checks {
  constructor(title) {
    this.title = title;
    this.results = [];
    this.t0 = performance.now();
  }

  async run(group, name, fn) {
    const t0 = performance.now();
    try {
      await fn();
      this.results.push({ group, name, ok: true });
      console.log(`ok   [${group}] ${name} (${Math.round(performance.now() - t0)} ms)`);
    } catch (e) {
      this.results.push({ group, name, ok: false });
      console.log(`FAIL [${group}] ${name} (${Math.round(performance.now() - t0)} ms)\n     ${String(e?.stack ?? e).split('\n').slice(0, 3).join('\n     ')}`);
    }
  }

  /** Prints the summary and returns the process exit code. */
  finish() {
    const failed = this.results.filter((r) => !r.ok);
    for (const group of new Set(this.results.map((r) => r.group))) {
      const rs = this.results.filter((r) => r.group === group);
      console.log(`${this.title} ${group}: ${rs.filter((r) => r.ok).length}/${rs.length} passed`);
    }
    console.log(`${this.title}: ${(performance.now() - this.t0) / 1000 | 0} s`);
    console.log(`${this.results.length - failed.length} passed, ${failed.length} failed`);
    return failed.length ? 1 : 0;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Resolves when `predicate()` is truthy; fails after `ms`. */
export async function until(predicate, what, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The injection probe every test pastes: it must show up as text, never as an element. */
export const XSS = '<img src=x onerror=alert(1)> said nobody on <b>Monday</b>.';

/** What the sample article (www/sample.js) must show once the detectors work. */
export const SAMPLE = {
  fileStem: 'coastal-cities-agree-to-share-flood-warnings',
  dateline: '2025-03-04',
  quote: 'We cannot wait for the water to reach our doors',
  speaker: 'Maria Santos',
  topSpeaker: 'Maria Santos',
  date: { text: 'March 4, 2025', value: '2025-03-04' },
  yesterday: { before: '2025-03-03', pubdate: '2025-03-10', after: '2025-03-09' },
  place: { name: 'Lisbon', country: 'Portugal' },
  minDots: 4,
};
