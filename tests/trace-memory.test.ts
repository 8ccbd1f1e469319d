import { describe, expect, it } from 'vitest';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { forward } from '../src/core/gpt';
import { tinyConfig } from './tinyConfig';
import type { ForwardOptions, Trace } from '../src/core/trace';
import { AlternatingTraceMemory, TraceMemory } from '../src/core/traceMemory';

// A pass written over an earlier one must equal a pass in fresh memory, value for value: the arena
// zeroes what it reuses, and nothing of the earlier (longer) pass may show through.

const config = tinyConfig({ vocabSize: 23, nPositions: 16, nEmbd: 8, nLayer: 2, nHead: 2 });
const model = initModel(config, createRng(5));
const long = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
const short = [2, 7, 1, 8, 2];

function values(trace: Trace): number[][] {
  const tensors = [
    trace.tokEmb,
    trace.posEmb,
    trace.x0,
    ...trace.blocks.flatMap((b) => Object.values(b)),
    trace.lnF,
    trace.logits,
    trace.probs,
  ];
  return tensors.map((t) => Array.from(t.data));
}

describe('TraceMemory', () => {
  const cases: [string, ForwardOptions][] = [
    ['every row of logits', {}],
    ['the last row', { logitRows: 'last' }],
    ['a head and an MLP off', { ablatedHeads: [{ layer: 1, head: 0 }], ablatedMlps: [0] }],
  ];
  it.each(cases)('a short pass after a long one in the same memory equals a fresh pass (%s)', (_, options) => {
    const memory = new TraceMemory();
    forward(model, long, {}, memory);
    const reused = forward(model, short, options, memory);
    expect(values(reused)).toEqual(values(forward(model, short, options)));
    // The upper triangle of the attention weights is exactly 0, not left over from the long pass.
    const weights = reused.blocks[0].weights;
    expect(weights.data[1]).toBe(0);
  });

  it('grows for a longer pass and keeps its buffer for a shorter one', () => {
    const memory = new TraceMemory();
    const first = forward(model, short, {}, memory);
    const grownFrom = memory.bytes;
    const second = forward(model, long, {}, memory);
    expect(memory.bytes).toBeGreaterThan(grownFrom);
    expect(memory.holds(first.x0.data)).toBe(false);
    const third = forward(model, short, {}, memory);
    expect(third.x0.data.buffer).toBe(second.x0.data.buffer);
  });
});

describe('AlternatingTraceMemory', () => {
  it('never writes over the trace on screen, and reuses the other memory', () => {
    const memory = new AlternatingTraceMemory();
    const pass = (ids: number[]) => memory.run((into) => forward(model, ids, {}, into));
    const a = pass(long);
    memory.show(a);
    const aValues = values(a);
    const b = pass(short); // computed while a is shown
    expect(values(a)).toEqual(aValues);
    expect(b.x0.data.buffer).not.toBe(a.x0.data.buffer);
    const discarded = pass([1, 2, 3]); // computed and never shown: it may be overwritten
    expect(discarded.x0.data.buffer).toBe(b.x0.data.buffer);
    memory.show(discarded);
    const c = pass(short);
    expect(c.x0.data.buffer).toBe(a.x0.data.buffer);
    expect(values(discarded)).toEqual(values(forward(model, [1, 2, 3])));
  });
});
