import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool, type QueryConfig } from 'pg';
import { SlaReportQuery } from '../adapters/postgres/sla-report.query';
import { complaintSlaProjection } from './complaint-sla.projection';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows': number;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/*
 * Reads that must not grow with complaints (issue 19). A unit's queue at the size of a site in the
 * province (100,000 complaints over 9 sites leave ~11,000 to each, a fifth of them open): a page is
 * read from the queue's index in its order, about a page of rows, not all the unit ever held sorted
 * each time. A district's report by site: its duration histograms from their index alone.
 */
describe("the SLA read model's indexes", () => {
  let db: TestDatabase;
  let pool: Pool;
  let issued: QueryConfig[];
  let reports: SlaReportQuery;

  beforeAll(async () => {
    db = await createTestDatabase('complaint_sla_queue');
    pool = new Pool({ connectionString: db.url, max: 2 });
    const projection = complaintSlaProjection(() => null);
    const tx = await pool.connect();
    await projection.createTable(tx, 'sla_v9');
    await tx.query('create view complaint_sla as select * from sla_v9');
    for (const suffix of projection.companions ?? [])
      await tx.query(`create view complaint_sla_${suffix} as select * from sla_v9_${suffix}`);
    tx.release();
    // The queue's rows only: the counters' trigger has its own tests (complaint-sla.counters.int-spec.ts).
    await pool.query('alter table sla_v9 disable trigger sla_v9_count');
    await pool.query(`
      insert into sla_v9 (complaint_id, complaint_type, citizen_id, unit_id, status, due_at, paused, filed_at,
        last_revision, attention_step, attention_since)
      select 'k' || n, 'dose-details', 'c' || n, 'site:S' || n % 3,
        case when n % 5 = 0 then 'assigned' when n % 17 = 0 then 'awaiting-citizen' else 'closed' end,
        timestamptz '2025-01-01' + (n % 400) * interval '1 hour', n % 17 = 0, timestamptz '2024-12-01', 1,
        case when n % 101 = 0 then 'notify' end, case when n % 101 = 0 then timestamptz '2025-01-02' end
      from generate_series(1, 33000) n`);
    await pool.query('alter table sla_v9 enable trigger sla_v9_count');
    await pool.query(`
      insert into sla_v9_durations select 'S' || n % 40, 'C' || n % 40, 'D' || n % 8, n / 40, 1 + n % 7
      from generate_series(1, 12000) n`);
    await pool.query('vacuum analyze sla_v9');
    await pool.query('vacuum analyze sla_v9_durations');
    // What the query sends, to be explained as sent.
    const recorder = Object.create(pool) as Pool;
    recorder.query = ((config: QueryConfig | string, values?: unknown[]) => {
      issued.push(typeof config === 'string' ? { text: config, values } : config);
      return pool.query(config as string, values);
    }) as Pool['query'];
    reports = new SlaReportQuery(recorder);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function planOf(list: () => Promise<unknown>): Promise<PlanNode[]> {
    issued = [];
    await list();
    const [query] = issued;
    const { rows } = await pool.query(`explain (analyze, format json) ${query.text}`, query.values);
    return nodes(rows[0]['QUERY PLAN'][0].Plan as PlanNode);
  }

  it('reads the first page in order from the queue index, a page of rows and no sort', async () => {
    const plan = await planOf(() => reports.queue('site:S1', { after: null, limit: 100 }));
    const scan = plan.find((n) => n['Index Name'] === 'sla_v9_queue');
    expect(scan).toBeDefined();
    expect(scan!['Actual Rows']).toBeLessThanOrEqual(101);
    expect(plan.map((n) => n['Node Type'])).not.toContain('Sort');
  });

  it('starts a later page at its cursor within the index, not by filtering the rows before it', async () => {
    const first = await reports.queue('site:S1', { after: null, limit: 100 });
    const cursor = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8')) as string[];
    const plan = await planOf(() => reports.queue('site:S1', { after: cursor, limit: 100 }));
    const scan = plan.find((n) => n['Index Name'] === 'sla_v9_queue');
    expect(scan).toBeDefined();
    expect(scan!['Actual Rows']).toBeLessThanOrEqual(101);
    expect(plan.map((n) => n['Node Type'])).not.toContain('Sort');
    // And it goes on where the first ended.
    const second = await reports.queue('site:S1', { after: cursor, limit: 100 });
    const both = await reports.queue('site:S1', { after: null, limit: 200 });
    expect([...first.items, ...second.items]).toEqual(both.items);
  });

  it("reads a district's duration histograms from their index alone", async () => {
    const client = await pool.connect();
    try {
      // Whether the index can answer alone, whatever the planner would pick for a table this small.
      await client.query('set enable_seqscan = off; set enable_bitmapscan = off');
      const { rows } = await client.query(
        `explain (format json) select coalesce(nullif(site_key, ''), 'unknown') as key, bucket,
           sum(resolved)::int as count from complaint_sla_durations where district_key = $1 group by 1, 2`,
        ['D3'],
      );
      const plan = nodes(rows[0]['QUERY PLAN'][0].Plan as PlanNode);
      expect(plan.find((n) => n['Index Name'] === 'sla_v9_durations_district')?.['Node Type']).toBe('Index Only Scan');
    } finally {
      await client.query('reset enable_seqscan; reset enable_bitmapscan');
      client.release();
    }
  });
});
