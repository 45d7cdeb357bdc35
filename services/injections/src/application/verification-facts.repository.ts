import type { Pool, PoolClient } from 'pg';
import type { VerificationFact } from '../domain/record/record.messages';

/** Identity checks as injections knows them, kept current from identity.events.v1. */
export class VerificationFactsRepository {
  constructor(private readonly pool: Pool) {}

  async find(verificationId: string): Promise<VerificationFact | undefined> {
    const { rows } = await this.pool.query(
      'select verification_id, person_id, standing, checked_at from identity_verifications where verification_id = $1',
      [verificationId],
    );
    const r = rows[0];
    return (
      r && {
        verificationId: r.verification_id,
        personId: r.person_id,
        standing: r.standing,
        checkedAt: r.checked_at.toISOString(),
      }
    );
  }

  async recordResult(tx: PoolClient, fact: VerificationFact): Promise<void> {
    await tx.query(
      `insert into identity_verifications (verification_id, person_id, standing, checked_at) values ($1, $2, $3, $4)
       on conflict (verification_id) do nothing`,
      [fact.verificationId, fact.personId, fact.standing, fact.checkedAt],
    );
  }

  /** A police verifier overrode a mismatch: it now stands verified. */
  async markOverridden(tx: PoolClient, verificationId: string): Promise<void> {
    await tx.query(
      `update identity_verifications set standing = 'verified' where verification_id = $1 and standing = 'mismatched'`,
      [verificationId],
    );
  }
}
