import { parseArgs as parseNodeArgs } from 'node:util';
import { parseDecimal } from '../../src/core/sampling.ts';
import { nearestName } from './suggest.ts';

// Strict argument parsing with Node's own util.parseArgs: every option must belong to the command,
// every value must follow its option, and numbers are decimal as people type them. A mistake is named,
// with the nearest real option, rather than ignored or guessed at.

/** A mistake in how the command was called (exit code 2), as opposed to a failure while running it. */
export class UsageError extends Error {}

export interface CliArgs {
  command: string;
  string(name: string): string | undefined;
  number(name: string, fallback: number, check?: (n: number) => boolean, what?: string): number;
  /** The value as typed, once it is known to be a decimal number: for settings the core validates and clamps. */
  decimalText(name: string): string | undefined;
  flag(name: string): boolean;
  required(name: string): string;
}

/** `--help` anywhere, or `help` as the command: print the usage and succeed. */
export const HELP = 'help';

const SHARED = ['model', 'json', 'help'];
export const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  tokenize: ['text'],
  predict: ['text', 'top', 'temperature'],
  generate: ['text', 'max-tokens', 'temperature', 'top-k', 'top-p', 'seed'],
  analogy: ['a', 'b', 'c', 'top', 'all-tokens'],
  bench: ['tokens', 'gpt2-shaped', 'quick', 'numpy-threads'],
};
const FLAGS = new Set(['json', 'help', 'all-tokens', 'gpt2-shaped', 'quick']);

type NodeOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function optionsOf(command: string): NodeOptions {
  const names = [...SHARED, ...(COMMAND_OPTIONS[command] ?? [])];
  const options: NodeOptions = Object.fromEntries(names.map((name) => [name, { type: FLAGS.has(name) ? 'boolean' : 'string' }]));
  options.help.short = 'h';
  return options;
}

/** util.parseArgs's errors, reworded to name the option and what to do; its own wording suits programmers. */
function explain(error: Error & { code?: string }, command: string, argv: readonly string[]): UsageError {
  const quoted = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = quoted.replace(/^-+/, '').split('=')[0];
    const own = [...SHARED, ...(COMMAND_OPTIONS[command] ?? [])];
    const guess = nearestName(name, own);
    const elsewhere = Object.keys(COMMAND_OPTIONS).filter((other) => COMMAND_OPTIONS[other].includes(name));
    const hint = guess
      ? `; did you mean --${guess}?`
      : elsewhere.length > 0
        ? ` (${elsewhere.join(' and ')} take${elsewhere.length === 1 ? 's' : ''} it)`
        : '';
    return new UsageError(`${command} has no option ${quoted}${hint}`);
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = quoted.replace(/^-+/, '');
    const next = argv[argv.indexOf(quoted) + 1];
    if (next === undefined) return new UsageError(`${quoted} needs a value`);
    if (FLAGS.has(name)) return new UsageError(`${quoted} is a switch and takes no value`);
    return new UsageError(`${quoted} needs a value, but "${next}" looks like an option; write ${quoted}=${next} if it is the value`);
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const stray = /'([^']*)'/.exec(error.message)?.[1] ?? '';
    return new UsageError(`unexpected argument "${stray}": every value follows its option, as in --text "The king"`);
  }
  return new UsageError(error.message);
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const [first = '', ...rest] = argv;
  const command = first === '--help' || first === '-h' ? HELP : first;
  if (command === '') throw new UsageError('no command given');
  if (command.startsWith('-')) throw new UsageError(`the command comes first, before ${command}`);
  if (command !== HELP && !Object.hasOwn(COMMAND_OPTIONS, command)) {
    const guess = nearestName(command, Object.keys(COMMAND_OPTIONS));
    throw new UsageError(`unknown command "${command}"${guess ? `; did you mean ${guess}?` : ''}`);
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseNodeArgs({ args: [...rest], options: optionsOf(command), strict: true, allowPositionals: false }));
  } catch (error) {
    throw explain(error as Error, command, rest);
  }
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const decimal = (name: string): number | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const n = parseDecimal(raw);
    if (n === null || n === 'bad') {
      throw new UsageError(
        `--${name} must be a decimal number, like 3 or 0.5, got "${raw}" (hex, binary and thousands separators are not read)`,
      );
    }
    return n;
  };
  return {
    command: values.help === true ? HELP : command,
    string: text,
    flag: (name) => values[name] === true,
    decimalText: (name) => (decimal(name) === undefined ? undefined : text(name)),
    number: (name, fallback, check, what) => {
      const n = decimal(name) ?? fallback;
      if (check && !check(n)) throw new UsageError(`--${name} must be ${what ?? 'valid'}, got ${text(name) ?? n}`);
      return n;
    },
    required: (name) => {
      const v = text(name);
      if (v === undefined) throw new UsageError(`${command} needs --${name}, which is required`);
      return v;
    },
  };
}
