import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';

export type CodeCheck = 'confirmed' | 'wrong' | 'expired-or-missing' | 'too-many-attempts';

const CODE_TTL_MINUTES = 10;
const MAX_ATTEMPTS = 5;

/**
 * One-time codes confirming a complaint's phone. Only an HMAC of (citizen, phone, code) is kept;
 * a code is good for ten minutes, five tries, and one filing.
 */
export class ContactCodesRepository {
  constructor(
    private readonly pool: Pool,
    private readonly secret: string,
  ) {}

  /** Codes issued to the citizen in the last hour: what the rate limit counts. */
  async issuedLastHour(citizenId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `select count(*)::int as n from complaint_contact_codes where citizen_id = $1 and created_at > now() - interval '1 hour'`,
      [citizenId],
    );
    return rows[0].n;
  }

  async issue(citizenId: string, phone: string): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.pool.query(
      `insert into complaint_contact_codes (citizen_id, code_hash, expires_at)
       values ($1, $2, now() + make_interval(mins => $3))`,
      [citizenId, this.hash(citizenId, phone, code), CODE_TTL_MINUTES],
    );
    return code;
  }

  /** Checks the latest live code for this citizen and phone, using it up when it matches. */
  async confirm(citizenId: string, phone: string, code: string): Promise<CodeCheck> {
    const { rows } = await this.pool.query<{ id: string; code_hash: string; attempts: number }>(
      `update complaint_contact_codes set attempts = attempts + 1
       where id = (select id from complaint_contact_codes where citizen_id = $1 and used_at is null and expires_at > now()
                   order by created_at desc limit 1)
       returning id, code_hash, attempts`,
      [citizenId],
    );
    if (rows.length === 0) return 'expired-or-missing';
    if (rows[0].attempts > MAX_ATTEMPTS) return 'too-many-attempts';
    const expected = Buffer.from(rows[0].code_hash);
    const given = Buffer.from(this.hash(citizenId, phone, code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'wrong';
    await this.pool.query('update complaint_contact_codes set used_at = now() where id = $1', [rows[0].id]);
    return 'confirmed';
  }

  /** Complaints the citizen filed in the last day: what the filing rate limit counts. */
  async filingsLastDay(citizenId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `select count(*)::int as n from complaint_filings where citizen_id = $1 and filed_at > now() - interval '1 day'`,
      [citizenId],
    );
    return rows[0].n;
  }

  async recordFiling(citizenId: string, complaintId: string): Promise<void> {
    await this.pool.query(
      'insert into complaint_filings (complaint_id, citizen_id) values ($1, $2) on conflict do nothing',
      [complaintId, citizenId],
    );
  }

  private hash(citizenId: string, phone: string, code: string): string {
    return createHmac('sha256', this.secret).update(`${citizenId}\n${phone}\n${code}`).digest('hex');
  }
}
