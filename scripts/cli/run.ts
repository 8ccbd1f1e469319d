import { resolve } from 'node:path';
import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles, type LoadedModel } from '../../src/core/bundle.ts';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.ts';
import { COMMANDS } from './commands.ts';
import { SHIPPED_MODEL_DIR } from '../train/paths.ts';

const USAGE = `usage: npm run --silent gpt -- <command> [options] [--model DIR] [--json] [--help]
commands:
  tokenize --text S
  predict  --text S [--top K] [--temperature T]
  generate --text S --max-tokens N [--temperature T] [--top-k K] [--top-p P] [--seed S]
  analogy  --a WORD --b WORD --c WORD [--top K] [--all-tokens]
  bench    [--tokens N] | --gpt2-shaped [--quick] [--numpy-threads N]`;

/** Where the command line's output goes: stdout and stderr for the real thing, strings for the tests. */
export interface CliOutput {
  out: (text: string) => void; // the result, one line per call
  err: (text: string) => void; // notes and errors, one line per call
}

/** One run of the command line: writes to `output` and returns the exit code (0 ok, 1 failed, 2 misused). */
export function runCli(argv: string[], output: CliOutput): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    output.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === HELP) {
    output.out(USAGE);
    return 0;
  }
  const command = COMMANDS[args.command];
  if (!command) throw new Error(`the command line lists "${args.command}" but has no code for it`);
  let loaded: LoadedModel;
  const dir = resolve(args.string('model') ?? SHIPPED_MODEL_DIR);
  try {
    loaded = modelFromFiles(readModelDir(dir));
  } catch (e) {
    output.err(`could not load the model in ${dir}: ${(e as Error).message}`);
    return 1;
  }
  try {
    const { json, text } = command(loaded, args, output.err);
    output.out(args.flag('json') ? JSON.stringify(json) : text);
    return 0;
  } catch (e) {
    output.err(e instanceof UsageError ? `${e.message}\n\n${USAGE}` : (e as Error).message);
    return e instanceof UsageError ? 2 : 1;
  }
}
