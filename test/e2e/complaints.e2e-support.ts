import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CallerActor } from '@vax/platform';
import { eventually } from '@vax/testing';
import type { SyntheticPerson } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import type { PlatformUnderTest, ServiceName } from './platform-processes';

/** What the complaint tests share: calling services as someone, a verified dose, a filed complaint. */
export type Body = Record<string, unknown> & { errors?: { field: string; rule: string }[] };
export const LONG = { attempts: 600, intervalMs: 200 };
// A 1×1 JPEG: the photo of the paper certificate.
export const PHOTO = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
export const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

export function complaintsClient(platform: PlatformUnderTest) {
  const token = (id: string, role: string, scope: string): CallerActor => ({ id, role, scope });
  const call = async (
    method: string,
    service: ServiceName,
    path: string,
    actor: CallerActor,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(platform.service(service).url(path), {
      method,
      headers: { 'content-type': 'application/json', ...headers, ...(await platform.actorHeaders(actor, service)) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
  };
  const staff = (id = 'staff-17') => token(id, 'site-staff', 'site:LC-TD-01');
  const citizenOf = (p: SyntheticPerson) => token(p.personId, 'citizen', `person:${p.personId}`);

  /** The dose as the site recorded it, once the person's verification has reached injections. */
  async function recordDose(p: SyntheticPerson, administeredOn: string) {
    const typed = { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth };
    const v = await call('POST', 'identity', '/verifications', staff(), { typed });
    const dose = {
      doseId: randomUUID(),
      verificationId: v.body.verificationId,
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV0001',
      administeredOn,
      siteId: 'LC-TD-01',
    };
    await eventually(async () => {
      const res = await call('POST', 'injections', `/records/${p.personId}/doses`, staff(), dose);
      if (res.status !== 201) throw new Error(`not recorded yet: ${res.status}`);
    }, LONG);
  }

  /** A wrong-day complaint filed as the portal files it: a phone code, a photo, the national form. */
  async function fileWrongDay(p: SyntheticPerson, rightDay: string, siteId = 'LC-TD-01', headers = {}) {
    const filing = await wrongDayFiling(p, rightDay, siteId);
    const filed = await call('POST', 'complaints', '/complaints', citizenOf(p), filing, headers);
    expect(filed.status).toBe(201);
    return filing;
  }

  /** The national form of a wrong-day complaint, its phone code and photo sent ahead, not yet filed. */
  async function wrongDayFiling(p: SyntheticPerson, rightDay: string, siteId = 'LC-TD-01') {
    expect(
      (await call('POST', 'complaints', '/complaints/contact-codes', citizenOf(p), { phone: p.phone })).status,
    ).toBe(202);
    const photo = await call('POST', 'complaints', '/complaints/evidence', citizenOf(p), {
      contentBase64: PHOTO.toString('base64'),
    });
    const filing = {
      complaintId: randomUUID(),
      stated: { fullName: p.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender, idNumber: p.idNumber },
      contact: { phone: p.phone, address: p.address },
      contactCode: await codeSentTo(p.phone!),
      subject: {
        type: 'dose-details',
        doseNumber: 1,
        fields: ['administeredOn'],
        claimed: { administeredOn: rightDay },
        siteId,
      },
      description: 'Ngày tiêm mũi 1 trên hệ thống sai một ngày so với giấy xác nhận',
      evidenceIds: [photo.body.evidenceId],
    };
    return filing;
  }

  async function codeSentTo(phone: string): Promise<string> {
    const rows = await query(
      'complaints',
      `select body from development_notifications where recipient = $1 and template = 'complaint-contact-code'
       order by created_at desc limit 1`,
      [phone],
    );
    return /(\d{6})/.exec(rows[0].body as string)![1];
  }

  /** Reads a service's own database, to count what was written. */
  async function query(service: ServiceName, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const pool = new Pool({ connectionString: platform.databaseUrl(service) });
    try {
      return (await pool.query(sql, params)).rows;
    } finally {
      await pool.end();
    }
  }

  const acceptRightDay = (complaintId: string, rightDay: string, actor = staff()) =>
    call('POST', 'complaints', `/complaints/${complaintId}/decisions`, actor, {
      decisionId: randomUUID(),
      kind: 'accept',
      correction: {
        action: 'correct-dose',
        doseNumber: 1,
        after: { vaccineCode: 'AZD1222', lotNumber: 'ABV0001', administeredOn: rightDay, siteId: 'LC-TD-01' },
      },
      note: 'Đã đối chiếu sổ tiêm, sửa ngày tiêm',
    });

  const waitUntilQueued = (complaintId: string) =>
    eventually(async () => {
      const items = (await call('GET', 'complaints', '/queue', staff())).body as unknown as {
        complaintId: string;
        dueAt: string;
      }[];
      const item = items.find((i) => i.complaintId === complaintId);
      if (!item) throw new Error('not in the queue yet');
      return item;
    }, LONG);

  const waitUntilClosed = (p: SyntheticPerson, complaintId: string) =>
    eventually(async () => {
      const res = await call('GET', 'complaints', `/complaints/${complaintId}`, citizenOf(p));
      if (res.body.status !== 'closed') throw new Error(`still ${res.body.status}`);
      return res.body;
    }, LONG);

  return {
    token,
    call,
    staff,
    citizenOf,
    recordDose,
    fileWrongDay,
    query,
    acceptRightDay,
    waitUntilQueued,
    waitUntilClosed,
    wrongDayFiling,
  };
}
