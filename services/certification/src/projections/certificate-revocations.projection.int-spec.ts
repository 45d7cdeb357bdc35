import { createTestDatabase, type TestDatabase } from '@vax/testing';
import type { RecordedEvent } from '@vax/event-sourcing';
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

  it('writes a batch in one statement with the rows one event at a time would write, a repeated event once', async () => {
    const revoked = (n: number) =>
      ({
        type: 'CertificateRevoked',
        data: {
          personId: `P${n}`,
          certificateId: `URN:UVCI:01:VN:LC/C${n}`,
          reason: 'superseded',
          replacedBy: null,
          revokedAt: '2022-01-10T03:00:00.000Z',
          kid: 'a2lk',
          hashes: { SIGNATURE: `s${n}`, UCI: `u${n}`, COUNTRYCODEUCI: `c${n}` },
          expiresAt: '2023-01-10T03:00:00.000Z',
        },
      }) as unknown as RecordedEvent;
    const other = { type: 'CertificateIssued', data: {} } as unknown as RecordedEvent;
    const events = [revoked(1), other, revoked(2), revoked(1), revoked(3)];
    const client = await pool.connect();
    const rowsOf = async (table: string) =>
      (await client.query(`select * from ${table} order by hash_type, hash`)).rows;
    try {
      for (const table of ['one_by_one', 'batched']) await certificateRevocationsProjection.createTable(client, table);
      for (const event of events) await certificateRevocationsProjection.apply(client, 'one_by_one', event);
      const statements: string[] = [];
      const counting = { query: (sql: string, values: unknown[]) => (statements.push(sql), client.query(sql, values)) };
      await certificateRevocationsProjection.applyBatch!(counting as never, 'batched', events);
      expect(statements).toHaveLength(1);
      expect(await rowsOf('batched')).toEqual(await rowsOf('one_by_one'));
      expect(await rowsOf('batched')).toHaveLength(9);
    } finally {
      client.release();
    }
  });
});
