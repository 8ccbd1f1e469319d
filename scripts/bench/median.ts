// Timings are medians of repeated runs after a warm-up, so one slow run (GC, JIT) does not decide them.
// By default the warm-up lasts at least 10 runs and 300 ms: V8 keeps optimising a pass for its first few
// hundred milliseconds, and the app measures steady typing, not the first keystroke. A pass that takes
// a second (GPT-2's shape at 256 tokens) is warm after a run or two, and asks for fewer.
// No Node or DOM here: the bench page in Chromium times with this same function.

export interface WarmUp {
  runs: number;
  ms: number;
}

export const DEFAULT_WARM_UP: WarmUp = { runs: 10, ms: 300 };

export function median(run: () => void, repeats: number, warmUp: WarmUp = DEFAULT_WARM_UP): number {
  const warmUntil = performance.now() + warmUp.ms;
  for (let i = 0; i < warmUp.runs || performance.now() < warmUntil; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
