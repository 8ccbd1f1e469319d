import { describe, expect, it } from 'vitest';
import {
  countParameters,
  groupCheckpointCounts,
  GPT2_LARGE,
  GPT2_MEDIUM,
  GPT2_SMALL,
  GPT2_XL,
  GPT3_175B,
  lessonTally,
  leftOutOfTally,
  GPT3_175B_UNTIED,
  paramConfigFromModel,
} from '../src/core/param-count';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { parameterCounts } from '../src/core/checkpoint';
import { tinyConfig } from './tinyConfig';

describe('published parameter totals', () => {
  // Hugging Face's model.num_parameters() for gpt2, gpt2-medium, gpt2-large, gpt2-xl (wpe included, W_u tied).
  it.each([
    [GPT2_SMALL, 124_439_808],
    [GPT2_MEDIUM, 354_823_168],
    [GPT2_LARGE, 774_030_080],
    [GPT2_XL, 1_557_611_200],
  ])('GPT-2 config %# totals %i', (config, total) => {
    expect(countParameters(config).total).toBe(total);
  });

  it('GPT-3 175B is within 0.5% of 175 billion, tied or not', () => {
    const tied = countParameters(GPT3_175B);
    const untied = countParameters(GPT3_175B_UNTIED);
    expect(tied.total).toBe(174_604_259_328);
    expect(untied.total).toBe(175_221_817_344);
    for (const total of [tied.total, untied.total]) expect(Math.abs(total - 175e9) / 175e9).toBeLessThan(0.005);
    const we = tied.groups.find((g) => g.key === 'tokenEmbedding')!;
    expect(we.count).toBe(617_558_016);
    expect(untied.groups.find((g) => g.key === 'unembedding')!.count).toBe(617_558_016);
    expect(tied.groups.find((g) => g.key === 'unembedding')!.count).toBe(0);
  });

  it('reconciles the lesson’s tally of GPT-3 with the full count', () => {
    const tally = lessonTally(GPT3_175B_UNTIED);
    // The lesson's figures, matrix by matrix.
    expect(tally.rows.map((r) => r.count)).toEqual([
      617_558_016, 14_495_514_624, 14_495_514_624, 14_495_514_624, 14_495_514_624, 57_982_058_496, 57_982_058_496, 617_558_016,
    ]);
    expect(tally.total).toBe(175_181_291_520);
    const left = leftOutOfTally(GPT3_175B_UNTIED);
    expect(left.rows.find((r) => r.key === 'positionEmbedding')!.count).toBe(2048 * 12288);
    expect(tally.total + left.total).toBe(countParameters(GPT3_175B_UNTIED).total);
    expect(tally.total + left.total - 617_558_016).toBe(countParameters(GPT3_175B).total);
  });

  it('GPT-2 small groups: 12 C² weights per block, counted per layer and in total', () => {
    const { groups } = countParameters(GPT2_SMALL);
    const g = (key: string) => groups.find((x) => x.key === key)!;
    expect(g('attnQ')).toEqual({ key: 'attnQ', perLayer: true, each: 768 * 768, count: 12 * 768 * 768 });
    expect(g('mlpUp').each).toBe(768 * 3072);
    expect(g('positionEmbedding')).toEqual({ key: 'positionEmbedding', perLayer: false, each: 786_432, count: 786_432 });
    expect(g('layerNorms').count).toBe(12 * 4 * 768);
  });
});

describe('counting the loaded checkpoint', () => {
  const config = (tied: boolean) => tinyConfig({ vocabSize: 37, nPositions: 9, nEmbd: 12, nLayer: 3, nHead: 3, tieWordEmbeddings: tied });

  it.each([true, false])('tensor by tensor, the groups agree with the formula (tied = %s)', (tied) => {
    const model = initModel(config(tied), createRng(1));
    const tensors = parameterCounts(model);
    const fromCheckpoint = groupCheckpointCounts(tensors, 3);
    expect(fromCheckpoint.total).toBe(tensors.reduce((a, t) => a + t.count, 0));
    expect(fromCheckpoint).toEqual(countParameters(paramConfigFromModel(config(tied), 'ours')));
  });

  it('names an unknown tensor', () => {
    expect(() => groupCheckpointCounts([{ name: 'h.0.attn.rotary', shape: [4], count: 4 }], 1)).toThrow(/h\.0\.attn\.rotary/);
  });
});
