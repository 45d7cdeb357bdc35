import type { Actor } from '@vax/event-sourcing';
import { inTransaction } from '@vax/messaging';
import { type KeysetPage, PAGE_LIMIT_MAX, pageOf } from '@vax/platform';
import type { Pool } from 'pg';
import { MergeDecisionRefused, type ProposalStatus, decideProposal } from '../../domain/duplicates/merge-decision';

const ROW = (alias: string) =>
  `jsonb_build_object('importId', ${alias}.import_id, 'rowNumber', ${alias}.row_number, 'siteId', ${alias}.site_id,
    'vaccineCode', ${alias}.vaccine_code, 'lotNumber', ${alias}.lot_number, 'administeredOn', ${alias}.administered_on,
    'doseNumber', ${alias}.dose_number)`;

/** Probable duplicates as proposals a site confirms or rejects; nothing is merged before that. */
export class MergeProposalsService {
  constructor(
    private readonly pool: Pool,
    private readonly signalChanges: (campaignId: string) => Promise<unknown>,
  ) {}

  /** Proposals touching a site's rows, with the evidence and both rows' dose facts (no identity fields). */
  /** A page of the proposals touching a site's rows, by proposal id. */
  async forSite(campaignId: string, siteId: string, page: KeysetPage = { after: null, limit: PAGE_LIMIT_MAX }) {
    const { rows } = await this.pool.query(
      `select m.proposal_id, m.status, m.evidence, ${ROW('k')} as keep, ${ROW('d')} as duplicate
       from merge_proposals m
       join legacy_rows k on k.import_id = m.keep_import and k.row_number = m.keep_row
       join legacy_rows d on d.import_id = m.duplicate_import and d.row_number = m.duplicate_row
       where m.campaign_id = $1 and (k.site_id = $2 or d.site_id = $2) and ($3::text is null or m.proposal_id > $3)
       order by m.proposal_id limit $4`,
      [campaignId, siteId, page.after?.[0] ?? null, page.limit + 1],
    );
    const proposals = rows.map((r) => ({
      proposalId: r.proposal_id as string,
      status: r.status,
      evidence: r.evidence,
      keep: r.keep,
      duplicate: r.duplicate,
    }));
    return pageOf(proposals, page, (p) => [p.proposalId]);
  }

  async decide(
    campaignId: string,
    proposalId: string,
    decision: 'confirm' | 'reject',
    actor: Actor,
  ): Promise<ProposalStatus> {
    const status = await inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query(
        `select m.status, k.site_id as keep_site, d.site_id as duplicate_site from merge_proposals m
         join legacy_rows k on k.import_id = m.keep_import and k.row_number = m.keep_row
         join legacy_rows d on d.import_id = m.duplicate_import and d.row_number = m.duplicate_row
         where m.campaign_id = $1 and m.proposal_id = $2 for update of m`,
        [campaignId, proposalId],
      );
      if (!rows[0]) throw new MergeDecisionRefused('proposalId', 'known', 'no such proposal in this campaign');
      const view = { proposalId, status: rows[0].status, siteIds: [rows[0].keep_site, rows[0].duplicate_site] };
      const next = decideProposal(view, decision, actor);
      await tx.query(
        'update merge_proposals set status = $2, decided_by = $3, decided_at = now() where proposal_id = $1',
        [proposalId, next, actor.id],
      );
      return next;
    });
    await this.signalChanges(campaignId);
    return status;
  }
}
