import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import type { CallerActor } from '@vax/platform';
import { REPO_ROOT, eventually, testInfrastructure } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { PlatformUnderTest, SERVICES as ALL_SERVICES, type ServiceName } from './platform-processes';

const people = [...syntheticPopulation(loadPopulationReference(), { size: 200, seed: 7 })];
// Every process of the platform, each with its own database, the services also on the bus's.
const SERVICES: ServiceName[] = [...ALL_SERVICES];
const staff: CallerActor = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };

/**
 * A PostgreSQL outage as the services see it, without touching the server other test files share:
 * the run's own databases refuse new connections and every backend on them is terminated, which
 * gives each open connection the same 57P01 "terminating connection due to administrator command"
 * a restart of the server gives.
 */
async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testInfrastructure().postgresAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);

describe('a PostgreSQL outage: every process survives, reports it, and works again after', () => {
  const platform = new PlatformUnderTest('embedded', 5800, SERVICES);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    execFileSync(
      process.execPath,
      [cli, 'load', '--size', '200', '--seed', '7', '--database', p.databaseUrl('identity')],
      {
        stdio: 'pipe',
      },
    );
  };
  let databases: string[] = [];

  const post = async (service: 'identity' | 'injections', path: string, body: unknown) => {
    const res = await fetch(platform.service(service).url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await platform.actorHeaders(staff, service)) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Record<string, unknown>,
    };
  };
  const alive = (name: ServiceName) => {
    try {
      return process.kill(platform.service(name).pid!, 0);
    } catch {
      return false;
    }
  };
  const readiness = async (name: ServiceName) => {
    if (!alive(name)) throw new Error(`${name} has exited`);
    const res = await fetch(platform.service(name).url('/health/ready'), { signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: (await res.json()) as { error?: Record<string, { status: string }> } };
  };
  const setConnections = (allowed: boolean) =>
    admin(async (c) => {
      for (const db of databases) await c.query(`alter database "${db}" with allow_connections ${allowed}`);
    });
  const terminateBackends = () =>
    admin((c) =>
      c.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = any($1) and pid <> pg_backend_pid()',
        [databases],
      ),
    );

  const doseOn = (verificationId: unknown) => ({
    doseId: randomUUID(),
    verificationId,
    vaccineCode: 'AZD1222',
    lotNumber: 'ABV5811',
    administeredOn: new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }),
    siteId: 'LC-TD-01',
  });

  /** A desk's check, then a dose on it, learnt by injections through the bus. */
  const verifyAndRecord = async (person: (typeof people)[number]) => {
    const check = await post('identity', '/verifications', {
      typed: { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth },
    });
    expect(check).toMatchObject({ status: 201, body: { result: 'verified' } });
    const dose = doseOn(check.body.verificationId);
    return eventually(
      async () => {
        const res = await post('injections', `/records/${person.personId}/doses`, dose);
        if (res.status === 422) throw new Error(`not learnt yet: ${JSON.stringify(res.body)}`);
        return res;
      },
      { attempts: 240, intervalMs: 250 },
    );
  };

  beforeAll(async () => {
    await platform.start();
    const urls = SERVICES.flatMap((s) => [
      platform.service(s).env.DATABASE_URL,
      platform.service(s).env.BUS_DATABASE_URL,
    ]);
    databases = [...new Set(urls.filter(Boolean).map(databaseName))];
  }, 300_000);
  afterAll(async () => {
    await setConnections(true).catch(() => undefined);
    await platform.kill();
  });

  it('records a dose before the outage', async () => {
    expect(await verifyAndRecord(people[1])).toMatchObject({ status: 201, body: { outcome: 'recorded' } });
  }, 120_000);

  it('keeps every process alive with readiness red while the databases are away', async () => {
    await setConnections(false);
    await terminateBackends();
    for (const name of SERVICES) {
      const down = await eventually(async () => {
        const res = await readiness(name);
        if (res.status !== 503) throw new Error(`${name} still ready`);
        return res.body;
      });
      expect({ name, database: down.error?.database?.status }).toEqual({ name, database: 'down' });
    }
    // A desk meanwhile is told at once to come back, not left waiting for a timeout or given a 500.
    const during = await post('injections', `/records/${people[4].personId}/doses`, doseOn(randomUUID()));
    expect(during).toMatchObject({
      status: 503,
      retryAfter: '2',
      body: { type: expect.stringMatching(/unavailable$/) },
    });
    // Long enough for every pool, subscription and lock holder to have met the lost connections.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(SERVICES.filter((s) => !alive(s))).toEqual([]);
  }, 120_000);

  it('turns readiness green again when the databases return, and records the next dose', async () => {
    await setConnections(true);
    for (const name of SERVICES) {
      await eventually(async () => {
        const res = await readiness(name);
        if (res.status !== 200) throw new Error(`${name} not ready: ${JSON.stringify(res.body)}`);
      });
    }
    expect(await verifyAndRecord(people[2])).toMatchObject({ status: 201, body: { outcome: 'recorded' } });
  }, 120_000);

  it('survives connections dropped without warning twice in a row (a restart of the server)', async () => {
    for (let round = 0; round < 2; round++) {
      await terminateBackends();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    expect(SERVICES.filter((s) => !alive(s))).toEqual([]);
    for (const name of SERVICES) {
      await eventually(async () => {
        const res = await readiness(name);
        if (res.status !== 200) throw new Error(`${name} not ready: ${JSON.stringify(res.body)}`);
      });
    }
    expect(await verifyAndRecord(people[3])).toMatchObject({ status: 201, body: { outcome: 'recorded' } });
  }, 120_000);

  it('still shuts every process down gracefully', async () => {
    const codes = await platform.stop();
    expect(codes).toEqual(Object.fromEntries(SERVICES.map((s) => [s, 0])));
  }, 120_000);
});
