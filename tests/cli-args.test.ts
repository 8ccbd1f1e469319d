import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../scripts/cli/run';
import { describeWriteFailure } from '../scripts/cli/stdout';
import { editDistance, nearestName } from '../scripts/cli/suggest';

// How the command line reads its arguments and ends when its output cannot be written.
const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/tiny');

function gpt(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
const withModel = (args: string[]) => gpt([...args, '--model', FIXTURE]);
const firstLine = (text: string) => text.split('\n')[0];

describe('argument parsing', () => {
  it('names an unknown option and suggests the nearest real one', () => {
    const tpo = withModel(['predict', '--text', 'The king', '--tpo', '3']);
    expect(tpo.code).toBe(2);
    expect(firstLine(tpo.stderr)).toBe('predict has no option --tpo; did you mean --top?');
    expect(firstLine(withModel(['predict', '--jsno', 'The king']).stderr)).toBe('predict has no option --jsno; did you mean --json?');
    expect(firstLine(withModel(['predict', '--text', 'hi', '--top-k', '3']).stderr)).toBe(
      'predict has no option --top-k (generate takes it)',
    );
    expect(firstLine(gpt(['predcit', '--text', 'hi']).stderr)).toBe('unknown command "predcit"; did you mean predict?');
  });

  it('prints the usage with exit code 0 for --help, before or after the command', () => {
    for (const args of [['--help'], ['-h'], ['predict', '--help'], ['generate', '--text', 'hi', '-h']]) {
      const res = gpt(args);
      expect(res.code).toBe(0);
      expect(res.stderr).toBe('');
      expect(res.stdout).toMatch(/^usage: /);
      expect(res.stdout).toContain('generate --text S --max-tokens N');
    }
  });

  it('says that --max-tokens is required', () => {
    const res = withModel(['generate', '--text', 'The king']);
    expect(res.code).toBe(2);
    expect(firstLine(res.stderr)).toBe('generate needs --max-tokens, which is required');
  });

  it('clamps a temperature of 1e999 and reports it as typed, as the app does', () => {
    const res = withModel(['predict', '--text', 'The king', '--temperature', '1e999', '--json']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('note: temperature "1e999" is outside 0..5; using 5');
    const hot = JSON.parse(res.stdout).top;
    const five = JSON.parse(withModel(['predict', '--text', 'The king', '--temperature', '5', '--json']).stdout).top;
    expect(hot).toEqual(five);
  });

  it('refuses hex and binary numbers, as the core settings parser does', () => {
    for (const [option, value] of [
      ['--top', '0x3'],
      ['--top', '0b11'],
      ['--temperature', '0x1'],
    ]) {
      const res = withModel(['predict', '--text', 'hi', option, value]);
      expect(res.code).toBe(2);
      expect(firstLine(res.stderr)).toBe(
        `${option} must be a decimal number, like 3 or 0.5, got "${value}" (hex, binary and thousands separators are not read)`,
      );
    }
    const res = withModel(['generate', '--text', 'hi', '--max-tokens', '0b11']);
    expect(firstLine(res.stderr)).toMatch(/^--max-tokens must be a decimal number.*"0b11"/);
    expect(firstLine(withModel(['predict', '--text', 'hi', '--top', '2.5']).stderr)).toBe('--top must be a positive integer, got 2.5');
  });

  it('refuses an empty or blank analogy word, as the lab does', () => {
    for (const word of ['', ' ', '\t']) {
      const res = withModel(['analogy', '--a', word, '--b', 'king', '--c', 'the']);
      expect(res.code).toBe(2);
      expect(firstLine(res.stderr)).toBe('--a is empty; give it a word, as in --a king');
    }
  });

  it('explains values in the wrong place', () => {
    expect(firstLine(withModel(['predict', 'The king']).stderr)).toBe(
      'unexpected argument "The king": every value follows its option, as in --text "The king"',
    );
    expect(firstLine(gpt(['predict', '--text']).stderr)).toBe('--text needs a value');
    expect(firstLine(gpt(['predict', '--json=yes', '--text', 'hi']).stderr)).toBe('--json is a switch and takes no value');
    expect(firstLine(gpt(['--model', FIXTURE]).stderr)).toBe('the command comes first, before --model');
    expect(firstLine(gpt([]).stderr)).toBe('no command given');
  });

  it('suggests by edit distance, a swap of neighbours counting once', () => {
    expect(editDistance('jsno', 'json')).toBe(1);
    expect(editDistance('tpo', 'top')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearestName('temprature', ['temperature', 'top'])).toBe('temperature');
    expect(nearestName('banana', ['temperature', 'top'])).toBeNull();
  });
});

describe('output that cannot be written', () => {
  it('a closed pipe ends quietly; a full disk is one line', () => {
    const failure = (code: string) => describeWriteFailure(Object.assign(new Error(`write ${code}`), { code }));
    expect(failure('EPIPE')).toEqual({ message: null, exitCode: 0 });
    expect(failure('ENOSPC')).toEqual({ message: 'could not write the output: no space left on the device (ENOSPC)', exitCode: 1 });
    expect(failure('EIO')).toEqual({ message: 'could not write the output: write EIO', exitCode: 1 });
  });

  const run = (args: string[], stdout: 'pipe' | number, closeStdout: boolean) =>
    new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args, '--model', FIXTURE], {
        cwd: ROOT,
        stdio: ['ignore', stdout, 'pipe'],
      });
      if (closeStdout) child.stdout!.destroy(); // the reader leaves, like `| head -c 10`, before anything is written
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => done({ code, stderr }));
    });

  it('from the real entry point: EPIPE says nothing, ENOSPC says one line', async () => {
    const args = ['tokenize', '--text', 'The king said '.repeat(2000)];
    const { openSync, closeSync } = await import('node:fs');
    const full = openSync('/dev/full', 'w');
    try {
      // The two processes are independent: start them together rather than one after the other.
      const [closed, res] = await Promise.all([run(args, 'pipe', true), run(args, full, false)]);
      expect(closed).toEqual({ code: 0, stderr: '' });
      expect(res).toEqual({ code: 1, stderr: 'could not write the output: no space left on the device (ENOSPC)\n' });
    } finally {
      closeSync(full);
    }
  }, 30_000);
});
