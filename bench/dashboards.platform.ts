/**
 * The processes the dashboards bench calls through the portal (injections, complaints, certification,
 * campaign, the portal), each its own process on the embedded transport with nothing published, and the signed-in
 * people whose routes are measured: a province manager signs in with the demo password as a browser
 * would; the others' sessions are written with the portal's own session store (the sign-in itself is
 * not what is measured, the session read on every call is).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallerActor } from '@vax/platform';
import { Pool } from 'pg';
import type { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { PostgresSessions } from '../services/portal/src/adapters/postgres/sessions.table';
import { startService } from './bench-support';

// Ports of their own: the e2e tier and other benches use 41xx–47xx.
const BASE = Number(process.env.BENCH_PORT ?? 4882);
export const PORTS = {
  portal: BASE - 2,
  injections: BASE,
  complaints: BASE + 1,
  certification: BASE + 2,
  campaign: BASE + 3,
};
export const url = (service: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[service]}`;

type Started = Awaited<ReturnType<typeof startService>>;

/** Processes still running: a run that fails half-way must not leave them holding the ports. */
const running = new Set<number>();
process.once('exit', () => running.forEach((pid) => process.kill(pid)));
async function started(service: Promise<Started>): Promise<Started> {
  const s = await service;
  running.add(s.pid);
  return { pid: s.pid, stop: () => s.stop().then(() => void running.delete(s.pid)) };
}

/** A service on its own database, ready once its projections have caught up with the log. */
export async function startOwner(
  service: 'injections' | 'complaints' | 'certification' | 'campaign',
  databaseUrl: string,
  tokens: TestActorTokens,
): Promise<Started> {
  await mustBeFree(PORTS[service]);
  return started(
    startService(
      `services/${service}/src/main.js`,
      PORTS[service],
      {
        DATABASE_URL: databaseUrl,
        MESSAGE_TRANSPORT: 'embedded',
        BUS_DATABASE_URL: databaseUrl, // nothing is published or consumed here
        PUBLISHER_ENABLED: 'false',
        ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
        CODE_HASH_SECRET: randomBytes(32).toString('hex'),
        TEMPORAL_ADDRESS: process.env.BENCH_TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
        CERTIFICATION_KEYS_DIR: mkdtempSync(join(tmpdir(), 'bench-dash-keys-')),
        ATTESTATION_DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'bench-dash-attest-')), 'key.pem'),
      },
      3_600_000, // the first catch-up over the whole log
    ),
  );
}

export async function startPortal(databaseUrl: string, tokens: TestActorTokens): Promise<Started> {
  await mustBeFree(PORTS.portal);
  return started(
    startService('services/portal/src/main.js', PORTS.portal, {
      ACTOR_TOKEN_PRIVATE_KEY: tokens.signingKey('portal'),
      CODE_HASH_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      INJECTIONS_URL: url('injections'),
      COMPLAINTS_URL: url('complaints'),
      CERTIFICATION_URL: url('certification'),
      IDENTITY_URL: 'http://127.0.0.1:9', // not measured here
      CAMPAIGN_URL: url('campaign'),
      ACCOUNTS_SEED_FILE: join(__dirname, '../services/portal/src/reference/demo-accounts.json'),
    }),
  );
}

export type Reader = 'manager' | 'district manager' | 'site staff' | 'citizen';

/** Who each reader is, as the portal vouches for them (demo accounts; the citizen one of the loaded people). */
export const readers = (citizen: string): Record<Reader, CallerActor> => ({
  manager: { id: 'quanly.soyte', role: 'manager', scope: 'province:LC' },
  'district manager': { id: 'quanly.tamduong', role: 'manager', scope: 'district:Tam Đường' },
  'site staff': { id: 'tyt.binhlu', role: 'site-staff', scope: 'site:LC-TD-01' },
  citizen: { id: citizen, role: 'citizen', scope: `person:${citizen}` },
});

/** A session cookie for each kind of reader whose routes are measured. */
export async function sessions(portalDb: string, citizen: string): Promise<Record<Reader, string>> {
  const pool = new Pool({ connectionString: portalDb, max: 1 });
  try {
    const written = await new PostgresSessions(pool, 60).create(readers(citizen).citizen, 'Bench');
    return {
      manager: await signIn('quanly.soyte'),
      'district manager': await signIn('quanly.tamduong'),
      'site staff': await signIn('tyt.binhlu'),
      citizen: `vax_session=${written.id}`,
    };
  } finally {
    await pool.end();
  }
}

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${url('portal')}/api/auth/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-LaiChau-2021' }),
  });
  if (res.status !== 201) throw new Error(`sign-in of ${username} answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** A service that cannot listen would leave its readiness to whatever already answers on the port. */
function mustBeFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', () => reject(new Error(`port ${port} is taken: set BENCH_PORT`)))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Whether `view` reads from its projection's `version` (a kept database may hold an older one). */
export async function serving(databaseUrl: string, view: string, version: number): Promise<boolean> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query(`select coalesce(pg_get_viewdef(to_regclass($1)) ~ $2, false) as current`, [
      view,
      `\\m${view}_v${version}\\M`,
    ]);
    return rows[0].current as boolean;
  } finally {
    await pool.end();
  }
}

/**
 * Waits until `view` reads from its projection's `version`: a kept database loaded by an older
 * version serves reads from that one while the service rebuilds the new one behind it.
 */
export async function untilServing(databaseUrl: string, view: string, version: number): Promise<void> {
  while (!(await serving(databaseUrl, view, version))) await new Promise((resolve) => setTimeout(resolve, 1_000));
}
