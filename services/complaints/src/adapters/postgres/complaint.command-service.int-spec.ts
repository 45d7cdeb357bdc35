import { EVENT_STORE_MIGRATIONS, PostgresEventStore, migrate } from '@vax/event-sourcing';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { DevelopmentNotificationOutbox } from './development-notifications.adapter';
import { IssuedCertificatesRepository } from './issued-certificates.repository';
import { cmd, siteStaff } from '../../domain/complaint.spec-fixtures';
import { ComplaintError } from '../../domain/complaint.errors';
import { ComplaintCommandService } from '../../application/complaint.command-service';
import { COMPLAINTS_MIGRATIONS } from './complaints.migrations';

// The complaint store and the service's own tables on a real PostgreSQL.

describe('complaints on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let complaints: ComplaintCommandService;
  const system = { id: 'complaints-workflow', role: 'system', scope: 'system' };
  beforeAll(async () => {
    db = await createTestDatabase('complaints');
    pool = new Pool({ connectionString: db.url, max: 4 });
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...COMPLAINTS_MIGRATIONS]);
    complaints = new ComplaintCommandService(new PostgresEventStore(pool));
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function assigned(id: string) {
    await complaints.execute(id, cmd.file({ complaintId: id }), { actor: cmd.file().citizen, correlationId: 't' });
    await complaints.execute(id, cmd.identity(), { actor: system, correlationId: 't' });
    await complaints.execute(id, cmd.assign(), { actor: system, correlationId: 't' });
  }

  it('lets one of two staff deciding at once win; the other gets a conflict', async () => {
    await assigned('race');
    const colleague = { ...siteStaff, id: 'staff-18' };
    const results = await Promise.allSettled([
      complaints.execute('race', cmd.accept(), { actor: siteStaff, correlationId: 'a' }),
      complaints.execute('race', cmd.reject({ decidedBy: colleague }), { actor: colleague, correlationId: 'b' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost.reason).toBeInstanceOf(ComplaintError);
    expect((lost.reason as ComplaintError).code).toBe('wrong-state');
    const decided = (await complaints.load('race')).status;
    expect(['accepted', 'closed']).toContain(decided);
  });

  it('writes a command issued twice under one idempotency key once', async () => {
    await assigned('retry');
    const context = { actor: system, correlationId: 't', idempotencyKey: 'complaint-retry/4:escalate' };
    const first = await complaints.execute('retry', cmd.escalate(), context);
    const again = await complaints.execute('retry', cmd.escalate({ dueAt: '2025-03-20T03:30:00.000Z' }), context);
    expect(first.events.map((e) => e.type)).toEqual(['SlaBreached', 'ComplaintAssigned']);
    expect(again.events).toEqual([]);
    expect(await complaints.load('retry')).toMatchObject({ breaches: 1, assignment: { dueAt: cmd.escalate().dueAt } });
  });

  it('answers a step run again after later steps with the state its own events left', async () => {
    // A local activity re-runs when its workflow task is lost: the decision must read as it was taken.
    await assigned('rerun');
    const decision = { actor: siteStaff, correlationId: 't', idempotencyKey: 'complaint-rerun/5:decision' };
    await complaints.execute('rerun', cmd.accept(), decision);
    await complaints.execute('rerun', cmd.corrected(), { actor: system, correlationId: 't', idempotencyKey: 'later' });
    const again = await complaints.execute('rerun', cmd.accept(), decision);
    expect(again.events).toEqual([]);
    expect(again.state.status).toBe('accepted');
  });

  it('keeps development notifications once per key, for the portal to show', async () => {
    const outbox = new DevelopmentNotificationOutbox(pool);
    const sms = {
      key: 'k-1',
      complaintId: 'c-9',
      to: { kind: 'phone' as const, phone: '0912345678' },
      template: 'complaint-received',
      text: 'Phản ánh c-9 đã được tiếp nhận.',
    };
    await outbox.send(sms);
    await outbox.send(sms);
    await outbox.send({
      ...sms,
      key: 'k-2',
      to: { kind: 'unit', unitId: 'site:LC-TD-01' },
      template: 'complaint-assigned',
    });
    expect((await outbox.forComplaint('c-9')).map((n) => [n.template, n.recipientKind])).toEqual([
      ['complaint-received', 'phone'],
      ['complaint-assigned', 'unit'],
    ]);
  });

  it('finds the certificate issued after a correction, and says "not yet" before', async () => {
    const certificates = new IssuedCertificatesRepository(pool);
    const since = '2025-03-11T02:00:00.000Z';
    await certificates.record({
      certificateId: 'URN:UVCI:01:VN:12/OLD#A',
      personId: 'p-7',
      issuedAt: '2025-01-01T00:00:00Z',
      replaces: null,
    });
    await expect(certificates.reissuedSince({ personId: 'p-7', since })).rejects.toThrow('no certificate reissued yet');
    const reissued = {
      certificateId: 'URN:UVCI:01:VN:12/NEW#B',
      personId: 'p-7',
      issuedAt: '2025-03-11T02:05:00Z',
      replaces: 'URN:UVCI:01:VN:12/OLD#A',
    };
    await certificates.record(reissued);
    await certificates.record(reissued);
    expect(await certificates.reissuedSince({ personId: 'p-7', since })).toEqual({
      certificateId: reissued.certificateId,
    });
  });
});
