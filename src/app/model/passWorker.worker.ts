// The forward pass of a model the reader opened, off the page's thread: at GPT-2's size a pass takes
// from a fifth of a second to seconds, and the text box, scrolling and the stepper must not wait for it.
// The page sends the model once, then the token ids and options of each pass; the trace comes back
// in the one buffer forward() wrote it into, handed over rather than copied.
import { forward } from '../../core/gpt';
import type { GPTModel } from '../../core/model';
import type { Trace } from '../../core/trace';
import { TraceMemory } from '../../core/traceMemory';
import type { PassReply, PassRequest } from './passMessages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PassRequest>) => void) | null;
  postMessage(message: PassReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
let model: GPTModel | null = null;

scope.onmessage = ({ data: request }) => {
  if (request.kind === 'model') {
    model = request.model;
    return;
  }
  try {
    if (model === null) throw new Error('no model was sent to the pass worker');
    const start = performance.now();
    // Fresh memory for each pass: its buffer leaves with the trace.
    const trace = forward(model, request.ids, request.options, new TraceMemory());
    const forwardMs = performance.now() - start;
    scope.postMessage({ kind: 'trace', id: request.id, trace, forwardMs }, buffersOf(trace));
  } catch (e) {
    scope.postMessage({ kind: 'failed', id: request.id, message: (e as Error).message ?? String(e) }, []);
  }
};

// forward() writes the whole trace into the one buffer of the memory it is given (its arena must come out
// exact), so that buffer and the ids' are all there is to hand over.
function buffersOf(trace: Trace): ArrayBuffer[] {
  return [trace.ids.buffer as ArrayBuffer, trace.x0.data.buffer as ArrayBuffer];
}
