import type { Pool } from 'pg';
import type { RevocationHashes } from '../../domain/certificate/certification.messages';
import type { RevocationHashType } from '../hcert/revocation-hashes';

/** One batch of the list, shaped like the EU gateway's revocation batches. */
export interface RevocationBatch {
  country: string;
  kid: string;
  hashType: RevocationHashType;
  /** The latest expiry among its entries: after it the batch can be dropped. */
  expires: string;
  entries: { hash: string }[];
}

/** Reads the revocation list projection (its view serves the current version). */
export class RevocationListQuery {
  constructor(
    private readonly pool: Pool,
    private readonly country: string,
  ) {}

  async batches(since?: Date): Promise<RevocationBatch[]> {
    const { rows } = await this.pool
      .query<{ kid: string; hash_type: RevocationHashType; hashes: string[]; expires: Date }>(
        `select kid, hash_type, array_agg(hash order by hash) as hashes, max(expires_at) as expires
       from certificate_revocations where revoked_at > $1 group by kid, hash_type order by kid, hash_type`,
        [since ?? new Date(0)],
      )
      .catch(emptyBeforeFirstProjection);
    return rows.map((r) => ({
      country: this.country,
      kid: r.kid,
      hashType: r.hash_type,
      expires: r.expires.toISOString(),
      entries: r.hashes.map((hash) => ({ hash })),
    }));
  }

  async isRevoked(hashes: RevocationHashes): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `select 1 from certificate_revocations where (hash_type, hash) in (('SIGNATURE', $1), ('UCI', $2), ('COUNTRYCODEUCI', $3))`,
      [hashes.SIGNATURE, hashes.UCI, hashes.COUNTRYCODEUCI],
    );
    return (rowCount ?? 0) > 0;
  }
}

/** Until the projection first serves reads its view does not exist: nothing is revoked yet then. */
function emptyBeforeFirstProjection(error: { code?: string }): { rows: never[] } {
  if (error.code === '42P01') return { rows: [] };
  throw error;
}
