import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSafetensors } from '../src/core/safetensors';
import { runCli } from '../scripts/cli/run';

// The command line against the NumPy-checked fixture checkpoint. Most cases run its commands in this
// process, through the same runCli the entry point calls; two start the real entry point, for what only
// a process shows: exit codes, and notes on stderr kept apart from the result on stdout. (Each process
// costs a tsx start-up, seconds on a quiet machine and a minute on a busy one, so there are no more.)
const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/tiny');
const reference = JSON.parse(readFileSync(resolve(FIXTURE, 'reference.json'), 'utf8'));
const refTensors = readSafetensors(new Uint8Array(readFileSync(resolve(FIXTURE, 'reference.safetensors'))));

const lines = (written: string[]) => written.map((line) => line + '\n').join('');

function gpt(args: string[], model = FIXTURE) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli([...args, '--model', model], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: lines(out), stderr: lines(err) };
}

function gptProcess(args: string[], model = FIXTURE) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args, '--model', model], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
const json = (args: string[]) => {
  const res = gpt([...args, '--json']);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  return JSON.parse(res.stdout);
};

describe('gpt command line', () => {
  it('tokenize gives the NumPy reference ids and per-token texts', () => {
    const out = json(['tokenize', '--text', reference.text]);
    expect(out).toEqual({ ids: reference.ids, tokens: reference.tokens });
  });

  it('predict gives the reference next-token probabilities, highest first', () => {
    const out = json(['predict', '--text', reference.text, '--top', '5']);
    const probs = refTensors.get('probs')!;
    const V = probs.shape[1];
    const last = Array.from(probs.data.subarray((probs.shape[0] - 1) * V)).map((p, id) => ({ id, p }));
    last.sort((a, b) => b.p - a.p);
    expect(out.tokens.map((t: { id: number }) => t.id)).toEqual(reference.ids);
    expect(out.top).toHaveLength(5);
    out.top.forEach((t: { id: number; prob: number }, i: number) => {
      expect(t.id).toBe(last[i].id);
      expect(t.prob).toBeCloseTo(last[i].p, 5);
    });
  });

  it('predict at temperature 0 lists only the argmax, and says that greedy decoding keeps one token', () => {
    const res = gpt(['predict', '--text', 'The king', '--top', '5', '--temperature', '0', '--json']);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/temperature 0 is greedy decoding: it keeps only the most likely token/);
    const out = JSON.parse(res.stdout);
    expect(out.top).toHaveLength(1);
    expect(out.top[0].prob).toBe(1);
    const all = json(['predict', '--text', 'The king', '--top', '1']);
    expect(out.top[0].id).toBe(all.top[0].id);
  });

  it('generate continues the prompt and is reproducible from its seed', () => {
    const args = ['generate', '--text', 'The king said', '--max-tokens', '6', '--temperature', '1', '--seed', '7'];
    const a = json(args);
    const b = json(args);
    expect(a).toEqual(b);
    expect(a.ids.slice(0, 3)).toEqual(json(['tokenize', '--text', 'The king said']).ids);
    expect(a.ids).toHaveLength(9);
    const other = json([...args.slice(0, -1), '8']);
    expect(other.ids.slice(0, 3)).toEqual(a.ids.slice(0, 3));
  });

  it('analogy returns whole-word tokens ranked by cosine, inputs excluded, matching a brute-force search', () => {
    const out = json(['analogy', '--a', 'king', '--b', 'cat', '--c', 'the', '--top', '4']);
    const vocab: Record<string, number> = JSON.parse(readFileSync(resolve(FIXTURE, 'vocab.json'), 'utf8'));
    const wte = readSafetensors(new Uint8Array(readFileSync(resolve(FIXTURE, 'model.safetensors')))).get('wte.weight')!;
    const C = wte.shape[1];
    const rowOf = (id: number) => Array.from(wte.data.subarray(id * C, (id + 1) * C));
    const [a, b, c] = ['Ġking', 'Ġcat', 'Ġthe'].map((w) => vocab[w]);
    const q = rowOf(a).map((x, i) => x - rowOf(b)[i] + rowOf(c)[i]);
    const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    const brute = Object.entries(vocab)
      .filter(([tok, id]) => /^Ġ\p{L}/u.test(tok) && ![a, b, c].includes(id))
      .map(([, id]) => ({ id, score: rowOf(id).reduce((s, x, i) => s + x * q[i], 0) / (norm(rowOf(id)) * norm(q)) }))
      .sort((x, y) => y.score - x.score)
      .slice(0, 4);
    expect(out.top.map((t: { id: number }) => t.id)).toEqual(brute.map((t) => t.id));
    out.top.forEach((t: { score: number }, i: number) => expect(t.score).toBeCloseTo(brute[i].score, 5));
  });

  it('analogy explains a word that is not a single token', () => {
    const res = gpt(['analogy', '--a', 'queen', '--b', 'king', '--c', 'the', '--json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/"queen" is not a single token .* splits into 5 pieces: " " \+ "q" \+ "u" \+ "e" \+ "en"/);
  });

  it('bench reports the median forward pass as JSON', () => {
    const out = json(['bench', '--tokens', '8']);
    expect(out.tokens).toBe(8);
    for (const key of [
      'forward_ms_median',
      'forward_scalar_ms_median',
      'forward_all_logits_ms_median',
      'nearest_neighbours_ms_median',
      'lab_expression_ms_median',
      'generate_32_tokens_ms',
      'logit_lens_ms_median',
    ]) {
      expect(out[key]).toBeGreaterThan(0);
    }
    expect(out.matrix_products).toBe('WebAssembly SIMD');
  });

  it('readable text output without --json', () => {
    const res = gpt(['tokenize', '--text', 'The king']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('" king"');
  });

  it('refuses empty text with a clear message', () => {
    const res = gpt(['predict', '--text', '', '--json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/text is empty/);
  });

  it('names the file when a model folder is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inside-gpt-cli-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'model.safetensors'), new Uint8Array([1, 2, 3]));
    const res = gpt(['predict', '--text', 'hi'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/model\.safetensors/);
  });

  it('rejects unknown commands and malformed numbers with exit code 2', () => {
    expect(gptProcess(['frobnicate']).code).toBe(2);
    expect(gpt(['frobnicate']).code).toBe(2);
    const res = gpt(['predict', '--text', 'hi', '--top', 'many']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--top must be a decimal number, like 3 or 0.5, got "many"/);
  });
});

describe('npm run gpt', () => {
  it('is the documented entry point, and says on stderr when the text is longer than the context, keeping the last tokens', () => {
    const long = 'the king said '.repeat(20);
    const res = spawnSync('npm', ['run', '--silent', 'gpt', '--', 'predict', '--text', long, '--model', FIXTURE, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/the model sees only the last 32/);
    // stdout holds the result alone: the note went to stderr.
    const out = JSON.parse(res.stdout);
    expect(out.tokens).toHaveLength(32);
  });
});
