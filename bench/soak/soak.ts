import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { parseMapping } from '../../services/campaign/src/domain/legacy-row/column-mapping';
import { importFile } from '../../services/campaign/src/adapters/files/import-file';
import { loadCampaignReference } from '../../services/campaign/src/reference/reference-data';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import {
  type SyntheticPerson,
  syntheticPopulation,
} from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from '../../services/identity/src/adapters/local-registry/local-registry.migrations';
import { LocalPopulationRegistry } from '../../services/identity/src/adapters/local-registry/local-population.registry';
import { MAPPING, writeLegacyList } from '../campaign-legacy-list';
import { manager, soakClient } from './soak-client';
import { type FaultRecord, FaultInjector, faultSchedule } from './soak-faults';
import { SoakLoad, bodyOf, dayOf, isOk } from './soak-load';
import type { SoakOptions } from './soak-options';
import { SoakPlatform, sleep } from './soak-platform';
import { type Verdict, SoakVerdicts } from './soak-verdicts';

export interface SoakReport {
  runId: string;
  options: Omit<SoakOptions, 'infra'>;
  passed: boolean;
  verdicts: Verdict[];
  figures: {
    operation: string;
    attempted: number;
    acknowledged: number;
    lost: number;
    duplicated: number;
    note: string;
  }[];
  recovery: {
    kind: string;
    count: number;
    medianSeconds: number | null;
    maxSeconds: number | null;
    unrecovered: number;
  }[];
  faults: FaultRecord[];
  logs: string;
}

/**
 * The fault soak (issue 16): the platform at N replicas of every process over real Kafka, PostgreSQL
 * and Temporal, a steady mixed load, a seeded schedule of faults; then every verdict of the issue.
 */
export async function runSoak(options: SoakOptions, log: (line: string) => void = console.log): Promise<SoakReport> {
  const platform = new SoakPlatform(options.infra, options.replicas);
  const faults = new FaultInjector(platform, options, log);
  log(`# Fault soak ${platform.runId}: ${options.minutes} min, ${options.replicas} replicas, seed ${options.seed}`);
  await platform.createDatabases();
  try {
    const people = await loadRegistry(platform, options);
    await platform.start();
    log(`platform up: ${platform.replicas.length} processes; logs in ${platform.runDir}/logs`);
    const startedAt = Date.now();
    const load = new SoakLoad(platform, options, people.desk, log);
    const verdicts = new SoakVerdicts(platform, load.ledger, options, startedAt);
    verdicts.campaignId = await startCampaign(platform, options, people.campaign);
    const schedule = faultSchedule(options);
    log(`faults planned: ${schedule.map((f) => `${f.atSeconds}s ${f.kind}`).join(', ')}`);
    let loadStopped = false;
    const loading = load.run();
    const faulting = faults.run(schedule, startedAt, () => loadStopped);
    await sleep(options.minutes * 60_000);
    loadStopped = true;
    load.stop();
    await faulting;
    await loading;
    log(`load stopped after ${((Date.now() - startedAt) / 60_000).toFixed(1)} min; settling and checking`);
    const results = [recoveryVerdict(faults.done, options), ...(await verdicts.all())];
    const report = reportOf(platform, options, load, verdicts, faults.done, results);
    writeFileSync(join(platform.runDir, 'report.json'), JSON.stringify(report, null, 2));
    printReport(report, log);
    return report;
  } finally {
    await faults.restoreConnections().catch(() => undefined);
    await platform.stop();
    await platform.dropDatabases().catch((e: Error) => log(`could not drop the run's databases: ${e.message}`));
  }
}

/** The registry: a synthetic population of this run; adults with a phone go to the desks, a slice to the campaign's list. */
async function loadRegistry(platform: SoakPlatform, options: SoakOptions) {
  const needed = Math.ceil((options.minutes * 60_000 * options.desks) / options.deskPauseMs) + 200;
  const population = [
    ...syntheticPopulation(loadPopulationReference(), { size: Math.max(2_000, needed * 2), seed: options.seed }),
  ];
  const pool = new Pool({ connectionString: platform.databaseUrl('identity'), max: 2 });
  try {
    await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
    await new LocalPopulationRegistry(pool).replaceAll(population);
  } finally {
    await pool.end();
  }
  const adult = (p: SyntheticPerson) => p.dateOfBirth < `${new Date().getFullYear() - 18}-01-01`;
  const campaign = population.slice(-options.campaignRows);
  const desk = population.slice(0, -options.campaignRows).filter((p) => p.phone && adult(p));
  return { desk, campaign };
}

/** A campaign over a small generated list: imported as the campaign's import command does, started through its API. */
async function startCampaign(platform: SoakPlatform, options: SoakOptions, people: SyntheticPerson[]): Promise<string> {
  const file = join(platform.runDir, 'legacy-list.csv');
  await writeLegacyList(file, people, options.campaignRows, options.seed);
  const pool = new Pool({ connectionString: platform.databaseUrl('campaign'), max: 2 });
  try {
    const reference = loadCampaignReference();
    await importFile(pool, file, {
      importId: 'soak',
      mapping: parseMapping(MAPPING),
      context: { ...reference, today: dayOf(Date.now()), firstVaccinationDay: '2021-03-01' },
    });
  } finally {
    await pool.end();
  }
  const { call, persist } = soakClient(platform);
  const body = { name: `soak ${platform.runId}`, importIds: ['soak'], deadline: '2099-12-31' };
  const started = (await persist(() => call('POST', 'campaign', '/campaigns', manager, body))).last;
  if (!isOk(started)) throw new Error(`the campaign could not start: ${started.status}`);
  return String(bodyOf(started).campaignId);
}

function recoveryVerdict(faults: FaultRecord[], options: SoakOptions): Verdict {
  const late = faults.filter((f) => f.recoverySeconds === null);
  return {
    key: 'recovery',
    name: `every process ready within ${options.recoveryBoundSeconds} s after each fault`,
    passed: late.length === 0,
    detail: `${faults.length} faults, ${late.length} not recovered in time${late.length ? `: ${late.map((f) => `${f.kind} at ${f.atSeconds} s`).join(', ')}` : ''}`,
  };
}

function reportOf(
  platform: SoakPlatform,
  options: SoakOptions,
  load: SoakLoad,
  verdicts: SoakVerdicts,
  faults: FaultRecord[],
  results: Verdict[],
): SoakReport {
  const { ledger } = load;
  const acknowledged = ledger.acknowledged().length;
  const filed = ledger.complaints.filter((c) => c.stage !== 'failed' && c.stage !== 'filing');
  const kinds = [...new Set(faults.map((f) => f.kind))];
  const { infra: _, ...shown } = options;
  return {
    runId: platform.runId,
    options: shown,
    passed: results.every((v) => v.passed),
    verdicts: results,
    figures: [
      {
        operation: 'dose (check, then dose)',
        attempted: ledger.checks.attempted,
        acknowledged,
        lost: verdicts.figures.lost,
        duplicated: verdicts.figures.duplicated,
        note: `${ledger.checks.failed} checks not verified; ${ledger.doses.filter((d) => d.outcome === 'refused').length} refused, ${ledger.doses.filter((d) => d.outcome === 'unresolved').length} unresolved`,
      },
      {
        operation: 'complaint (filed, decided, closed)',
        attempted: ledger.complaints.length,
        acknowledged: filed.length,
        lost: filed.length - verdicts.closedComplaints,
        duplicated: 0,
        note: `${ledger.complaints.filter((c) => c.stage === 'decided').length} decided; ${verdicts.closedComplaints} closed`,
      },
      {
        operation: 'certificate read',
        attempted: ledger.certificateReads.attempted,
        acknowledged: ledger.certificateReads.ok,
        lost: 0,
        duplicated: 0,
        note: `${ledger.certificateReads.notYet} not yet issued, ${ledger.certificateReads.unavailable} unavailable (503 or no answer), ${ledger.certificateReads.other} other`,
      },
    ],
    recovery: kinds.map((kind) => {
      const times = faults.filter((f) => f.kind === kind).map((f) => f.recoverySeconds);
      const known = times.filter((t): t is number => t !== null).sort((a, b) => a - b);
      return {
        kind,
        count: times.length,
        medianSeconds: known.length ? known[Math.floor(known.length / 2)] : null,
        maxSeconds: known.length ? known[known.length - 1] : null,
        unrecovered: times.length - known.length,
      };
    }),
    faults,
    logs: join(platform.runDir, 'logs'),
  };
}

function printReport(report: SoakReport, log: (line: string) => void): void {
  log('\n| operation | attempted | acknowledged | lost | duplicated | |\n|---|---:|---:|---:|---:|---|');
  for (const f of report.figures)
    log(`| ${f.operation} | ${f.attempted} | ${f.acknowledged} | ${f.lost} | ${f.duplicated} | ${f.note} |`);
  log('\n| fault | times | recovery median s | max s | not within the bound |\n|---|---:|---:|---:|---:|');
  for (const r of report.recovery)
    log(
      `| ${r.kind} | ${r.count} | ${r.medianSeconds?.toFixed(1) ?? '-'} | ${r.maxSeconds?.toFixed(1) ?? '-'} | ${r.unrecovered} |`,
    );
  log('');
  for (const v of report.verdicts) log(`${v.passed ? 'ok  ' : 'FAIL'} ${v.name}: ${v.detail}`);
  log(
    `\n${report.passed ? 'PASSED' : 'FAILED'}: soak ${report.runId} (seed ${report.options.seed}); logs in ${report.logs}`,
  );
}
