import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallerActor } from '@vax/platform';
import { REPO_ROOT, eventually } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { PlatformUnderTest } from './platform-processes';

const SIZE = 100;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 13 })];
interface Certification {
  status: { kind?: string } & Record<string, unknown>;
  certificate: { certificateId: string; hc1: string; status: string } | null;
  history: { certificateId: string; revoked: unknown }[];
}
interface Verification {
  valid: boolean;
  failed?: string;
}
// A new consumer group first reads what the topics already hold (a developer's Kafka may hold a lot).
const CATCH_UP = { attempts: 900, intervalMs: 200 };
const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

describe('certificates issued from recorded doses and reissued on correction (identity, injections, certification as processes, real Kafka)', () => {
  const platform = new PlatformUnderTest('kafka', 4800, ['identity', 'injections', 'certification']);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    const args = [cli, 'load', '--size', String(SIZE), '--seed', '13', '--database', p.databaseUrl('identity')];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  };
  const staff = (): CallerActor => ({ id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' });
  const call = async <T>(
    method: string,
    service: 'identity' | 'injections' | 'certification',
    path: string,
    body?: unknown,
    token = staff(),
  ) => {
    const res = await fetch(platform.service(service).url(path), {
      method,
      headers: { 'content-type': 'application/json', ...(await platform.actorHeaders(token, service)) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T & { errors?: { rule: string }[] } };
  };
  const person = people[0];

  beforeAll(() => platform.start(), 300_000);
  afterAll(() => platform.kill());

  it('issues a signed certificate after a dose; a correction revokes it and issues a new one; the old QR fails as revoked', async () => {
    const typed = { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth };
    const v = await call<{ verificationId: string }>('POST', 'identity', '/verifications', { typed });
    const dose = {
      doseId: randomUUID(),
      verificationId: v.body.verificationId,
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV0001',
      administeredOn: daysAgo(10),
      siteId: 'LC-TD-01',
    };
    await eventually(async () => {
      const res = await call('POST', 'injections', `/records/${person.personId}/doses`, dose);
      if (res.status !== 201) throw new Error(`not recorded yet: ${res.status} ${res.body.errors?.[0]?.rule}`);
    }, CATCH_UP);
    const first = await eventually(async () => {
      const res = await call<Certification>('GET', 'certification', `/certificates/${person.personId}`);
      if (!res.body.certificate) throw new Error('no certificate yet');
      return res.body.certificate;
    }, CATCH_UP);
    expect(first).toMatchObject({ status: 'partially-vaccinated', hc1: expect.stringMatching(/^HC1:/) });
    expect(first.hc1).not.toContain(person.idNumber);
    const verified = await call<Verification>('POST', 'certification', '/verifications', { hc1: first.hc1 });
    expect(verified.body).toMatchObject({ valid: true });

    // The date is on the certificate (the lot is not): correcting it must reissue.
    const correction = {
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV0001',
      administeredOn: daysAgo(9),
      siteId: 'LC-TD-01',
      reason: 'Ngày tiêm ghi nhầm so với phiếu tiêm',
    };
    expect(
      (await call('POST', 'injections', `/records/${person.personId}/doses/1/corrections`, correction)).status,
    ).toBe(201);
    const second = await eventually(async () => {
      const res = await call<Certification>('GET', 'certification', `/certificates/${person.personId}`);
      if (res.body.certificate?.certificateId === first.certificateId) throw new Error('not reissued yet');
      return res.body;
    }, CATCH_UP);
    expect(second.certificate!.certificateId).not.toBe(first.certificateId);
    expect(second.history.filter((c) => c.revoked === null)).toHaveLength(1);
    // The revocation list is a read model: it follows the revocation a moment later.
    const old = await eventually(async () => {
      const res = await call<Verification>('POST', 'certification', '/verifications', { hc1: first.hc1 });
      if (res.body.valid) throw new Error('not on the revocation list yet');
      return res;
    });
    expect(old.body).toMatchObject({ valid: false, failed: 'revocation' });
    // The person's valid certificate now (the holder's facts may have arrived since and reissued it once more) verifies.
    await eventually(async () => {
      const current = (await call<Certification>('GET', 'certification', `/certificates/${person.personId}`)).body;
      const res = await call<Verification>('POST', 'certification', '/verifications', {
        hc1: current.certificate!.hc1,
      });
      if (!res.body.valid) throw new Error('the current certificate does not verify');
    });
  }, 600_000);

  it('verifies offline with the command line, against the published trust list, naming the failed check', async () => {
    const trust = (await (await fetch(platform.service('certification').url('/trust-list'))).json()) as {
      certificates: { rawData: string }[];
    };
    const { body } = await call<Certification>('GET', 'certification', `/certificates/${person.personId}`);
    const cli = join(REPO_ROOT, 'dist/services/certification/src/adapters/cli/verify.cli.js');
    const run = (hc1: string, at: string) =>
      spawnSync(process.execPath, [cli, '--dsc', trust.certificates[0].rawData, '--at', at], {
        input: hc1,
        encoding: 'utf8',
      });
    const now = run(body.certificate!.hc1, new Date().toISOString());
    expect(JSON.parse(now.stdout)).toMatchObject({ valid: true });
    const late = run(body.certificate!.hc1, new Date(Date.now() + 400 * 86_400_000).toISOString());
    expect(JSON.parse(late.stdout)).toMatchObject({ valid: false, failed: 'expiry' });
    expect(late.status).toBe(1);
  }, 60_000);

  it("serves the printable certificate as a PDF, and refuses a citizen another person's certificate", async () => {
    const pdf = await fetch(
      platform.service('certification').url(`/certificates/${person.personId}/certificate.pdf?size=A5`),
      { headers: await platform.actorHeaders(staff(), 'certification') },
    );
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    const stranger = { id: people[1].personId, role: 'citizen', scope: `person:${people[1].personId}` };
    expect((await call('GET', 'certification', `/certificates/${person.personId}`, undefined, stranger)).status).toBe(
      403,
    );
    // Staff of a site that never verified the person, and a manager of another district: refused too.
    const otherSite = { id: 'tyt.other', role: 'site-staff', scope: 'site:LC-TD-02' };
    expect((await call('GET', 'certification', `/certificates/${person.personId}`, undefined, otherSite)).status).toBe(
      403,
    );
    // A district that cannot be the person's: the registry's residence, not the synthetic person's
    // birth district, decides which district manager may read them.
    const elsewhere = 'Ba Đình';
    const phongTho = { id: 'm-other', role: 'manager', scope: `district:${elsewhere}` };
    const pdfByOther = await fetch(
      platform.service('certification').url(`/certificates/${person.personId}/certificate.pdf`),
      { headers: await platform.actorHeaders(phongTho, 'certification') },
    );
    expect(pdfByOther.status).toBe(403);
  }, 60_000);

  it('refuses an impossible or out-of-range instant on the revocation list and on verification, naming it', async () => {
    const list = async (since: string) => {
      const res = await fetch(
        platform.service('certification').url(`/revocation-list?since=${encodeURIComponent(since)}`),
      );
      return { status: res.status, body: (await res.json()) as { errors?: { field: string; rule: string }[] } };
    };
    for (const since of ['2021-02-30T00:00:00Z', '-271821-04-20T00:00:00Z', '2021-11-05T25:00:00Z'])
      expect(await list(since)).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'since', rule: 'isInstant' }] },
      });
    expect((await list('2021-11-05T08:00:00+07:00')).status).toBe(200);
    const at = await call('POST', 'certification', '/verifications', { hc1: 'HC1:x', at: '2021-02-30T00:00:00Z' });
    expect(at).toMatchObject({ status: 400, body: { errors: [{ field: 'at', rule: 'isInstant' }] } });
  });
});
