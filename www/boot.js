// Starts the annotator as early as the page allows. This small module loads on its own, ahead of
// the page's other modules, and at once starts the worker and (for a served page) fetches and
// compiles the wasm, handing the compiled module to the worker while the worker's own scripts
// load. What the worker reports before the page listens is kept for the page (listenToWorker).
// When the worker asks for its helper, this starts it (helper.js), made as the worker was made.

const early = { messages: [], errors: [] };
const listeners = { message: null, error: null };
/** How to make a worker like the first, and the compiled module to share with it (if any). */
const helperMaking = { make: null, module: undefined };
/** helper.js, loaded when the worker asks for its helper: imported up front, it is one more
 * module to fetch before this one runs, which held up the first annotation by about 25 ms. (The
 * self-contained file has it inline; its build replaces this.) */
const loadHelper = () => import('./helper.js');

function startWorker() {
  // Present only in the self-contained file, which runs this code after the whole page is read.
  const inline = document.getElementById('worker-source');
  if (inline) {
    // The worker's code (with the wasm) is part of the page. It runs as a classic worker, since a
    // module worker from a blob: URL fails in a page opened from file://.
    const url = URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }));
    helperMaking.make = () => new Worker(url);
    const worker = helperMaking.make();
    worker.postMessage({ type: 'init' });
    return worker;
  }
  const compiled = WebAssembly.compileStreaming(fetch(new URL('./pkg/article_annotator_bg.wasm', import.meta.url)));
  helperMaking.make = () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const worker = helperMaking.make();
  // Should compiling here fail, the worker fetches the wasm itself and reports what went wrong.
  compiled.then(
    (module) => {
      helperMaking.module = module;
      worker.postMessage({ type: 'init', module });
    },
    () => worker.postMessage({ type: 'init' }),
  );
  return worker;
}

export const worker = startWorker();
worker.onmessage = (event) => {
  if (event.data?.type === 'want-helper') {
    loadHelper().then(
      ({ startHelper }) => startHelper(worker, helperMaking.make, helperMaking.module),
      (e) => worker.postMessage({ type: 'helper-stopped', message: `helper.js did not load: ${e?.message ?? e}` }),
    );
  }
  else if (listeners.message) listeners.message(event);
  else early.messages.push(event);
};
worker.onerror = (event) => (listeners.error ? listeners.error(event) : early.errors.push(event));

/** Hands the worker's messages and errors to `onMessage` and `onError`, those that came before first. */
export function listenToWorker(onMessage, onError) {
  listeners.message = onMessage;
  listeners.error = onError;
  for (const event of early.errors.splice(0)) onError(event);
  for (const event of early.messages.splice(0)) onMessage(event);
}
