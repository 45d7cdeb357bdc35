import type { LegacyDoseImported, LegacyDoseRefused } from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import type { PoolClient } from 'pg';
import { dueOn } from '../../domain/worklists/worklist-item';
import type { DoseQueueRepository } from './dose-queue.repository';
import type { WorklistsRepository } from './worklists.repository';

export type DoseOutcome =
  | { messageId: string; type: 'LegacyDoseImported'; payload: LegacyDoseImported }
  | { messageId: string; type: 'LegacyDoseRefused'; payload: LegacyDoseRefused };

/**
 * Injections' answers to matched doses (injections.legacy-dose-outcomes.v1): the dose is on the
 * record, or refused by the record's rules and sent back to the site that gave it.
 */
export class DoseOutcomesService {
  constructor(
    private readonly inbox: Inbox,
    private readonly doses: DoseQueueRepository,
    private readonly worklists: WorklistsRepository,
    private readonly today: () => string,
  ) {}

  async onImported(messageId: string, p: LegacyDoseImported): Promise<void> {
    await this.onOutcomes([{ messageId, type: 'LegacyDoseImported', payload: p }]);
  }

  async onRefused(messageId: string, p: LegacyDoseRefused): Promise<void> {
    await this.onOutcomes([{ messageId, type: 'LegacyDoseRefused', payload: p }]);
  }

  /** A batch of answers in one transaction; each message applied once (the inbox), the rest skipped. */
  async onOutcomes(outcomes: DoseOutcome[]): Promise<void> {
    await this.inbox.runOnceEach(
      outcomes.map((o) => o.messageId),
      async (tx, fresh) => {
        const applied = [...new Map(outcomes.filter((o) => fresh.has(o.messageId)).map((o) => [o.messageId, o]))];
        const rows = await this.doses.recordOutcomes(
          tx,
          applied.map(([, o]) =>
            o.type === 'LegacyDoseRefused'
              ? { doseId: o.payload.doseId, outcome: 'refused' as const }
              : { doseId: o.payload.doseId, outcome: o.payload.outcome, doseNumber: o.payload.doseNumber },
          ),
        );
        const due = new Map<string, string>();
        for (const [, o] of applied) {
          const row = rows.get(o.payload.doseId);
          if (o.type !== 'LegacyDoseRefused' || !row) continue;
          if (!due.has(row.campaignId)) due.set(row.campaignId, await this.due(tx, row.campaignId));
          const problems = o.payload.problems.map(({ field, rule }) => ({ field, rule }));
          await this.worklists.openDoseRefused(tx, row, problems, due.get(row.campaignId)!);
        }
      },
    );
  }

  private async due(tx: PoolClient, campaignId: string): Promise<string> {
    const { rows } = await tx.query('select deadline::text, worklist_due_days from campaigns where campaign_id = $1', [
      campaignId,
    ]);
    return dueOn(this.today(), rows[0].worklist_due_days, rows[0].deadline);
  }
}
