/**
 * A campaign end to end over 1,000,000 legacy rows against the 480,000-person registry: import
 * (CSV parsed, validated, COPY in batches), then the workflow verifying every chunk through Kafka and
 * the identity service until every answer is stored — beside a bare COPY of the same file.
 *   npm run bench:campaign-throughput   (BENCH_RECORDS=1000000 BENCH_PEOPLE=480000 BENCH_TRANSPORT=embedded|kafka BENCH_SETTLE=true
 *    BENCH_CHUNK=2000 BENCH_IN_FLIGHT=6 BENCH_POLL_MS=250)
 */
import { createReadStream, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parseMapping } from '../services/campaign/src/domain/legacy-row/column-mapping';
import { importFile } from '../services/campaign/src/adapters/files/import-file';
import { loadCampaignReference } from '../services/campaign/src/reference/reference-data';
import { KAFKA_BROKERS, fmt, freshDatabase, machine, runBenchmark, startService } from './bench-support';
import { MAPPING } from './campaign-legacy-list';
import { campaignStage } from './campaign-stage';
import { campaignOn, report } from './campaign-throughput.report';
import { cpuMeter, pidsOf, prepareKafka } from './campaign-processes';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 2_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 6);
/** How often a chunk's activity looks for its answers: the worker's default unless told. */
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 250);
const TEMPORAL = process.env.BENCH_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
// embedded: the services talk over a bus database of this run's own (the single-machine transport);
// kafka: over the shared broker — only on a quiet stack, since any other identity consumer answers too.
const TRANSPORT = process.env.BENCH_TRANSPORT === 'kafka' ? 'kafka' : 'embedded';
const SETTLE = process.env.BENCH_SETTLE === 'true';

async function bareCopy(pool: Pool, file: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(
      'create table bare_list (stt text, full_name text, dob text, gender text, id_number text, vaccine text, lot text, day text, dose text, site text)',
    );
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('copy bare_list from stdin with (format csv, header true)')),
    );
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const stage = await campaignStage('tp', PEOPLE, RECORDS);
  const { identityDb, campaignDb, pool, file, truth } = stage;
  const rows = truth.rows - 1;
  console.log(
    `# Campaign throughput — ${machine()}; registry of ${fmt(PEOPLE)}, ${fmt(rows)} rows (${fmt(statSync(file).size / 2 ** 20)} MiB CSV), chunks of ${fmt(CHUNK)}, ${IN_FLIGHT} in flight, answers looked for every ${POLL_MS} ms, ${TRANSPORT} transport`,
  );

  let t0 = performance.now();
  await bareCopy(pool, file);
  const bare = rows / ((performance.now() - t0) / 1000);

  const tokens = await TestActorTokens.create();
  const groups = { identity: `identity-bench-${run}`, campaign: `campaign-bench-${run}` };
  const bus = TRANSPORT === 'embedded' ? await freshDatabase('tp_bus') : undefined;
  if (!bus) await prepareKafka(Object.values(groups));
  const common = {
    ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    MESSAGE_TRANSPORT: TRANSPORT,
    ...(bus ? { BUS_DATABASE_URL: bus.url } : { KAFKA_BROKERS: KAFKA_BROKERS.join(',') }),
  };
  const temporal = { TEMPORAL_ADDRESS: TEMPORAL, TEMPORAL_TASK_QUEUE: `campaign-bench-${run}` };
  const identity = await startService('services/identity/src/main.js', 4691, {
    ...common,
    DATABASE_URL: identityDb.url,
    KAFKA_CONSUMER_GROUP: groups.identity,
  });
  const api = await startService('services/campaign/src/main.js', 4692, {
    ...common,
    ...temporal,
    DATABASE_URL: campaignDb.url,
    KAFKA_CONSUMER_GROUP: groups.campaign,
    CAMPAIGN_CHUNK_SIZE: String(CHUNK),
    CAMPAIGN_MAX_IN_FLIGHT: String(IN_FLIGHT),
    ATTESTATION_DEV_KEY_FILE: join(tmpdir(), `campaign-bench-${run}.pem`),
  });
  const worker = await startService('services/campaign/src/worker.main.js', 4693, {
    ...common,
    ...temporal,
    DATABASE_URL: campaignDb.url,
    CAMPAIGN_POLL_MS: String(POLL_MS),
  });

  const processes = {
    'bench process (CSV parse, validation, COPY client)': () => [process.pid],
    'identity service (consume, match, record, publish)': () => [identity.pid],
    'campaign API (consume answers, store them)': () => [api.pid],
    'campaign worker (read chunks, publish, wait)': () => [worker.pid],
    PostgreSQL: () => pidsOf('postgres'),
    'Kafka broker': () => pidsOf('kafka.Kafka'),
    'Temporal server': () => pidsOf('temporal server'),
  };
  const importMeter = cpuMeter(processes);
  t0 = performance.now();
  const reference = loadCampaignReference();
  await importFile(pool, file, {
    importId: 'tp',
    mapping: parseMapping(MAPPING),
    context: { ...reference, today: '2026-01-01', firstVaccinationDay: '2021-03-01' },
  });
  const importSeconds = (performance.now() - t0) / 1000;
  const cpuImport = importMeter();

  const verifyMeter = cpuMeter(processes);
  const campaign = await campaignOn('http://127.0.0.1:4692', tokens);
  t0 = performance.now();
  const campaignId = await campaign.start(run);
  await campaign.until(campaignId, (p) => p.chunksTotal > 0 && p.chunksDone === p.chunksTotal);
  const verifySeconds = (performance.now() - t0) / 1000;
  const cpuVerify = verifyMeter();
  const classes = (await pool.query('select result, count(*)::int as n from row_results group by 1 order by 1')).rows;
  let settled = '';
  if (SETTLE) {
    // Merge proposals, matched doses published to the records, worklists: after the durable answers.
    t0 = performance.now();
    const p = await campaign.until(campaignId, (q) => q.phase === 'following-up');
    settled = `${fmt(p.mergeProposals)} merge proposals, ${fmt(p.dosesSent)} doses published to the records, ${fmt(p.worklistItems)} worklist items in ${fmt((performance.now() - t0) / 1000, 1)} s`;
  }
  await campaign.end(campaignId, TEMPORAL);
  report({ rows, bare, importSeconds, verifySeconds, classes, cpuImport, cpuVerify, settled });
  await Promise.all([worker.stop(), api.stop(), identity.stop()]);
  await stage.close();
  await bus?.drop();
}

runBenchmark(main);
