// Compares the TypeScript tokenizer and forward pass with an independent NumPy reference.
//
// The fixture in tests/fixtures/tiny/ (vocab, merges, a random untied 2-layer checkpoint and
// every intermediate of the forward pass, computed in float64) is made by
//   python3 tests/fixtures/make_reference.py      (from the repo root; needs numpy and regex)
// CI has no Python, so rerun it and commit tests/fixtures/tiny/ whenever the script changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Tokenizer } from '../src/core/tokenizer';
import { readSafetensors } from '../src/core/safetensors';
import { parseConfig, modelFromTensors } from '../src/core/checkpoint';
import { forward } from '../src/core/gpt';
import type { Tensor } from '../src/core/tensor';
import type { BlockTrace, Trace } from '../src/core/trace';

const FIXTURE = fileURLToPath(new URL('./fixtures/tiny', import.meta.url));
const TOL = 1e-5; // float32 against float64: measured error is below 1e-6

interface TokenizerCase {
  text: string;
  ids: number[];
  tokens: string[];
  decoded: string;
}

interface ForwardCase extends TokenizerCase {
  tensors: string; // safetensors file with the reference trace
}

interface ReferenceJson extends ForwardCase {
  extraCases: ForwardCase[];
  tokenizerCases: TokenizerCase[];
}

const readText = (name: string) => readFileSync(join(FIXTURE, name), 'utf8');
const readTensors = (name: string) => readSafetensors(new Uint8Array(readFileSync(join(FIXTURE, name))), name);

function multiIndex(flat: number, shape: readonly number[]): number[] {
  const index: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    index.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

/** Throws unless shapes match and every element is within tol; names the worst element. */
function checkTensor(actual: Tensor, expected: Tensor, label: string, tol: number): number {
  const shapeOf = (t: Tensor) => `[${t.shape.join(', ')}]`;
  if (shapeOf(actual) !== shapeOf(expected)) {
    throw new Error(`${label}: shape ${shapeOf(actual)}, expected ${shapeOf(expected)}`);
  }
  if (actual.data.length !== expected.data.length) {
    throw new Error(`${label}: ${actual.data.length} values for shape ${shapeOf(expected)}`);
  }
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i];
    const e = expected.data[i];
    // Equal infinities (the -Infinity of the causal mask) match; NaN never does.
    const diff = a === e ? 0 : Number.isNaN(a - e) ? Infinity : Math.abs(a - e);
    if (diff > worst) {
      worst = diff;
      worstAt = i;
    }
  }
  if (worst > tol) {
    const at = multiIndex(worstAt, expected.shape).join(', ');
    throw new Error(
      `${label}: max |diff| ${worst.toExponential(3)} > ${tol} at [${at}] ` +
        `(actual ${actual.data[worstAt]}, expected ${expected.data[worstAt]})`,
    );
  }
  return worst;
}

function reference(tensors: Map<string, Tensor>, name: string): Tensor {
  const t = tensors.get(name);
  if (!t) throw new Error(`reference trace has no tensor "${name}"; rerun tests/fixtures/make_reference.py`);
  return t;
}

/** The reference scores with -Infinity above the diagonal: what `masked` must be. */
function maskScores(scores: Tensor): Tensor {
  const [NH, T] = scores.shape;
  const data = Float32Array.from(scores.data);
  for (let h = 0; h < NH; h++) {
    for (let t = 0; t < T; t++) {
      for (let s = t + 1; s < T; s++) data[(h * T + t) * T + s] = -Infinity;
    }
  }
  return { data, shape: scores.shape };
}

const BLOCK_KEYS = [
  'ln1',
  'q',
  'k',
  'v',
  'scores',
  'weights',
  'attnOut',
  'attnProj',
  'resid1',
  'ln2',
  'fc',
  'gelu',
  'mlpProj',
  'resid2',
] as const satisfies readonly (keyof BlockTrace)[];

/** Every trace tensor the reference recorded, in forward order, with its label. */
function tracePairs(trace: Trace, ref: Map<string, Tensor>): [string, Tensor, Tensor][] {
  const pairs: [string, Tensor, Tensor][] = [
    ['tokEmb', trace.tokEmb, reference(ref, 'tokEmb')],
    ['posEmb', trace.posEmb, reference(ref, 'posEmb')],
    ['x0', trace.x0, reference(ref, 'x0')],
  ];
  trace.blocks.forEach((block, i) => {
    for (const key of BLOCK_KEYS) pairs.push([`h.${i}.${key}`, block[key], reference(ref, `h.${i}.${key}`)]);
    pairs.push([`h.${i}.masked`, block.masked, maskScores(reference(ref, `h.${i}.scores`))]);
  });
  pairs.push(['lnF', trace.lnF, reference(ref, 'lnF')]);
  pairs.push(['logits', trace.logits, reference(ref, 'logits')]);
  pairs.push(['probs', trace.probs, reference(ref, 'probs')]);
  return pairs;
}

const json = JSON.parse(readText('reference.json')) as ReferenceJson;
const forwardCases: ForwardCase[] = [json, ...json.extraCases];
const tokenizerCases: TokenizerCase[] = [...forwardCases, ...json.tokenizerCases];

describe('checkTensor', () => {
  const t = (data: number[], shape: number[]): Tensor => ({ data: Float32Array.from(data), shape });

  it('passes equal tensors, including matching infinities', () => {
    expect(checkTensor(t([1, -Infinity, 3, 4], [2, 2]), t([1, -Infinity, 3, 4], [2, 2]), 'x', 0)).toBe(0);
  });

  it('reports the largest difference and where it is', () => {
    expect(() => checkTensor(t([1, 2, 3, 4.5], [2, 2]), t([1, 2.1, 3, 4], [2, 2]), 'x', 1e-5)).toThrow(
      /x: max \|diff\| 5\.000e-1 > 0\.00001 at \[1, 1\]/,
    );
  });

  it('rejects a shape mismatch even when the values agree', () => {
    expect(() => checkTensor(t([1, 2, 3, 4], [4]), t([1, 2, 3, 4], [2, 2]), 'x', 1)).toThrow(/shape \[4\], expected \[2, 2\]/);
  });

  it('rejects NaN and a -Infinity where a number is expected', () => {
    expect(() => checkTensor(t([NaN], [1]), t([NaN], [1]), 'x', 1)).toThrow(/Infinity/);
    expect(() => checkTensor(t([-Infinity], [1]), t([0], [1]), 'x', 1)).toThrow(/x: max/);
  });
});

describe('tokenizer matches the reference encoder', () => {
  const tokenizer = Tokenizer.fromFiles(readText('vocab.json'), readText('merges.txt'));

  it.each(tokenizerCases.map((c) => [JSON.stringify(c.text), c] as const))('%s', (_, c) => {
    expect(tokenizer.encode(c.text)).toEqual(c.ids);
    expect(c.ids.map((id) => tokenizer.tokenText(id))).toEqual(c.tokens);
    expect(tokenizer.decode(c.ids)).toBe(c.decoded);
  });

  it('exercises merges, multi-byte characters and the empty string', () => {
    expect(json.ids.some((id) => id >= 256)).toBe(true);
    expect(json.tokens).toContain('\uFFFD');
    expect(json.tokenizerCases.some((c) => c.ids.length === 0)).toBe(true);
  });
});

describe('forward pass matches the NumPy reference', () => {
  const config = parseConfig(readText('config.json'));
  const model = modelFromTensors(config, readTensors('model.safetensors'));

  it('loads the untied tiny checkpoint', () => {
    expect(config).toMatchObject({
      vocabSize: 300,
      nPositions: 32,
      nEmbd: 16,
      nLayer: 2,
      nHead: 2,
      tieWordEmbeddings: false,
    });
    expect(config.layerNormEpsilon).toBeCloseTo(1e-5, 12);
    expect(model.params.lm_head).not.toBeNull();
  });

  describe.each(forwardCases.map((c) => [JSON.stringify(c.text), c] as const))('%s', (_, c) => {
    const ref = readTensors(c.tensors);
    const trace = forward(model, c.ids);

    it('keeps the ids and one block per layer', () => {
      expect(Array.from(trace.ids)).toEqual(c.ids);
      expect(trace.blocks).toHaveLength(config.nLayer);
    });

    it.each(tracePairs(trace, ref).map(([label, actual, expected]) => [label, actual, expected]))('%s', (label, actual, expected) => {
      checkTensor(actual, expected, `${JSON.stringify(c.text)} ${label}`, TOL);
    });

    it('gives exactly zero attention to future positions', () => {
      for (const block of trace.blocks) {
        const [NH, T] = block.weights.shape;
        for (let h = 0; h < NH; h++) {
          for (let t = 0; t < T; t++) {
            for (let s = t + 1; s < T; s++) expect(block.weights.data[(h * T + t) * T + s]).toBe(0);
          }
        }
      }
    });
  });
});
