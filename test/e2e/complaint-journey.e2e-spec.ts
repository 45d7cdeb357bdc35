import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, eventually } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { LONG, complaintsClient, daysAgo } from './complaints.e2e-support';
import { PlatformUnderTest } from './platform-processes';

const SIZE = 100;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 17 })];

describe('a wrong-dose complaint from filing to closure (every service and the worker as processes, real Kafka, PostgreSQL and Temporal)', () => {
  const platform = new PlatformUnderTest('kafka', 4900, [
    'identity',
    'injections',
    'certification',
    'complaints',
    'complaints-worker',
  ]);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    execFileSync(
      process.execPath,
      [cli, 'load', '--size', String(SIZE), '--seed', '17', '--database', p.databaseUrl('identity')],
      { stdio: 'pipe' },
    );
  };
  const c = complaintsClient(platform);
  const person = people[0];
  const rightDay = daysAgo(19);

  beforeAll(() => platform.start(), 300_000);
  afterAll(() => platform.kill());

  it('the citizen files, the site accepts with a correction (two staff at once: one wins), the dose is corrected, the certificate reissued and the old one revoked, the complaint closes, and the SLA read model counts it', async () => {
    await c.recordDose(person, daysAgo(20));
    const first = await eventually(async () => {
      const res = await c.call('GET', 'certification', `/certificates/${person.personId}`, c.staff());
      const certificate = res.body.certificate as { certificateId: string; hc1: string } | null;
      if (!certificate) throw new Error('no certificate yet');
      return certificate;
    }, LONG);

    const filing = await c.fileWrongDay(person, rightDay);
    const again = await c.call('POST', 'complaints', '/complaints', c.citizenOf(person), filing);
    expect(again.body.complaintId).toBe(filing.complaintId); // the same filing twice is one complaint

    const queued = await c.waitUntilQueued(filing.complaintId);
    expect(Date.parse(queued.dueAt)).toBeGreaterThan(Date.now());
    const [a, b] = await Promise.all([
      c.acceptRightDay(filing.complaintId, rightDay, c.staff('staff-17')),
      c.acceptRightDay(filing.complaintId, rightDay, c.staff('staff-18')),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);

    expect(await c.waitUntilClosed(person, filing.complaintId)).toMatchObject({ outcome: 'resolved' });
    const record = await c.call('GET', 'injections', `/records/${person.personId}`, c.staff());
    expect(record.body.doses).toEqual([expect.objectContaining({ doseNumber: 1, administeredOn: rightDay })]);
    const current = (await c.call('GET', 'certification', `/certificates/${person.personId}`, c.staff())).body
      .certificate as { certificateId: string };
    expect(current.certificateId).not.toBe(first.certificateId);
    const old = await eventually(async () => {
      const res = await c.call('POST', 'certification', '/verifications', c.staff(), { hc1: first.hc1 });
      if (res.body.valid) throw new Error('not on the revocation list yet'); // a read model, a moment behind
      return res;
    });
    expect(old.body).toMatchObject({ valid: false, failed: 'revocation' });

    const manager = c.token('manager-1', 'manager', 'province:12');
    const site = await eventually(async () => {
      const rows = (await c.call('GET', 'complaints', '/sla/summary?groupBy=site', manager)).body.rows as {
        key: string;
        resolved: number;
      }[];
      const row = rows.find((r) => r.key === 'LC-TD-01');
      if (!row || row.resolved < 1) throw new Error('not counted yet');
      return row;
    });
    expect(site).toMatchObject({ resolved: 1 });
  }, 600_000);

  it("refuses another site's staff the complaint (403), and hides it from another citizen (404)", async () => {
    const mine = (await c.call('GET', 'complaints', '/complaints/mine', c.citizenOf(person))).body as unknown as {
      complaintId: string;
    }[];
    const path = `/complaints/${mine[0].complaintId}`;
    const otherSite = await c.call('GET', 'complaints', path, c.token('staff-9', 'site-staff', 'site:LC-PT-01'));
    const otherCitizen = await c.call('GET', 'complaints', path, c.citizenOf(people[1]));
    expect([otherSite.status, otherCitizen.status]).toEqual([403, 404]);
  });
});
