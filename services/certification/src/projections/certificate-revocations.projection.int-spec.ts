import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { certificateRevocationsProjection } from './certificate-revocations.projection';

describe('the revocation list read model (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('certificate_revocations');
    pool = new Pool({ connectionString: db.url });
    const client = await pool.connect();
    try {
      await certificateRevocationsProjection.createTable(client, 'revocations');
    } finally {
      client.release();
    }
    // Five years of revocations, a few a day.
    await pool.query(`insert into revocations (hash_type, hash, kid, certificate_id, revoked_at, expires_at)
      select 'UCI', md5(i::text), 'kid', 'c' || i, timestamptz '2021-01-01' + i * interval '10 minutes',
             timestamptz '2022-01-01' + i * interval '10 minutes'
      from generate_series(1, 20000) as i`);
    await pool.query('analyze revocations');
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('reads what was revoked since an instant through an index, not by scanning the whole list', async () => {
    const { rows } = await pool.query(
      `explain (format json) select kid, hash_type, array_agg(hash order by hash), max(expires_at)
       from revocations where revoked_at > $1 group by kid, hash_type`,
      [new Date('2021-05-01T00:00:00Z')],
    );
    const plan = JSON.stringify(rows[0]['QUERY PLAN']);
    expect(plan).toContain('revocations_revoked_at');
    expect(plan).not.toContain('Seq Scan');
  });
});
