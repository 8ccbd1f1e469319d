import { runCli } from './cli/run.ts';

// `npm run --silent gpt -- <command> [--model DIR] [--json]`: the core, driven from outside.

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => console.error(text),
});
