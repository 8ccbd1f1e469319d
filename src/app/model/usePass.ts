import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { forward } from '../../core/gpt';
import type { ForwardOptions, Trace } from '../../core/trace';
import type { GPTModel } from '../../core/model';
import { AlternatingTraceMemory } from '../../core/traceMemory';
import type { ForwardResult } from './runText';
import { usePassPlace } from './ModelContext';
import { WORKER_CLOSED, type PassWorker, type WorkerPass } from './passClient';

/** The browser tests count these marks to prove that moving a slider or stepping reruns nothing. */
export const PASS_MARK = 'inside-gpt:forward';
// Measured in Chromium on the default text: 75 ms, then 18, then 2–4 ms from the third pass on.
const WARM_UP_PASSES = 2;
let passesCommitted = 0;
const warmUp = new WeakMap<Trace, boolean>();

/**
 * Log a pass once the page shows it: a performance mark, and whether it was one of the page's first
 * passes, which also compile the code. A layout effect, so the mark is there before anyone can see the result.
 */
export function useCommittedPass(trace: Trace | null, memory: AlternatingTraceMemory): void {
  useLayoutEffect(() => {
    if (trace === null) return;
    memory.show(trace);
    warmUp.set(trace, passesCommitted < WARM_UP_PASSES);
    passesCommitted++;
    performance.mark(PASS_MARK);
  }, [trace, memory]);
}

/** Whether this pass's time includes compiling the code; asked before the pass commits, it answers for the next to commit. */
export function isWarmUpPass(trace: Trace): boolean {
  return warmUp.get(trace) ?? passesCommitted < WARM_UP_PASSES;
}

/** Memory for one stream of passes, kept for the component's life: fresh memory is what makes a pass slow in a browser. */
export function usePassMemory(): AlternatingTraceMemory {
  const [memory] = useState(() => new AlternatingTraceMemory());
  return memory;
}

/**
 * Run the model on `ids` (none while null), logged when committed. `options` must keep its identity between renders.
 * In the worker (ModelContext's PassPlace), the trace is null until the pass of these very ids and options is back.
 */
export function usePass(model: GPTModel, ids: readonly number[] | null, options: ForwardOptions): Trace | null {
  const { inWorker, worker } = usePassPlace(model);
  const memory = usePassMemory();
  const here = useMemo(
    () => (ids === null || inWorker ? null : memory.run((into) => forward(model, ids, options, into))),
    [memory, model, ids, options, inWorker],
  );
  const request = useMemo(() => (inWorker && ids !== null ? { ids, options, tag: null } : null), [inWorker, ids, options]);
  const there = useWorkerPass(worker, request);
  const trace = inWorker ? (there !== null && there.request === request ? there.trace : null) : here;
  useCommittedPass(trace, memory);
  return trace;
}

export interface PassRequest<Tag> {
  ids: readonly number[];
  options: ForwardOptions;
  /** What the caller needs back with the pass (the read text the ids came from). */
  tag: Tag;
}

/**
 * Passes in the worker, one at a time: while one runs, a newer request waits and replaces any older one
 * still waiting, so a reader typing fast never queues up passes for text that is already gone. Gives the
 * latest pass back (it may be for an earlier request than the current one), or null before the first.
 * A pass that fails throws here, so the figure's boundary says so.
 */
export function useWorkerPass<Tag>(
  worker: PassWorker | null,
  request: PassRequest<Tag> | null,
): (WorkerPass & { request: PassRequest<Tag> }) | null {
  const [done, setDone] = useState<{ worker: PassWorker; pass: WorkerPass & { request: PassRequest<Tag> } } | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const running = useRef<PassWorker | null>(null);
  const waiting = useRef<PassRequest<Tag> | null>(null);
  useEffect(() => {
    if (worker === null || request === null) return;
    const send = (next: PassRequest<Tag>) => {
      running.current = worker;
      worker.run(next.ids, next.options).then(
        (pass) => {
          running.current = null;
          setDone({ worker, pass: { ...pass, request: next } });
          const queued = waiting.current;
          waiting.current = null;
          if (queued) send(queued);
        },
        (e: Error) => {
          running.current = null;
          waiting.current = null;
          // A worker closed because its model was replaced has nothing to report.
          if (e.message !== WORKER_CLOSED) setFailure(e);
        },
      );
    };
    if (running.current === worker) waiting.current = request;
    else send(request);
  }, [worker, request]);
  if (failure !== null) throw failure;
  return done !== null && done.worker === worker ? done.pass : null;
}

/**
 * The interventions' second pass (every-position logits, ablation, injection): the very ids `result`
 * read, with other options. None while `options` is null, so an intervention that is off costs nothing.
 */
export function useRerun(model: GPTModel, result: ForwardResult, options: ForwardOptions | null): Trace | null {
  return usePass(model, result.kind === 'ok' && options !== null ? result.ids : null, options ?? NO_OPTIONS);
}

const NO_OPTIONS: ForwardOptions = {};
