// A small, strict argument parser: `cmd --name value --flag`. Unknown shapes are errors, not guesses.

/** A mistake in how the command was called (exit code 2), as opposed to a failure while running it. */
export class UsageError extends Error {}
export interface CliArgs {
  command: string;
  string(name: string): string | undefined;
  number(name: string, fallback: number, check?: (n: number) => boolean, what?: string): number;
  optionalNumber(name: string): number | undefined;
  flag(name: string): boolean;
  required(name: string): string;
}

const FLAGS = new Set(['json', 'all-tokens']);

export function parseArgs(argv: string[]): CliArgs {
  const [command = '', ...rest] = argv;
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    if (FLAGS.has(name)) {
      flags.add(name);
      continue;
    }
    if (i + 1 >= rest.length) throw new UsageError(`--${name} needs a value`);
    values.set(name, rest[++i]);
  }
  const toNumber = (name: string) => {
    const raw = values.get(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
    return n;
  };
  return {
    command,
    string: (name) => values.get(name),
    flag: (name) => flags.has(name),
    optionalNumber: toNumber,
    number: (name, fallback, check, what) => {
      const n = toNumber(name) ?? fallback;
      if (check && !check(n)) throw new UsageError(`--${name} must be ${what ?? 'valid'}, got ${n}`);
      return n;
    },
    required: (name) => {
      const v = values.get(name);
      if (v === undefined) throw new UsageError(`--${name} is required`);
      return v;
    },
  };
}
