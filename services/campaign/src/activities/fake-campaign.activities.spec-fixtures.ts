import { Context } from '@temporalio/activity';
import type { CampaignActivities } from './campaign.activities';
import type { Chunk } from '../workflows/campaign-chunks';

/**
 * Activities that do no I/O, for the workflow's tests: they remember what they were asked and let a
 * test hold a chunk until it says so (or until the activity is cancelled, as a stopping worker does).
 */
export class FakeCampaignActivities {
  readonly chunksVerified: string[] = [];
  readonly chunksStarted: string[] = [];
  readonly closed: string[] = [];
  readonly rechecks: number[] = [];
  private readonly held = new Map<string, () => void>();
  holdChunk?: (chunk: Chunk) => boolean;

  constructor(
    private readonly imports = [
      { importId: 'i1', lastRow: 1_001 },
      { importId: 'i2', lastRow: 51 },
    ],
  ) {}

  release(batchId: string): void {
    this.held.get(batchId)?.();
  }

  activities(): CampaignActivities {
    return {
      describeCampaign: async () => ({ imports: this.imports }),
      verifyChunk: async (chunk) => {
        this.chunksStarted.push(chunk.batchId);
        if (this.holdChunk?.(chunk)) {
          const released = new Promise<void>((resolve) => this.held.set(chunk.batchId, resolve));
          const beating = setInterval(() => Context.current().heartbeat(), 200);
          // Cancelled (its worker stopping): fails as a real activity does, and Temporal retries it elsewhere.
          await Promise.race([released, Context.current().cancelled]).finally(() => clearInterval(beating));
        }
        this.chunksVerified.push(chunk.batchId);
        const rows = chunk.lastRow - chunk.firstRow + 1;
        return {
          sent: rows - 2,
          matched: rows - 6,
          mismatched: 2,
          notFound: 1,
          ambiguous: 1,
          invalidId: 1,
          rejected: 1,
        };
      },
      proposeMerges: async () => 2,
      sendMatchedDoses: async () => 5,
      openWorklists: async () => 3,
      recheckCorrections: async (_, round) => {
        this.rechecks.push(round);
        return { rechecked: 4 };
      },
      closeCampaign: async (_, status) => void this.closed.push(status),
    };
  }
}
