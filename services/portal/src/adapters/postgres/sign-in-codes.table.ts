import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { type ClaimedCode, SignInCodes } from '../../application/ports/sign-in-codes.port';

/** Citizens' one-time codes. ID numbers and codes are stored only as keyed hashes (HMAC with the portal's secret). */
export class PostgresSignInCodes extends SignInCodes {
  constructor(
    private readonly pool: Pool,
    private readonly secret: string,
  ) {
    super();
  }

  hash(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('hex');
  }

  /** A new code replaces the previous one (and its attempts). */
  async put(idNumber: string, code: string, personId: string, expiresAt: Date): Promise<void> {
    await this.pool.query(
      `insert into sign_in_codes (subject_hash, code_hash, person_id, expires_at, attempts)
       values ($1, $2, $3, $4, 0)
       on conflict (subject_hash) do update set code_hash = excluded.code_hash, person_id = excluded.person_id,
         expires_at = excluded.expires_at, attempts = 0`,
      [this.hash(idNumber), this.hash(`${idNumber}:${code}`), personId, expiresAt],
    );
  }

  /**
   * Counts an attempt before it is judged, in one statement: parallel guesses each take their own
   * number, so five tries are five whatever the concurrency. Undefined when no code was sent.
   */
  async claimAttempt(idNumber: string): Promise<ClaimedCode | undefined> {
    const { rows } = await this.pool.query(
      `update sign_in_codes set attempts = attempts + 1 where subject_hash = $1
       returning code_hash, person_id, expires_at, attempts`,
      [this.hash(idNumber)],
    );
    const r = rows[0];
    return (
      r && {
        codeHash: r.code_hash as string,
        personId: r.person_id as string,
        expiresAt: r.expires_at as Date,
        attempt: r.attempts as number,
      }
    );
  }

  /** A used code is spent at once; of two sign-ins racing with it, only the one that spends it goes on. */
  async spend(idNumber: string, codeHash: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `update sign_in_codes set code_hash = '', attempts = 1000 where subject_hash = $1 and code_hash = $2`,
      [this.hash(idNumber), codeHash],
    );
    return rowCount === 1;
  }
}
