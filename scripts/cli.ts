import { resolve } from 'node:path';
import { readModelDir } from './lib/model-dir.ts';
import { modelFromFiles, type LoadedModel } from '../src/core/bundle.ts';
import { parseArgs, UsageError, type CliArgs } from './cli/args.ts';
import { COMMANDS } from './cli/commands.ts';
import { SHIPPED_MODEL_DIR } from './train/paths.ts';

// `npm run --silent gpt -- <command> [--model DIR] [--json]`: the core, driven from outside.

const USAGE = `usage: npm run --silent gpt -- <command> [options] [--model DIR] [--json]
commands:
  tokenize --text S
  predict  --text S [--top K] [--temperature T]
  generate --text S --max-tokens N [--temperature T] [--top-k K] [--top-p P] [--seed S]
  analogy  --a WORD --b WORD --c WORD [--top K] [--all-tokens]
  bench    [--tokens N]`;

function main(argv: string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const command = COMMANDS[args.command];
  if (!command) {
    console.error(args.command ? `unknown command "${args.command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  let loaded: LoadedModel;
  const dir = resolve(args.string('model') ?? SHIPPED_MODEL_DIR);
  try {
    loaded = modelFromFiles(readModelDir(dir));
  } catch (e) {
    console.error(`could not load the model in ${dir}: ${(e as Error).message}`);
    return 1;
  }
  try {
    const { json, text } = command(loaded, args);
    process.stdout.write(args.flag('json') ? JSON.stringify(json) + '\n' : text + '\n');
    return 0;
  } catch (e) {
    console.error(e instanceof UsageError ? `${e.message}\n\n${USAGE}` : (e as Error).message);
    return e instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
