/**
 * Bulk matching against the local registry of 480,000 people: accuracy on a legacy list with injected
 * errors (truth kept aside), and throughput on 1,000,000 records against a bare in-memory hash join
 * of the same data, in one run.
 *   npm run bench:matching     (BENCH_RECORDS=1000000 BENCH_PEOPLE=480000)
 */
import { migrate, PostgresEventStore } from '@vax/event-sourcing';
import { once } from 'node:events';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BulkVerificationService } from '../services/identity/src/application/bulk-verification.service';
import type { BulkClass, BulkResult } from '../services/identity/src/domain/bulk/bulk-matching';
import { DEFAULT_MATCH_POLICY } from '../services/identity/src/domain/matching/person-matcher';
import {
  INJECTED_ERRORS,
  type LegacyRecord,
  legacyRecords,
} from '../services/identity/src/adapters/local-registry/legacy-records';
import { loadPopulationReference } from '../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from '../services/identity/src/adapters/local-registry/local-registry.migrations';
import { LocalPopulationRegistry } from '../services/identity/src/adapters/local-registry/local-population.registry';
import { fmt, freshDatabase, machine, runBenchmark } from './bench-support';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const BATCH = 1_000;
const CONCURRENCY = 4;
const actor = { id: 'campaign', role: 'system', scope: 'province:LC' };

async function inBatches(
  records: LegacyRecord[],
  work: (batch: LegacyRecord[], index: number) => Promise<BulkResult[]>,
): Promise<BulkResult[]> {
  const results: BulkResult[][] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i * BATCH < records.length; i = next++)
        results[i] = await work(records.slice(i * BATCH, (i + 1) * BATCH), i);
    }),
  );
  return results.flat();
}

function accuracy(records: LegacyRecord[], results: BulkResult[]) {
  let linked = 0,
    wronglyLinked = 0,
    matched = 0,
    wronglyMatched = 0,
    shouldMatch = 0,
    didMatch = 0,
    classRight = 0;
  const confusion = new Map<string, number>();
  records.forEach((record, i) => {
    const r = results[i];
    const expected = INJECTED_ERRORS[record.truth.error] as BulkClass;
    confusion.set(
      `${record.truth.error} → ${r.result}`,
      (confusion.get(`${record.truth.error} → ${r.result}`) ?? 0) + 1,
    );
    if (r.result === expected) classRight++;
    if (r.personId) {
      linked++;
      if (r.personId !== record.truth.personId) wronglyLinked++;
    }
    if (r.result === 'matched') {
      matched++;
      if (r.personId !== record.truth.personId) wronglyMatched++;
    }
    if (expected === 'matched') {
      shouldMatch++;
      if (r.result === 'matched' && r.personId === record.truth.personId) didMatch++;
    }
  });
  return { linked, wronglyLinked, matched, wronglyMatched, shouldMatch, didMatch, classRight, confusion };
}

async function sqlHashJoin(pool: Pool, records: LegacyRecord[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query(
      'create unlogged table if not exists legacy_records (record_id text, id_number text, full_name text, date_of_birth text)',
    );
    await client.query('truncate legacy_records');
    const copy = client.query(copyFrom('copy legacy_records from stdin'));
    for (const r of records) {
      const line = `${r.recordId}\t${r.idNumber || '\\N'}\t${r.fullName.replace(/[\t\\]/g, ' ')}\t${r.dateOfBirth ?? '\\N'}\n`;
      if (!copy.write(line)) await once(copy, 'drain');
    }
    copy.end();
    await once(copy, 'finish');
    const { rows } = await client.query(
      'select count(*)::int as n from legacy_records l join registry_people r on r.id_number = l.id_number',
    );
    return rows[0].n as number;
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const db = await freshDatabase('matching');
  const pool = new Pool({ connectionString: db.url, max: CONCURRENCY + 2 });
  await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
  const store = new PostgresEventStore(pool);
  await store.migrate();
  const registry = new LocalPopulationRegistry(pool);
  const people = [...syntheticPopulation(loadPopulationReference(), { size: PEOPLE, seed: 42 })];
  await registry.replaceAll(people);
  const records = [...legacyRecords(people, RECORDS, 7)];
  const service = new BulkVerificationService(store, registry, DEFAULT_MATCH_POLICY);
  console.log(
    `# Bulk matching — ${machine()}; registry of ${fmt(PEOPLE)} people, ${fmt(RECORDS)} legacy records, batches of ${BATCH}, ${CONCURRENCY} in parallel`,
  );

  // The limit: a bare hash join of the same records on the ID number, in memory.
  let t0 = performance.now();
  const byId = new Map<string, string>();
  for (const p of people) {
    byId.set(p.idNumber, p.personId);
    if (p.oldIdNumber) byId.set(p.oldIdNumber, p.personId);
  }
  let joined = 0;
  for (const r of records) if (r.idNumber && byId.has(r.idNumber)) joined++;
  const bare = RECORDS / ((performance.now() - t0) / 1000);

  // The same join in PostgreSQL: COPY the records into a table and hash-join them with the registry.
  t0 = performance.now();
  const sqlJoined = await sqlHashJoin(pool, records);
  const bareSql = RECORDS / ((performance.now() - t0) / 1000);

  t0 = performance.now();
  const results = await inBatches(records, (batch) => service.match(batch));
  const ours = RECORDS / ((performance.now() - t0) / 1000);

  t0 = performance.now();
  const durableCount = Math.min(RECORDS, 200_000);
  await inBatches(records.slice(0, durableCount), (batch, i) =>
    service.verifyBatch(`bench-${i}`, batch, actor, 'bench'),
  );
  const durable = durableCount / ((performance.now() - t0) / 1000);

  console.log('\n## Throughput');
  console.log('| path | records/s | ratio to in-memory join | ratio to SQL join |\n|---|---:|---:|---:|');
  console.log(
    `| bare in-memory hash join on the ID number (${fmt(joined)} joined) | ${fmt(bare)} | 1.00 | ${fmt(bare / bareSql, 2)} |`,
  );
  const row = (path: string, rate: number) =>
    console.log(`| ${path} | ${fmt(rate)} | ${fmt(rate / bare, 3)} | ${fmt(rate / bareSql, 2)} |`);
  row(`bare SQL hash join in PostgreSQL: COPY the records, join (${fmt(sqlJoined)} joined)`, bareSql);
  row('bulk matching: 2 registry queries per batch, field-by-field comparison', ours);
  row(`bulk matching + results recorded, one event per batch (${fmt(durableCount)} records)`, durable);

  const a = accuracy(records, results);
  console.log('\n## Accuracy against the ground truth');
  console.log(
    `- precision of matches (matched to the right person): ${fmt((100 * (a.matched - a.wronglyMatched)) / a.matched, 3)}% (${a.wronglyMatched} wrong of ${fmt(a.matched)})`,
  );
  console.log(
    `- precision of every link (matched or mismatched with a person): ${fmt((100 * (a.linked - a.wronglyLinked)) / a.linked, 3)}% (${a.wronglyLinked} wrong of ${fmt(a.linked)})`,
  );
  console.log(
    `- recall of matches (records that should match, matched to the right person): ${fmt((100 * a.didMatch) / a.shouldMatch, 3)}%`,
  );
  console.log(`- records given their expected class: ${fmt((100 * a.classRight) / RECORDS, 2)}%`);
  console.log('\n| injected error → class | records |\n|---|---:|');
  for (const [k, v] of [...a.confusion].sort()) console.log(`| ${k} | ${fmt(v)} |`);
  await pool.end();
  await db.drop();
}

runBenchmark(main);
