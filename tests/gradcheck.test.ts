import { describe, expect, it } from 'vitest';
import type { Buf } from '../src/core/ops/buffer';
import { layernormBackward, layernormForward } from '../src/core/ops/layernorm';
import { linearBackward, linearForward } from '../src/core/ops/linear';
import { geluBackward, geluForward } from '../src/core/ops/gelu';
import { attentionBackward, attentionForward } from '../src/core/ops/attention';
import { unembeddingBackward, unembeddingForward } from '../src/core/ops/unembedding';
import { embeddingBackward, embeddingForward } from '../src/core/ops/embedding';
import { residualBackward, residualForward } from '../src/core/ops/residual';
import { crossEntropyBackward, crossEntropyForward } from '../src/core/ops/crossentropy';
import { softmaxForward } from '../src/core/ops/softmax';
import { createRng } from '../src/core/rng';

// Each backward is checked against central finite differences in float64 on tiny shapes.
// The scalar loss is sum(out * R) for a fixed random R, so dL/dout = R.
const rng = createRng(7);
const rand = (n: number, s = 1) => Float64Array.from({ length: n }, () => rng.normal() * s);

function numericGrad(f: () => number, x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  const h = 1e-6;
  for (let i = 0; i < x.length; i++) {
    const old = x[i];
    x[i] = old + h;
    const up = f();
    x[i] = old - h;
    const down = f();
    x[i] = old;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

function expectClose(analytic: Buf, numeric: Float64Array, label: string) {
  let worst = 0;
  for (let i = 0; i < numeric.length; i++) {
    const err = Math.abs(analytic[i] - numeric[i]) / Math.max(1, Math.abs(numeric[i]));
    worst = Math.max(worst, err);
  }
  expect(worst, `${label}: worst relative error`).toBeLessThan(1e-6);
}

const dot = (a: Buf, b: Buf) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

describe('finite-difference gradient checks (float64)', () => {
  it('layernorm', () => {
    const T = 3,
      C = 5,
      eps = 1e-5;
    const inp = rand(T * C, 2),
      w = rand(C),
      b = rand(C),
      R = rand(T * C);
    const f = () => {
      const out = new Float64Array(T * C);
      layernormForward(out, null, null, inp, w, b, T, C, eps);
      return dot(out, R);
    };
    const dinp = new Float64Array(T * C),
      dw = new Float64Array(C),
      db = new Float64Array(C);
    layernormBackward(dinp, dw, db, R, inp, w, T, C, eps);
    expectClose(dinp, numericGrad(f, inp), 'dinp');
    expectClose(dw, numericGrad(f, w), 'dweight');
    expectClose(db, numericGrad(f, b), 'dbias');
  });

  // The second shapes are large enough for the blocked kernels: rows in fours with one left over,
  // sums eight deep with a remainder, and the transposed product's copy-then-multiply path (M >= 8).
  it.each([
    [3, 4, 5],
    [9, 17, 10],
  ])('linear (T=%i, IN=%i, OUT=%i)', (T, IN, OUT) => {
    const inp = rand(T * IN),
      w = rand(IN * OUT),
      b = rand(OUT),
      R = rand(T * OUT);
    const f = () => {
      const out = new Float64Array(T * OUT);
      linearForward(out, inp, w, b, T, IN, OUT);
      return dot(out, R);
    };
    const dinp = new Float64Array(T * IN),
      dw = new Float64Array(IN * OUT),
      db = new Float64Array(OUT);
    linearBackward(dinp, dw, db, R, inp, w, T, IN, OUT);
    expectClose(dinp, numericGrad(f, inp), 'dinp');
    expectClose(dw, numericGrad(f, w), 'dweight');
    expectClose(db, numericGrad(f, b), 'dbias');
  });

  it('gelu', () => {
    const N = 9;
    const inp = Float64Array.from([-4, -2, -1, -0.3, 0, 0.2, 1, 2.5, 5]),
      R = rand(N);
    const f = () => {
      const out = new Float64Array(N);
      geluForward(out, inp, N);
      return dot(out, R);
    };
    const dinp = new Float64Array(N);
    geluBackward(dinp, inp, R, N);
    expectClose(dinp, numericGrad(f, inp), 'dinp');
  });

  it.each([
    [4, 6, 2],
    [10, 18, 2],
  ])('causal attention (T=%i, C=%i, NH=%i)', (T, C, NH) => {
    const HS = C / NH;
    const qkv = rand(T * 3 * C),
      R = rand(T * C);
    const bufs = () => ({
      q: new Float64Array(NH * T * HS),
      k: new Float64Array(NH * T * HS),
      v: new Float64Array(NH * T * HS),
      scores: new Float64Array(NH * T * T),
      masked: new Float64Array(NH * T * T),
      weights: new Float64Array(NH * T * T),
      out: new Float64Array(T * C),
    });
    const f = () => {
      const b = bufs();
      attentionForward(b, qkv, T, C, NH);
      return dot(b.out, R);
    };
    const b = bufs();
    attentionForward(b, qkv, T, C, NH);
    const dqkv = new Float64Array(T * 3 * C);
    attentionBackward(dqkv, R, b.q, b.k, b.v, b.weights, T, C, NH);
    expectClose(dqkv, numericGrad(f, qkv), 'dqkv');
  });

  it('causal attention in Float32, where its products run in the SIMD kernels, adds what Float64 gives (T=24)', () => {
    const [T, C, NH] = [24, 16, 2];
    const HS = C / NH;
    const qkv = rand(T * 3 * C),
      R = rand(T * C),
      before = rand(T * 3 * C);
    const run = <B extends Float32Array | Float64Array>(make: (n: number) => B) => {
      const b = {
        q: make(NH * T * HS),
        k: make(NH * T * HS),
        v: make(NH * T * HS),
        scores: make(NH * T * T),
        masked: make(NH * T * T),
        weights: make(NH * T * T),
        out: make(T * C),
      };
      const input = make(qkv.length);
      input.set(qkv);
      attentionForward(b, input, T, C, NH);
      const dout = make(R.length);
      dout.set(R);
      const dqkv = make(before.length);
      dqkv.set(before); // the backward adds to what is there
      attentionBackward(dqkv, dout, b.q, b.k, b.v, b.weights, T, C, NH);
      return dqkv;
    };
    const exact = run((n) => new Float64Array(n));
    const single = run((n) => new Float32Array(n));
    let worst = 0;
    for (let i = 0; i < exact.length; i++) worst = Math.max(worst, Math.abs(single[i] - exact[i]) / (1 + Math.abs(exact[i])));
    expect(worst).toBeLessThan(1e-5);
    expect(exact.some((x, i) => Math.abs(x - before[i]) > 1e-3)).toBe(true);
  });

  it.each([
    [2, 3, 5],
    [9, 11, 13],
  ])('unembedding (T=%i, C=%i, V=%i)', (T, C, V) => {
    const inp = rand(T * C),
      wu = rand(V * C),
      R = rand(T * V);
    const f = () => {
      const out = new Float64Array(T * V);
      unembeddingForward(out, inp, wu, T, C, V);
      return dot(out, R);
    };
    const dinp = new Float64Array(T * C),
      dwu = new Float64Array(V * C);
    unembeddingBackward(dinp, dwu, R, inp, wu, T, C, V);
    expectClose(dinp, numericGrad(f, inp), 'dinp');
    expectClose(dwu, numericGrad(f, wu), 'dwu');
  });

  it('embedding', () => {
    const T = 3,
      C = 2,
      V = 4;
    const ids = [1, 3, 1];
    const wte = rand(V * C),
      wpe = rand(T * C),
      R = rand(T * C);
    const f = () => {
      const out = new Float64Array(T * C);
      embeddingForward(new Float64Array(T * C), new Float64Array(T * C), out, ids, wte, wpe, T, C);
      return dot(out, R);
    };
    const dwte = new Float64Array(V * C),
      dwpe = new Float64Array(T * C);
    embeddingBackward(dwte, dwpe, R, ids, T, C);
    expectClose(dwte, numericGrad(f, wte), 'dwte');
    expectClose(dwpe, numericGrad(f, wpe), 'dwpe');
  });

  it('residual', () => {
    const N = 4;
    const a = rand(N),
      b = rand(N),
      R = rand(N);
    const f = () => {
      const out = new Float64Array(N);
      residualForward(out, a, b, N);
      return dot(out, R);
    };
    const da = new Float64Array(N),
      db = new Float64Array(N);
    residualBackward(da, db, R, N);
    expectClose(da, numericGrad(f, a), 'da');
    expectClose(db, numericGrad(f, b), 'db');
  });

  it('softmax + cross-entropy', () => {
    const T = 3,
      V = 5;
    const logits = rand(T * V, 2);
    const targets = [4, 0, 2];
    const scale = 1 / T;
    const f = () => {
      const probs = new Float64Array(T * V);
      softmaxForward(probs, logits, T, V);
      return crossEntropyForward(probs, targets, T, V);
    };
    const probs = new Float64Array(T * V);
    softmaxForward(probs, logits, T, V);
    const dlogits = new Float64Array(T * V);
    crossEntropyBackward(dlogits, probs, targets, T, V, scale);
    expectClose(dlogits, numericGrad(f, logits), 'dlogits');
  });
});
