export type Op = () => unknown | Promise<unknown>;
export const SLICE_MS = 100;

/**
 * Operations per second of each op, measured in interleaved slices of SLICE_MS (round-robin until
 * each has run `seconds`): on a shared machine the load drifts over a run, and interleaving lets the
 * ops of one group meet the same drift, so their ratios hold.
 */
export async function rates<K extends string>(ops: Record<K, Op>, seconds: number): Promise<Record<K, number>> {
  const names = Object.keys(ops) as K[];
  for (const name of names) for (let i = 0; i < 20; i++) await ops[name](); // warm-up: JIT, lazy key setup
  const count = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  const spent = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  while (names.some((n) => spent[n] < seconds * 1000)) {
    for (const name of names) {
      const op = ops[name];
      const started = performance.now();
      const deadline = started + SLICE_MS;
      let n = 0;
      while (performance.now() < deadline) {
        await op();
        n++;
      }
      count[name] += n;
      spent[name] += performance.now() - started;
    }
  }
  return Object.fromEntries(names.map((n) => [n, count[n] / (spent[n] / 1000)])) as Record<K, number>;
}
