import type { RecordedEvent } from '@vax/event-sourcing';
import type { Projection } from '@vax/messaging';
import type { PoolClient } from 'pg';
import type { CertificationEvent } from '../domain/certificate/certification.messages';

/**
 * The revocation list: one row per hash of each revoked certificate, as the EU revocation format
 * lists them (kid, hash type, 128-bit hash). Applying an event twice changes nothing.
 */
export const certificateRevocationsProjection: Projection = {
  name: 'certificate_revocations',
  // v2: an index on revoked_at, for the list's `since` (gateways poll for what is new since last time).
  version: 2,

  async createTable(tx: PoolClient, table: string) {
    await tx.query(`
      create table ${table} (
        hash_type text not null, hash text not null, kid text not null, certificate_id text not null,
        revoked_at timestamptz not null, expires_at timestamptz not null,
        primary key (hash_type, hash));
      create index ${table}_revoked_at on ${table} (revoked_at)`);
  },

  apply: (tx: PoolClient, table: string, recorded: RecordedEvent) => insertRows(tx, table, [recorded]),

  // Only revocations write, and rows never change once in: a whole batch is one statement (a
  // province-wide reissue revokes every certificate at once).
  applyBatch: (tx: PoolClient, table: string, events: readonly RecordedEvent[]) => insertRows(tx, table, events),
};

async function insertRows(tx: PoolClient, table: string, recorded: readonly RecordedEvent[]): Promise<void> {
  const rows = recorded.flatMap((r) => {
    const event = r as unknown as CertificationEvent;
    if (event.type !== 'CertificateRevoked') return [];
    const { hashes, kid, certificateId, revokedAt, expiresAt } = event.data;
    return Object.entries(hashes).map(([hashType, hash]) => [hashType, hash, kid, certificateId, revokedAt, expiresAt]);
  });
  if (rows.length === 0) return;
  const column = (i: number) => rows.map((row) => row[i]);
  await tx.query(
    `insert into ${table} (hash_type, hash, kid, certificate_id, revoked_at, expires_at)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
     on conflict do nothing`,
    [0, 1, 2, 3, 4, 5].map(column),
  );
}
