import { inTransaction } from '@vax/messaging';
import { type KeysetPage, PAGE_LIMIT_MAX, pageOf } from '@vax/platform';
import type { Pool } from 'pg';
import type { ProposalStatus, ProposalView } from '../../domain/duplicates/merge-decision';
import { type MergeProposalListing, MergeProposals } from '../../application/ports/merge-proposals.port';

const ROW = (alias: string) =>
  `jsonb_build_object('importId', ${alias}.import_id, 'rowNumber', ${alias}.row_number, 'siteId', ${alias}.site_id,
    'vaccineCode', ${alias}.vaccine_code, 'lotNumber', ${alias}.lot_number, 'administeredOn', ${alias}.administered_on,
    'doseNumber', ${alias}.dose_number)`;

/** merge_proposals, each with its two legacy rows. */
export class PostgresMergeProposals extends MergeProposals {
  constructor(private readonly pool: Pool) {
    super();
  }

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
    const proposals: MergeProposalListing[] = rows.map((r) => ({
      proposalId: r.proposal_id as string,
      status: r.status,
      evidence: r.evidence,
      keep: r.keep,
      duplicate: r.duplicate,
    }));
    return pageOf(proposals, page, (p) => [p.proposalId]);
  }

  decideOne(
    campaignId: string,
    proposalId: string,
    decidedBy: string,
    decide: (proposal: ProposalView | undefined) => ProposalStatus,
  ): Promise<ProposalStatus> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query(
        `select m.status, k.site_id as keep_site, d.site_id as duplicate_site from merge_proposals m
         join legacy_rows k on k.import_id = m.keep_import and k.row_number = m.keep_row
         join legacy_rows d on d.import_id = m.duplicate_import and d.row_number = m.duplicate_row
         where m.campaign_id = $1 and m.proposal_id = $2 for update of m`,
        [campaignId, proposalId],
      );
      const found = rows[0];
      const next = decide(
        found && { proposalId, status: found.status, siteIds: [found.keep_site, found.duplicate_site] },
      );
      await tx.query(
        'update merge_proposals set status = $2, decided_by = $3, decided_at = now() where proposal_id = $1',
        [proposalId, next, decidedBy],
      );
      return next;
    });
  }
}
