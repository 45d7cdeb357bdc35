import type { LinkageCandidate } from '@vax/contracts';
import { inTransaction } from '@vax/messaging';
import type { Pool } from 'pg';
import type { WorklistStatus } from '../../domain/worklists/worklist-item';
import { type ChoiceOutcome, type ChoosableItem, IdentityChoices } from '../../application/ports/identity-choices.port';

/** worklist_items with their rows' candidates (row_results); a same-person choice links the row as matched. */
export class PostgresIdentityChoices extends IdentityChoices {
  constructor(private readonly pool: Pool) {
    super();
  }

  chooseOne(
    campaignId: string,
    itemId: string,
    decide: (found: ChoosableItem | undefined) => ChoiceOutcome,
  ): Promise<WorklistStatus> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query(
        `select w.site_id, w.reason, w.status, w.due_on::text, w.import_id, w.row_number, c.status as campaign_status,
           coalesce(r.candidates, '[]'::jsonb) as candidates
         from worklist_items w join campaigns c using (campaign_id)
         left join row_results r on r.campaign_id = w.campaign_id and r.import_id = w.import_id and r.row_number = w.row_number
         where w.campaign_id = $1 and w.item_id = $2 for update of w`,
        [campaignId, itemId],
      );
      const row = rows[0];
      const outcome = decide(
        row && {
          item: { itemId, siteId: row.site_id, reason: row.reason, status: row.status, dueOn: row.due_on },
          campaignRunning: row.campaign_status === 'running',
          candidates: (row.candidates as LinkageCandidate[]).map((c) => c.personId),
        },
      );
      if (outcome.linkPersonId !== undefined)
        await tx.query(
          `update row_results set result = 'matched', person_id = $4
           where campaign_id = $1 and import_id = $2 and row_number = $3`,
          [campaignId, row.import_id, row.row_number, outcome.linkPersonId],
        );
      await tx.query(
        `update worklist_items set status = $2, details = details || jsonb_build_object('choice', $3::jsonb),
           updated_at = now() where item_id = $1`,
        [itemId, outcome.next, JSON.stringify(outcome.recorded)],
      );
      return outcome.next;
    });
  }
}
