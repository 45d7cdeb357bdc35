import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  REPO_ROOT,
  ServiceProcess,
  TestActorTokens,
  type TestDatabase,
  createTestDatabase,
  ENTRY_POINT,
  PLATFORM_PROCESSES,
  type PlatformProcess,
  databaseOf,
  startConsumerGroupsAtTheEnd,
  testInfrastructure,
} from '@vax/testing';
import type { CallerActor } from '@vax/platform';

export const SERVICES = PLATFORM_PROCESSES;
export type ServiceName = PlatformProcess;
/** What a run starts unless told otherwise: the campaign and its worker only where a test needs them. */
export const CORE_SERVICES: readonly ServiceName[] = SERVICES.filter((s) => !s.startsWith('campaign'));

/**
 * The whole platform as separate processes on real infrastructure, with its own databases,
 * consumer groups and task queue, on ports apart from a developer's running stack (3000-3005).
 */
export class PlatformUnderTest {
  readonly runId = randomBytes(3).toString('hex');
  readonly taskQueue = `complaints-e2e-${this.runId}`;
  /** The campaign's workflows have a queue of their own: a complaints worker must never poll them. */
  readonly campaignTaskQueue = `campaign-e2e-${this.runId}`;
  /** The run's actor-token keys: tokens signed as the portal signs them (`platform.tokens.token(actor, service)`). */
  tokens!: TestActorTokens;
  readonly processes = new Map<ServiceName, ServiceProcess>();
  private databases: TestDatabase[] = [];
  /** Runs after the databases exist and before any service starts (loading reference data, say). */
  beforeStart?: (platform: PlatformUnderTest) => Promise<void>;

  constructor(
    readonly transport: 'kafka' | 'embedded' = 'kafka',
    private readonly basePort = 4100,
    /** Start only these (the portal needs the services behind it; the campaign's pages need campaign). */
    private readonly only: readonly ServiceName[] = CORE_SERVICES,
  ) {}

  /** The database URL a service of this run uses (e.g. to load the local registry). */
  databaseUrl(name: ServiceName): string {
    return this.service(name).env.DATABASE_URL;
  }

  logName(name: ServiceName): string {
    return `${this.transport}-${this.runId}-${name}`;
  }

  logFile(name: ServiceName): string {
    return ServiceProcess.logFile(this.logName(name));
  }

  service(name: ServiceName): ServiceProcess {
    return this.processes.get(name)!;
  }

  async start(): Promise<void> {
    const infra = testInfrastructure();
    this.tokens = await TestActorTokens.create();
    const dbs = new Map<string, TestDatabase>();
    for (const db of [...new Set(SERVICES.map(databaseOf)), 'bus']) dbs.set(db, await createTestDatabase(`e2e_${db}`));
    this.databases = [...dbs.values()];
    SERVICES.forEach((name, i) => {
      const env: Record<string, string> = {
        PORT: String(this.basePort + i),
        ACTOR_TOKEN_TRUSTED_KEYS: this.tokens.trustedKeys,
        CODE_HASH_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'info',
        DIAGNOSTICS_ENABLED: 'true',
        DATABASE_URL: dbs.get(databaseOf(name))!.url,
        MESSAGE_TRANSPORT: this.transport,
        ...(this.transport === 'kafka'
          ? { KAFKA_BROKERS: infra.kafkaBrokers.join(',') }
          : { BUS_DATABASE_URL: dbs.get('bus')!.url }),
        KAFKA_CONSUMER_GROUP: `${name}-e2e-${this.runId}`,
        TEMPORAL_ADDRESS: infra.temporalAddress,
        TEMPORAL_TASK_QUEUE: name.startsWith('campaign') ? this.campaignTaskQueue : this.taskQueue,
      };
      this.processes.set(name, new ServiceProcess(name, ENTRY_POINT[name], env, this.logName(name)));
    });
    const portal = this.processes.get('portal')!;
    for (const upstream of ['identity', 'injections', 'complaints', 'certification', 'campaign'] as const) {
      portal.env[`${upstream.toUpperCase()}_URL`] = `http://127.0.0.1:${this.processes.get(upstream)!.port}`;
    }
    const worker = this.processes.get('complaints-worker')!;
    worker.env.IDENTITY_URL = `http://127.0.0.1:${this.processes.get('identity')!.port}`;
    worker.env.ACTOR_TOKEN_PRIVATE_KEY = this.tokens.signingKey('complaints-worker');
    portal.env.ACTOR_TOKEN_PRIVATE_KEY = this.tokens.signingKey('portal');
    // Every person of a run signs in from this one address, many times: the per-client and
    // per-person limits are the field's (their own test: services/portal/src/adapters/postgres/sign-in.int-spec.ts).
    Object.assign(portal.env, {
      SIGN_INS_PER_CLIENT_PER_MINUTE: '10000',
      CODES_PER_CLIENT_PER_HOUR: '10000',
      CODES_PER_CLIENT_AND_PERSON: '10000',
      CODES_PER_PERSON_PER_DAY: '10000',
    });
    portal.env.ACCOUNTS_SEED_FILE = join(REPO_ROOT, 'dist/services/portal/src/reference/demo-accounts.json');
    for (const name of SERVICES.filter((s) => !this.only.includes(s))) this.processes.delete(name);
    // Other runs' history stays theirs: this run's groups start at the end of every partition.
    if (this.transport === 'kafka') {
      const groups = [...this.processes.values()].map((p) => p.env.KAFKA_CONSUMER_GROUP);
      await startConsumerGroupsAtTheEnd(infra.kafkaBrokers, groups, `e2e-${this.runId}`);
    }
    await this.beforeStart?.(this);
    for (const p of this.processes.values()) p.start();
    await Promise.all([...this.processes.values()].map((p) => p.ready()));
  }

  /** The header a caller sends to `service`: a token signed as the portal signs it, for that service only. */
  async actorHeaders(actor: CallerActor, service: ServiceName): Promise<Record<string, string>> {
    return this.tokens.headers(actor, service);
  }

  /** An operator's headers for `service` (diagnostics pings are behind a token in every profile). */
  operatorHeaders(service: ServiceName): Promise<Record<string, string>> {
    return this.actorHeaders({ id: 'operator-1', role: 'operator', scope: 'platform' }, service);
  }

  /** Stops every service with SIGTERM and returns their exit codes. */
  async stop(): Promise<Record<string, number | null>> {
    const entries = [...this.processes].map(async ([name, p]) => [name, await p.stop()] as const);
    const codes = Object.fromEntries(await Promise.all(entries));
    await Promise.all(this.databases.map((db) => db.drop().catch(() => undefined)));
    return codes;
  }

  /** SIGKILLs every service, then drops the run's databases (each run made its own: never left behind). */
  async kill(): Promise<void> {
    for (const p of this.processes.values()) p.kill();
    await Promise.all(this.databases.map((db) => db.drop().catch(() => undefined)));
  }
}
