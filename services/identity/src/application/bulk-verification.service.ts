import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import { type BulkRecord, type BulkResult, candidateKey, matchRecord, prepare } from '../domain/bulk/bulk-matching';
import { bulkVerificationDecider } from '../domain/bulk/bulk-verification.decider';
import type { MatchPolicy } from '../domain/matching/person-matcher';
import type { PopulationRegistry } from '../registry/population-registry.port';

export const bulkStream = (batchId: string) => `bulk-verification-${batchId}`;

/** Verifies a batch with two registry queries (by number, then by name and birth date), records it once. */
export class BulkVerificationService {
  constructor(
    private readonly store: EventStore,
    private readonly registry: PopulationRegistry,
    private readonly policy: MatchPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async match(records: BulkRecord[]): Promise<BulkResult[]> {
    const prepared = records.map(prepare);
    const ids = [...new Set(prepared.flatMap((p) => (p.idNumber ? [p.idNumber] : [])))];
    const byIdNumber = await this.registry.findManyByIdNumber(ids);
    const unknown = prepared.filter((p) => p.idNumber && !byIdNumber.has(p.idNumber) && p.dateOfBirth);
    const byNameAndBirth = await this.registry.findCandidates([
      ...new Set(unknown.map((p) => candidateKey(p.fullName, p.dateOfBirth!))),
    ]);
    return prepared.map((p) => matchRecord(p, { byIdNumber, byNameAndBirth }, this.policy));
  }

  async verifyBatch(
    batchId: string,
    records: BulkRecord[],
    actor: Actor,
    correlationId: string,
  ): Promise<BulkResult[]> {
    const existing = await this.store.readStream(bulkStream(batchId));
    if (existing.length > 0) return (existing[0].data as { results: BulkResult[] }).results;
    const results = await this.match(records);
    const at = this.clock();
    await handleCommand(
      this.store,
      bulkVerificationDecider,
      bulkStream(batchId),
      { type: 'RecordBulkResults', batchId, results, at: at.toISOString() },
      { correlationId, causationId: null, actor, occurredAt: at },
    );
    return results;
  }
}
