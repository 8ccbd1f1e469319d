import type { GPTModel } from '../../core/model';
import type { ForwardOptions, Trace } from '../../core/trace';

// What the page and the pass worker (passWorker.worker.ts) say to each other.
export type PassRequest =
  { kind: 'model'; model: GPTModel } | { kind: 'pass'; id: number; ids: readonly number[]; options: ForwardOptions };

export type PassReply = { kind: 'trace'; id: number; trace: Trace; forwardMs: number } | { kind: 'failed'; id: number; message: string };
