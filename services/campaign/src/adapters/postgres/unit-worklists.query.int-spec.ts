import { EVENT_STORE_MIGRATIONS, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { CAMPAIGN_MIGRATIONS } from './campaign.migrations';
import { PostgresUnitWorklists, UNIT_WORKLISTS_SQL } from './unit-worklists.query';

// Three campaigns, oldest first; TD-01 has open work in c1 and c3, TD-02 only in c2, PT-01 in c3.
const ITEMS: [campaign: string, row: number, site: string | null, reason: string, status: string][] = [
  ['c1', 1, 'LC-TD-01', 'ambiguous-identity', 'open'],
  ['c1', 2, 'LC-TD-01', 'identity-mismatch', 'reopened'],
  ['c1', 3, 'LC-TD-01', 'ambiguous-identity', 'resolved'],
  ['c1', 4, 'LC-TD-01', 'ambiguous-identity', 'corrected'],
  ['c2', 5, 'LC-TD-02', 'ambiguous-identity', 'open'],
  ['c2', 6, 'LC-TD-01', 'not-in-registry', 'resolved'],
  ['c3', 7, 'LC-TD-01', 'missing-id', 'open'],
  ['c3', 8, 'LC-PT-01', 'ambiguous-identity', 'reopened'],
  ['c3', 9, null, 'unusable-row', 'open'],
];

describe("a unit's campaigns with open work", () => {
  let db: TestDatabase;
  let pool: Pool;
  let query: PostgresUnitWorklists;
  const all = { after: null, limit: 100 };
  const ids = async (sites: string[] | null) =>
    (await query.campaigns(sites, all)).items.map((c) => [c.campaignId, c.openReviewItems, c.openWorklistItems]);

  beforeAll(async () => {
    db = await createTestDatabase('campaign_unit_worklists');
    pool = new Pool({ connectionString: db.url, max: 2 });
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CAMPAIGN_MIGRATIONS]);
    await pool.query(
      `insert into legacy_imports (import_id, source_name, format, mapping) values ('a', 'a.csv', 'csv', '{}')`,
    );
    await pool.query(`insert into legacy_rows (import_id, row_number, status, id_state)
      select 'a', n, 'accepted', 'valid' from generate_series(1, 9) n`);
    await pool.query(`insert into campaigns (campaign_id, name, import_ids, deadline, worklist_due_days, created_by, created_at)
      values ('c1', 'Đợt 1', '{a}', '2022-01-31', 7, 'm', '2021-11-01T08:00:00Z'),
             ('c2', 'Đợt 2', '{a}', '2022-02-28', 7, 'm', '2021-11-02T08:00:00Z'),
             ('c3', 'Đợt 3', '{a}', '2022-03-31', 7, 'm', '2021-11-03T08:00:00Z')`);
    for (const [campaign, row, site, reason, status] of ITEMS)
      await pool.query(
        `insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, status, due_on)
         values ($1 || ':' || $2::int, $1, 'a', $2::int, $3, $4, $5, '2021-12-10')`,
        [campaign, row, site, reason, status],
      );
    query = new PostgresUnitWorklists(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it("lists a site's campaigns with open items, newest first, counting only its open and reopened items", async () => {
    const [c3] = (await query.campaigns(['LC-TD-01'], all)).items;
    expect(c3).toEqual({
      campaignId: 'c3',
      name: 'Đợt 3',
      deadline: '2022-03-31',
      status: 'running',
      createdAt: '2021-11-03T08:00:00.000000Z',
      openReviewItems: 0,
      openWorklistItems: 1,
    });
    expect(await ids(['LC-TD-01'])).toEqual([
      ['c3', 0, 1],
      ['c1', 1, 2],
    ]);
  });

  it("never lists another unit's campaigns, nor counts its items", async () => {
    expect(await ids(['LC-TD-02'])).toEqual([['c2', 1, 1]]);
    expect(await ids(['LC-PT-01'])).toEqual([['c3', 1, 1]]);
    expect(await ids(['LC-MT-01'])).toEqual([]);
    expect(await ids(['LC-TD-01', 'LC-TD-02'])).toEqual([
      ['c3', 0, 1],
      ['c2', 1, 1],
      ['c1', 1, 2],
    ]);
  });

  it("counts every row for the province's managers, rows of no known site included", async () => {
    expect(await ids(null)).toEqual([
      ['c3', 1, 3],
      ['c2', 1, 1],
      ['c1', 1, 2],
    ]);
  });

  it('pages by keyset: each page starts after the last campaign of the one before', async () => {
    const first = await query.campaigns(null, { after: null, limit: 2 });
    expect(first.items.map((c) => c.campaignId)).toEqual(['c3', 'c2']);
    const key = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8'));
    const second = await query.campaigns(null, { after: key, limit: 2 });
    expect(second).toEqual({ items: [expect.objectContaining({ campaignId: 'c1' })], nextCursor: null });
  });

  it("counts a site's items on the index of worklist items by campaign, site and status, not the campaign's every row", async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      // A province's campaign: 40,000 items over 40 sites, with statistics, as the planner sees them in use.
      await client.query(`insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, status, due_on)
        select 'c1:b' || n, 'c1', 'b', n, 'S-' || n % 40, 'identity-mismatch', (array['open', 'resolved'])[1 + n % 2], '2021-12-10'
        from generate_series(1, 40000) n`);
      await client.query('analyze worklist_items');
      const { rows } = await client.query(`explain (format json) ${UNIT_WORKLISTS_SQL}`, [
        ['LC-TD-01'],
        null,
        null,
        101,
      ]);
      expect(JSON.stringify(rows[0])).toMatch(/"Index Name":"worklist_items_site"/);
      await client.query('rollback');
    } finally {
      client.release();
    }
  });
});
