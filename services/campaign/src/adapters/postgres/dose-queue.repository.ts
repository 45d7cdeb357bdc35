import type { LegacyDoseMatched } from '@vax/contracts';
import type { Pool, PoolClient } from 'pg';

/** The problems that keep a dose from the records (DOSE_FACT_FIELDS of the domain), as a pattern on `problems`. */
const DOSE_FACT_PROBLEM = '(^|\\|)(vaccine|lotNumber|administeredOn|site):';

export interface QueuedDose extends LegacyDoseMatched {
  seq: string;
}

/**
 * Matched rows on their way to the records. Each settling round queues, in one statement, every
 * matched row with complete dose facts that is not held by a merge proposal — numbered in person and
 * date order, so a person's old doses reach the record oldest first — then pages through the queue.
 */
export class DoseQueueRepository {
  constructor(private readonly pool: Pool) {}

  async queueMatched(campaignId: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      // The rows held by proposals as a set of their own: with the two cases OR-ed inside one NOT
      // EXISTS, every matched row scanned every proposal (94 s of 163 s settling 204,019 rows).
      `with held as (
         select duplicate_import as import_id, duplicate_row as row_number from merge_proposals
          where campaign_id = $1 and status <> 'rejected'
         union
         select keep_import, keep_row from merge_proposals where campaign_id = $1 and status = 'proposed')
       insert into dose_submissions (dose_id, campaign_id, import_id, row_number, person_id, site_id)
       select 'legacy:' || $1 || ':' || l.import_id || ':' || l.row_number, $1, l.import_id, l.row_number, r.person_id, l.site_id
       from row_results r join legacy_rows l on l.import_id = r.import_id and l.row_number = r.row_number
       where r.campaign_id = $1 and r.result = 'matched'
         and l.vaccine_code is not null and l.lot_number is not null and l.administered_on is not null and l.site_id is not null
         and l.problems !~ $2
         and not exists (select 1 from held h where h.import_id = l.import_id and h.row_number = l.row_number)
       order by r.person_id, l.administered_on, l.import_id, l.row_number
       on conflict do nothing`,
      [campaignId, DOSE_FACT_PROBLEM],
    );
    return rowCount ?? 0;
  }

  async nextPage(campaignId: string, limit: number): Promise<QueuedDose[]> {
    const { rows } = await this.pool.query(
      `select d.seq::text, d.dose_id, d.person_id, r.batch_id, l.vaccine_code, l.lot_number,
         l.administered_on::text as day, l.site_id, l.dose_number
       from dose_submissions d
       join legacy_rows l on l.import_id = d.import_id and l.row_number = d.row_number
       join row_results r on r.campaign_id = d.campaign_id and r.import_id = d.import_id and r.row_number = d.row_number
       where d.campaign_id = $1 and d.outcome = 'queued' order by d.seq limit $2`,
      [campaignId, limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      doseId: r.dose_id,
      campaignId,
      personId: r.person_id,
      verificationId: r.batch_id,
      vaccineCode: r.vaccine_code,
      lotNumber: r.lot_number,
      administeredOn: r.day,
      siteId: r.site_id,
      ...(r.dose_number ? { statedDoseNumber: r.dose_number } : {}),
    }));
  }

  async markSent(doseIds: string[]): Promise<void> {
    await this.pool.query(
      `update dose_submissions set outcome = 'sent', sent_at = now() where dose_id = any($1) and outcome = 'queued'`,
      [doseIds],
    );
  }

  /**
   * Many answers in one statement (a batch of injections' messages); returns the rows answered, by
   * dose id. Ignores doses that are not ours.
   */
  async recordOutcomes(
    tx: PoolClient,
    answers: { doseId: string; outcome: 'recorded' | 'already-on-record' | 'refused'; doseNumber?: number }[],
  ): Promise<Map<string, { campaignId: string; importId: string; rowNumber: number; siteId: string }>> {
    if (answers.length === 0) return new Map();
    const { rows } = await tx.query(
      `update dose_submissions d set outcome = a.outcome, dose_number = a.dose_number, answered_at = now()
       from unnest($1::text[], $2::text[], $3::int[]) as a(dose_id, outcome, dose_number)
       where d.dose_id = a.dose_id
       returning d.dose_id, d.campaign_id, d.import_id, d.row_number, d.site_id`,
      [answers.map((a) => a.doseId), answers.map((a) => a.outcome), answers.map((a) => a.doseNumber ?? null)],
    );
    return new Map(
      rows.map((r) => [
        r.dose_id,
        { campaignId: r.campaign_id, importId: r.import_id, rowNumber: r.row_number, siteId: r.site_id },
      ]),
    );
  }
}
