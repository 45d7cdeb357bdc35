import type { LegacyDoseImported, LegacyDoseRefused } from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import type { PoolClient } from 'pg';
import { dueOn } from '../../domain/worklists/worklist-item';
import type { DoseQueueRepository } from './dose-queue.repository';
import type { WorklistsRepository } from './worklists.repository';

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
    await this.inbox.runOnce(messageId, async (tx) => {
      await this.doses.recordOutcome(tx, p.doseId, { outcome: p.outcome, doseNumber: p.doseNumber });
    });
  }

  async onRefused(messageId: string, p: LegacyDoseRefused): Promise<void> {
    await this.inbox.runOnce(messageId, async (tx) => {
      const row = await this.doses.recordOutcome(tx, p.doseId, { outcome: 'refused' });
      if (!row) return;
      const problems = p.problems.map(({ field, rule }) => ({ field, rule }));
      await this.worklists.openDoseRefused(tx, row, problems, await this.due(tx, row.campaignId));
    });
  }

  private async due(tx: PoolClient, campaignId: string): Promise<string> {
    const { rows } = await tx.query('select deadline::text, worklist_due_days from campaigns where campaign_id = $1', [
      campaignId,
    ]);
    return dueOn(this.today(), rows[0].worklist_due_days, rows[0].deadline);
  }
}
