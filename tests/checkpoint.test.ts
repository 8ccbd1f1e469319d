import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkVocabAgreement,
  configToJson,
  modelFromTensors,
  parameterCounts,
  parseConfig,
  tensorsFromModel,
} from '../src/core/checkpoint';
import { tinyConfig } from './tinyConfig';
import type { GPTModel } from '../src/core/model';
import { initModel } from '../src/core/model';
import { createRng } from '../src/core/rng';
import { readSafetensors, writeSafetensors } from '../src/core/safetensors';
import type { Tensor } from '../src/core/tensor';
import { zeros } from '../src/core/tensor';
import { readModelDir, writeModelDir } from '../scripts/lib/model-dir';

const tiny = (tieWordEmbeddings: boolean) => tinyConfig({ vocabSize: 11, nPositions: 6, nEmbd: 8, nLayer: 2, nHead: 2, tieWordEmbeddings });

// Every parameter tensor of a model, walked straight from GPTParams (not via tensorsFromModel).
function allParams(model: GPTModel): Tensor[] {
  const p = model.params;
  const blocks = p.h.flatMap((b) => [
    b.ln_1.weight,
    b.ln_1.bias,
    b.attn.c_attn.weight,
    b.attn.c_attn.bias,
    b.attn.c_proj.weight,
    b.attn.c_proj.bias,
    b.ln_2.weight,
    b.ln_2.bias,
    b.mlp.c_fc.weight,
    b.mlp.c_fc.bias,
    b.mlp.c_proj.weight,
    b.mlp.c_proj.bias,
  ]);
  return [p.wte, p.wpe, ...blocks, p.ln_f.weight, p.ln_f.bias, ...(p.lm_head ? [p.lm_head] : [])];
}

function roundTrip(model: GPTModel, dtype: 'F32' | 'F16' = 'F32'): GPTModel {
  const config = parseConfig(configToJson(model.config));
  const tensors = readSafetensors(writeSafetensors(tensorsFromModel(model), { dtype }));
  return modelFromTensors(config, tensors);
}

// The hand-written list of GPT-2 tensor names for one block, as in Hugging Face's checkpoints.
const blockNames = (l: number) =>
  ['ln_1', 'attn.c_attn', 'attn.c_proj', 'ln_2', 'mlp.c_fc', 'mlp.c_proj'].flatMap((m) => [`h.${l}.${m}.weight`, `h.${l}.${m}.bias`]);

describe('checkpoint round trip', () => {
  for (const tied of [true, false]) {
    it(`saves and loads a ${tied ? 'tied' : 'untied'} model exactly`, () => {
      const model = initModel(tiny(tied), createRng(7));
      const names = [...tensorsFromModel(model).keys()].sort();
      const expected = ['wte.weight', 'wpe.weight', ...blockNames(0), ...blockNames(1), 'ln_f.weight', 'ln_f.bias'];
      if (!tied) expected.push('lm_head.weight');
      expect(names).toEqual(expected.sort());

      const loaded = roundTrip(model);
      expect(loaded.config).toEqual(model.config);
      expect(loaded.params.lm_head === null).toBe(tied);
      const before = allParams(model);
      const after = allParams(loaded);
      expect(after.length).toBe(before.length);
      before.forEach((t, i) => {
        expect(after[i].shape).toEqual(t.shape);
        expect(after[i].data).toEqual(t.data);
      });
    });
  }

  it('loads an F16 checkpoint within half precision', () => {
    const model = initModel(tiny(false), createRng(3));
    const before = allParams(model);
    const after = allParams(roundTrip(model, 'F16'));
    before.forEach((t, i) => {
      for (let j = 0; j < t.data.length; j++) {
        // Weights here are N(0, 0.02); below 2^-14 half precision is subnormal with spacing 2^-24.
        expect(Math.abs(after[i].data[j] - t.data[j])).toBeLessThanOrEqual(Math.max(Math.abs(t.data[j]) * 2 ** -11, 2 ** -25));
      }
    });
  });

  it('accepts names with the transformer. prefix, as GPT2LMHeadModel saves them', () => {
    const model = initModel(tiny(false), createRng(1));
    const prefixed = new Map<string, Tensor>();
    for (const [name, t] of tensorsFromModel(model)) {
      prefixed.set(name === 'lm_head.weight' ? name : `transformer.${name}`, t);
    }
    const loaded = modelFromTensors(model.config, prefixed);
    expect(loaded.params.h[1].mlp.c_proj.weight.data).toEqual(model.params.h[1].mlp.c_proj.weight.data);
    expect(loaded.params.lm_head!.data).toEqual(model.params.lm_head!.data);
  });

  it('ignores the attention mask buffers and a redundant lm_head in a tied checkpoint', () => {
    const model = initModel(tiny(true), createRng(2));
    const tensors = tensorsFromModel(model);
    tensors.set('h.0.attn.bias', zeros([1, 1, 6, 6]));
    tensors.set('transformer.h.1.attn.masked_bias', zeros([]));
    tensors.set('lm_head.weight', zeros([11, 8]));
    const loaded = modelFromTensors(model.config, tensors);
    expect(loaded.params.lm_head).toBeNull();
    expect(loaded.params.wte.data).toEqual(model.params.wte.data);
  });
});

describe('parseConfig', () => {
  // openai-community/gpt2's config.json as published on the Hugging Face hub.
  const gpt2Config = `{
    "activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "attn_pdrop": 0.1,
    "bos_token_id": 50256, "embd_pdrop": 0.1, "eos_token_id": 50256, "initializer_range": 0.02,
    "layer_norm_epsilon": 1e-05, "model_type": "gpt2", "n_ctx": 1024, "n_embd": 768, "n_head": 12,
    "n_layer": 12, "n_positions": 1024, "resid_pdrop": 0.1, "summary_activation": null,
    "summary_first_dropout": 0.1, "summary_proj_to_labels": true, "summary_type": "cls_index",
    "summary_use_proj": true, "task_specific_params": {"text-generation": {"do_sample": true, "max_length": 50}},
    "vocab_size": 50257
  }`;

  it("reads GPT-2 small's config.json", () => {
    expect(parseConfig(gpt2Config)).toEqual({
      vocabSize: 50257,
      nPositions: 1024,
      nEmbd: 768,
      nLayer: 12,
      nHead: 12,
      layerNormEpsilon: 1e-5,
      activationFunction: 'gelu_new',
      tieWordEmbeddings: true,
    });
  });

  it('falls back to n_ctx, default epsilon and activation, and reads tie_word_embeddings', () => {
    const config = parseConfig(
      '{"vocab_size": 65, "n_ctx": 32, "n_embd": 16, "n_layer": 1, "n_head": 4, "tie_word_embeddings": false, "activation_function": "gelu_pytorch_tanh"}',
    );
    expect(config.nPositions).toBe(32);
    expect(config.layerNormEpsilon).toBe(1e-5);
    expect(config.activationFunction).toBe('gelu_new');
    expect(config.tieWordEmbeddings).toBe(false);
  });

  it('writes the Hugging Face keys', () => {
    const json = JSON.parse(configToJson(tiny(false)));
    expect(json).toMatchObject({
      model_type: 'gpt2',
      architectures: ['GPT2LMHeadModel'],
      vocab_size: 11,
      n_positions: 6,
      n_ctx: 6,
      n_embd: 8,
      n_layer: 2,
      n_head: 2,
      layer_norm_epsilon: 1e-5,
      activation_function: 'gelu_new',
      tie_word_embeddings: false,
    });
  });

  const base = { vocab_size: 11, n_positions: 6, n_embd: 8, n_layer: 2, n_head: 2 };
  const bad = (changes: Record<string, unknown>) => () => parseConfig(JSON.stringify({ ...base, ...changes }), 'my/config.json');

  it.each([
    [{ n_head: 3 }, 'my/config.json: n_embd 8 is not divisible by n_head 3'],
    [{ n_layer: 0 }, 'my/config.json: n_layer must be a positive integer, got 0'],
    [{ n_embd: 8.5 }, 'n_embd must be a positive integer, got 8.5'],
    [{ vocab_size: '11' }, 'vocab_size must be a positive integer, got "11"'],
    [{ vocab_size: undefined }, 'my/config.json: vocab_size is missing'],
    [{ n_positions: undefined }, 'n_positions (or n_ctx) is missing'],
    [{ activation_function: 'gelu' }, 'activation_function is "gelu", but GPT-2 uses the tanh approximation of GELU'],
    [{ activation_function: 'relu' }, 'activation_function is "relu"'],
    [{ model_type: 'llama' }, 'model_type is "llama", but this app only runs GPT-2'],
    [{ layer_norm_epsilon: -1 }, 'layer_norm_epsilon must be a small positive number, above 0 and at most 0.01'],
    [{ tie_word_embeddings: 'yes' }, 'tie_word_embeddings must be true or false, got "yes"'],
    [{ n_inner: 16 }, "n_inner is 16, but this app's MLP always has 4 × n_embd = 32 units"],
    [{ scale_attn_by_inverse_layer_idx: true }, 'scale_attn_by_inverse_layer_idx is true'],
  ])('rejects %j', (changes, message) => {
    expect(bad(changes)).toThrow(message);
  });

  it('rejects text that is not a JSON object', () => {
    expect(() => parseConfig('{vocab_size: 3')).toThrow('config.json: not valid JSON');
    expect(() => parseConfig('[1]')).toThrow('config.json: expected a JSON object');
  });

  it('accepts an explicit n_inner of 4 × n_embd, as some configs write it', () => {
    expect(parseConfig(JSON.stringify({ ...base, n_inner: 32 })).nEmbd).toBe(8);
  });
});

describe('modelFromTensors explains mismatches', () => {
  const config = tiny(true);
  const tensorsWith = (edit: (t: Map<string, Tensor>) => void) => {
    const t = tensorsFromModel(initModel(tiny(false), createRng(5)));
    t.delete('lm_head.weight');
    edit(t);
    return () => modelFromTensors(config, t, 'ckpt.safetensors');
  };

  it('names a missing tensor', () => {
    expect(tensorsWith((t) => t.delete('h.1.mlp.c_fc.bias'))).toThrow(
      'ckpt.safetensors: tensor h.1.mlp.c_fc.bias is missing (looked for "h.1.mlp.c_fc.bias" and "transformer.h.1.mlp.c_fc.bias")',
    );
    expect(tensorsWith((t) => t.delete('wte.weight'))).toThrow('tensor wte.weight is missing');
  });

  it('names a tensor with the wrong shape, expected against got', () => {
    expect(tensorsWith((t) => t.set('h.0.attn.c_attn.weight', zeros([24, 8])))).toThrow(
      "ckpt.safetensors: h.0.attn.c_attn.weight has shape [24, 8], expected [8, 24] (C, 3C), Conv1D's (in, out) order",
    );
    expect(tensorsWith((t) => t.set('ln_f.bias', zeros([8, 1])))).toThrow('ln_f.bias has shape [8, 1], expected [8] (C)');
  });

  it('says when config.json disagrees with the embeddings', () => {
    expect(tensorsWith((t) => t.set('wte.weight', zeros([512, 8])))).toThrow(
      'ckpt.safetensors: config.json says vocab_size 11 but wte.weight has 512 rows',
    );
    expect(tensorsWith((t) => t.set('wte.weight', zeros([11, 16])))).toThrow('config.json says n_embd 8 but wte.weight has 16 columns');
    expect(tensorsWith((t) => t.set('wpe.weight', zeros([1024, 8])))).toThrow(
      'config.json says n_positions 6 but wpe.weight has 1024 rows',
    );
  });

  it('requires lm_head when the config unties it', () => {
    const t = tensorsFromModel(initModel(tiny(true), createRng(5)));
    expect(() => modelFromTensors(tiny(false), t)).toThrow(
      'model.safetensors: tensor lm_head.weight is missing, and config.json sets tie_word_embeddings to false so it is required',
    );
  });

  it('points out layers the config does not know about, and unknown tensors', () => {
    const threeLayers = tensorsFromModel(initModel({ ...tiny(true), nLayer: 3 }, createRng(5)));
    expect(() => modelFromTensors(config, threeLayers)).toThrow(
      /contains tensors a GPT-2 model does not use: h\.2\.ln_1\.weight, .*\(config\.json says n_layer 2; does the checkpoint have more layers\?\)/,
    );
    expect(tensorsWith((t) => t.set('score.weight', zeros([2, 8])))).toThrow('does not use: score.weight');
  });
});

describe('parameterCounts', () => {
  it('counts every tensor, matching the GPT-2 formula', () => {
    for (const tied of [true, false]) {
      const model = initModel(tiny(tied), createRng(9));
      const rows = parameterCounts(model);
      const [V, P, C, L] = [11, 6, 8, 2];
      // Per block: two layer norms (4C), c_attn (3C² + 3C), c_proj (C² + C), c_fc (4C² + 4C), mlp c_proj (4C² + C).
      const expected = V * C + P * C + L * (12 * C * C + 13 * C) + 2 * C + (tied ? 0 : V * C);
      expect(rows.reduce((s, r) => s + r.count, 0)).toBe(expected);
      expect(rows.length).toBe(2 + 12 * L + 2 + (tied ? 0 : 1));
      expect(rows.find((r) => r.name === 'h.1.mlp.c_fc.weight')).toEqual({ name: 'h.1.mlp.c_fc.weight', shape: [8, 32], count: 256 });
    }
  });
});

describe('checkVocabAgreement', () => {
  const gpt2 = { ...tiny(true), vocabSize: 50257 };

  it('accepts an equal size and a padded embedding', () => {
    expect(() => checkVocabAgreement(gpt2, 50257)).not.toThrow();
    expect(() => checkVocabAgreement({ ...gpt2, vocabSize: 50304 }, 50257)).not.toThrow();
  });

  it('rejects a tokenizer larger than the embedding, or far smaller', () => {
    expect(() => checkVocabAgreement(gpt2, 50260, 'tok/vocab.json')).toThrow(
      'tok/vocab.json has 50260 tokens but config.json says vocab_size 50257: token ids 50257 and up would have no row in wte',
    );
    expect(() => checkVocabAgreement(gpt2, 300)).toThrow(
      'vocab.json has 300 tokens but config.json says vocab_size 50257; that is more padding than models use',
    );
    expect(() => checkVocabAgreement(gpt2, 0)).toThrow('vocab.json: the tokenizer has 0 tokens');
  });
});

describe('model folder (Node)', () => {
  const root = mkdtempSync(join(tmpdir(), 'inside-gpt-model-dir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes and reads back the four files', () => {
    const model = initModel(tiny(true), createRng(4));
    const safetensors = writeSafetensors(tensorsFromModel(model));
    const dir = join(root, 'nested', 'model');
    const written = writeModelDir(dir, {
      config: configToJson(model.config),
      safetensors,
      vocab: '{"a":0}',
      merges: '#version: 0.2\n',
      readme: '# tiny',
    });
    expect(written.map((p) => p.slice(dir.length + 1))).toEqual([
      'config.json',
      'model.safetensors',
      'vocab.json',
      'merges.txt',
      'README.md',
    ]);
    const files = readModelDir(dir);
    expect(files.safetensors).toEqual(safetensors);
    expect(files.vocab).toBe('{"a":0}');
    expect(files.merges).toBe('#version: 0.2\n');
    const loaded = modelFromTensors(parseConfig(files.config), readSafetensors(files.safetensors));
    expect(loaded.params.wte.data).toEqual(model.params.wte.data);
  });

  it('names every missing file with its full path', () => {
    const dir = join(root, 'half');
    writeModelDir(dir, { config: '{}', safetensors: new Uint8Array(8) });
    writeFileSync(join(dir, 'vocab.json'), '{}');
    expect(() => readModelDir(dir)).toThrow(`missing ${join(dir, 'merges.txt')}.`);
    expect(() => readModelDir(join(root, 'nowhere'))).toThrow(`Model folder ${join(root, 'nowhere')} does not exist`);
  });
});
