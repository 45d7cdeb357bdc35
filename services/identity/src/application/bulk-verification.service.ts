import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import {
  type BulkRecord,
  type BulkResult,
  matchRecord,
  needsSearch,
  prepare,
  searchesOf,
} from '../domain/bulk/bulk-matching';
import { type BlockingKey, blockingKeyId } from '../domain/linkage/linkage-candidates';
import { bulkVerificationDecider } from '../domain/bulk/bulk-verification.decider';
import type { MatchPolicy } from '../domain/matching/person-matcher';
import type { PopulationRegistry } from '../registry/population-registry.port';

export const bulkStream = (batchId: string) => `bulk-verification-${batchId}`;

/**
 * Verifies a batch with a few registry queries — the numbers as given, then, for the records that
 * need a search, their numbers' neighbours and their name-and-birth blocks — and records it once.
 */
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
    const searches = prepared.filter((p) => needsSearch(p, byIdNumber)).map(searchesOf);
    const neighbours = [...new Set(searches.flatMap((s) => s.idNumbers))].filter((n) => !byIdNumber.has(n));
    const blocks = new Map<string, BlockingKey>(searches.flatMap((s) => s.blocks.map((b) => [blockingKeyId(b), b])));
    const [found, byBlock] = await Promise.all([
      neighbours.length > 0 ? this.registry.findManyByIdNumber(neighbours) : new Map(),
      this.registry.searchByNameAndBirth([...blocks.values()]),
    ]);
    for (const [n, person] of found) byIdNumber.set(n, person);
    return prepared.map((p) => matchRecord(p, { byIdNumber, byBlock }, this.policy));
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
