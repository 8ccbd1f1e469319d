import { runCli } from './cli/run.ts';
import { describeWriteFailure } from './cli/stdout.ts';

// `npm run --silent gpt -- <command> [--model DIR] [--json]`: the core, driven from outside.

// Writing to a closed pipe or a full disk fails after runCli has returned, as an 'error' event.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  const { message, exitCode } = describeWriteFailure(error);
  if (message) console.error(message);
  process.exitCode = exitCode;
});

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => console.error(text),
});
