/**
 * Reissuing every certificate of the province after a policy change, end to end: each person's
 * status re-derived, a new certificate signed, the old one revoked, both appended to the person's
 * stream, the revocation list caught up. Through the path the service takes when a new policy is
 * deployed (PolicyReissue: a run registered once, partitions claimed with skip locked), drained by
 * 1 and by N worker threads (N = cores), in rounds 1, N, N, 1, … so drift and growing streams meet both
 * alike. Each round is a new policy (certificate validity 12 → 24 → 36 … months): every certificate
 * changes. Target: N threads ≥ 0.8 × N × the rate of one (docs/performance.md).
 * BENCH_REPLICAS=processes drains with 1 and N replica processes instead (production's shape: each
 * replica its own process; certificate-reissue.replica.ts), their CPU counted with this process's.
 *   npm run bench:reissue      (BENCH_PEOPLE=5000, BENCH_THREADS=cores, BENCH_ROUNDS=8, BENCH_REPLICAS=threads)
 */
import { cpus, loadavg } from 'node:os';
import { EVENT_STORE_MIGRATIONS, migrate, PostgresEventStore } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS, ProjectionRunner } from '@vax/messaging';
import { Pool } from 'pg';
import { DccCertificateSigner } from '../services/certification/src/adapters/hcert/dcc-certificate-signer';
import { CERTIFICATION_MIGRATIONS } from '../services/certification/src/adapters/postgres/certification.migrations';
import { CertificationService } from '../services/certification/src/application/certification.service';
import { PolicyReissue } from '../services/certification/src/adapters/postgres/policy-reissue';
import { drainWithThreads } from '../services/certification/src/adapters/postgres/policy-reissue.threads';
import { generateDevelopmentChain } from '../services/certification/src/adapters/keys/development-keys';
import { signingKeysOf } from '../services/certification/src/adapters/keys/signing-keys';
import { certificateRevocationsProjection } from '../services/certification/src/projections/certificate-revocations.projection';
import {
  loadCertificationReference,
  type ReferenceData,
} from '../services/certification/src/reference/certification-reference.loader';
import vaccines from '../services/certification/src/reference/vaccines.json';
import { loadPeople } from './certificate-reissue.load';
import { drainWithProcesses } from './certificate-reissue.processes';
import { postgresCpuSeconds } from './postgres-cpu';
import { fmt, freshDatabase, machine, runBenchmark } from './bench-support';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5000);
const THREADS = Number(process.env.BENCH_THREADS ?? cpus().length);
const PROVINCE = 500_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8); // 1, N, N, 1, 1, N, N, 1: drift meets both alike
const PROCESSES = process.env.BENCH_REPLICAS === 'processes';
const UNIT = PROCESSES ? 'replica process' : 'thread';
const UNITS = PROCESSES ? 'replica processes' : 'threads';

const policyOf = (months: number): ReferenceData => ({
  ...(vaccines as ReferenceData),
  policy: { ...vaccines.policy, certificateValidityMonths: months },
});

interface Round {
  threads: number;
  drainS: number;
  listS: number;
  totalS: number;
  changed: number;
  /** CPU this process (all its threads) used, in cores: what the drain got of the machine. */
  cores: number;
  /** CPU every PostgreSQL process used meanwhile, in cores (any database's: others' work counts). */
  postgresCores: number;
  /** The machine's one-minute load average at the round's end (shared: others' work counts). */
  load: number;
  /**
   * How long the cluster's oldest open transaction (any database) had run when the drain ended: the
   * store's readers return only events below the cluster-wide horizon, so the list waits for it.
   */
  horizon: number;
}

async function oldestTransactionSeconds(pool: Pool): Promise<number> {
  const { rows } = await pool.query(
    `select coalesce(extract(epoch from max(now() - xact_start)), 0)::float8 as s from pg_stat_activity
     where (backend_xid is not null or backend_xmin is not null) and pid <> pg_backend_pid()`,
  );
  return rows[0].s;
}

async function main(): Promise<void> {
  const db = await freshDatabase('reissue');
  const pool = new Pool({ connectionString: db.url, max: 8 });
  try {
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CERTIFICATION_MIGRATIONS]);
    const now = new Date();
    const chain = await generateDevelopmentChain(now);
    const keys = signingKeysOf(chain, true, now);
    const store = new PostgresEventStore(pool);
    const loadStarted = performance.now();
    const shipped = loadCertificationReference();
    await loadPeople(store, new DccCertificateSigner(keys, shipped, 'LC'), shipped, PEOPLE);
    const loadS = (performance.now() - loadStarted) / 1000;
    const list = new ProjectionRunner(pool, store, certificateRevocationsProjection);
    await list.prepare();
    await list.catchUp();
    await pool.query('vacuum analyze');

    const rounds: Round[] = [];
    const order = Array.from({ length: ROUNDS }, (_, i) => ([0, 3].includes(i % 4) ? 1 : THREADS));
    for (const [i, threads] of order.entries()) {
      const referenceData = policyOf(12 * (i + 2));
      const reference = loadCertificationReference(referenceData);
      const service = new CertificationService(store, new DccCertificateSigner(keys, reference, 'LC'), reference);
      const started = performance.now();
      const cpu = process.cpuUsage(); // every thread of this process: the drain's and the list's
      const postgresCpu = postgresCpuSeconds();
      await new PolicyReissue(pool, service, { owner: 'bench' }).register();
      let draining = true;
      const following = (async () => {
        while (draining) if ((await list.catchUp({ untilPartialBatch: true })) === 0) await sleep(50);
      })();
      const order = {
        databaseUrl: db.url,
        issuingEntity: 'LC',
        owner: `bench-round-${i}`,
        concurrency: 8,
        referenceData,
      };
      const { tally, cpuSeconds: replicasCpu } = PROCESSES
        ? await drainWithProcesses(threads, { ...order, chain })
        : { tally: await drainWithThreads(threads, { ...order, keys }), cpuSeconds: 0 };
      const drained = performance.now();
      const horizon = await oldestTransactionSeconds(pool);
      draining = false;
      await following;
      await list.catchUp();
      const ended = performance.now();
      const revoked = await pool.query(`select count(*)::int as n from certificate_revocations_v2`);
      if (tally.changed !== PEOPLE || revoked.rows[0].n !== 3 * PEOPLE * (i + 1))
        throw new Error(`round ${i}: ${tally.changed} reissued, ${revoked.rows[0].n} revocation rows`);
      rounds.push({
        threads,
        drainS: (drained - started) / 1000,
        listS: (ended - drained) / 1000,
        totalS: (ended - started) / 1000,
        changed: tally.changed,
        cores: (cpuSeconds(process.cpuUsage(cpu)) + replicasCpu) / ((ended - started) / 1000),
        postgresCores: (postgresCpuSeconds() - postgresCpu) / ((ended - started) / 1000),
        load: loadavg()[0],
        horizon,
      });
      process.stderr.write(`round ${i + 1}/${ROUNDS}: ${threads} ${UNIT}(s), ${fmt((ended - started) / 1000, 1)} s\n`);
    }
    report(rounds, loadS);
  } finally {
    await pool.end();
    await db.drop();
  }
}

function report(rounds: Round[], loadS: number): void {
  console.log(`# Policy-change reissue, end to end — ${machine()}`);
  console.log(
    `${fmt(PEOPLE)} people (streams loaded in ${fmt(loadS, 1)} s), 64 partitions, 8 people in flight a ${UNIT}\n`,
  );
  console.log(
    `| round | ${UNITS} | drain s | revocation list after s | oldest open transaction then, s | end to end s | people/s | node CPU, cores | node CPU ms/person | PostgreSQL CPU, cores | load avg |`,
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  rounds.forEach((r, i) =>
    console.log(
      `| ${i + 1} | ${r.threads} | ${fmt(r.drainS, 1)} | ${fmt(r.listS, 1)} | ${fmt(r.horizon, 1)} | ${fmt(r.totalS, 1)} | ${fmt(r.changed / r.totalS)} | ${fmt(r.cores, 2)} | ${fmt((1000 * r.cores * r.totalS) / r.changed, 2)} | ${fmt(r.postgresCores, 2)} | ${fmt(r.load, 1)} |`,
    ),
  );
  const rate = (threads: number, seconds: (r: Round) => number) => {
    const of = rounds.filter((r) => r.threads === threads);
    return of.reduce((s, r) => s + r.changed, 0) / of.reduce((s, r) => s + seconds(r), 0);
  };
  const total = (r: Round) => r.totalS;
  const drain = (r: Round) => r.drainS;
  const [one, many] = [rate(1, total), rate(THREADS, total)];
  const ratio = many / one;
  console.log(
    `\n${THREADS} ${UNITS}: ${fmt(ratio, 2)} × one ${UNIT} end to end, ${fmt(rate(THREADS, drain) / rate(1, drain), 2)} × on the drain alone (target ≥ ${fmt(0.8 * THREADS, 2)}): ${ratio >= 0.8 * THREADS ? 'met' : 'NOT met'}`,
  );
  console.log(
    `the province (${fmt(PROVINCE)} people) at these rates: ${fmt(PROVINCE / one / 60, 1)} min on one ${UNIT}, ${fmt(PROVINCE / many / 60, 1)} min on ${THREADS}`,
  );
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

runBenchmark(main);
