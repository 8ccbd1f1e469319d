import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromFiles } from '../src/core/bundle';
import { analyse } from '../src/core/expressionAnalysis';
import { forward } from '../src/core/gpt';
import { logitLens } from '../src/core/lens';
import { probabilityShifts } from '../src/core/probabilityShift';
import { generate, samplingDistribution } from '../src/core/sampling';
import { readSafetensors, writeSafetensors } from '../src/core/safetensors';
import { lastLogits, lastProbs } from '../src/core/trace';
import { topK } from '../src/core/topk';
import { wholeWordMask } from '../src/core/wordTerms';
import { readModelDir } from '../scripts/lib/model-dir';
import { runCli } from '../scripts/cli/run';

// A checkpoint padded as GPT-2 exports often are (more wte rows than tokens), whose vocab.json also
// skips one id. Those ids have weights but no text: they must never be printed, drawn, ranked or
// labelled. Their rows are made to win every ranking, so any place that forgot the mask shows them.
const FIXTURE = resolve(import.meta.dirname, 'fixtures/tiny');
const PADDING = 20;

function paddedFolder(): { dir: string; unused: Set<number> } {
  const dir = mkdtempSync(join(tmpdir(), 'inside-gpt-padded-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const config = JSON.parse(readFileSync(join(FIXTURE, 'config.json'), 'utf8'));
  const vocab: Record<string, number> = JSON.parse(readFileSync(join(FIXTURE, 'vocab.json'), 'utf8'));
  const tensors = readSafetensors(new Uint8Array(readFileSync(join(FIXTURE, 'model.safetensors'))));
  const V = config.vocab_size as number;
  const C = config.n_embd as number;

  // The byte ÿ never occurs in UTF-8 text, so no merge uses its token and its id can become a gap.
  const gap = vocab['ÿ'];
  delete vocab['ÿ'];
  const unused = new Set([gap, ...Array.from({ length: PADDING }, (_, i) => V + i)]);
  const king = vocab['Ġking'];

  const padded = (name: string, row: (id: number) => Float32Array) => {
    const old = tensors.get(name)!;
    const data = new Float32Array((V + PADDING) * C);
    data.set(old.data);
    for (const id of unused) data.set(row(id), id * C);
    tensors.set(name, { data, shape: [V + PADDING, C] });
  };
  const wte = tensors.get('wte.weight')!.data;
  // In wte, a copy of " king": the nearest neighbour of any query near it.
  padded('wte.weight', () => wte.slice(king * C, (king + 1) * C));
  // In W_u, each unused row is far longer than any real one, so its logit would top the list.
  const lmHead = tensors.get('lm_head.weight')!.data;
  padded('lm_head.weight', () => lmHead.slice(0, C).map((x) => x * 1000));

  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, vocab_size: V + PADDING }));
  writeFileSync(join(dir, 'vocab.json'), JSON.stringify(vocab));
  writeFileSync(join(dir, 'model.safetensors'), writeSafetensors(tensors));
  return { dir, unused };
}

const { dir, unused } = paddedFolder();
const loaded = modelFromFiles(readModelDir(dir));
const { model, tokenizer } = loaded;
const ids = tokenizer.encode('The king said');

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli([...args, '--model', dir, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

const neverUnused = (listed: number[]) => expect(listed.filter((id) => unused.has(id))).toEqual([]);

describe('ids with no token (padding rows, vocab gaps)', () => {
  it('load, and the loader records which ids name a token', () => {
    expect(model.config.vocabSize).toBe(tokenizer.vocabSize + PADDING);
    expect(model.tokenMask).toBeDefined();
    for (let id = 0; id < model.config.vocabSize; id++) expect(model.tokenMask![id] === 1).toBe(!unused.has(id));
  });

  it('have probability exactly 0 and rank nowhere in the forward pass', () => {
    const trace = forward(model, ids);
    const probs = lastProbs(trace);
    for (const id of unused) expect(probs[id]).toBe(0);
    expect(probs.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    neverUnused(topK(lastLogits(trace), model.config.vocabSize).map((r) => r.index));
  });

  it('are never drawn, at any temperature, with or without top-k and top-p', () => {
    const logits = lastLogits(forward(model, ids, { logitRows: 'last' }));
    for (const settings of [
      { temperature: 0, topK: null, topP: null },
      { temperature: 5, topK: null, topP: null },
      { temperature: 5, topK: 3, topP: 0.9 },
    ]) {
      const { probs, kept } = samplingDistribution(logits, settings);
      for (const id of unused) expect([probs[id], kept[id]]).toEqual([0, 0]);
    }
    const run = generate(model, tokenizer, ids, 25, { temperature: 5, topK: null, topP: null }, 3);
    neverUnused(run.ids);
  });

  it('are left out of the logit lens, the lab rankings and probability shifts', () => {
    const trace = forward(model, ids);
    for (const row of logitLens(model, trace, ids.length - 1, model.config.vocabSize)) neverUnused(row.top.map((t) => t.id));
    for (const allTokens of [false, true]) {
      const analysis = analyse(loaded, 'king - the + cat', false, allTokens);
      expect(analysis.kind).toBe('ok');
      if (analysis.kind === 'ok') neverUnused([...analysis.cosine, ...analysis.dot].map((n) => n.id));
    }
    expect(() => wholeWordMask(tokenizer)).not.toThrow();
    const before = lastProbs(trace);
    neverUnused(probabilityShifts(before, before, model.config.vocabSize).map((s) => s.id));
  });

  it('never reach the command line, which lists only tokens that are possible', () => {
    const predicted = cli(['predict', '--text', 'The king said', '--top', '1000']);
    neverUnused(predicted.top.map((t: { id: number }) => t.id));
    expect(predicted.top.every((t: { prob: number }) => t.prob > 0)).toBe(true);
    neverUnused(cli(['generate', '--text', 'The king', '--max-tokens', '20', '--temperature', '5']).ids);
    neverUnused(
      cli(['analogy', '--a', 'king', '--b', 'the', '--c', 'cat', '--top', '1000', '--all-tokens']).top.map((t: { id: number }) => t.id),
    );
    neverUnused(cli(['analogy', '--a', 'king', '--b', 'the', '--c', 'cat', '--top', '1000']).top.map((t: { id: number }) => t.id));
  });
});
