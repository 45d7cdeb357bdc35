import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { TestActorTokens } from '../../libs/testing/src/actor-tokens';
import { startConsumerGroupsAtTheEnd } from '../../libs/testing/src/kafka-groups';
import {
  ENTRY_POINT,
  PLATFORM_PROCESSES,
  type PlatformProcess,
  databaseOf,
} from '../../libs/testing/src/platform-catalogue';
import type { SoakInfrastructure } from './soak-options';

/** The checkout: two folders up from the source, three from the build (dist/bench/soak). */
export const REPO_ROOT = [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')].find((dir) =>
  existsSync(join(dir, 'package.json')),
)!;
export const SOAK_SERVICES = PLATFORM_PROCESSES;
export type SoakService = PlatformProcess;
/** Called over HTTP by others (or by the load): one address each, a balancer over the replicas. */
export const BALANCED: readonly SoakService[] = SOAK_SERVICES.filter((s) => !s.endsWith('-worker'));

/** One supervised replica: deploy/local/supervise.sh around the service's node process, as services.sh runs it. */
export interface Replica {
  service: SoakService;
  index: number;
  name: string;
  port: number;
  supervisor: ChildProcess;
}

/**
 * The whole platform at N replicas of every process, each supervised on its own, the HTTP services
 * behind deploy/local/balancer.js — the stack services.sh --replicas N runs, on databases, consumer
 * groups, a task queue and ports of this run's own (so a developer's stack and other tests are left alone).
 */
export class SoakPlatform {
  readonly runId = randomBytes(3).toString('hex');
  readonly runDir: string;
  readonly replicas: Replica[] = [];
  readonly balancers = new Map<SoakService, { port: number; process: ChildProcess }>();
  readonly databases = new Map<string, string>();
  readonly groups = new Map<SoakService, string>();
  readonly taskQueue = `soak-${this.runId}`;
  readonly campaignTaskQueue = `soak-campaign-${this.runId}`;
  tokens!: TestActorTokens;
  private startFailure?: string;
  /** The same for every replica: a code sent by one replica is checked by another. */
  private readonly codeHashSecret = randomBytes(32).toString('hex');

  constructor(
    private readonly infra: SoakInfrastructure,
    readonly replicaCount: number,
    private readonly basePort = 6100,
  ) {
    this.runDir = join(REPO_ROOT, 'test-artifacts', 'soak', this.runId);
  }

  url(service: SoakService): string {
    return `http://127.0.0.1:${this.basePort + SOAK_SERVICES.indexOf(service)}`;
  }

  databaseUrl(service: SoakService | 'bus'): string {
    return this.databases.get(service === 'bus' ? 'bus' : databaseOf(service))!;
  }

  async createDatabases(): Promise<void> {
    const admin = new Client({ connectionString: this.infra.postgresAdminUrl });
    await admin.connect();
    try {
      for (const db of new Set(SOAK_SERVICES.map(databaseOf))) {
        const name = `soak_${db}_${this.runId}`;
        await admin.query(`create database ${name}`);
        const url = new URL(this.infra.postgresAdminUrl);
        url.pathname = `/${name}`;
        this.databases.set(db, url.toString());
      }
    } finally {
      await admin.end();
    }
  }

  async dropDatabases(): Promise<void> {
    const admin = new Client({ connectionString: this.infra.postgresAdminUrl });
    await admin.connect();
    try {
      for (const url of this.databases.values())
        await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
    } finally {
      await admin.end();
    }
  }

  /** Starts the first replica of every process, waits for them (migrations, development keys), then the others. */
  async start(): Promise<void> {
    mkdirSync(join(this.runDir, 'logs'), { recursive: true });
    this.tokens = await TestActorTokens.create();
    // Other runs' history stays theirs (person ids repeat between runs): this run's groups start at the end.
    const groups = SOAK_SERVICES.map((s) => `${s}-soak-${this.runId}`);
    await startConsumerGroupsAtTheEnd(this.infra.kafkaBrokers, groups, `soak-${this.runId}`);
    for (let k = 1; k <= this.replicaCount; k++) {
      const started = SOAK_SERVICES.map((s) => this.startReplica(s, k));
      await Promise.all(started.map((r) => this.untilReady(r.port, 240_000, r.name, r.supervisor)));
    }
    for (const s of BALANCED) {
      const port = this.basePort + SOAK_SERVICES.indexOf(s);
      const ports = this.replicas.filter((r) => r.service === s).map((r) => String(r.port));
      const log = openSync(join(this.runDir, 'logs', `${s}.balancer.log`), 'a');
      const balancer = spawn(process.execPath, [join(REPO_ROOT, 'deploy/local/balancer.js'), String(port), ...ports], {
        stdio: ['ignore', log, log],
      });
      closeSync(log);
      this.balancers.set(s, { port, process: balancer });
      await this.untilReady(port, 30_000, `${s} balancer`);
    }
  }

  private startReplica(service: SoakService, index: number): Replica {
    const name = `${service}.${index}`;
    const port = this.basePort + 10 * index + SOAK_SERVICES.indexOf(service);
    const log = openSync(join(this.runDir, 'logs', `${name}.log`), 'a');
    const supervisor = spawn(
      join(REPO_ROOT, 'deploy/local/supervise.sh'),
      [name, process.execPath, '--enable-source-maps', join(REPO_ROOT, 'dist', ENTRY_POINT[service])],
      { env: this.envOf(service, port), stdio: ['ignore', log, log], detached: true },
    );
    closeSync(log);
    supervisor.on('error', (error) => (this.startFailure = `${name} could not be started: ${error.message}`));
    const replica = { service, index, name, port, supervisor };
    this.replicas.push(replica);
    return replica;
  }

  private envOf(service: SoakService, port: number): NodeJS.ProcessEnv {
    const group = `${service}-soak-${this.runId}`;
    this.groups.set(service, group);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      VAX_RUN_DIR: this.runDir, // the supervisor's restart notes
      PORT: String(port),
      LOG_LEVEL: 'info',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      DIAGNOSTICS_ENABLED: 'true',
      ACTOR_TOKEN_TRUSTED_KEYS: this.tokens.trustedKeys,
      CODE_HASH_SECRET: this.codeHashSecret,
      DATABASE_URL: this.databaseUrl(service),
      MESSAGE_TRANSPORT: 'kafka',
      KAFKA_BROKERS: this.infra.kafkaBrokers.join(','),
      KAFKA_CONSUMER_GROUP: group,
      TEMPORAL_ADDRESS: this.infra.temporalAddress,
      TEMPORAL_TASK_QUEUE: service.startsWith('campaign') ? this.campaignTaskQueue : this.taskQueue,
      CERTIFICATION_KEYS_DIR: join(this.runDir, 'certification-keys'),
      ATTESTATION_DEV_KEY_FILE: join(this.runDir, `${databaseOf(service)}-attestation.dev-key.pem`),
      CAMPAIGN_CHUNK_SIZE: '100',
    };
    if (service === 'portal') {
      for (const upstream of ['identity', 'injections', 'complaints', 'certification', 'campaign'] as const)
        env[`${upstream.toUpperCase()}_URL`] = this.url(upstream);
      env.ACTOR_TOKEN_PRIVATE_KEY = this.tokens.signingKey('portal');
      env.ACCOUNTS_SEED_FILE = join(REPO_ROOT, 'dist/services/portal/src/reference/demo-accounts.json');
    }
    if (service === 'complaints-worker') {
      env.IDENTITY_URL = this.url('identity');
      env.ACTOR_TOKEN_PRIVATE_KEY = this.tokens.signingKey('complaints-worker');
    }
    return env;
  }

  async untilReady(port: number, timeoutMs: number, what: string, supervisor?: ChildProcess): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await isReady(port))) {
      if (this.startFailure) throw new Error(this.startFailure);
      if (supervisor && supervisor.exitCode !== null)
        throw new Error(`${what}'s supervisor exited with ${supervisor.exitCode}: see ${this.runDir}/logs/${what}.log`);
      if (Date.now() > deadline) throw new Error(`${what} is not ready after ${timeoutMs / 1000} s`);
      await sleep(500);
    }
  }

  /** The node process a replica's supervisor runs now (none between a crash and its restart). */
  nodePidOf(replica: Replica): number | undefined {
    try {
      const out = execFileSync('pgrep', ['-P', String(replica.supervisor.pid)], { encoding: 'utf8' }).trim();
      return out
        .split('\n')
        .map(Number)
        .find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('node'));
    } catch {
      return undefined;
    }
  }

  /** SIGKILL, as the OOM killer or a lost node would end it; its supervisor starts it again. */
  killReplica(replica: Replica): boolean {
    const pid = this.nodePidOf(replica);
    if (!pid) return false;
    process.kill(pid, 'SIGKILL');
    return true;
  }

  /** How often the supervisor restarted each replica (deploy/local/supervise.sh's notes). */
  restarts(): Record<string, number> {
    return Object.fromEntries(
      this.replicas.map((r) => {
        const file = join(this.runDir, 'pids', `${r.name}.restarts`);
        return [r.name, existsSync(file) ? Number(readFileSync(file, 'utf8').split(' ')[0]) : 0];
      }),
    );
  }

  /** Which processes are not ready now (a supervisor gone counts as dead). */
  async notReady(): Promise<string[]> {
    const states = await Promise.all(
      this.replicas.map(async (r) =>
        r.supervisor.exitCode !== null ? `${r.name} (supervisor exited)` : (await isReady(r.port)) ? null : r.name,
      ),
    );
    return states.filter((s): s is string => s !== null);
  }

  /** SIGTERM to every supervisor (which passes it on): the clean stop of services.sh down. */
  async stop(): Promise<void> {
    const exits = this.replicas.map(
      (r) =>
        new Promise<void>((resolve) => {
          if (r.supervisor.exitCode !== null) return resolve();
          r.supervisor.once('exit', () => resolve());
          r.supervisor.kill('SIGTERM');
          setTimeout(() => {
            try {
              process.kill(-r.supervisor.pid!, 'SIGKILL');
            } catch {
              // already gone
            }
            resolve();
          }, 20_000).unref();
        }),
    );
    await Promise.all(exits);
    for (const b of this.balancers.values()) b.process.kill('SIGTERM');
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function isReady(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(3_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}
