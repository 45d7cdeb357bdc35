import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { SeededRandom } from '../../services/identity/src/adapters/local-registry/seeded-random';
import type { SoakOptions } from './soak-options';
import { REPO_ROOT, type SoakPlatform, sleep } from './soak-platform';

const run = promisify(execFile);
const LOCAL = join(REPO_ROOT, 'deploy', 'local');

export const FAULT_KINDS = [
  'kill-replica',
  'postgres-refuses',
  'kafka-restart',
  'temporal-restart',
  'postgres-restart',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
const INFRA: readonly FaultKind[] = ['kafka-restart', 'temporal-restart', 'postgres-restart'];
const WEIGHTS: Record<FaultKind, number> = {
  'kill-replica': 6,
  'postgres-refuses': 2,
  // Restarts of the shared infrastructure disturb everyone on the machine: rarer after the first.
  'kafka-restart': 0.6,
  'temporal-restart': 0.6,
  'postgres-restart': 0.6,
};

export interface PlannedFault {
  atSeconds: number;
  kind: FaultKind;
}

export interface FaultRecord extends PlannedFault {
  target: string;
  startedAt: number;
  endedAt: number;
  /** From the fault's end until every replica answered ready again; null if not within the bound. */
  recoverySeconds: number | null;
}

/**
 * The seeded schedule: a fault every `faultEverySeconds` from the first interval on, none in the last
 * interval (the platform recovers under load before the load stops). Every kind comes once in a seeded
 * order before the rest are drawn by weight; restarts of the infrastructure only where it is deploy/local's.
 */
export function faultSchedule(options: SoakOptions): PlannedFault[] {
  const random = new SeededRandom(options.seed);
  const kinds = FAULT_KINDS.filter((k) => options.infra.restartable || !INFRA.includes(k));
  const first = [...kinds].sort(() => random.next() - 0.5);
  const slots = Math.max(0, Math.floor((options.minutes * 60) / options.faultEverySeconds) - 1);
  return Array.from({ length: slots }, (_, i) => ({
    atSeconds: (i + 1) * options.faultEverySeconds,
    kind: first[i] ?? random.weighted(kinds.map((k) => ({ kind: k, share: WEIGHTS[k] }))).kind,
  }));
}

/** Injects the faults of a schedule in turn, each measured until every replica is ready again. */
export class FaultInjector {
  readonly done: FaultRecord[] = [];
  private readonly random: SeededRandom;

  constructor(
    private readonly platform: SoakPlatform,
    private readonly options: SoakOptions,
    private readonly log: (line: string) => void,
  ) {
    this.random = new SeededRandom(options.seed * 7919 + 1);
  }

  async run(schedule: PlannedFault[], startedAt: number, stopped: () => boolean): Promise<void> {
    for (const planned of schedule) {
      const wait = startedAt + planned.atSeconds * 1000 - Date.now();
      if (wait > 0) await sleep(wait);
      if (stopped()) return;
      const begin = Date.now();
      const target = await this.inject(planned.kind);
      const end = Date.now();
      this.log(`fault ${planned.kind} (${target}) at ${planned.atSeconds} s, ${((end - begin) / 1000).toFixed(1)} s`);
      const recoverySeconds = await this.recovery(end);
      this.log(
        `  every replica ready ${recoverySeconds === null ? 'NOT within the bound' : `after ${recoverySeconds.toFixed(1)} s`}`,
      );
      this.done.push({ ...planned, target, startedAt: begin, endedAt: end, recoverySeconds });
    }
  }

  private async inject(kind: FaultKind): Promise<string> {
    switch (kind) {
      case 'kill-replica': {
        const replica = this.random.pick(this.platform.replicas);
        return this.platform.killReplica(replica) ? replica.name : `${replica.name} (was restarting)`;
      }
      case 'postgres-refuses':
        await this.refuseConnections(5_000);
        return "the run's databases, 5 s";
      case 'kafka-restart':
        return this.restart('kafka.sh', 'kafka');
      case 'temporal-restart':
        return this.restart('temporal.sh', 'temporal');
      case 'postgres-restart':
        return this.restart('postgres.sh', 'postgres');
      default:
        return kind satisfies never;
    }
  }

  /** Stop, then start, through deploy/local's own script, as an operator's restart does. */
  private async restart(script: string, what: string): Promise<string> {
    const env: Record<string, string | undefined> = { ...process.env, TEMPORAL_HEADLESS: 'true' };
    delete env.VAX_RUN_DIR; // the shared stack's, not the soak's
    await run(join(LOCAL, script), ['down'], { env });
    await run(join(LOCAL, script), ['up'], { env, timeout: 180_000 });
    return what;
  }

  /**
   * The run's databases refuse new connections and every backend on them is terminated (57P01, as a
   * restart gives), for a few seconds: PostgreSQL away for this run only.
   */
  private async refuseConnections(ms: number): Promise<void> {
    const names = [...this.platform.databases.values()].map((url) => new URL(url).pathname.slice(1));
    const admin = async (sql: string, params: unknown[] = []) => {
      const client = new Client({ connectionString: this.options.infra.postgresAdminUrl });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query(sql, params);
      } finally {
        await client.end();
      }
    };
    for (const db of names) await admin(`alter database "${db}" with allow_connections false`);
    await admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = any($1)', [names]);
    await sleep(ms);
    for (const db of names) await admin(`alter database "${db}" with allow_connections true`);
  }

  /** After the run, whatever happened: the run's databases accept connections again. */
  async restoreConnections(): Promise<void> {
    const client = new Client({ connectionString: this.options.infra.postgresAdminUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      for (const url of this.platform.databases.values())
        await client.query(`alter database "${new URL(url).pathname.slice(1)}" with allow_connections true`);
    } finally {
      await client.end();
    }
  }

  private async recovery(from: number): Promise<number | null> {
    const deadline = from + this.options.recoveryBoundSeconds * 1000;
    await sleep(1_500); // a killed replica's port may still be open for a moment
    while (Date.now() < deadline) {
      if ((await this.platform.notReady()).length === 0) return (Date.now() - from) / 1000;
      await sleep(500);
    }
    return null;
  }
}
