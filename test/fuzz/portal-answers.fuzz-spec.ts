import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallerActor } from '@vax/platform';
import { OpenApiAnswers, REPO_ROOT, eventually } from '@vax/testing';
import { Pool } from 'pg';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { PostgresSessions } from '../../services/portal/src/adapters/postgres/sessions.table';
import { LONG, PHOTO, daysAgo } from '../e2e/complaints.e2e-support';
import { PlatformUnderTest } from '../e2e/platform-processes';

// Real answers from the portal's relays held to the portal's own OpenAPI document (whose bodies are
// the services' HTTP contracts): the fuzzer rarely gets past a refusal to a success with data in it,
// so this walks a desk check and dose, a citizen's record and complaint, and managers' reports.

const people = [...syntheticPopulation(loadPopulationReference(), { size: 40, seed: 15 })];
const person = people.find((p) => p.phone)!;
const staff: CallerActor = { id: 'staff-answers', role: 'site-staff', scope: 'site:LC-TD-01' };
const citizen: CallerActor = { id: person.personId, role: 'citizen', scope: `person:${person.personId}` };
const manager: CallerActor = { id: 'manager-answers', role: 'manager', scope: 'province:LC' };
type Body = Record<string, unknown> & { errors?: { field: string; rule: string }[] };

describe("the portal's relays answer as the portal's OpenAPI document says", () => {
  const platform = new PlatformUnderTest('kafka', 5600, [
    'identity',
    'injections',
    'certification',
    'complaints',
    'campaign',
    'portal',
  ]);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    const args = [cli, 'load', '--size', '40', '--seed', '15', '--database', p.databaseUrl('identity')];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  };
  let documented: OpenApiAnswers;
  let portalDb: Pool;
  let sessions: PostgresSessions;

  beforeAll(async () => {
    await platform.start();
    portalDb = new Pool({ connectionString: platform.databaseUrl('portal'), max: 2 });
    sessions = new PostgresSessions(portalDb, 30);
    const doc = await (await fetch(platform.service('portal').url('/docs/openapi.json'))).json();
    documented = new OpenApiAnswers(doc as never);
  }, 300_000);
  afterAll(async () => {
    await portalDb?.end();
    await platform.kill();
  });

  /** A request through the portal as `actor` (a session of their own); its answer must be as documented. */
  const call = async (actor: CallerActor, method: string, path: string, body?: unknown) => {
    const { id, session } = await sessions.create(actor, actor.id);
    const res = await fetch(platform.service('portal').url(path), {
      method,
      headers: {
        cookie: `vax_session=${id}`,
        'x-csrf-token': session.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    const answer = type.includes('json') && text ? (JSON.parse(text) as Body) : text;
    expect(documented.problems(method, path, res.status, type, answer)).toEqual([]);
    return { status: res.status, body: answer as Body };
  };
  const codeSentTo = async (phone: string) => {
    const pool = new Pool({ connectionString: platform.databaseUrl('complaints'), max: 1 });
    try {
      const { rows } = await pool.query(
        `select body from development_notifications where recipient = $1 and template = 'complaint-contact-code'
         order by created_at desc limit 1`,
        [phone],
      );
      return /(\d{6})/.exec(rows[0].body as string)![1];
    } finally {
      await pool.end();
    }
  };

  it('the desk: a check, a dose and the record beside the form', async () => {
    const typed = { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth };
    const check = await call(staff, 'POST', '/api/desk/verifications', { typed });
    expect(check).toMatchObject({ status: 201, body: { result: 'verified', personId: person.personId } });
    const dose = {
      doseId: randomUUID(),
      verificationId: check.body.verificationId,
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV0001',
      administeredOn: daysAgo(1),
      siteId: 'LC-TD-01',
    };
    // The check reaches injections through Kafka: until then the dose is refused as unknown.
    const recorded = await eventually(async () => {
      const res = await call(staff, 'POST', `/api/desk/records/${person.personId}/doses`, dose);
      if (res.status !== 201) throw new Error(`not recorded yet: ${res.status}`);
      return res;
    }, LONG);
    expect(recorded.body).toMatchObject({ outcome: 'recorded', dose: { doseNumber: 1 } });
    expect((await call(staff, 'POST', `/api/desk/records/${person.personId}`)).status).toBe(200);
  });

  it("the citizen's record, certificate and who looked at them", async () => {
    const record = await call(citizen, 'GET', '/api/me/record');
    expect(record).toMatchObject({ status: 200, body: { personId: person.personId } });
    expect(record.body.doses).toHaveLength(1);
    // The dose reaches certification through Kafka: until then the person is not vaccinated there.
    const certification = await eventually(async () => {
      const res = await call(citizen, 'GET', '/api/me/certificate');
      const status = (res.body.status as { status?: string } | undefined)?.status;
      if (res.status !== 200 || status === 'not-vaccinated') throw new Error(`not certified yet: ${res.status}`);
      return res;
    }, LONG);
    expect(certification.body).toMatchObject({ personId: person.personId, status: { status: 'partially-vaccinated' } });
    const reads = await call(citizen, 'GET', '/api/me/reads');
    expect(reads.status).toBe(200);
    expect((reads.body.reads as unknown[]).length).toBeGreaterThan(0);
  });

  it("a citizen's complaint filed, listed and read", async () => {
    expect((await call(citizen, 'POST', '/api/complaints/contact-codes', { phone: person.phone })).status).toBe(202);
    const photo = await call(citizen, 'POST', '/api/complaints/evidence', { contentBase64: PHOTO.toString('base64') });
    expect(photo.status).toBe(201);
    const filed = await call(citizen, 'POST', '/api/complaints', {
      complaintId: randomUUID(),
      stated: {
        fullName: person.fullName,
        dateOfBirth: person.dateOfBirth,
        gender: person.gender,
        idNumber: person.idNumber,
      },
      contact: { phone: person.phone, address: person.address },
      contactCode: await codeSentTo(person.phone!),
      subject: {
        type: 'dose-details',
        doseNumber: 1,
        fields: ['administeredOn'],
        claimed: { administeredOn: daysAgo(2) },
        siteId: 'LC-TD-01',
      },
      description: 'Ngày tiêm mũi 1 sai một ngày',
      evidenceIds: [photo.body.evidenceId],
    });
    expect(filed.status).toBe(201);
    // The list is the complaints' read model, filled by a projection after the filing commits: a
    // loaded machine (the cold CI run) showed it a moment behind, so wait for it as a client does.
    const mine = await eventually(async () => {
      const res = await call(citizen, 'GET', '/api/complaints/mine');
      if ((res.body as unknown as unknown[]).length === 0) throw new Error('the list has not caught up yet');
      return res;
    });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([expect.objectContaining({ complaintId: filed.body.complaintId })]);
    const one = await call(citizen, 'GET', `/api/complaints/${filed.body.complaintId as string}`);
    expect(one).toMatchObject({ status: 200, body: { complaintType: 'dose-details' } });
  });

  it("a manager's dashboard: doses, coverage, verification share, SLA, campaigns", async () => {
    const dosesAtSites = `/api/manager/doses?groupBy=site&from=${daysAgo(7)}&to=${daysAgo(0)}`;
    const doses = await eventually(async () => {
      const res = await call(manager, 'GET', dosesAtSites);
      if ((res.body.rows as unknown[] | undefined)?.length !== 1) throw new Error('the dose is not counted yet');
      return res;
    }, LONG);
    expect(doses).toMatchObject({ status: 200, body: { rows: [{ key: 'LC-TD-01', doses: 1 }] } });
    expect((await call(manager, 'GET', '/api/manager/coverage')).status).toBe(200);
    expect((await call(manager, 'GET', '/api/manager/verification-share?groupBy=district')).status).toBe(200);
    expect((await call(manager, 'GET', '/api/manager/sla/summary?groupBy=district')).status).toBe(200);
    const breaches = `/api/manager/sla/breaches?from=${daysAgo(7)}&to=${daysAgo(0)}`;
    expect((await call(manager, 'GET', breaches)).status).toBe(200);
    expect((await call(manager, 'GET', '/api/manager/campaigns')).status).toBe(200);
    expect((await call(manager, 'GET', '/api/manager/campaigns/imports/presets')).status).toBe(200);
    expect((await call(manager, 'GET', '/api/reference')).status).toBe(200);
  });
});
