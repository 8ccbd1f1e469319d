import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestRows, type Similarity } from '../src/core/analogy';
import { forward } from '../src/core/gpt';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { tinyConfig } from './tinyConfig';
import { principalAxes, projectOnto, unitDirection } from '../src/core/projection';
import { directionEnds, moveAlong, projectRows } from '../src/core/direction';
import { probabilityShifts } from '../src/core/probabilityShift';
import { embeddingSize, gpt3EmbeddingSize } from '../src/core/embeddingScale';
import type { Tensor } from '../src/core/tensor';

const matrixArb = fc.record({ V: fc.integer({ min: 1, max: 24 }), C: fc.integer({ min: 1, max: 6 }) }).chain(({ V, C }) =>
  fc.record({
    // Integers keep ties exact, so both sides must agree on the tie order too.
    data: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: V * C, maxLength: V * C }),
    query: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: C, maxLength: C }),
    V: fc.constant(V),
    C: fc.constant(C),
    k: fc.integer({ min: 1, max: V + 2 }),
    exclude: fc.uniqueArray(fc.integer({ min: 0, max: V - 1 }), { maxLength: V }),
    parity: fc.constantFrom(null, 0, 1),
  }),
);

function bruteForce(m: Tensor, query: number[], similarity: Similarity, keep: (id: number) => boolean) {
  const [V, C] = m.shape;
  const row = (v: number) => Array.from(m.data.subarray(v * C, (v + 1) * C));
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
  const len = (a: number[]) => Math.sqrt(dot(a, a)) || 1;
  return Array.from({ length: V }, (_, v) => v)
    .filter(keep)
    .map((v) => ({ id: v, score: similarity === 'dot' ? dot(row(v), query) : dot(row(v), query) / (len(row(v)) * len(query)) }));
}

describe('nearestRows agrees with a brute-force ranking', () => {
  for (const similarity of ['cosine', 'dot'] as const) {
    it(`${similarity}, with exclusion and a candidate filter`, () => {
      fc.assert(
        fc.property(matrixArb, ({ data, query, V, C, k, exclude, parity }) => {
          const m: Tensor = { data: Float32Array.from(data), shape: [V, C] };
          const candidate = parity === null ? undefined : (id: number) => id % 2 === parity;
          const got = nearestRows(m, query, { k, similarity, exclude, candidate });
          const all = bruteForce(m, query, similarity, (id) => !exclude.includes(id) && (!candidate || candidate(id)));
          expect(got.length).toBe(Math.min(k, all.length));
          // Same scores in the same order; among equal scores any order is a correct ranking.
          const expected = [...all].sort((a, b) => b.score - a.score).slice(0, got.length);
          got.forEach((n, i) => {
            expect(n.score).toBeCloseTo(expected[i].score, 5);
            expect(all.find((a) => a.id === n.id)!.score).toBeCloseTo(n.score, 5);
          });
          expect(new Set(got.map((n) => n.id)).size).toBe(got.length);
        }),
        { numRuns: 300 },
      );
    });
  }
});

const config = tinyConfig({ vocabSize: 37, nPositions: 16, nEmbd: 8, nLayer: 2, nHead: 2, tieWordEmbeddings: true });

describe('embedding overrides', () => {
  const model = initModel(config, createRng(7));
  const ids = [3, 14, 15, 9, 26, 5];
  const position = 2;
  const vector = Float32Array.from({ length: config.nEmbd }, (_, c) => Math.sin(c + 1));
  const before = forward(model, ids);
  const after = forward(model, ids, { embeddingOverrides: [{ position, vector }] });
  const C = config.nEmbd;
  const rows = (t: Tensor, from: number, to: number, width = C) => Array.from(t.data.subarray(from * width, to * width));

  it('replaces exactly the chosen tokEmb row and leaves posEmb alone', () => {
    expect(rows(after.tokEmb, position, position + 1)).toEqual(Array.from(vector));
    expect(rows(after.tokEmb, 0, position)).toEqual(rows(before.tokEmb, 0, position));
    expect(rows(after.tokEmb, position + 1, ids.length)).toEqual(rows(before.tokEmb, position + 1, ids.length));
    expect(Array.from(after.posEmb.data)).toEqual(Array.from(before.posEmb.data));
    expect(Array.from(after.ids)).toEqual(ids);
  });

  it('keeps earlier positions identical in every block (causal) and changes the overridden position', () => {
    for (let l = 0; l < config.nLayer; l++) {
      const b = before.blocks[l];
      const a = after.blocks[l];
      expect(rows(a.resid2, 0, position)).toEqual(rows(b.resid2, 0, position));
      expect(rows(a.attnOut, 0, position)).toEqual(rows(b.attnOut, 0, position));
      expect(rows(a.resid2, position, position + 1)).not.toEqual(rows(b.resid2, position, position + 1));
    }
    // Every later position attends to the changed one, so it changes too.
    for (let t = position; t < ids.length; t++) {
      expect(rows(after.lnF, t, t + 1)).not.toEqual(rows(before.lnF, t, t + 1));
    }
  });

  it('changes the logits at and after the position, not before', () => {
    const V = config.vocabSize;
    expect(rows(after.logits, 0, position, V)).toEqual(rows(before.logits, 0, position, V));
    expect(rows(after.logits, position, ids.length, V)).not.toEqual(rows(before.logits, position, ids.length, V));
  });
});

describe('principal axes', () => {
  const vectorsArb = fc
    .record({ n: fc.integer({ min: 2, max: 12 }), C: fc.integer({ min: 2, max: 10 }) })
    .chain(({ n, C }) =>
      fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: C, maxLength: C }), { minLength: n, maxLength: n }),
    );

  it('are orthonormal and capture at least as much variance as any other direction', () => {
    fc.assert(
      fc.property(vectorsArb, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }), (vectors, probe) => {
        const { axes, variances, mean } = principalAxes(vectors);
        const C = vectors[0].length;
        axes.forEach((a, i) => axes.forEach((b, j) => expect(a.reduce((s, x, c) => s + x * b[c], 0)).toBeCloseTo(i === j ? 1 : 0, 6)));
        if (axes.length === 0) return;
        const direction = unitDirection(new Float64Array(C), probe.slice(0, C));
        if (!direction) return;
        const along = projectOnto(vectors, [direction], mean).map(([x]) => x);
        const variance = along.reduce((s, x) => s + x * x, 0) / vectors.length;
        expect(variances[0]).toBeGreaterThanOrEqual(variance - 1e-6 * (1 + variance));
      }),
      { numRuns: 200 },
    );
  });

  it('recover the distances of points that lie in a plane', () => {
    const u = [1, 2, 0, -1, 0.5].map((x) => x / Math.sqrt(6.25));
    const w = [0, 1, 1, 2, -2]; // not orthogonal to u: the axes must still find the plane
    const coords = [
      [0, 0],
      [3, 1],
      [-2, 4],
      [1, -3],
      [5, 5],
    ];
    const points = coords.map(([a, b]) => u.map((x, c) => 7 + a * x + b * w[c]));
    const { axes, mean } = principalAxes(points);
    const flat = projectOnto(points, axes, mean);
    const dist = (p: number[], q: number[]) => Math.hypot(...p.map((x, i) => x - q[i]));
    for (let i = 0; i < points.length; i++) {
      for (let j = 0; j < points.length; j++) expect(dist(flat[i], flat[j])).toBeCloseTo(dist(points[i], points[j]), 6);
    }
  });

  it('handle degenerate input without NaN', () => {
    expect(principalAxes([]).axes).toEqual([]);
    expect(principalAxes([[1, 2, 3]]).axes).toEqual([]);
    expect(
      principalAxes([
        [1, 2],
        [1, 2],
      ]).axes,
    ).toEqual([]);
    const line = principalAxes([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(line.axes.length).toBe(1);
    expect(Array.from(line.axes[0])).toEqual([Math.SQRT1_2, Math.SQRT1_2].map((x) => expect.closeTo(x, 9)));
    expect(unitDirection([1, 1], [1, 1])).toBeNull();
  });

  it('give a unit vector however small or large the difference', () => {
    // Found by the property above: 2.4e-161 squared is subnormal, and its square root is off by 1e-6.
    for (const size of [2.4e-161, 1e-300, 5e-324, 1, 1e300]) {
      const u = unitDirection([0, 0, 0], [size, 0, size])!;
      expect(Math.hypot(...u)).toBeCloseTo(1, 15);
      expect(u[0]).toBeCloseTo(Math.SQRT1_2, 15);
    }
  });
});

describe('directions', () => {
  const m: Tensor = { data: Float32Array.from([1, 0, 0, 1, -2, 0, 3, 3, 0.5, 0]), shape: [5, 2] };
  it('project every row and list both ends', () => {
    const scores = projectRows(m, [1, 0]);
    expect(Array.from(scores)).toEqual([1, 0, -2, 3, 0.5]);
    const ends = directionEnds(scores, 2);
    expect(ends.high.map((r) => r.index)).toEqual([3, 0]);
    expect(ends.low.map((r) => [r.index, r.value])).toEqual([
      [2, -2],
      [1, 0],
    ]);
    expect(directionEnds(scores, 2, (id) => id !== 3).high.map((r) => r.index)).toEqual([0, 4]);
  });
  it('move a word along the direction, clamped', () => {
    expect(Array.from(moveAlong([1, 1], [0, 1], 2, 5))).toEqual([1, 3]);
    expect(Array.from(moveAlong([1, 1], [0, 1], 50, 5))).toEqual([1, 6]);
    expect(Array.from(moveAlong([1, 1], [0, 1], NaN, 5))).toEqual([1, 1]);
  });
});

describe('probability shifts', () => {
  it('list the tokens near the top before, after, and those that moved most', () => {
    const before = [0.5, 0.3, 0.1, 0.05, 0.05];
    const after = [0.2, 0.3, 0.05, 0.4, 0.05];
    const shifts = probabilityShifts(before, after, 1);
    expect(shifts.map((s) => s.id)).toEqual([3, 0]);
    expect(shifts[0].delta).toBeCloseTo(0.35, 12);
    expect(shifts[1].delta).toBeCloseTo(-0.3, 12);
    expect(() => probabilityShifts([1], [0.5, 0.5], 1)).toThrow(/must match/);
  });
});

describe('embedding size', () => {
  it('multiplies the loaded shape, and GPT-3’s', () => {
    expect(embeddingSize({ data: new Float32Array(0), shape: [8192, 64] }).parameters).toBe(524_288);
    expect(gpt3EmbeddingSize().parameters).toBe(617_558_016);
  });
});

describe('principal axes of tiny vectors', () => {
  // Found by the property test above: the eigen solver judged convergence in absolute terms,
  // so vectors around 1e-19 came back with no axis, or two copies of the same one.
  it('are found at any scale', () => {
    for (const scale of [1e-122, 1e-19, 1, 1e19, 1e122]) {
      const { axes } = principalAxes([
        [0, 0, 0],
        [scale, 0, 0],
        [0, 2 * scale, 0],
      ]);
      expect(axes).toHaveLength(2);
      expect(Math.abs(axes[0].reduce((s, x, c) => s + x * axes[1][c], 0))).toBeLessThan(1e-9);
    }
  });
});

describe('the picture of a − b + c', () => {
  const C = 7;
  const rng = createRng(5);
  const wte: Tensor = { data: Float32Array.from({ length: 12 * C }, () => rng.normal()), shape: [12, C] };
  const terms = [
    { id: 3, coefficient: 1, label: 'king' },
    { id: 5, coefficient: -1, label: 'man' },
    { id: 8, coefficient: 1, label: 'woman' },
  ];
  const result = Float32Array.from({ length: C }, (_, c) => wte.data[3 * C + c] - wte.data[5 * C + c] + wte.data[8 * C + c]);
  const neighbours = [
    { id: 1, label: 'n1' },
    { id: 2, label: 'n2' },
  ];
  const row = (id: number) => wte.data.subarray(id * C, (id + 1) * C);

  it.each([
    ['principal components', { kind: 'pca' } as const],
    ['chosen directions', { kind: 'pairs', x: [row(0), row(4)], y: [row(6), row(9)] } as const],
  ])('draws b → c and a → result as the same vector: a parallelogram (%s)', async (_, axes) => {
    const { buildPicture } = await import('../src/viz/lab/picture');
    const picture = buildPicture(wte, terms, result, neighbours, axes)!;
    expect(picture.parallels).toEqual([
      { from: 'w5', to: 'w8' },
      { from: 'w3', to: 'result' },
    ]);
    const at = (key: string) => picture.points.find((p) => p.key === key)!.xy;
    const move = ({ from, to }: { from: string; to: string }) => [at(to)[0] - at(from)[0], at(to)[1] - at(from)[1]];
    const [first, second] = picture.parallels.map(move);
    expect(second[0]).toBeCloseTo(first[0], 5);
    expect(second[1]).toBeCloseTo(first[1], 5);
    expect(Math.hypot(first[0], first[1])).toBeGreaterThan(0);
  });

  it('draws no parallelogram for other shapes of expression', async () => {
    const { buildPicture } = await import('../src/viz/lab/picture');
    const twice = [
      { id: 3, coefficient: 2, label: 'king' },
      { id: 5, coefficient: -1, label: 'man' },
    ];
    expect(buildPicture(wte, twice, result, neighbours, { kind: 'pca' })!.parallels).toEqual([]);
  });
});
