import type { LoadedModel } from '../../src/core/bundle.ts';
import { fitToContext } from '../../src/core/context.ts';
import { forward } from '../../src/core/gpt.ts';
import { lastLogits } from '../../src/core/trace.ts';
import { topK } from '../../src/core/topk.ts';
import { generate, samplingDistribution, validateSettings } from '../../src/core/sampling.ts';
import { analogyVector, nearestRows } from '../../src/core/analogy.ts';
import { describeSplit, lookupWord } from '../../src/core/words.ts';
import { candidateFilter } from '../../src/core/expressionAnalysis.ts';
import { END_OF_TEXT } from '../../src/core/tokenizer/index.ts';
import { UsageError, type CliArgs } from './args.ts';
import { gpt2BenchText, runBench, runGpt2ShapedBench } from './bench.ts';

export interface CommandOutput {
  json: unknown;
  text: string;
}

/** `note` says something on stderr that does not stop the command (a cut text, a clamped setting). */
type Command = (loaded: LoadedModel, args: CliArgs, note: (message: string) => void) => CommandOutput;

const show = (s: string) => JSON.stringify(s);
const isPositiveInt = (n: number) => Number.isSafeInteger(n) && n >= 1;

/** Encode and cut to the context, telling the caller on stderr when tokens were dropped. */
function encodeForModel(loaded: LoadedModel, text: string, note: (message: string) => void): number[] {
  const all = loaded.tokenizer.encode(text);
  if (all.length === 0) throw new Error('The text is empty: give --text some characters to continue from.');
  const { ids, droppedTokens } = fitToContext(all, loaded.model.config.nPositions);
  if (droppedTokens > 0) {
    note(`note: the text has ${all.length} tokens; the model sees only the last ${ids.length}, so the first ${droppedTokens} were cut.`);
  }
  return ids;
}

function samplingFrom(args: CliArgs, vocabSize: number, note: (message: string) => void) {
  const { settings, problems } = validateSettings(
    {
      // As typed, so that a clamped value is reported as the reader wrote it ("1e999", not Infinity).
      temperature: args.decimalText('temperature'),
      topK: args.decimalText('top-k'),
      topP: args.decimalText('top-p'),
    },
    vocabSize,
  );
  for (const p of problems) note(`note: ${p.message}`);
  return settings;
}

const tokenize: Command = ({ tokenizer }, args) => {
  const ids = tokenizer.encode(args.required('text'));
  const tokens = ids.map((id) => tokenizer.tokenText(id));
  return { json: { ids, tokens }, text: ids.map((id, i) => `${String(id).padStart(6)}  ${show(tokens[i])}`).join('\n') || '(no tokens)' };
};

const predict: Command = (loaded, args, note) => {
  const ids = encodeForModel(loaded, args.required('text'), note);
  const k = args.number('top', 10, isPositiveInt, 'a positive integer');
  const settings = samplingFrom(args, loaded.model.config.vocabSize, note);
  const trace = forward(loaded.model, ids, { logitRows: 'last' });
  const { probs } = samplingDistribution(lastLogits(trace), { ...settings, topK: null, topP: null });
  // Only tokens that can be drawn: greedy decoding keeps one, and an id with no token has probability 0.
  const top = topK(probs, k)
    .filter(({ value }) => value > 0)
    .map(({ index, value }) => ({ id: index, text: loaded.tokenizer.tokenText(index), prob: value }));
  if (settings.temperature === 0)
    note('note: temperature 0 is greedy decoding: it keeps only the most likely token, so one token is listed.');
  const tokens = ids.map((id) => ({ id, text: loaded.tokenizer.tokenText(id) }));
  return {
    json: { tokens, top },
    text: top.map((t) => `${(t.prob * 100).toFixed(2).padStart(6)}%  ${show(t.text)}`).join('\n'),
  };
};

const generateCommand: Command = (loaded, args, note) => {
  const ids = encodeForModel(loaded, args.required('text'), note);
  args.required('max-tokens');
  const n = args.number('max-tokens', 0, (x) => Number.isSafeInteger(x) && x >= 0, 'a whole number ≥ 0');
  const seed = args.number('seed', 0, Number.isSafeInteger, 'a whole number');
  // As in the app: the model's end-of-text token ends the run, and is not printed as if it were text.
  const endOfText = loaded.tokenizer.idOf(END_OF_TEXT) ?? null;
  const result = generate(
    loaded.model,
    loaded.tokenizer,
    ids,
    n,
    samplingFrom(args, loaded.model.config.vocabSize, note),
    seed,
    undefined,
    endOfText,
  );
  if (result.stoppedAtContext) note(`note: stopped at the context length of ${loaded.model.config.nPositions} tokens.`);
  if (result.stoppedAtToken) note(`note: the model chose ${END_OF_TEXT}, the token that ends a text; generation stopped there.`);
  const text = loaded.tokenizer.decode(result.ids);
  return { json: { text, ids: result.ids, endOfText: result.stoppedAtToken }, text };
};

const analogy: Command = (loaded, args) => {
  const { model, tokenizer } = loaded;
  const words = (['a', 'b', 'c'] as const).map((name) => {
    const word = args.required(name);
    // As in the lab: a blank word would be looked up as the space token, which is no word at all.
    if (word.trim() === '') throw new UsageError(`--${name} is empty; give it a word, as in --${name} king`);
    const lookup = lookupWord(tokenizer, word);
    if (!lookup.ok) throw new Error(describeSplit(lookup));
    return lookup.id;
  });
  const k = args.number('top', 10, isPositiveInt, 'a positive integer');
  const wte = model.params.wte;
  const top = nearestRows(wte, analogyVector(wte, words[0], words[1], words[2]), {
    k,
    exclude: words,
    candidate: candidateFilter(loaded, args.flag('all-tokens')),
  }).map((n) => ({ id: n.id, text: tokenizer.tokenText(n.id), score: n.score }));
  return { json: { top }, text: top.map((t) => `${t.score.toFixed(4)}  ${show(t.text)}`).join('\n') };
};

const bench: Command = (loaded, args, note) => {
  if (args.flag('gpt2-shaped')) {
    if (args.string('tokens') !== undefined)
      throw new UsageError('--gpt2-shaped times 16, 64 and 256 tokens; --tokens is for the shipped model');
    const threads = args.number('numpy-threads', 1, isPositiveInt, 'a positive integer');
    const json = runGpt2ShapedBench(args.flag('quick'), threads, note);
    return { json, text: gpt2BenchText(json) };
  }
  for (const name of ['quick', 'numpy-threads']) {
    if (args.string(name) !== undefined || args.flag(name)) throw new UsageError(`--${name} goes with --gpt2-shaped`);
  }
  const tokens = args.number('tokens', loaded.model.config.nPositions, isPositiveInt, 'a positive integer');
  const json = runBench(loaded, tokens);
  const text = Object.entries(json)
    .map(([k, v]) => `${k.padEnd(28)} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : v}`)
    .join('\n');
  return { json, text };
};

export const COMMANDS: Record<string, Command | undefined> = { tokenize, predict, generate: generateCommand, analogy, bench };
