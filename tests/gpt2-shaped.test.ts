import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as r50kEncode, decode as r50kDecode } from 'gpt-tokenizer/encoding/r50k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFromFiles, type LoadedModel } from '../src/core/bundle';
import { forward } from '../src/core/gpt';
import { unembeddingMatrix } from '../src/core/model';
import { parseSafetensorsHeader, safetensorsHeaderLength } from '../src/core/safetensors';
import { readModelDir } from '../scripts/lib/model-dir';
import { GPT2_SHAPED_DEFAULTS, writeGpt2ShapedCheckpoint } from '../scripts/test-checkpoint/gpt2-shaped';

// The GPT-2-shaped test checkpoint (12 MB, so written to a temporary folder, never committed): GPT-2's
// real vocabulary, HF gpt2's config keys and tensor names, tied W_u, random weights.

let dir: string;
let loaded: LoadedModel;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gpt2-shaped-'));
  writeGpt2ShapedCheckpoint(dir);
  loaded = modelFromFiles(readModelDir(dir));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the GPT-2-shaped test checkpoint', () => {
  it('is laid out as Hugging Face gpt2: its config keys, F32 "transformer." tensors, the mask buffers, no lm_head', () => {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      model_type: 'gpt2',
      architectures: ['GPT2LMHeadModel'],
      activation_function: 'gelu_new',
      vocab_size: 50257,
      n_layer: GPT2_SHAPED_DEFAULTS.nLayer,
      n_head: GPT2_SHAPED_DEFAULTS.nHead,
      n_embd: GPT2_SHAPED_DEFAULTS.nEmbd,
      n_positions: GPT2_SHAPED_DEFAULTS.nPositions,
      bos_token_id: 50256,
      eos_token_id: 50256,
    });
    expect(config).not.toHaveProperty('tie_word_embeddings'); // gpt2's config leaves it at its default, true
    const bytes = new Uint8Array(readFileSync(join(dir, 'model.safetensors')));
    const headerLength = safetensorsHeaderLength(bytes, bytes.length);
    const entries = parseSafetensorsHeader(bytes.subarray(8, 8 + headerLength), bytes.length - 8 - headerLength);
    const names = entries.map((e) => e.name);
    expect(names.every((n) => n.startsWith('transformer.'))).toBe(true);
    expect(names).not.toContain('lm_head.weight');
    expect(names).not.toContain('transformer.lm_head.weight');
    expect(names.filter((n) => /^transformer\.h\.\d+\.attn\.bias$/.test(n))).toHaveLength(GPT2_SHAPED_DEFAULTS.nLayer);
    expect(new Set(entries.map((e) => e.dtype))).toEqual(new Set(['F32']));
    // 4 per-model tensors (wte, wpe, ln_f's two) and 12 per block, plus the block's mask
    expect(entries).toHaveLength(4 + 13 * GPT2_SHAPED_DEFAULTS.nLayer);
  });

  it('loads in the core with GPT-2’s sizes and W_u tied to W_e', () => {
    const { config, params } = loaded.model;
    expect(config).toMatchObject({ vocabSize: 50257, nLayer: 12, nHead: 12, nEmbd: 48, nPositions: 64, tieWordEmbeddings: true });
    expect(params.lm_head).toBeNull();
    expect(unembeddingMatrix(loaded.model)).toBe(params.wte);
    expect(loaded.tokenizer.vocabSize).toBe(50257);
    expect(loaded.model.tokenMask).toBeUndefined(); // every id has a token
    expect(loaded.tokenizer.tokenText(50256)).toBe('<|endoftext|>');
  });

  it.each([
    ['English', 'Hello, world! The quick brown fox jumps over the lazy dog.'],
    ['spaces, digits and contractions', "  we'll pay $1,234.56 at 10:30   tomorrow\n\nthey've"],
    ['emoji', 'I 💜 GPT 🤖👍🏽 and 🏳️‍🌈 flags'],
    ['Chinese', '你好，世界！语言模型把文字切成词元。'],
    ['mixed scripts', 'naïve café — Привет, مرحبا, こんにちは'],
  ])('tokenizes %s exactly as gpt-tokenizer’s r50k_base does', (_, text) => {
    const ids = loaded.tokenizer.encode(text);
    expect(ids).toEqual(r50kEncode(text));
    expect(r50kDecode(ids)).toBe(text);
  });

  it('runs a forward pass whose logits are ln_f’s output times W_e (tied W_u), reaching ids past 50,000', () => {
    // The text's tokens, then <|endoftext|>, the last of all 50,257 ids, so the whole vocabulary is in play.
    const ids = [...loaded.tokenizer.encode(' emoji 😀 and 中文'), 50256];
    const trace = forward(loaded.model, ids);
    const { nEmbd: C, vocabSize: V } = loaded.model.config;
    expect(trace.logits.shape).toEqual([ids.length, V]);
    const wte = loaded.model.params.wte.data;
    let worst = 0;
    for (let t = 0; t < ids.length; t++) {
      const x = trace.lnF.data.subarray(t * C, (t + 1) * C);
      for (let v = 0; v < V; v++) {
        let dot = 0;
        for (let c = 0; c < C; c++) dot += x[c] * wte[v * C + c];
        worst = Math.max(worst, Math.abs(dot - trace.logits.data[t * V + v]));
      }
    }
    expect(worst).toBeLessThan(1e-4);
    const last = trace.probs.data.subarray((ids.length - 1) * V);
    expect(last.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 4);
    // Random weights, yet not a flat distribution: the top token stands out from the uniform 1/V.
    expect(Math.max(...last)).toBeGreaterThan(100 / V);
  });
});

interface Gpt2ShapedReference {
  text: string;
  ids: number[];
  wteSumFirst1000: number;
  x0: number[];
  layers: { resid2: number[]; weightsLastRow: number[] }[];
  lnF: number[];
  lastLogits: { topIds: number[]; top: number[]; sampledIds: number[]; sampled: number[]; logSumExp: number };
  lastProbTop: number[];
}

// tests/fixtures/make_gpt2_shaped_reference.py reads the same checkpoint with its own safetensors reader
// and encoder.py-style BPE, and runs picoGPT's forward pass in float64. Our float32 pass drifts from it
// through 12 layers (by 1e-5 of a value's size at the last layer, measured), so values must agree within 1e-4.
describe('the GPT-2-shaped checkpoint against the independent NumPy reference', () => {
  const reference = JSON.parse(
    readFileSync(fileURLToPath(new URL('./fixtures/gpt2-shaped/reference.json', import.meta.url)), 'utf8'),
  ) as Gpt2ShapedReference;
  const close = (actual: ArrayLike<number>, expected: readonly number[]) => {
    expect(actual.length).toBe(expected.length);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i])));
    expect(worst).toBeLessThan(1e-4);
  };

  it('is the checkpoint the fixture was made from', () => {
    const wte = loaded.model.params.wte.data;
    const sum = wte.subarray(0, 1000).reduce((a, b) => a + b, 0);
    expect(sum, 'the checkpoint generator changed: rerun tests/fixtures/make_gpt2_shaped_reference.py').toBeCloseTo(
      reference.wteSumFirst1000,
      3,
    );
  });

  it('tokenizes the text to the reference’s ids', () => {
    expect(loaded.tokenizer.encode(reference.text)).toEqual(reference.ids);
  });

  it('agrees at the embedding, after every layer, in the last token’s attention, at ln_f and in the logits', () => {
    const trace = forward(loaded.model, reference.ids);
    const { nEmbd: C, nHead: NH, vocabSize: V } = loaded.model.config;
    const T = reference.ids.length;
    close(trace.x0.data, reference.x0);
    trace.blocks.forEach((block, layer) => {
      close(block.resid2.data, reference.layers[layer].resid2);
      const lastRows = Array.from({ length: NH }, (_, h) => [...block.weights.data.subarray((h * T + T - 1) * T, (h * T + T) * T)]).flat();
      close(lastRows, reference.layers[layer].weightsLastRow);
    });
    close(trace.lnF.data, reference.lnF);
    expect(C * T).toBe(reference.lnF.length);
    const last = trace.logits.data.subarray((T - 1) * V);
    const { topIds, top, sampledIds, sampled, logSumExp } = reference.lastLogits;
    close(
      topIds.map((id) => last[id]),
      top,
    );
    close(
      sampledIds.map((id) => last[id]),
      sampled,
    );
    const probs = trace.probs.data.subarray((T - 1) * V);
    close(
      topIds.map((id) => probs[id]),
      reference.lastProbTop,
    );
    const max = Math.max(...last);
    const ourLogSumExp = Math.log(last.reduce((s, z) => s + Math.exp(z - max), 0)) + max;
    expect(Math.abs(ourLogSumExp - logSumExp)).toBeLessThan(1e-3);
    // The same ranking at the top, apart from near-ties.
    const ourTop = [...last.keys()].sort((a, b) => last[b] - last[a]).slice(0, 5);
    expect(ourTop[0]).toBe(topIds[0]);
    expect(new Set(ourTop)).toEqual(new Set(topIds.slice(0, 5)));
  });
});
