// nudge's WebAssembly in a worker, so a long answer never freezes the page: the page can end
// this worker and start another. Requests and replies are JSON (src/web.rs).
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ready = fetch("nudge.wasm")
  .then((response) => response.arrayBuffer())
  .then((bytes) => WebAssembly.instantiate(bytes, {}))
  .then(({ instance }) => instance.exports);

function call(nudge, request) {
  const bytes = encoder.encode(JSON.stringify(request));
  const at = nudge.nudge_input(bytes.length);
  new Uint8Array(nudge.memory.buffer, at, bytes.length).set(bytes);
  const length = nudge.nudge_call();
  const reply = new Uint8Array(nudge.memory.buffer, nudge.nudge_output(), length);
  return JSON.parse(decoder.decode(reply));
}

onmessage = async ({ data: { id, request } }) => {
  try {
    postMessage({ id, reply: call(await ready, request) });
  } catch (error) {
    // A trap (the work budget stopping an answer, or running out of stack) leaves this
    // instance unusable: the page starts a fresh worker.
    postMessage({ id, crashed: String(error) });
  }
};
