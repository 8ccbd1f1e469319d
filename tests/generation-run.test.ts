import { describe, expect, it } from 'vitest';
import {
  generationReducer,
  IDLE_RUN,
  livePending,
  nextMove,
  type GenerationAction,
  type GenerationRun,
  type NextStep,
} from '../src/app/output/generation';

// The generation panel's run as pure transitions: what each step's outcome does to what the panel shows.

const started = (count: number, from: GenerationRun = IDLE_RUN) => generationReducer(from, { type: 'start', count, sequenceLength: 3 });
const step = (run: GenerationRun, next: NextStep, text = 'abc'): GenerationRun =>
  generationReducer(run, {
    type: 'stepped',
    next,
    contextIds: [0, 1, 2],
    base: { text: 'abc', length: 3 },
    text,
  } satisfies GenerationAction);

describe('a generation run', () => {
  it('starts afresh, keeping only the bytes still waiting for the rest of a character', () => {
    const before: GenerationRun = {
      ...IDLE_RUN,
      added: [9],
      ended: true,
      endOfTextLeftOut: 2,
      contextFull: true,
      pending: { base: 'abc', ids: [200] },
    };
    expect(started(5, before)).toEqual({ ...IDLE_RUN, total: 5, remaining: 5, runStart: 3, pending: { base: 'abc', ids: [200] } });
  });

  it('a token the text can hold joins the run and the text, and the next step waits for its trace', () => {
    const run = step(started(2), { kind: 'text', id: 3, ids: [0, 1, 2, 3], text: 'abcd', respelled: false });
    expect(run).toMatchObject({ added: [3], remaining: 1, pending: null, respelled: null, expected: { ids: [0, 1, 2, 3], text: 'abcd' } });
  });

  it('knows whether it has written to the text box yet, so that only its first write makes a history entry', () => {
    const run = started(3, { ...IDLE_RUN, textWritten: true }); // a run before this one wrote
    expect(run.textWritten).toBe(false);
    const waiting = step(run, { kind: 'pending', id: 228, ids: [0, 1, 2, 228] }, 'abc');
    expect(waiting.textWritten).toBe(false); // half a character leaves the text box as it is
    const wrote = step(waiting, { kind: 'text', id: 3, ids: [0, 1, 2, 3], text: 'abcd', respelled: false });
    expect(wrote.textWritten).toBe(true);
    expect(step(wrote, { kind: 'text', id: 4, ids: [0, 1, 2, 3, 4], text: 'abcde', respelled: false }).textWritten).toBe(true);
  });

  it('records where the tokens chosen and the tokens the text reads back part ways', () => {
    const run = step(started(2), { kind: 'text', id: 4, ids: [0, 1, 7], text: 'abX', respelled: true });
    expect(run.respelled).toEqual({ chosen: [2, 4], read: [7] });
  });

  it('keeps the bytes of a half-written character as ids after the workspace’s tokens, and leaves the text box as it is', () => {
    const run = step(started(3), { kind: 'pending', id: 228, ids: [0, 1, 2, 228] }, 'abc');
    expect(run).toMatchObject({
      added: [228],
      remaining: 2,
      pending: { base: 'abc', ids: [228] },
      expected: { ids: [0, 1, 2, 228], text: 'abc' },
    });
    expect(livePending(run, 'abc')).toEqual([228]);
    // An edit retires them, and so does the reader's "drop".
    expect(livePending(run, 'abcx')).toEqual([]);
    expect(generationReducer(run, { type: 'dropPending' }).pending).toBeNull();
  });

  it('stops at a full context and says so', () => {
    const run = step(started(4), { kind: 'contextFull' });
    expect(run).toMatchObject({ contextFull: true, remaining: 0, added: [] });
  });

  it('stops on "<|endoftext|>" and shows it as the run’s last token', () => {
    const run = step(step(started(4), { kind: 'text', id: 3, ids: [0, 1, 2, 3], text: 'abcd', respelled: false }), {
      kind: 'endOfText',
      id: 15,
    });
    expect(run).toMatchObject({ ended: true, remaining: 0, added: [3, 15] });
  });

  it('counts each "<|endoftext|>" left out while the run goes on', () => {
    let run = started(3);
    run = step(run, { kind: 'text', id: 3, ids: [0, 1, 2, 3], text: 'abcd', respelled: false, endOfTextLeftOut: true });
    run = step(run, { kind: 'pending', id: 200, ids: [0, 1, 2, 3, 200], endOfTextLeftOut: true });
    run = step(run, { kind: 'text', id: 5, ids: [0, 1, 2, 3, 5], text: 'abcdf', respelled: false });
    expect(run).toMatchObject({ endOfTextLeftOut: 2, remaining: 0, ended: false, added: [3, 200, 5] });
  });

  it('stops when asked, and when there was nothing to draw from', () => {
    expect(generationReducer(started(4), { type: 'stop' }).remaining).toBe(0);
    expect(step(started(4), { kind: 'empty' }).remaining).toBe(0);
  });
});

describe('when the next step runs', () => {
  const page = { text: 'abc', resultText: 'abc', contextIds: [0, 1, 2] };

  it('only while tokens remain', () => {
    expect(nextMove(IDLE_RUN, page)).toBe('idle');
    expect(nextMove(started(1), page)).toBe('step');
  });

  it('waits for the trace of what the reader just typed before the first step', () => {
    expect(nextMove(started(1), { ...page, text: 'abcd' })).toBe('wait');
  });

  it('after a step, waits until the trace holds exactly the ids that step produced', () => {
    const run = step(started(2), { kind: 'text', id: 3, ids: [0, 1, 2, 3], text: 'abcd', respelled: false });
    expect(nextMove(run, { text: 'abcd', resultText: 'abc', contextIds: [0, 1, 2] })).toBe('wait');
    expect(nextMove(run, { text: 'abcd', resultText: 'abcd', contextIds: null })).toBe('wait');
    expect(nextMove(run, { text: 'abcd', resultText: 'abcd', contextIds: [0, 1, 2, 3] })).toBe('step');
  });

  it('notices the reader editing the text during a run', () => {
    const run = step(started(2), { kind: 'text', id: 3, ids: [0, 1, 2, 3], text: 'abcd', respelled: false });
    expect(nextMove(run, { text: 'abcdX', resultText: 'abcd', contextIds: [0, 1, 2, 3] })).toBe('edited');
  });
});
