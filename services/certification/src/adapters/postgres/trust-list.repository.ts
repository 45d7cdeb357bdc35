import type { Pool } from 'pg';
import type { SigningKeys } from '../keys/signing-keys';

export interface TrustListEntry {
  kid: string;
  certificateDer: Buffer;
  development: boolean;
}

/** The DSCs verifiers should trust: the current one and every one used before it. */
export class TrustListRepository {
  constructor(private readonly pool: Pool) {}

  async register(keys: SigningKeys): Promise<void> {
    await this.pool.query(
      `insert into certification_signers (kid, certificate_der, development) values ($1, $2, $3)
       on conflict (kid) do nothing`,
      [keys.signer.kid.toString('base64'), keys.dscDer, keys.development],
    );
  }

  async all(): Promise<TrustListEntry[]> {
    const { rows } = await this.pool.query<{ kid: string; certificate_der: Buffer; development: boolean }>(
      'select kid, certificate_der, development from certification_signers order by first_used_at',
    );
    return rows.map((r) => ({ kid: r.kid, certificateDer: r.certificate_der, development: r.development }));
  }
}
