import type { EvidenceItem } from '../../domain/complaint-evidence';

export interface StoredEvidence extends EvidenceItem {
  ownerId: string;
  content: Buffer;
}

/** Where the photos attached to complaints are kept (PostgreSQL bytea here; object storage later). */
export interface EvidenceStoragePort {
  /** Keeps a photo for its owner; the same photo (same SHA-256) kept again returns the first one. */
  put(ownerId: string, item: Omit<EvidenceItem, 'evidenceId'>, content: Buffer): Promise<EvidenceItem>;
  /** The metadata of the owner's photos among `ids` (others' photos are not found). */
  ownedBy(ownerId: string, ids: string[]): Promise<EvidenceItem[]>;
  get(evidenceId: string): Promise<StoredEvidence | null>;
}
