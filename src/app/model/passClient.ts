import type { GPTModel } from '../../core/model';
import type { ForwardOptions, Trace } from '../../core/trace';
import type { PassReply, PassRequest } from './passMessages';

export interface WorkerPass {
  trace: Trace;
  forwardMs: number;
}

export const WORKER_CLOSED = 'the model was closed';

/** The page's side of the pass worker: one per opened model, sharing the page's weights or holding a copy of its own. */
export class PassWorker {
  private readonly worker: Worker;
  readonly model: GPTModel;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (pass: WorkerPass) => void; reject: (e: Error) => void }>();

  constructor(model: GPTModel) {
    this.model = model;
    this.worker = new Worker(new URL('./passWorker.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data: reply }: MessageEvent<PassReply>) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.kind === 'trace') waiter?.resolve({ trace: reply.trace, forwardMs: reply.forwardMs });
      else waiter?.reject(new Error(reply.message));
    };
    // A worker that could not start or ran out of memory: every pass still waiting fails, and says why.
    this.worker.onerror = (event) => this.failAll(event.message || 'the pass worker stopped');
    this.post({ kind: 'model', model });
  }

  run(ids: readonly number[], options: ForwardOptions): Promise<WorkerPass> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ kind: 'pass', id, ids, options });
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(WORKER_CLOSED);
  }

  private post(request: PassRequest): void {
    this.worker.postMessage(request);
  }

  private failAll(message: string): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error(message));
    this.waiting.clear();
  }
}
