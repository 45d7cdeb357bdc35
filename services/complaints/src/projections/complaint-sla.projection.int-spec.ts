import type { RecordedEvent } from '@vax/event-sourcing';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { SlaReportQuery } from '../adapters/postgres/sla-report.query';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { cmd, historyOf } from '../domain/complaint.spec-fixtures';
import { complaintSlaProjection } from './complaint-sla.projection';

// The SLA read model on a real PostgreSQL: fed complaint histories (each event twice, as a replay
// would), then read as managers and units read it.

const areas: Record<string, { commune: string; district: string }> = {
  'LC-TD-01': { commune: 'Xã Bình Lư', district: 'Tam Đường' },
  'LC-PT-01': { commune: 'Xã Mường So', district: 'Phong Thổ' },
};
const projection = complaintSlaProjection((siteId) => areas[siteId] ?? null);

function recorded(complaintId: string, commands: ComplaintCommand[]): RecordedEvent[] {
  return historyOf(...commands).map((e, i) => ({
    id: `${complaintId}-${i}`,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: {
      correlationId: 'c',
      causationId: null,
      actor: { id: 'x', role: 'system', scope: 'system' },
      occurredAt: new Date(),
    },
    stream: `complaint-${complaintId}`,
    revision: BigInt(i),
    globalPosition: BigInt(i + 1),
    checkpoint: String(i + 1),
    recordedAt: new Date(),
  }));
}

describe('the complaint SLA read model', () => {
  let db: TestDatabase;
  let pool: Pool;
  const reports = () => new SlaReportQuery(pool);
  const base = [cmd.file(), cmd.identity(), cmd.assign()];
  const phongTho = cmd.file({
    subject: { type: 'duplicate-record', doseNumbers: [2], siteId: 'LC-PT-01' },
    at: '2025-03-10T03:00:00.000Z',
  });

  beforeAll(async () => {
    db = await createTestDatabase('complaint_sla');
    pool = new Pool({ connectionString: db.url, max: 2 });
    const tx = await pool.connect();
    await projection.createTable(tx, 'complaint_sla_v1');
    await tx.query('create view complaint_sla as select * from complaint_sla_v1');
    for (const suffix of projection.companions ?? [])
      await tx.query(`create view complaint_sla_${suffix} as select * from complaint_sla_v1_${suffix}`);
    const histories = [
      recorded('escalated', [...base, cmd.escalate(), cmd.withdraw({ at: '2025-03-13T02:00:00.000Z' })]),
      recorded('resolved', [...base, cmd.accept(), cmd.corrected(), cmd.resolve()]),
      recorded('paused', [...base, cmd.ask()]),
      recorded('appealed', [...base, cmd.reject(), cmd.appeal()]),
      recorded('elsewhere', [phongTho, cmd.identity(), cmd.assign()]),
    ];
    for (const event of histories.flat()) {
      await projection.apply(tx, 'complaint_sla_v1', event);
      await projection.apply(tx, 'complaint_sla_v1', event); // the same event twice changes nothing
    }
    const [, , older] = histories[1];
    await projection.apply(tx, 'complaint_sla_v1', older); // nor does an older one after newer ones
    tx.release();
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it("gives each district's manager open, overdue, breached, escalated and resolved complaints", async () => {
    const now = new Date('2025-03-12T04:00:00.000Z'); // after the assignments' due time
    const tamDuong = await reports().summary('site', { district: 'Tam Đường' }, now);
    expect(tamDuong).toEqual([
      {
        key: 'LC-TD-01',
        open: 2, // paused, appealed
        overdue: 0, // the paused one is not overdue; the appealed one holds no turn yet
        breaches: 1,
        escalated: 1,
        resolved: 1,
        medianHoursToResolve: expect.any(Number),
        p90HoursToResolve: expect.any(Number),
      },
    ]);
    const province = await reports().summary('district', { province: true }, now);
    expect(province.map((r) => [r.key, r.open, r.overdue])).toEqual([
      ['Phong Thổ', 1, 1],
      ['Tam Đường', 2, 0],
    ]);
  });

  it('counts breaches per local day and level', async () => {
    expect(await reports().breachesByDay({ province: true }, '2025-03-12', '2025-03-12')).toEqual([
      { day: '2025-03-12', level: 'site', breaches: 1 },
    ]);
  });

  it("lists a unit's complaints most urgent first, those waiting on the citizen last", async () => {
    const { items: queue } = await reports().queue('site:LC-TD-01');
    // 'elsewhere' is about a Phong Thổ site but was given (by the fixture's assignment) to this unit.
    expect(queue.map((q) => [q.complaintId, q.status, q.paused])).toEqual([
      ['elsewhere', 'assigned', false],
      ['paused', 'awaiting-citizen', true],
    ]);
    expect((await reports().ofCitizen('citizen-1')).items.map((c) => c.complaintId).sort()).toEqual([
      'appealed',
      'elsewhere',
      'escalated',
      'paused',
      'resolved',
    ]);
  });
});
