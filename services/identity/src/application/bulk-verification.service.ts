import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import {
  type BulkRecord,
  type BulkResult,
  matchRecord,
  blocksOf,
  needsNeighbours,
  needsSearch,
  neighboursOf,
  prepare,
} from '../domain/bulk/bulk-matching';
import { type BlockingKey, blockingKeyId } from '../domain/linkage/linkage-candidates';
import { type BulkReply, bulkVerificationDecider } from '../domain/bulk/bulk-verification.decider';
import type { MatchPolicy } from '../domain/matching/person-matcher';
import type { PopulationRegistry } from './ports/population-registry.port';

export const bulkStream = (batchId: string) => `bulk-verification-${batchId}`;

/**
 * Verifies a batch with at most three registry queries — the numbers as given; the name-and-birth
 * blocks of the records that need a search; the neighbours of the numbers of those the blocks could
 * not link — and records it once.
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
    const blocks = new Map<string, BlockingKey>(
      prepared.filter((p) => needsSearch(p, byIdNumber)).flatMap((p) => blocksOf(p).map((b) => [blockingKeyId(b), b])),
    );
    const lookups = { byIdNumber, byBlock: await this.registry.searchByNameAndBirth([...blocks.values()]) };
    const neighbours = new Set(prepared.filter((p) => needsNeighbours(p, lookups)).flatMap(neighboursOf));
    const asked = [...neighbours].filter((n) => !byIdNumber.has(n));
    if (asked.length > 0)
      for (const [n, person] of await this.registry.findManyByIdNumber(asked)) byIdNumber.set(n, person);
    return prepared.map((p) => matchRecord(p, lookups, this.policy));
  }

  async verifyBatch(
    batchId: string,
    records: BulkRecord[],
    actor: Actor,
    correlationId: string,
    reply: BulkReply = 'v1',
  ): Promise<BulkResult[]> {
    const existing = await this.store.readStream(bulkStream(batchId));
    if (existing.length > 0) return (existing[0].data as { results: BulkResult[] }).results;
    const results = await this.match(records);
    const at = this.clock();
    await handleCommand(
      this.store,
      bulkVerificationDecider,
      bulkStream(batchId),
      { type: 'RecordBulkResults', batchId, results, at: at.toISOString(), reply },
      { correlationId, causationId: null, actor, occurredAt: at },
    );
    return results;
  }
}
