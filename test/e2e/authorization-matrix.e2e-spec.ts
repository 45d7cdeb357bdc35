import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallerActor } from '@vax/platform';
import { Pool } from 'pg';
import { PostgresSessions } from '../../services/portal/src/adapters/postgres/sessions.table';
import { REPO_ROOT, eventually } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { PlatformUnderTest } from './platform-processes';

// Every route of every service's OpenAPI document and of the portal's, called as every kind of
// actor (services with an actor token, the portal with a signed-in session), against the table in
// docs/security.md: a route missing from the table, or any answer that differs from it (a leak or a
// lockout), fails.

const SIZE = 200;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 11 })];
// Of Tam Đường, the district of site LC-TD-01 where the staff of the table verify them.
const person = people.find((p) => p.idNumber.length === 12 && p.district === 'Tam Đường')!;
const other = people.find((p) => p.personId !== person.personId)!;
const SERVICES = ['identity', 'injections', 'certification', 'complaints', 'campaign', 'portal'] as const;
type Service = (typeof SERVICES)[number];

interface Row {
  service: Service;
  method: string;
  path: string;
  allowed: boolean[];
}

/** The table between the markers of docs/security.md: one row per route, one column per actor. */
function matrix(): { columns: string[]; rows: Row[] } {
  const doc = readFileSync(join(REPO_ROOT, 'docs/security.md'), 'utf8');
  const table = doc.split('<!-- matrix:begin -->')[1].split('<!-- matrix:end -->')[0].trim().split('\n');
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const header = cells(table[0]);
  const columns = header.slice(2, -1);
  const rows = table.slice(2).map((line) => {
    const c = cells(line);
    const [method, path] = c[1].replace(/`/g, '').split(' ');
    return { service: c[0] as Service, method, path, allowed: c.slice(2, -1).map((v) => v === '✓') };
  });
  return { columns, rows };
}

describe('the authorization matrix: every route of every service, as every actor', () => {
  const platform = new PlatformUnderTest('kafka', 5300, [...SERVICES]);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    const args = [cli, 'load', '--size', String(SIZE), '--seed', '11', '--database', p.databaseUrl('identity')];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  };
  const { columns, rows } = matrix();
  const otherDistrict = 'Mường Tè';
  const staffOwn: CallerActor = { id: 'staff-own', role: 'site-staff', scope: 'site:LC-TD-01' };
  const actors: Record<string, CallerActor | null> = {
    anonymous: null,
    'citizen self': { id: person.personId, role: 'citizen', scope: `person:${person.personId}` },
    'citizen other': { id: other.personId, role: 'citizen', scope: `person:${other.personId}` },
    'staff own site': staffOwn,
    'staff other site': { id: 'staff-other', role: 'site-staff', scope: 'site:LC-PT-01' },
    'site head': { id: 'head-own', role: 'site-head', scope: 'site:LC-TD-01' },
    'commune chairman': { id: 'chair-own', role: 'commune-chairman', scope: 'commune:Xã Bình Lư' },
    'district manager own': { id: 'mgr-own', role: 'manager', scope: `district:${person.district}` },
    'district manager other': { id: 'mgr-other', role: 'manager', scope: `district:${otherDistrict}` },
    'province manager': { id: 'mgr-province', role: 'manager', scope: 'province:LC' },
    'police verifier': { id: 'police-1', role: 'police-verifier', scope: 'commune:Xã Bình Lư' },
    service: { id: 'complaints-worker', role: 'system', scope: 'system' },
  };
  let verificationId = '';

  let sessions: PostgresSessions;
  let portalDb: Pool;
  /** A browser's headers: a fresh session of its own (a sign-out must not end the next call's). */
  const browser = async (actor: CallerActor) => {
    const { id, session } = await sessions.create(actor, actor.id);
    return { cookie: `vax_session=${id}`, 'x-csrf-token': session.csrfToken };
  };

  const call = async (service: Service, method: string, path: string, actor: CallerActor | null) => {
    // The import route streams a file: any other type is refused (415) before anyone is asked who they are.
    const upload = /^(\/api\/manager)?\/campaigns\/imports$/.test(path) && method === 'POST';
    const headers: Record<string, string> = { 'content-type': upload ? 'text/csv' : 'application/json' };
    // The portal knows people by session; a service's token means nothing to it.
    if (service === 'portal' && actor && actor.role !== 'system') {
      Object.assign(headers, await browser(actor));
    } else if (actor) {
      const issuer = actor.role === 'system' ? 'complaints-worker' : 'portal';
      headers['x-actor-token'] = await platform.tokens.token(actor, service, issuer);
    }
    const res = await fetch(platform.service(service).url(path), {
      method,
      headers,
      body: method === 'GET' ? undefined : upload ? 'ho_ten\n' : '{}',
    });
    await res.arrayBuffer();
    return res.status;
  };
  /** The concrete path: real ids for the person and their check, made-up ids elsewhere. */
  const concrete = (path: string, actor: CallerActor | null) =>
    path
      .replace('{action}', actor?.role === 'citizen' ? 'replies' : 'decisions')
      .replace('{report}', 'summary')
      .replace('{personId}', person.personId)
      .replace('{verificationId}', verificationId)
      .replace('{doseNumber}', '1')
      .replace(/\{[A-Za-z]+\}/g, () => randomUUID())
      .replace(/\/(worklists|merge-proposals)$/, '/$1?siteId=LC-TD-01');
  // Identity hides another desk's check as missing (404) rather than forbidden.
  const namesHiddenResource = (path: string) => path.includes('{verificationId}');

  beforeAll(async () => {
    await platform.start();
    portalDb = new Pool({ connectionString: platform.databaseUrl('portal'), max: 2 });
    sessions = new PostgresSessions(portalDb, 30);
    const typed = { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth };
    const res = await fetch(platform.service('identity').url('/verifications'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await platform.actorHeaders(staffOwn, 'identity')) },
      body: JSON.stringify({ typed }),
    });
    const view = (await res.json()) as { verificationId: string; result: string };
    expect(view.result).toBe('verified');
    verificationId = view.verificationId;
    // The check and the person's district reach injections and certification through Kafka: until
    // both have, staff own and the district's manager are refused (deny until known).
    const districtOwn = actors['district manager own']!;
    for (const service of ['injections', 'certification'] as const) {
      const path = service === 'injections' ? `/records/${person.personId}` : `/certificates/${person.personId}`;
      await eventually(
        async () => {
          for (const actor of [staffOwn, districtOwn]) {
            const status = await call(service, 'GET', path, actor);
            if (status === 403) throw new Error(`${service} has not learnt of the check yet (${actor.id})`);
          }
        },
        { attempts: 600, intervalMs: 200 },
      );
    }
  }, 300_000);
  afterAll(async () => {
    await portalDb?.end();
    await platform.kill();
  });

  it('lists every route of every OpenAPI document in the table, and nothing that no service serves', async () => {
    const served = new Set<string>();
    for (const service of SERVICES) {
      const doc = (await (await fetch(platform.service(service).url('/docs/openapi.json'))).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const [path, operations] of Object.entries(doc.paths)) {
        if (path.startsWith('/health') || path.startsWith('/docs')) continue; // public by design, no data
        for (const method of Object.keys(operations)) served.add(`${service} ${method.toUpperCase()} ${path}`);
      }
    }
    const listed = new Set(rows.map((r) => `${r.service} ${r.method} ${r.path}`));
    expect([...served].filter((r) => !listed.has(r)).sort()).toEqual([]);
    expect([...listed].filter((r) => !served.has(r)).sort()).toEqual([]);
  });

  it('answers every route as the table says, for every actor', async () => {
    expect(columns).toEqual(Object.keys(actors));
    const differences: string[] = [];
    for (const row of rows) {
      for (const [i, name] of columns.entries()) {
        const status = await call(row.service, row.method, concrete(row.path, actors[name]), actors[name]);
        const refused = status === 401 || status === 403 || (status === 404 && namesHiddenResource(row.path));
        if (refused === row.allowed[i]) {
          differences.push(
            `${row.service} ${row.method} ${row.path} as ${name}: ${status} (table: ${row.allowed[i] ? '✓' : '✗'})`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
  }, 480_000);
});
