import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';

/** Citizens' one-time codes. ID numbers and codes are stored only as keyed hashes (HMAC with the portal's secret). */
export class SignInCodeStore {
  constructor(
    private readonly pool: Pool,
    private readonly secret: string,
  ) {}

  hash(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('hex');
  }

  async sentTimes(idNumber: string): Promise<Date[]> {
    const { rows } = await this.pool.query('select sent_at from sign_in_codes where subject_hash = $1', [
      this.hash(idNumber),
    ]);
    return rows[0]?.sent_at ?? [];
  }

  /** A new code replaces the previous one; the send times are kept for the rate limit. */
  async put(idNumber: string, code: string, personId: string, expiresAt: Date, now: Date): Promise<void> {
    await this.pool.query(
      `insert into sign_in_codes (subject_hash, code_hash, person_id, expires_at, attempts, sent_at)
       values ($1, $2, $3, $4, 0, array[$5::timestamptz])
       on conflict (subject_hash) do update set code_hash = excluded.code_hash, person_id = excluded.person_id,
         expires_at = excluded.expires_at, attempts = 0,
         sent_at = (select array_agg(t) from unnest(sign_in_codes.sent_at || $5::timestamptz) t
                    where t > $5::timestamptz - interval '1 day')`,
      [this.hash(idNumber), this.hash(`${idNumber}:${code}`), personId, expiresAt, now],
    );
  }

  async find(idNumber: string) {
    const { rows } = await this.pool.query(
      'select code_hash, person_id, expires_at, attempts from sign_in_codes where subject_hash = $1',
      [this.hash(idNumber)],
    );
    const r = rows[0];
    return (
      r && {
        codeHash: r.code_hash as string,
        personId: r.person_id as string,
        expiresAt: r.expires_at as Date,
        attempts: r.attempts as number,
      }
    );
  }

  async countAttempt(idNumber: string): Promise<void> {
    await this.pool.query('update sign_in_codes set attempts = attempts + 1 where subject_hash = $1', [
      this.hash(idNumber),
    ]);
  }

  /** A used code is spent at once: it cannot sign in twice. */
  async spend(idNumber: string): Promise<void> {
    await this.pool.query(`update sign_in_codes set code_hash = '', attempts = 1000 where subject_hash = $1`, [
      this.hash(idNumber),
    ]);
  }
}
