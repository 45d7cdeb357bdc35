import type { LinkageCandidate } from '@vax/contracts';
import type { Actor } from '@vax/event-sourcing';
import { inTransaction } from '@vax/messaging';
import type { Pool } from 'pg';
import { type IdentityChoice, chooseIdentity } from '../../domain/worklists/identity-choice';
import { WorklistRefused, type WorklistStatus } from '../../domain/worklists/worklist-item';

/**
 * A site's choice among a row's candidates (ADR 14). The same person: the row is linked to them as a
 * match (the next settling round sends its dose to their record), the item resolved. None of them:
 * the item stays open for a correction. Either way the choice, who made it and when, stays on the item.
 */
export class IdentityChoiceService {
  constructor(
    private readonly pool: Pool,
    private readonly signalChanges: (campaignId: string) => Promise<unknown>,
  ) {}

  async choose(campaignId: string, itemId: string, choice: IdentityChoice, actor: Actor): Promise<WorklistStatus> {
    const status = await inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query(
        `select w.site_id, w.reason, w.status, w.due_on::text, w.import_id, w.row_number, c.status as campaign_status,
           coalesce(r.candidates, '[]'::jsonb) as candidates
         from worklist_items w join campaigns c using (campaign_id)
         left join row_results r on r.campaign_id = w.campaign_id and r.import_id = w.import_id and r.row_number = w.row_number
         where w.campaign_id = $1 and w.item_id = $2 for update of w`,
        [campaignId, itemId],
      );
      const item = rows[0];
      if (!item) throw new WorklistRefused('itemId', 'known', 'no such worklist item in this campaign');
      if (item.campaign_status !== 'running')
        throw new WorklistRefused('campaignId', 'running', 'the campaign is closed');
      const candidates = (item.candidates as LinkageCandidate[]).map((c) => c.personId);
      const next = chooseIdentity(
        { itemId, siteId: item.site_id, reason: item.reason, status: item.status, dueOn: item.due_on },
        candidates,
        choice,
        actor,
      );
      if (choice.decision === 'same-person')
        await tx.query(
          `update row_results set result = 'matched', person_id = $4
           where campaign_id = $1 and import_id = $2 and row_number = $3`,
          [campaignId, item.import_id, item.row_number, choice.personId],
        );
      const recorded = { ...choice, by: actor.id, at: new Date().toISOString() };
      await tx.query(
        `update worklist_items set status = $2, details = details || jsonb_build_object('choice', $3::jsonb),
           updated_at = now() where item_id = $1`,
        [itemId, next, JSON.stringify(recorded)],
      );
      return next;
    });
    if (choice.decision === 'same-person') await this.signalChanges(campaignId);
    return status;
  }
}
