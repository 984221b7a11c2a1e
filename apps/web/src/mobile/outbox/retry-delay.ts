export const FIRST_RETRY_MS = 5_000;
export const LONGEST_RETRY_MS = 5 * 60_000;

/**
 * How long to wait after the `attempts`-th failed try: 5 s, doubling, at most 5 min; of that, half is fixed and
 * half random, so that the phones of a whole street that lost the network together do not all call back in the
 * same second when it returns.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
