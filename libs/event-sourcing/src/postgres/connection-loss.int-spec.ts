import { type TestDatabase, createTestDatabase, eventually } from '@vax/testing';
import { Pool } from 'pg';
import { survivingConnectionLoss } from './connection-loss';

describe('a pool that survives its connections being cut', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase('connection_loss')));
  afterAll(() => db.drop());

  const terminate = (observer: Pool, applicationName: string) =>
    observer.query(
      'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1',
      [applicationName],
    );

  it('reports idle and checked-out connections lost (57P01) instead of crashing, then serves queries again', async () => {
    const lost: string[] = [];
    const pool = survivingConnectionLoss(
      new Pool({ connectionString: db.url, application_name: 'cut-pool', max: 3 }),
      (error) => lost.push((error as { code?: string }).code ?? error.message),
    );
    const observer = new Pool({ connectionString: db.url, max: 1 });
    try {
      const [idle, checkedOut] = await Promise.all([pool.connect(), pool.connect()]);
      idle.release();
      await terminate(observer, 'cut-pool');
      // Without the listeners, either event ends the process (jest reports it as an uncaught error).
      await eventually(async () => expect(lost.filter((code) => code === '57P01')).toHaveLength(2));
      checkedOut.release(true);
      await expect(pool.query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      await Promise.all([pool.end(), observer.end()]);
    }
  });
});
