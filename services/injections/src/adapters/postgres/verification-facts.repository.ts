import type { Pool, PoolClient } from 'pg';
import type { VerificationFact } from '../../domain/record/record.messages';
import type { VerificationFacts } from '../../application/ports/verification-facts.port';

/** Identity checks as injections knows them, kept current from identity.events.v1. */
export class VerificationFactsRepository implements VerificationFacts {
  constructor(private readonly pool: Pool) {}

  async find(verificationId: string): Promise<VerificationFact | undefined> {
    const { rows } = await this.pool.query({
      // Named: prepared once per connection, as it runs on every dose recorded.
      name: 'injections_find_verification',
      text: 'select verification_id, person_id, standing, checked_at from identity_verifications where verification_id = $1',
      values: [verificationId],
    });
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

  /** Birth year and district of a verified person: all coverage needs to know of them. */
  async recordPerson(tx: PoolClient, person: { personId: string; birthYear: number; district: string }): Promise<void> {
    await tx.query(
      `insert into people_facts (person_id, birth_year, district) values ($1, $2, $3)
       on conflict (person_id) do update set birth_year = excluded.birth_year, district = excluded.district`,
      [person.personId, person.birthYear, person.district],
    );
  }

  /** A new census replaces the previous one whole. */
  async replacePopulation(
    tx: PoolClient,
    countedAt: string,
    counts: { district: string; birthYear: number; people: number }[],
  ): Promise<void> {
    await tx.query('delete from registry_population');
    await tx.query(
      `insert into registry_population (district, birth_year, people, counted_at)
       select d, y, n, $4 from unnest($1::text[], $2::int[], $3::int[]) as t(d, y, n)`,
      [counts.map((c) => c.district), counts.map((c) => c.birthYear), counts.map((c) => c.people), countedAt],
    );
  }
}
