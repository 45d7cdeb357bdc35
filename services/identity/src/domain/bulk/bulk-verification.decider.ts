import type { Decider } from '@vax/event-sourcing';
import type { BulkResult } from './bulk-matching';

/** The contract the batch came on, which the answer goes back on: v2 carries review candidates. */
export type BulkReply = 'v1' | 'v2';

export interface RecordBulkResults {
  type: 'RecordBulkResults';
  batchId: string;
  results: BulkResult[];
  at: string;
  reply: BulkReply;
}

export type BulkVerificationCompleted = {
  type: 'BulkVerificationCompleted';
  /** `reply` absent: a batch of before v2, answered on v1. */
  data: { batchId: string; results: BulkResult[]; completedAt: string; reply?: 'v2' };
};

export type BulkState = { status: 'none' } | { status: 'completed'; results: BulkResult[] };

/** One batch of a campaign, verified once: a batch delivered again records nothing new. */
export const bulkVerificationDecider: Decider<BulkState, RecordBulkResults, BulkVerificationCompleted> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) =>
    state.status === 'none'
      ? [
          {
            type: 'BulkVerificationCompleted',
            data: {
              batchId: command.batchId,
              results: command.results,
              completedAt: command.at,
              ...(command.reply === 'v2' ? { reply: 'v2' as const } : {}),
            },
          },
        ]
      : [],
  evolve: (_, event) => ({ status: 'completed', results: event.data.results }),
};
