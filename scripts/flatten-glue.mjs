// Puts the JavaScript the Rust code imports (wasm-bindgen's snippets: www/unpack.js, www/encode.js) into the
// wasm-bindgen glue itself, www/pkg/article_annotator.js, and drops pkg/snippets/. The page's
// worker then loads two modules in a chain (worker.js, the glue) instead of three: on a first
// visit, each link of that chain is a request that waits for the one before it, all on the way to
// the first annotation. Run by `make build` after wasm-pack; fails, rather than leave a glue that
// still imports, when wasm-bindgen's output is not what it expects.
// Run: node scripts/flatten-glue.mjs
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const pkg = new URL('../www/pkg/', import.meta.url);
const gluePath = new URL('article_annotator.js', pkg);
let glue = readFileSync(gluePath, 'utf8');

const imports = [...glue.matchAll(/^import \{ ([\w, ]+) \} from '\.\/(snippets\/[\w./-]+)';\n/gm)];
for (const [line, names, path] of imports) {
  const source = readFileSync(new URL(path, pkg), 'utf8');
  if (/^\s*import\b/m.test(source)) throw new Error(`${path} imports modules itself: it cannot be inlined`);
  const body = source.replace(/^export (?=function )/gm, '');
  if (/^\s*export\b/m.test(body)) throw new Error(`${path} exports something other than functions`);
  for (const name of names.split(',').map((n) => n.trim())) {
    if (!new RegExp(`^function ${name}\\(`, 'm').test(body)) throw new Error(`${path} has no function ${name}`);
  }
  glue = glue.replace(line, () => `// ${path}, put here by scripts/flatten-glue.mjs\n${body}\n`);
}
if (/^import\b/m.test(glue)) throw new Error('the glue imports something that is not a snippet');
writeFileSync(gluePath, glue);
rmSync(new URL('snippets/', pkg), { recursive: true, force: true });
console.log(`www/pkg/article_annotator.js: ${imports.length} snippet(s) put inline`);
