import type { Pool, PoolClient } from 'pg';

/**
 * Why a row goes back to its site, in SQL: the same rules as worklistReason() of the domain, so a
 * million rows are sorted into worklists in one statement (an integration test holds the two together).
 */
export const WORKLIST_REASON_SQL = `case
  when l.status = 'rejected' then 'unusable-row'
  -- No answer for a row without a usable number: a batch of before v2, which did not carry such rows.
  when r.result = 'invalid-id' or (r.result is null and l.id_state <> 'valid') then
    case when l.id_state = 'missing' then 'missing-id' else 'malformed-id' end
  when r.result = 'mismatched' then 'identity-mismatch'
  when r.result = 'not-found' then 'not-in-registry'
  when r.result = 'ambiguous' then 'ambiguous-identity'
  when r.result = 'matched' and l.problems ~ '(^|\\|)(vaccine|lotNumber|administeredOn|site):' then 'dose-facts'
end`;

export class WorklistsRepository {
  constructor(private readonly pool: Pool) {}

  /** Opens an item for every row that needs its site and has none yet; returns how many were opened. */
  async openForRows(campaignId: string, importIds: string[], dueOn: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      `insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, details, due_on)
       select $1 || ':' || import_id || ':' || row_number || ':' || reason, $1, import_id, row_number, site_id, reason, details, $3
       from (select l.import_id, l.row_number, l.site_id, ${WORKLIST_REASON_SQL} as reason,
               jsonb_build_object('differences', coalesce(r.differences, '[]'::jsonb), 'problems', l.problems)
                 || case when r.candidates is null then '{}'::jsonb else jsonb_build_object('candidates', r.candidates) end as details
             from legacy_rows l left join row_results r
               on r.campaign_id = $1 and r.import_id = l.import_id and r.row_number = l.row_number
             where l.import_id = any($2) and (r.row_number is not null or l.status = 'rejected' or l.id_state <> 'valid')) x
       where reason is not null
       on conflict (campaign_id, import_id, row_number, reason) do nothing`,
      [campaignId, importIds, dueOn],
    );
    return rowCount ?? 0;
  }

  /** A dose the records refused: back to its site with the record's reasons. */
  async openDoseRefused(
    tx: PoolClient,
    row: { campaignId: string; importId: string; rowNumber: number; siteId: string },
    problems: { field: string; rule: string }[],
    dueOn: string,
  ): Promise<void> {
    await tx.query(
      `insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, details, due_on)
       values ($1 || ':' || $2 || ':' || $3::int || ':dose-refused', $1, $2, $3::int, $4, 'dose-refused', $5, $6)
       on conflict do nothing`,
      [
        row.campaignId,
        row.importId,
        row.rowNumber,
        row.siteId,
        JSON.stringify({ refusedBy: 'records', problems }),
        dueOn,
      ],
    );
  }

  /** After a recheck: items of rows now matched are resolved, the others reopened with the new differences. */
  async settleRechecked(campaignId: string, batchId: string): Promise<void> {
    await this.pool.query(
      `update worklist_items w set status = case when r.result = 'matched' then 'resolved' else 'reopened' end,
         details = w.details - 'candidates' || jsonb_build_object('differences', r.differences)
           || case when r.candidates is null then '{}'::jsonb else jsonb_build_object('candidates', r.candidates) end,
         updated_at = now()
       from row_results r
       where r.campaign_id = $1 and r.batch_id = $2 and w.campaign_id = $1 and w.import_id = r.import_id
         and w.row_number = r.row_number and w.status = 'corrected'`,
      [campaignId, batchId],
    );
  }
}
