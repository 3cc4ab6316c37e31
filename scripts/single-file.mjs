// Writes dist/annotator.html: the page as one self-contained file that works opened straight from
// the file system, offline. The stylesheet, the page's modules, the world map and the worker (the
// wasm-bindgen glue plus the wasm itself, base64) are inlined; the Content-Security-Policy allows
// exactly those inline pieces by hash. Needs the release build in www/pkg (make build).
// Run: node scripts/single-file.mjs
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const www = new URL('../www/', import.meta.url);
const read = (name) => readFileSync(new URL(name, www), 'utf8');

/** Drops the relative imports and the `export` keywords of a page module, so modules can be concatenated. */
function unmodule(source) {
  return source
    .replace(/^import\s[\s\S]*?\sfrom\s+'\.\/[\w./-]+';\n/gm, '')
    .replace(/^export \{[^}]*\};?\n/gm, '')
    .replace(/^export (?=(async )?(function|class|const|let)\b)/gm, '');
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function inline(text, closing) {
  if (text.toLowerCase().includes(closing)) throw new Error(`inlined code contains ${closing}`);
  return text;
}

const wasm = readFileSync(new URL('pkg/article_annotator_bg.wasm', www));
const glue = read('pkg/article_annotator.js');
if (!/export \{ initSync, __wbg_init as default \};/.test(glue)) throw new Error('unexpected wasm-bindgen glue exports');
// The JavaScript the Rust code imports is already in the glue (scripts/flatten-glue.mjs).
if (/^import\b/m.test(glue)) throw new Error('the glue still imports modules: run make build');
const workerSource = [
  `globalThis.EMBEDDED_WASM = Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0));`,
  // A classic worker: module workers from blob: URLs fail in a file:// page (opaque origin).
  unmodule(glue).replace('import.meta.url', 'self.location.href'),
  'const init = __wbg_init;',
  unmodule(read('worker.js')),
].join('\n');

// helper.js goes inline ahead of boot.js, which loads it on demand when served.
const lazyHelper = "const loadHelper = () => import('./helper.js');";
if (!read('boot.js').includes(lazyHelper)) throw new Error('boot.js does not load helper.js as expected');
const mainSource = ['helper.js', 'boot.js', 'sample.js', 'unpack.js', 'render.js', 'main.js']
  .map((name) => unmodule(read(name)))
  .join('\n')
  .replace(lazyHelper, 'const loadHelper = () => Promise.resolve({ startHelper });');
const css = read('style.css');
const map = `data:image/svg+xml;base64,${Buffer.from(read('world.svg')).toString('base64')}`;

const csp = [
  "default-src 'none'",
  `script-src ${sha256(mainSource)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${sha256(css)}`,
  'img-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read('index.html');
const replace = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`index.html lacks ${pattern}`);
  html = html.replace(pattern, () => replacement);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replace(/<link rel="stylesheet" href="style.css">/, `<style>${inline(css, '</style')}</style>`);
// The page's modules run as one inline script, the starter (boot.js, with helper.js) first.
replace(/<script type="module" async src="boot.js"><\/script>\n/, '');
replace(/<script type="module" src="main.js"><\/script>/, `<script type="module">${inline(mainSource, '</script')}</script>`);
replace(/data-href="world.svg"/, `data-href="${map}"`);
replace(/<\/body>/, `<script type="text/plain" id="worker-source">${inline(workerSource, '</script')}</script>\n</body>`);

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/annotator.html', import.meta.url), html);
console.log(`dist/annotator.html: ${html.length} bytes (open it from the file system; it needs no server)`);
