/**
 * Estimates the linkage model's m and u probabilities (docs/adr/0014-record-linkage.md):
 * u from random pairs of different registry people, m from a labelled sample of old-list rows
 * compared with the person each came from. Prints both beside the figures the model uses.
 *   node dist/bench/linkage-weights.js   (BENCH_PEOPLE=480000 BENCH_PAIRS=2000000)
 */
import { compareFields, type FieldLevels } from '../services/identity/src/domain/linkage/linkage-fields';
import { DEFAULT_LINKAGE_PROBABILITIES } from '../services/identity/src/domain/linkage/linkage-weights';
import { loadPopulationReference } from '../services/identity/src/reference/population-reference';
import { SeededRandom } from '../services/identity/src/adapters/local-registry/seeded-random';
import { syntheticPopulation } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { runBenchmark } from './bench-support';
import { linkageList } from './linkage-list';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 2_000_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 50_000);
const FIELDS = ['idNumber', 'fullName', 'dateOfBirth', 'gender', 'place'] as const;

async function main(): Promise<void> {
  const reference = loadPopulationReference();
  const people = [...syntheticPopulation(reference, { size: PEOPLE, seed: 42 })];
  const byId = new Map(people.map((p) => [p.personId, p]));
  const random = new SeededRandom(5);
  const u = counter();
  for (let i = 0; i < PAIRS; i++) {
    const [a, b] = [random.pick(people), random.pick(people)];
    if (a.personId === b.personId) continue;
    const record = { ...a, address: `${a.commune}, ${a.district}` };
    tally(u, compareFields(record, b));
  }
  const m = counter();
  const absent = [...syntheticPopulation(reference, { size: 1_000, seed: 4242 })];
  for (const row of linkageList(people, absent, SAMPLE, 99)) {
    if (row.truth) tally(m, compareFields(row.record, byId.get(row.truth)!));
  }
  console.log('| field | level | m measured | u measured | m used | u used |\n|---|---|---:|---:|---:|---:|');
  for (const field of FIELDS) {
    const table = DEFAULT_LINKAGE_PROBABILITIES[field] as Record<string, { m: number; u: number } | null>;
    for (const level of Object.keys(table)) {
      const used = table[level];
      console.log(
        `| ${field} | ${level} | ${share(m, field, level)} | ${share(u, field, level)} | ${used?.m ?? '—'} | ${used?.u ?? '—'} |`,
      );
    }
  }
}

type Counter = Map<string, number>;
const counter = (): Counter => new Map();
function tally(c: Counter, levels: FieldLevels): void {
  for (const field of FIELDS) c.set(`${field}:${levels[field]}`, (c.get(`${field}:${levels[field]}`) ?? 0) + 1);
  c.set('total', (c.get('total') ?? 0) + 1);
}
function share(c: Counter, field: string, level: string): string {
  const stated = [...c.entries()]
    .filter(([k]) => k.startsWith(`${field}:`) && k !== `${field}:missing`)
    .reduce((a, [, v]) => a + v, 0);
  if (level === 'missing') return '—';
  const n = c.get(`${field}:${level}`) ?? 0;
  return stated === 0 ? 'n/a' : (n / stated).toExponential(1);
}

runBenchmark(main);
