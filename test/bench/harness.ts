import { performance } from 'node:perf_hooks';

export interface BenchResult {
  readonly name: string;
  readonly lines: readonly string[];
}

export type Bench = () => Promise<BenchResult>;

/** Runs `fn` `rounds` times and returns the median wall time in milliseconds. */
export async function medianMs(rounds: number, fn: () => Promise<void> | void): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function ratioLine(label: string, measuredMs: number, baselineMs: number, goal: number): string {
  const ratio = measuredMs / baselineMs;
  const verdict = ratio <= goal ? 'meets' : 'MISSES';
  return `${label}: ${measuredMs.toFixed(1)} ms vs baseline ${baselineMs.toFixed(1)} ms = ${ratio.toFixed(2)}x (goal <= ${goal}x, ${verdict})`;
}
