import { useLayoutEffect, useMemo, useState } from 'react';
import { forward } from '../../core/gpt';
import type { ForwardOptions, Trace } from '../../core/trace';
import type { GPTModel } from '../../core/model';
import { AlternatingTraceMemory } from '../../core/traceMemory';
import type { ForwardResult } from './runText';

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

/** Run the model on `ids` (none while null), logged when committed. `options` must keep its identity between renders. */
export function usePass(model: GPTModel, ids: readonly number[] | null, options: ForwardOptions): Trace | null {
  const memory = usePassMemory();
  const trace = useMemo(
    () => (ids === null ? null : memory.run((into) => forward(model, ids, options, into))),
    [memory, model, ids, options],
  );
  useCommittedPass(trace, memory);
  return trace;
}

/**
 * The interventions' second pass (every-position logits, ablation, injection): the very ids `result`
 * read, with other options. None while `options` is null, so an intervention that is off costs nothing.
 */
export function useRerun(model: GPTModel, result: ForwardResult, options: ForwardOptions | null): Trace | null {
  return usePass(model, result.kind === 'ok' && options !== null ? result.ids : null, options ?? NO_OPTIONS);
}

const NO_OPTIONS: ForwardOptions = {};
