import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { ACTOR_HEADER, signActorToken } from '@vax/platform';
import { REPO_ROOT, eventually } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/population/population-reference';
import { syntheticPopulation } from '../../services/identity/src/population/synthetic-population';
import { PlatformUnderTest, type ServiceName } from './platform-processes';

const SIZE = 100;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 17 })];
// A 1×1 JPEG: the photo of the paper certificate.
const PHOTO = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
type Body = Record<string, unknown> & { errors?: { field: string; rule: string }[] };
const LONG = { attempts: 600, intervalMs: 200 };

describe('a wrong-dose complaint from filing to closure (every service and the worker as processes, real Kafka, PostgreSQL and Temporal)', () => {
  const platform = new PlatformUnderTest('kafka', 4900, [
    'identity',
    'injections',
    'certification',
    'complaints',
    'complaints-worker',
  ]);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/population/population.cli.js');
    const args = [cli, 'load', '--size', String(SIZE), '--seed', '17', '--database', p.databaseUrl('identity')];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  };
  const token = (id: string, role: string, scope: string) => signActorToken({ id, role, scope }, platform.authSecret);
  const call = async (method: string, service: ServiceName, path: string, actor: string, body?: unknown) => {
    const res = await fetch(platform.service(service).url(path), {
      method,
      headers: { 'content-type': 'application/json', [ACTOR_HEADER]: actor },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
  };
  const person = people[0];
  const citizen = () => token(person.personId, 'citizen', `person:${person.personId}`);
  const staffA = () => token('staff-17', 'site-staff', 'site:LC-TD-01');
  const staffB = () => token('staff-18', 'site-staff', 'site:LC-TD-01');
  const manager = () => token('manager-1', 'manager', 'province:12');
  const recordedOn = daysAgo(20);
  const rightDay = daysAgo(19);

  beforeAll(() => platform.start(), 300_000);
  afterAll(() => platform.kill());

  it('the citizen files, the site accepts with a correction (two staff at once: one wins), the dose is corrected, the certificate reissued and the old one revoked, the complaint closes, and the SLA read model counts it', async () => {
    // The dose as the site recorded it, with the wrong day, and its certificate.
    const typed = { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth };
    const v = await call('POST', 'identity', '/verifications', staffA(), { typed });
    const dose = {
      doseId: randomUUID(),
      verificationId: v.body.verificationId,
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV0001',
      administeredOn: recordedOn,
      siteId: 'LC-TD-01',
    };
    await eventually(async () => {
      const res = await call('POST', 'injections', `/records/${person.personId}/doses`, staffA(), dose);
      if (res.status !== 201) throw new Error(`not recorded yet: ${res.status}`);
    }, LONG);
    const first = await eventually(async () => {
      const res = await call('GET', 'certification', `/certificates/${person.personId}`, staffA());
      const certificate = res.body.certificate as { certificateId: string; hc1: string } | null;
      if (!certificate) throw new Error('no certificate yet');
      return certificate;
    }, LONG);

    // Filing: a code to the phone, a photo, the national form.
    expect(
      (await call('POST', 'complaints', '/complaints/contact-codes', citizen(), { phone: person.phone })).status,
    ).toBe(202);
    const code = await codeSentTo(person.phone!);
    const photo = await call('POST', 'complaints', '/complaints/evidence', citizen(), {
      contentBase64: PHOTO.toString('base64'),
    });
    expect(photo.status).toBe(201);
    const filing = {
      complaintId: randomUUID(),
      stated: {
        fullName: person.fullName,
        dateOfBirth: person.dateOfBirth,
        gender: person.gender,
        idNumber: person.idNumber,
      },
      contact: { phone: person.phone, address: person.address },
      contactCode: code,
      subject: {
        type: 'dose-details',
        doseNumber: 1,
        fields: ['administeredOn'],
        claimed: { administeredOn: rightDay },
        siteId: 'LC-TD-01',
      },
      description: 'Ngày tiêm mũi 1 trên hệ thống sai một ngày so với giấy xác nhận',
      evidenceIds: [photo.body.evidenceId],
    };
    const filed = await call('POST', 'complaints', '/complaints', citizen(), filing);
    expect(filed.status).toBe(201);
    const again = await call('POST', 'complaints', '/complaints', citizen(), filing);
    expect(again.body.complaintId).toBe(filing.complaintId); // the same filing twice is one complaint

    // The site finds it at the top of its queue, with a due time.
    const queued = await eventually(async () => {
      const res = await call('GET', 'complaints', '/queue', staffA());
      const items = res.body as unknown as { complaintId: string; dueAt: string }[];
      if (items[0]?.complaintId !== filing.complaintId) throw new Error('not in the queue yet');
      return items[0];
    }, LONG);
    expect(Date.parse(queued.dueAt)).toBeGreaterThan(Date.now());

    // Two staff accept at once: one decision wins, the other is told it came second.
    const after = { vaccineCode: 'AZD1222', lotNumber: 'ABV0001', administeredOn: rightDay, siteId: 'LC-TD-01' };
    const decide = (actor: string) =>
      call('POST', 'complaints', `/complaints/${filing.complaintId}/decisions`, actor, {
        decisionId: randomUUID(),
        kind: 'accept',
        correction: { action: 'correct-dose', doseNumber: 1, after },
        note: 'Đã đối chiếu sổ tiêm, sửa ngày tiêm',
      });
    const [a, b] = await Promise.all([decide(staffA()), decide(staffB())]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);

    // Injections corrects the dose; certification reissues and revokes; the complaint closes resolved.
    const closed = await eventually(async () => {
      const res = await call('GET', 'complaints', `/complaints/${filing.complaintId}`, citizen());
      if (res.body.status !== 'closed') throw new Error(`still ${res.body.status}`);
      return res.body;
    }, LONG);
    expect(closed).toMatchObject({ outcome: 'resolved' });
    const record = await call('GET', 'injections', `/records/${person.personId}`, staffA());
    expect(record.body.doses).toEqual([expect.objectContaining({ doseNumber: 1, administeredOn: rightDay })]);
    const certification = await call('GET', 'certification', `/certificates/${person.personId}`, staffA());
    const current = certification.body.certificate as { certificateId: string };
    expect(current.certificateId).not.toBe(first.certificateId);
    const old = await call('POST', 'certification', '/verifications', staffA(), { hc1: first.hc1 });
    expect(old.body).toMatchObject({ valid: false, failed: 'revocation' });

    const summary = await eventually(async () => {
      const res = await call('GET', 'complaints', '/sla/summary?groupBy=site', manager());
      const rows = res.body.rows as { key: string; resolved: number }[];
      const site = rows.find((r) => r.key === 'LC-TD-01');
      if (!site || site.resolved < 1) throw new Error('not counted yet');
      return site;
    });
    expect(summary).toMatchObject({ resolved: 1 });
  }, 600_000);

  it("refuses another site's staff the complaint, and another citizen too", async () => {
    const mine = await call('GET', 'complaints', '/complaints/mine', citizen());
    const id = (mine.body as unknown as { complaintId: string }[])[0].complaintId;
    const otherSite = await call(
      'GET',
      'complaints',
      `/complaints/${id}`,
      token('staff-9', 'site-staff', 'site:LC-PT-01'),
    );
    const otherCitizen = await call(
      'GET',
      'complaints',
      `/complaints/${id}`,
      token(people[1].personId, 'citizen', `person:${people[1].personId}`),
    );
    expect([otherSite.status, otherCitizen.status]).toEqual([404, 404]);
  });

  async function codeSentTo(phone: string): Promise<string> {
    const pool = new Pool({ connectionString: platform.databaseUrl('complaints') });
    try {
      const { rows } = await pool.query(
        `select body from development_notifications where recipient = $1 and template = 'complaint-contact-code'
         order by created_at desc limit 1`,
        [phone],
      );
      return /(\d{6})/.exec(rows[0].body)![1];
    } finally {
      await pool.end();
    }
  }
});
