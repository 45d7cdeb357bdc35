/**
 * The whole campaign as one measured pipeline (issue 18), at the default settings: import (CSV parsed,
 * validated, COPY), verification (chunks through identity's record linkage, answers stored), settling
 * (merge proposals, matched doses published, worklists), the doses recorded in injections (records,
 * answers back to the campaign) and injections' read models (dose register, statistics) caught up —
 * beside a bare COPY of the same file, the limit.
 *   npm run bench:campaign-end-to-end   (BENCH_RECORDS=1000000 BENCH_PEOPLE=480000)
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { parseMapping } from '../services/campaign/src/domain/legacy-row/column-mapping';
import { importFile } from '../services/campaign/src/adapters/files/import-file';
import { loadCampaignReference } from '../services/campaign/src/reference/reference-data';
import { fmt, freshDatabase, machine, runBenchmark, secondsOf, startService } from './bench-support';
import { bareCopy, settledFigures } from './campaign-end-to-end.stages';
import { MAPPING } from './campaign-legacy-list';
import { cpuMeter, pidsOf } from './campaign-processes';
import { postgresWorkMeter } from './postgres-work';
import { campaignStage } from './campaign-stage';
import { campaignOn } from './campaign-throughput.report';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const TEMPORAL = process.env.BENCH_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const TARGET = 10_000;

async function main(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const stage = await campaignStage('e2e', PEOPLE, RECORDS);
  const { identityDb, campaignDb, pool, file, truth } = stage;
  const rows = truth.rows - 1;
  console.log(
    `# Campaign end to end — ${machine()}; registry of ${fmt(PEOPLE)}, ${fmt(rows)} rows (${fmt(statSync(file).size / 2 ** 20)} MiB CSV), default settings, embedded transport`,
  );
  const bare = rows / (await secondsOf(() => bareCopy(pool, file)));

  const [injectionsDb, bus] = [await freshDatabase('e2e_injections'), await freshDatabase('e2e_bus')];
  const injectionsPool = new Pool({ connectionString: injectionsDb.url, max: 2 });
  const tokens = await TestActorTokens.create();
  const common = {
    ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    MESSAGE_TRANSPORT: 'embedded',
    BUS_DATABASE_URL: bus.url,
  };
  const temporal = { TEMPORAL_ADDRESS: TEMPORAL, TEMPORAL_TASK_QUEUE: `campaign-e2e-${run}` };
  const identity = await startService('services/identity/src/main.js', 4791, {
    ...common,
    DATABASE_URL: identityDb.url,
  });
  const injections = await startService('services/injections/src/main.js', 4794, {
    ...common,
    DATABASE_URL: injectionsDb.url,
  });
  const api = await startService('services/campaign/src/main.js', 4792, {
    ...common,
    ...temporal,
    DATABASE_URL: campaignDb.url,
    ATTESTATION_DEV_KEY_FILE: join(tmpdir(), `campaign-e2e-${run}.pem`),
  });
  const worker = await startService('services/campaign/src/worker.main.js', 4793, {
    ...common,
    ...temporal,
    DATABASE_URL: campaignDb.url,
  });
  const processes = {
    'bench process (CSV parse, validation, COPY client)': () => [process.pid],
    'identity (consume, link, record, publish)': () => [identity.pid],
    'campaign API (answers, dose outcomes)': () => [api.pid],
    'campaign worker (chunks, settling)': () => [worker.pid],
    'injections (doses into records, read models)': () => [injections.pid],
    PostgreSQL: () => pidsOf('postgres'),
    'Temporal server': () => pidsOf('temporal server'),
  };

  const phases: { name: string; seconds: number; cpu: Record<string, number> }[] = [];
  const phase = async (name: string, work: () => Promise<unknown>) => {
    const meter = cpuMeter(processes);
    const seconds = await secondsOf(work);
    phases.push({ name, seconds, cpu: meter() });
  };
  const reference = loadCampaignReference();
  const written = await postgresWorkMeter([identityDb.url, campaignDb.url, injectionsDb.url, bus.url]);
  await phase('import: CSV parsed, mapped, validated, COPY', () =>
    importFile(pool, file, {
      importId: 'tp',
      mapping: parseMapping(MAPPING),
      context: { ...reference, today: '2026-01-01', firstVaccinationDay: '2021-03-01' },
    }),
  );
  const campaign = await campaignOn('http://127.0.0.1:4792', tokens);
  let campaignId = '';
  await phase('verification: chunks → identity (linkage) → answers stored', async () => {
    campaignId = await campaign.start(run);
    await campaign.until(campaignId, (p) => p.chunksTotal > 0 && p.chunksDone === p.chunksTotal);
  });
  await phase('settling: merge proposals, matched doses published, worklists', () =>
    campaign.until(campaignId, (p) => p.phase === 'following-up'),
  );
  await phase('doses recorded in injections, every answer back at the campaign', () =>
    settledFigures.untilAnswered(pool, campaignId),
  );
  await phase("injections' read models caught up (dose register, statistics)", () =>
    settledFigures.untilProjected(pool, injectionsPool, campaignId),
  );
  const work = await written();
  const figures = await settledFigures.summary(pool, injectionsPool, campaignId);
  await campaign.end(campaignId, TEMPORAL);
  report(rows, bare, phases, figures);
  console.log(
    `\nPostgreSQL's work a list row, every stage (the bench's four databases): ${fmt(work.rowsWritten / rows, 1)} rows written, ${fmt(work.commits / rows, 2)} commits, ${fmt(work.walBytes / rows)} bytes of WAL (${fmt(work.walBytes / 2 ** 20)} MiB in all)`,
  );
  await Promise.all([worker.stop(), api.stop(), injections.stop(), identity.stop()]);
  await injectionsPool.end();
  await stage.close();
  await Promise.all([injectionsDb.drop(), bus.drop()]);
}

function report(
  rows: number,
  bare: number,
  phases: { name: string; seconds: number; cpu: Record<string, number> }[],
  figures: Record<string, number>,
): void {
  const total = phases.reduce((s, p) => s + p.seconds, 0);
  console.log('\n| path | seconds | rows/s | ratio to bare COPY |\n|---|---:|---:|---:|');
  console.log(
    `| bare COPY of the CSV file (text columns, no parsing) | ${fmt(rows / bare, 1)} | ${fmt(bare)} | 1.00 |`,
  );
  for (const p of phases)
    console.log(`| ${p.name} | ${fmt(p.seconds, 1)} | ${fmt(rows / p.seconds)} | ${fmt(rows / p.seconds / bare, 3)} |`);
  const endToEnd = rows / total;
  console.log(`| **end to end** | ${fmt(total, 1)} | **${fmt(endToEnd)}** | ${fmt(endToEnd / bare, 3)} |`);
  console.log(
    `\n${Object.entries(figures)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}`,
  );
  console.log(`Target ≥ ${fmt(TARGET)} rows/s end to end: ${endToEnd >= TARGET ? 'met' : 'NOT met'}`);
  console.log(`\n## CPU seconds per phase\n| process | ${phases.map((_, i) => `phase ${i + 1}`).join(' | ')} |`);
  console.log(`|---|${phases.map(() => '---:').join('|')}|`);
  for (const name of Object.keys(phases[0].cpu))
    console.log(`| ${name} | ${phases.map((p) => fmt(p.cpu[name], 1)).join(' | ')} |`);
}

runBenchmark(main);
