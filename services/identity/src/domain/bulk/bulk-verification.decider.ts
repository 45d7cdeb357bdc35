import type { Decider } from '@vax/event-sourcing';
import type { BulkResult } from './bulk-matching';

export interface RecordBulkResults {
  type: 'RecordBulkResults';
  batchId: string;
  results: BulkResult[];
  at: string;
}

export type BulkVerificationCompleted = {
  type: 'BulkVerificationCompleted';
  data: { batchId: string; results: BulkResult[]; completedAt: string };
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
            data: { batchId: command.batchId, results: command.results, completedAt: command.at },
          },
        ]
      : [],
  evolve: (_, event) => ({ status: 'completed', results: event.data.results }),
};
