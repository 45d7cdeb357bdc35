import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { EvidenceStoragePort, StoredEvidence } from '../../application/ports/evidence-storage.port';
import type { EvidenceItem } from '../../domain/complaint-evidence';

const COLUMNS = `evidence_id as "evidenceId", media_type as "mediaType", size_bytes as "sizeBytes", sha256`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Evidence photos in the complaints database (bytea): durable with the complaint, one photo per owner and hash. */
export class PostgresEvidenceStorage implements EvidenceStoragePort {
  constructor(private readonly pool: Pool) {}

  async put(ownerId: string, item: Omit<EvidenceItem, 'evidenceId'>, content: Buffer): Promise<EvidenceItem> {
    await this.pool.query(
      `insert into complaint_evidence (evidence_id, owner_id, media_type, size_bytes, sha256, content)
       values ($1, $2, $3, $4, $5, $6) on conflict (owner_id, sha256) do nothing`,
      [uuidv7(), ownerId, item.mediaType, item.sizeBytes, item.sha256, content],
    );
    const { rows } = await this.pool.query<EvidenceItem>(
      `select ${COLUMNS} from complaint_evidence where owner_id = $1 and sha256 = $2`,
      [ownerId, item.sha256],
    );
    return rows[0];
  }

  async ownedBy(ownerId: string, ids: string[]): Promise<EvidenceItem[]> {
    const valid = ids.filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    const { rows } = await this.pool.query<EvidenceItem>(
      `select ${COLUMNS} from complaint_evidence where owner_id = $1 and evidence_id = any($2::uuid[])`,
      [ownerId, valid],
    );
    return ids.flatMap((id) => rows.filter((r) => r.evidenceId === id));
  }

  async get(evidenceId: string): Promise<StoredEvidence | null> {
    if (!UUID.test(evidenceId)) return null;
    const { rows } = await this.pool.query<StoredEvidence>(
      `select ${COLUMNS}, owner_id as "ownerId", content from complaint_evidence where evidence_id = $1`,
      [evidenceId],
    );
    return rows[0] ?? null;
  }
}
