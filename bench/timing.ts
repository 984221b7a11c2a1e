import { performance } from 'node:perf_hooks';

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export interface TimingOptions {
  warmups?: number;
  runs?: number;
}

/** `BENCH_RUNS` overrides every module's default number of measured runs. */
export function runsFromEnvironment(fallback: number): number {
  const runs = Number(process.env.BENCH_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : fallback;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { medianMs, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, runs: sorted.length };
}

async function timeOnce(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/**
 * Times a task and its reference: warm-ups of both first, then the measured runs alternate between them,
 * so that a slow spell of the machine (another process, a checkpoint) weighs on both sides of the ratio.
 */
export async function compare(
  task: () => Promise<unknown>,
  reference: () => Promise<unknown>,
  options: TimingOptions = {},
): Promise<{ task: Timing; reference: Timing }> {
  const warmups = options.warmups ?? 1;
  const runs = runsFromEnvironment(options.runs ?? 5);
  for (let warmup = 0; warmup < warmups; warmup++) {
    await task();
    await reference();
  }
  const taskSamples: number[] = [];
  const referenceSamples: number[] = [];
  for (let run = 0; run < runs; run++) {
    taskSamples.push(await timeOnce(task));
    referenceSamples.push(await timeOnce(reference));
  }
  return { task: summarize(taskSamples), reference: summarize(referenceSamples) };
}

/** Times one task on its own (for figures whose reference is measured elsewhere). */
export async function measure(task: () => Promise<unknown>, options: TimingOptions = {}): Promise<Timing> {
  const warmups = options.warmups ?? 1;
  const runs = runsFromEnvironment(options.runs ?? 5);
  for (let warmup = 0; warmup < warmups; warmup++) await task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(await timeOnce(task));
  return summarize(samples);
}

/** Times a task exactly once, for set-up steps reported in notes. */
export async function timeIt<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await task();
  return { result, ms: performance.now() - started };
}
