// Starts the worker's helper when the worker asks for it (worker.js, {type: 'want-helper'}): a
// second worker, made as the first was made, joined to the first by a MessageChannel over which
// the first hands it parts of long texts. The page's thread makes it because a worker cannot make
// one from the page's blob: script when the page is opened from file://. Should the helper fail
// to load or crash, the worker hears of it ({type: 'helper-stopped', message}) and annotates
// every text itself.

/** Makes the helper with `make()` (a new Worker running worker.js) and joins it to `worker`;
 * `module` is the compiled WebAssembly.Module to share, or undefined (the helper then loads the
 * wasm itself). Returns the helper, or null when none could be made. */
export function startHelper(worker, make, module) {
  let helper;
  try {
    helper = make();
  } catch (e) {
    worker.postMessage({ type: 'helper-stopped', message: `no helper worker: ${e?.message ?? e}` });
    return null;
  }
  const channel = new MessageChannel();
  helper.onerror = (event) => {
    event.preventDefault();
    worker.postMessage({ type: 'helper-stopped', message: event.message || 'the helper worker failed to load' });
    helper.terminate();
  };
  helper.postMessage({ type: 'init', role: 'helper', module, port: channel.port2 }, [channel.port2]);
  worker.postMessage({ type: 'helper', port: channel.port1 }, [channel.port1]);
  return helper;
}
