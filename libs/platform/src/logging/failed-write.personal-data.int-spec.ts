import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { REPO_ROOT, type TestDatabase, createTestDatabase, eventually, postgresServerFlags } from '@vax/testing';
import { Client } from 'pg';
import pino from 'pino';
import { pinoOptions } from './logging.module';

// A write that fails on real PostgreSQL, with a citizen's ID number and name in it: neither the
// server's log nor the service's log may keep either, in full or in part.

const ID_NUMBER = '012190004567';
const NAME = 'Lò Thị Mai';
const POSTGRES_LOG = join(process.env.VAX_RUN_DIR ?? join(REPO_ROOT, '.run'), 'logs/postgres.log');

describe('personal data in the logs of a failed write', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase('failed_write_logs');
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('create table people (id_number text primary key, full_name text not null, born date)');
    await client.query('insert into people values ($1, $2, $3)', [ID_NUMBER, NAME, '1990-04-02']);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const failures = async () => {
    const errors: unknown[] = [];
    const attempts: [string, unknown[]][] = [
      ['insert into people values ($1, $2, $3)', [ID_NUMBER, NAME, '1990-04-02']], // duplicate key
      ['insert into people values ($1, $2, $3)', [`${ID_NUMBER}9`, null, '1990-04-02']], // not null
      ['insert into people values ($1, $2, $3)', [ID_NUMBER.slice(0, 9), NAME, NAME]], // not a date
      [`insert into people values ('${ID_NUMBER}', '${NAME}', '1990-04-02')`, []], // inline literals
    ];
    for (const [sql, values] of attempts) await client.query(sql, values).catch((e: unknown) => errors.push(e));
    expect(errors).toHaveLength(attempts.length);
    return errors;
  };

  it('the server is set to log no statement, no detail and no parameters', async () => {
    const setting = async (name: string) => (await client.query(`show ${name}`)).rows[0][name];
    expect(await setting('log_min_messages')).toBe('log');
    expect(await setting('log_min_error_statement')).toBe('panic');
    expect(await setting('log_error_verbosity')).toBe('terse');
    expect(await setting('log_parameter_max_length_on_error')).toBe('0');
  });

  it("the service's JSON log keeps the error's kind but neither the ID (whole or cut) nor the name", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = pino(pinoOptions('test', 'info'), sink);
    for (const err of await failures()) logger.error({ err }, 'storing a verification failed');
    const text = lines.join('');
    expect(text).toContain('23505'); // the SQLSTATE stays: an operator still knows what happened
    expect(text.replace(/"code":"\d{5}"/g, '')).not.toMatch(/\d{5,}/);
    for (const fragment of [ID_NUMBER.slice(-6), ID_NUMBER.slice(0, 9), 'Lò', 'Thị Mai']) {
      expect(text).not.toContain(fragment);
    }
  });

  it("the server's log holds neither (where this run owns it)", async () => {
    const source = process.env.VAX_TEST_INFRA_SOURCE ?? 'local-processes';
    if (source !== 'local-processes' || !existsSync(POSTGRES_LOG)) {
      process.stderr.write(
        `NOT CHECKED: PostgreSQL's own log file is not this run's to read (${source}); ` +
          'the settings above were checked instead.\n',
      );
      return;
    }
    const before = statSync(POSTGRES_LOG).size;
    await failures();
    // A line the server does log, after the failures: the log is live, so its silence about them means something.
    await client.query(`do $$ begin raise log 'failed-write probe'; end $$`);
    const written = await eventually(async () => {
      const text = readFileSync(POSTGRES_LOG).subarray(before).toString('utf8');
      if (!text.includes('failed-write probe')) throw new Error('the probe has not reached the log yet');
      return text;
    });
    expect(written).not.toContain('duplicate key value');
    expect(written).not.toContain(ID_NUMBER.slice(-6));
    expect(written).not.toContain('Thị Mai');
  });

  it('docker-compose starts PostgreSQL with the same settings as deploy/local and testcontainers', () => {
    const compose = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    const block = /^ {2}postgres:\n[\s\S]*? {4}command:\n((?: {6}- .*\n)+)/m.exec(compose)![1];
    const command = block
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^ {6}- /, ''));
    expect(command).toEqual(['postgres', ...postgresServerFlags()]);
  });
});
