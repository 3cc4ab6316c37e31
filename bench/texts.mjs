// News text for the benchmarks, built at run time from the `text` fields of ../shared/data/dev/*.jsonl
// (the same selection as benches/annotate.rs: nothing is copied into the repository).
//   node bench/texts.mjs write FILE BYTES   writes about BYTES bytes of news to FILE
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(ROOT, '..', 'shared', 'data', 'dev');

/** The texts of every evaluation document in file and line order, or null without the data. */
export function newsTexts() {
  let files;
  try {
    files = readdirSync(DATA_DIR).filter((f) => f.endsWith('.jsonl')).sort();
  } catch {
    return null;
  }
  const texts = [];
  for (const file of files) {
    for (const line of readFileSync(join(DATA_DIR, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = JSON.parse(line).text;
      if (typeof text === 'string') texts.push(text);
    }
  }
  return texts.length ? texts : null;
}

const utf8Length = (s) => Buffer.byteLength(s, 'utf8');

/** The article whose UTF-8 length is closest to 5 KB. */
export function typicalArticle(texts) {
  let best = '';
  for (const t of texts) {
    if (Math.abs(utf8Length(t) - 5000) < Math.abs(utf8Length(best) - 5000)) best = t;
  }
  return best;
}

/** About `bytes` bytes of news: the articles in turn, blank-line separated, cut on a character boundary. */
export function newsOfSize(texts, bytes) {
  const parts = [];
  let size = 0;
  for (;;) {
    for (const text of texts) {
      const len = utf8Length(text);
      if (size + len > bytes) {
        const buf = Buffer.from(text, 'utf8');
        let cut = bytes - size;
        while (cut > 0 && (buf[cut] & 0xc0) === 0x80) cut--;
        parts.push(buf.subarray(0, cut).toString('utf8'));
        return parts.join('');
      }
      parts.push(text, '\n\n');
      size += len + 2;
    }
  }
}

if (process.argv[2] === 'write') {
  const [file, bytes] = [process.argv[3], Number(process.argv[4])];
  const texts = newsTexts();
  if (!texts) {
    console.error(`no news text: ${DATA_DIR} not found`);
    process.exit(3);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, newsOfSize(texts, bytes));
}
