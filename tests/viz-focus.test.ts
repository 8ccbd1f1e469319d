import { describe, expect, it } from 'vitest';
import type { Tensor } from '../src/core/tensor';
import type { Trace } from '../src/core/trace';
import { buildStages, type Stage, type StageKind } from '../src/viz/stages';
import { clampFocus, defaultFocus, stagePlane } from '../src/viz/focus';
import { cellLabel } from '../src/viz/cellLabel';
import { getUi } from '../src/content/chapters';
import { fillPlaceholders } from '../src/content/fill';

const stages = buildStages(1);
/** A real stage of layer 0 (or before the blocks), showing `tensor` instead of a trace's. */
function stageOf(kind: StageKind, tensor?: Tensor): Stage {
  const stage = stages.find((s) => s.kind === kind)!;
  return tensor ? { ...stage, tensor: () => tensor } : stage;
}
const tensor = (shape: number[], values: number[]): Tensor => ({ data: Float32Array.from(values), shape });
// The stages below read their own tensor; only the tokens stage looks at the trace, for its ids.
const trace = { ids: Int32Array.from([7, 8, 9, 10]) } as unknown as Trace;

describe('the matrix a stage shows', () => {
  it('is one head’s slice for a per-head stage, a single row for a vector, and the tensor otherwise', () => {
    const perHead = stagePlane(stageOf('q', tensor([2, 1, 3], [1, 2, 3, 4, 5, 6])), trace, 1);
    expect(perHead.shape).toEqual([1, 3]);
    expect(Array.from(perHead.data)).toEqual([4, 5, 6]);
    expect(stagePlane(stageOf('ln1', tensor([3], [1, 2, 3])), trace, 0).shape).toEqual([1, 3]);
    expect(stagePlane(stageOf('ln1', tensor([1, 3], [1, 2, 3])), trace, 0).shape).toEqual([1, 3]);
  });
});

describe('the default focus', () => {
  const ln1 = stageOf('ln1', tensor([2, 3], [1, -5, 2, 0.5, 3, -4]));

  it('is the selected token’s largest value in size', () => {
    expect(defaultFocus(ln1, trace, 0, 0)).toEqual({ row: 0, col: 1 }); // |−5|
    expect(defaultFocus(ln1, trace, 0, 1)).toEqual({ row: 1, col: 2 }); // |−4|
    expect(defaultFocus(ln1, trace, 0, 7)).toEqual({ row: 1, col: 2 }); // a token past the matrix reads its last row
  });

  it('is the top guess at the last position for logits and probabilities, not the largest in size', () => {
    const logits = stageOf('logits', tensor([2, 3], [9, 0, 0, -9, 2, 1]));
    expect(defaultFocus(logits, trace, 0, 0)).toEqual({ row: 1, col: 1 });
  });

  it('skips masked scores', () => {
    const masked = stageOf('masked', tensor([1, 3], [-Infinity, -1, 0.5]));
    expect(defaultFocus(masked, trace, 0, 0)).toEqual({ row: 0, col: 1 });
  });

  it('is the selected token itself on the tokens stage', () => {
    expect(defaultFocus(stageOf('tokens'), trace, 0, 2)).toEqual({ row: 2, col: 0 });
  });
});

describe('a focus kept from another stage', () => {
  it('moves inside this stage’s matrix', () => {
    const ln1 = stageOf('ln1', tensor([2, 3], [0, 0, 0, 0, 0, 0]));
    expect(clampFocus({ row: 9, col: 9 }, ln1, trace, 0)).toEqual({ row: 1, col: 2 });
    expect(clampFocus({ row: 1, col: 1 }, ln1, trace, 0)).toEqual({ row: 1, col: 1 });
    expect(clampFocus({ row: 9, col: 5 }, stageOf('tokens'), trace, 0)).toEqual({ row: 3, col: 0 });
  });
});

describe('a hovered cell in words', () => {
  const ui = getUi('en');
  const t = (key: keyof typeof ui, values: Record<string, string | number> = {}) => fillPlaceholders(ui[key], values, 'en');
  const ctx = { ui, t, labels: ['The', '␣king', '␣and'], labelOf: (id: number) => `#${id}`, head: 1 };

  it('names the stage, its layer and head, and the cell’s tokens', () => {
    expect(cellLabel(stageOf('weights'), { row: 2, col: 1 }, ctx)).toBe(
      'Softmax weights · Layer 1 · Head 2 · query token 2 ‘␣and’ · key token 1 ‘␣king’',
    );
    expect(cellLabel(stageOf('ln1'), { row: 1, col: 17 }, ctx)).toBe('Layer norm 1 · Layer 1 · token 1 ‘␣king’ · channel 17');
    expect(cellLabel(stageOf('gelu'), { row: 0, col: 3 }, ctx)).toMatch(/ · token 0 ‘The’ · Neuron 3$/);
  });

  it('names a vocabulary id at the output, and the token alone on the tokens stage', () => {
    expect(cellLabel(stageOf('logits'), { row: 2, col: 42 }, ctx)).toMatch(/ · token id 42 ‘#42’$/);
    expect(cellLabel(stageOf('tokens'), { row: 1, col: 0 }, ctx)).toBe('token 1 ‘␣king’');
  });
});
