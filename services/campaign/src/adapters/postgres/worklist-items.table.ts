import { inTransaction } from '@vax/messaging';
import { type KeysetPage, PAGE_LIMIT_MAX, pageOf } from '@vax/platform';
import type { Pool, QueryResultRow } from 'pg';
import type { IdentityCorrection, WorklistStatus } from '../../domain/worklists/worklist-item';
import { type CorrectableItem, type WorklistEntry, WorklistItems } from '../../application/ports/worklist-items.port';
import type { WorklistReason } from '../../domain/classification/row-class';

const toEntry = (r: QueryResultRow): WorklistEntry => ({
  itemId: r.item_id,
  reason: r.reason,
  status: r.status,
  dueOn: r.due_on,
  sourceName: r.source_name,
  rowNumber: r.row_number,
  row: {
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    idNumber: r.id_number,
    vaccineCode: r.vaccine_code,
    lotNumber: r.lot_number,
    administeredOn: r.administered_on,
    doseNumber: r.dose_number,
  },
  details: r.details,
});

/** worklist_items with their legacy rows; corrections kept in row_corrections. */
export class PostgresWorklistItems extends WorklistItems {
  constructor(private readonly pool: Pool) {
    super();
  }

  /** A page of a site's items by due day (then id), after the key of the previous page's last item. */
  async forSite(
    campaignId: string,
    siteId: string | null,
    filter: { status?: WorklistStatus; reason?: WorklistReason } = {},
    page: KeysetPage = { after: null, limit: PAGE_LIMIT_MAX },
  ): Promise<{ items: WorklistEntry[]; nextCursor: string | null }> {
    const { rows } = await this.pool.query(
      `select w.item_id, w.reason, w.status, w.due_on::text, w.details, i.source_name, l.row_number,
         l.full_name, l.date_of_birth::text as date_of_birth, l.gender, l.id_number, l.vaccine_code, l.lot_number,
         l.administered_on::text as administered_on, l.dose_number
       from worklist_items w join legacy_rows l on l.import_id = w.import_id and l.row_number = w.row_number
       join legacy_imports i on i.import_id = w.import_id
       where w.campaign_id = $1 and ${siteId === null ? '$2::text is null and w.site_id is null' : 'w.site_id = $2'}
         and ($3::text is null or w.status = $3) and ($7::text is null or w.reason = $7)
         and ($4::date is null or (w.due_on, w.item_id) > ($4, $5))
       order by w.due_on, w.item_id limit $6`,
      [
        campaignId,
        siteId,
        filter.status ?? null,
        page.after?.[0] ?? null,
        page.after?.[1] ?? null,
        page.limit + 1,
        filter.reason ?? null,
      ],
    );
    return pageOf(rows.map(toEntry), page, (e) => [e.dueOn, e.itemId]);
  }

  correctOne(
    campaignId: string,
    itemId: string,
    correction: IdentityCorrection,
    correctedBy: string,
    decide: (found: CorrectableItem | undefined) => WorklistStatus,
  ): Promise<WorklistStatus> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query(
        `select w.item_id, w.site_id, w.reason, w.status, w.due_on::text, w.import_id, w.row_number, c.status as campaign_status
         from worklist_items w join campaigns c using (campaign_id) where w.campaign_id = $1 and w.item_id = $2 for update of w`,
        [campaignId, itemId],
      );
      const item = rows[0];
      const next = decide(
        item && {
          item: { itemId, siteId: item.site_id, reason: item.reason, status: item.status, dueOn: item.due_on },
          campaignRunning: item.campaign_status === 'running',
        },
      );
      await tx.query(
        `insert into row_corrections (campaign_id, import_id, row_number, full_name, date_of_birth, gender, id_number, corrected_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (campaign_id, import_id, row_number) do update set full_name = coalesce(excluded.full_name, row_corrections.full_name),
           date_of_birth = coalesce(excluded.date_of_birth, row_corrections.date_of_birth), gender = coalesce(excluded.gender, row_corrections.gender),
           id_number = coalesce(excluded.id_number, row_corrections.id_number), corrected_by = excluded.corrected_by,
           corrected_at = now(), recheck_batch_id = null`,
        [
          campaignId,
          item.import_id,
          item.row_number,
          correction.fullName ?? null,
          correction.dateOfBirth ?? null,
          correction.gender ?? null,
          correction.idNumber ?? null,
          correctedBy,
        ],
      );
      await tx.query(`update worklist_items set status = $2, updated_at = now() where item_id = $1`, [itemId, next]);
      return next;
    });
  }
}
