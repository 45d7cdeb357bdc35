import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { type KeysetPage, PageRequest, keysetPage } from '@vax/platform';
import { Pool } from 'pg';
import { type ReportGroup, SlaReportQuery } from '../adapters/postgres/sla-report.query';
import { complaintSlaProjection } from './complaint-sla.projection';

/*
 * The report's counters against the queries they replace (kept here as the oracle), over a few
 * hundred complaints written, changed, replayed and deleted in the read model's table.
 */
const EXACT = (column: string) => `
  select coalesce(${column}, 'unknown') as key, count(*) filter (where status <> 'closed')::int as open,
    count(*) filter (where status = 'assigned' and not paused and due_at < $2)::int as overdue,
    coalesce(sum(cardinality(breaches)), 0)::int as breaches,
    count(*) filter (where cardinality(breaches) > 0)::int as escalated,
    count(*) filter (where outcome = 'resolved')::int as resolved,
    percentile_cont(0.5) within group (order by extract(epoch from closed_at - filed_at) / 3600)
      filter (where outcome = 'resolved') as median,
    percentile_cont(0.9) within group (order by extract(epoch from closed_at - filed_at) / 3600)
      filter (where outcome = 'resolved') as p90
  from complaint_sla where ($1::text is null or district = $1) group by 1 order by 1`;
const EXACT_BREACHES = `
  select to_char(b.at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day, b.level, count(*)::int as breaches
  from complaint_sla, unnest(breaches, breach_levels) as b(at, level)
  where ($1::text is null or district = $1) and (b.at at time zone 'Asia/Ho_Chi_Minh')::date between $2::date and $3::date
  group by 1, 2 order by 1, 2`;

const SITES = [
  ['LC-TD-01', 'Xã Bình Lư', 'Tam Đường'],
  ['LC-TD-02', 'Thị trấn Tam Đường', 'Tam Đường'],
  ['LC-PT-01', 'Xã Mường So', 'Phong Thổ'],
  [null, null, null],
];
const STATUSES = ['filed', 'assigned', 'assigned', 'awaiting-citizen', 'closed', 'closed', 'appealed'];

describe('the SLA report counters', () => {
  let db: TestDatabase;
  let pool: Pool;
  const now = new Date('2025-03-20T04:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase('complaint_sla_counters');
    pool = new Pool({ connectionString: db.url, max: 3 });
    const projection = complaintSlaProjection(() => null);
    const tx = await pool.connect();
    await projection.createTable(tx, 'sla_v9');
    await tx.query('create view complaint_sla as select * from sla_v9');
    for (const suffix of projection.companions ?? [])
      await tx.query(`create view complaint_sla_${suffix} as select * from sla_v9_${suffix}`);
    tx.release();
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    for (let i = 0; i < 400; i++) {
      const [site, commune, district] = pick(SITES);
      const status = pick(STATUSES);
      const filed = new Date(Date.parse('2025-03-01T00:00:00Z') + next() * 15 * 86_400_000);
      const breaches = Array.from(
        { length: pick([0, 0, 0, 1, 2]) },
        () => new Date(filed.getTime() + next() * 9 * 86_400_000),
      );
      await pool.query(
        `insert into sla_v9 (complaint_id, complaint_type, citizen_id, site_id, commune, district, status, outcome,
           due_at, paused, breaches, breach_levels, filed_at, closed_at, last_revision)
         values ($1, 'wrong-data', 'c', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)`,
        [
          `k${i}`,
          site,
          commune,
          district,
          status,
          status === 'closed' ? pick(['resolved', 'resolved', 'rejected', 'withdrawn']) : null,
          status === 'assigned' ? new Date(filed.getTime() + next() * 25 * 86_400_000) : null,
          status === 'awaiting-citizen' || (status === 'assigned' && next() < 0.2),
          breaches,
          breaches.map(() => pick(['site', 'district', 'province'])),
          filed,
          status === 'closed' ? new Date(filed.getTime() + next() ** 3 * 20 * 86_400_000) : null,
        ],
      );
    }
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function expectSameAsExact(groupBy: ReportGroup, district: string | null) {
    const column = { site: 'site_id', commune: 'commune', district: 'district' }[groupBy];
    const exact = (await pool.query(EXACT(column), [district, now])).rows;
    const scope = district ? { district } : { province: true as const };
    const got = await new SlaReportQuery(pool).summary(groupBy, scope, now);
    const countsOf = (r: object) => Object.fromEntries(Object.entries(r).filter(([k]) => !/median|p90/i.test(k)));
    expect(got.map(countsOf)).toEqual(exact.map(countsOf));
    got.forEach((row, i) => {
      for (const [approx, value] of [
        [row.medianHoursToResolve, exact[i].median],
        [row.p90HoursToResolve, exact[i].p90],
      ])
        if (value === null) expect(approx).toBeNull();
        else expect(Math.abs(approx! - value)).toBeLessThanOrEqual(0.02 * (1 + value) + 0.05);
    });
    const breaches = await new SlaReportQuery(pool).breachesByDay(scope, '2025-03-05', '2025-03-15');
    expect(breaches).toEqual((await pool.query(EXACT_BREACHES, [district, '2025-03-05', '2025-03-15'])).rows);
    expect(breaches.length).toBeGreaterThan(0);
  }

  it('counts as the queries over every complaint did, by site, commune and district, in the province and a district', async () => {
    for (const groupBy of ['site', 'commune', 'district'] as const)
      for (const district of [null, 'Tam Đường']) await expectSameAsExact(groupBy, district);
  });

  it('follows complaints closed, appealed, breached again, replayed and deleted', async () => {
    await pool.query(`update sla_v9 set status = 'closed', outcome = 'resolved', closed_at = filed_at + interval '30 hours'
      where status = 'assigned' and complaint_id like 'k1%'`);
    await pool.query(`update sla_v9 set status = 'appealed', outcome = null, closed_at = null
      where outcome = 'resolved' and complaint_id like 'k2%'`);
    await pool.query(`update sla_v9 set breaches = breaches || (filed_at + interval '2 days'),
      breach_levels = breach_levels || 'district'::text where complaint_id like 'k3%'`);
    await pool.query(`update sla_v9 set status = status, last_revision = last_revision + 1`); // a replay: nothing moves
    await pool.query(`delete from sla_v9 where complaint_id like 'k4%'`);
    // Due earlier today (overdue now) and later today (not yet), local time: counted from the rows.
    await pool.query(`update sla_v9 set status = 'assigned', paused = false, due_at = timestamptz '2025-03-20T03:00:00Z'
      where complaint_id in ('k5', 'k6', 'k7', 'k50', 'k51')`);
    await pool.query(`update sla_v9 set status = 'assigned', paused = false, due_at = timestamptz '2025-03-20T05:00:00Z'
      where complaint_id in ('k8', 'k9')`);
    await pool.query(`update sla_v9 set paused = true where complaint_id = 'k51'`);
    for (const groupBy of ['site', 'district'] as const)
      for (const district of [null, 'Phong Thổ']) await expectSameAsExact(groupBy, district);
  });

  it('reads counters: of each complaint only whether it runs late now, never its durations or breaches', async () => {
    const role = `sla_reader_${db.url.split('_').pop()}`;
    await pool.query(`create role ${role}`);
    await pool.query(
      `grant select on complaint_sla_stats, complaint_sla_durations, complaint_sla_breaches, complaint_sla_running to ${role}`,
    );
    await pool.query(`grant select (status, paused, due_at, site_id, commune, district) on complaint_sla to ${role}`);
    const reader = new Pool({ connectionString: db.url, max: 2, options: `-c role=${role}` });
    try {
      const reports = new SlaReportQuery(reader);
      expect(await reports.summary('district', { district: 'Tam Đường' }, now)).toHaveLength(1);
      expect((await reports.breachesByDay({ province: true }, '2025-03-01', '2025-03-31')).length).toBeGreaterThan(0);
    } finally {
      await reader.end();
      await pool.query(`drop owned by ${role}; drop role ${role}`);
    }
  });

  it("walks a unit's queue, a manager's attention list and a citizen's complaints page by page, in order, each once", async () => {
    await pool.query(`update sla_v9 set unit_id = 'site:U', citizen_id = 'c' || (substr(complaint_id, 2)::int % 3)`);
    await pool.query(`update sla_v9 set attention_step = 'notify', attention_since = filed_at + interval '1 hour'
      where substr(complaint_id, 2)::int % 11 = 0`);
    await pool.query(
      `update sla_v9 set filed_at = timestamptz '2025-03-02' where substr(complaint_id, 2)::int % 13 = 0`,
    ); // ties
    const reports = new SlaReportQuery(pool);
    const walk = async <T>(
      list: (page: KeysetPage) => Promise<{ items: T[]; nextCursor: string | null }>,
      keyTypes: number,
    ) => {
      const seen: T[] = [];
      let cursor: string | undefined;
      do {
        const page = keysetPage(Object.assign(new PageRequest(), { cursor, limit: 7 }), Array(keyTypes).fill('string'));
        const result = await list(page);
        expect(result.items.length).toBeLessThanOrEqual(7);
        seen.push(...result.items);
        cursor = result.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const all = { after: null, limit: 500 };
    const queue = await walk((p) => reports.queue('site:U', p), 4);
    expect(queue.length).toBeGreaterThan(50);
    expect(queue).toEqual((await reports.queue('site:U', all)).items);
    const attention = await walk((p) => reports.needingAttention({ province: true }, p), 2);
    expect(attention.length).toBeGreaterThan(10);
    expect(attention).toEqual((await reports.needingAttention({ province: true }, all)).items);
    const mine = await walk((p) => reports.ofCitizen('c1', p), 2);
    expect(mine.length).toBeGreaterThan(50);
    expect(mine).toEqual((await reports.ofCitizen('c1', all)).items);
    expect(new Set(mine.map((c) => c.complaintId)).size).toBe(mine.length);
  });
});
