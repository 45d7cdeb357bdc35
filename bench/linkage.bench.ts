/**
 * Record linkage, measured honestly: old lists generated from the synthetic registry with each
 * error class labelled by the truth it came from (bench/linkage-list.ts), verified by identity's bulk
 * matcher against the local registry on PostgreSQL, scored per class.
 *   npm run bench:linkage   (BENCH_ROWS=100000 BENCH_PEOPLE=480000)
 */
import { Pool } from 'pg';
import { migrate } from '@vax/event-sourcing';
import { BulkVerificationService } from '../services/identity/src/application/bulk-verification.service';
import type { BulkResult } from '../services/identity/src/domain/bulk/bulk-matching';
import { DEFAULT_MATCH_POLICY } from '../services/identity/src/domain/matching/person-matcher';
import { loadPopulationReference } from '../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from '../services/identity/src/adapters/local-registry/local-registry.migrations';
import { LocalPopulationRegistry } from '../services/identity/src/adapters/local-registry/local-population.registry';
import { fmt, freshDatabase, machine, runBenchmark } from './bench-support';
import { LINKAGE_CLASSES, type LabelledRow, type LinkageClass, linkageList } from './linkage-list';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CHUNK = 2_000;

type Tally = { rows: number; right: number; wrong: number; review: number; none: number };

async function main(): Promise<void> {
  const db = await freshDatabase('linkage');
  const pool = new Pool({ connectionString: db.url, max: 4 });
  try {
    await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
    const reference = loadPopulationReference();
    const registry = [...syntheticPopulation(reference, { size: PEOPLE, seed: 42 })];
    const ids = new Set(registry.flatMap((p) => [p.idNumber, p.oldIdNumber ?? '']));
    // People the registry lacks: another draw of the same province, none holding a registry number.
    const absent = [...syntheticPopulation(reference, { size: 20_000, seed: 4242 })].filter(
      (p) => !ids.has(p.idNumber),
    );
    await new LocalPopulationRegistry(pool).replaceAll(registry);
    const matcher = new BulkVerificationService(null as never, new LocalPopulationRegistry(pool), DEFAULT_MATCH_POLICY);
    console.log(`# Record linkage — ${machine()}; registry of ${fmt(PEOPLE)} people, ${fmt(ROWS)} rows (seed 11)`);

    const tallies = new Map<LinkageClass, Tally>(
      LINKAGE_CLASSES.map(([c]) => [c, { rows: 0, right: 0, wrong: 0, review: 0, none: 0 }]),
    );
    const started = Date.now();
    let chunk: LabelledRow[] = [];
    const flush = async () => {
      const results = await matcher.match(chunk.map((r) => r.record));
      results.forEach((result, i) => score(tallies.get(chunk[i].linkageClass)!, chunk[i], result));
      chunk = [];
    };
    for (const row of linkageList(registry, absent, ROWS, 11)) {
      chunk.push(row);
      if (chunk.length === CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
    const seconds = (Date.now() - started) / 1000;
    report(tallies, seconds);
  } finally {
    await pool.end();
    await db.drop();
  }
}

function score(t: Tally, row: LabelledRow, result: BulkResult): void {
  t.rows++;
  if (result.personId) {
    if (result.personId === row.truth) t.right++;
    else t.wrong++;
  } else if (result.result === 'ambiguous') t.review++;
  else t.none++;
}

function report(tallies: Map<LinkageClass, Tally>, seconds: number): void {
  console.log('\n| class | rows | linked right | linked wrong | review | not found |\n|---|---:|---:|---:|---:|---:|');
  const all: Tally = { rows: 0, right: 0, wrong: 0, review: 0, none: 0 };
  let inRegistry = 0;
  for (const [c, t] of tallies) {
    console.log(`| ${c} | ${fmt(t.rows)} | ${fmt(t.right)} | ${fmt(t.wrong)} | ${fmt(t.review)} | ${fmt(t.none)} |`);
    for (const k of ['rows', 'right', 'wrong', 'review', 'none'] as const) all[k] += t[k];
    if (c !== 'absent') inRegistry += t.rows;
  }
  console.log(
    `| **all** | ${fmt(all.rows)} | ${fmt(all.right)} | ${fmt(all.wrong)} | ${fmt(all.review)} | ${fmt(all.none)} |`,
  );
  console.log(`\n- wrong links: ${fmt(all.wrong)} — target 0`);
  console.log(`- precision (linked right / linked): ${pct(all.right, all.right + all.wrong)}`);
  console.log(
    `- recall (linked right / rows whose person is in the registry; review counts as not linked): ${pct(all.right, inRegistry)} — target ≥ 99%`,
  );
  console.log(`- review share: ${pct(all.review, all.rows)} of all rows (${fmt(all.review)})`);
  console.log(`- ${fmt(all.rows / seconds)} rows/s matching (chunks of ${fmt(CHUNK)}, registry on PostgreSQL)`);
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${fmt((100 * a) / b, 3)}%`);

runBenchmark(main);
