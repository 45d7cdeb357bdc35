import { inTransaction } from '@vax/messaging';
import type { Pool } from 'pg';
import {
  type DoseRowFacts,
  type DuplicatePolicy,
  type MergeProposal,
  personKey,
} from '../../domain/duplicates/duplicate-detection';
import type { RowClass } from '../../domain/classification/row-class';

const FACTS = `l.import_id, l.row_number, r.result, r.person_id, l.id_number, l.full_name, l.date_of_birth::text as dob,
  l.vaccine_code, l.administered_on::text as day, l.lot_number, l.site_id, l.dose_number, l.problems`;

/**
 * The rows that may be one injection entered twice: rows of one registry person (or of one unknown
 * ID number) with two injections close in time. The database narrows them down with a window over
 * each person's injections; the domain decides (duplicate-detection.ts).
 */
export class MergesRepository {
  constructor(private readonly pool: Pool) {}

  async candidateGroups(campaignId: string, policy: DuplicatePolicy): Promise<DoseRowFacts[][]> {
    const { rows } = await this.pool.query(
      `with linked as (
         select l.import_id, l.row_number, l.administered_on,
           coalesce('P:' || r.person_id, 'I:' || l.id_number) as who
         from row_results r join legacy_rows l on l.import_id = r.import_id and l.row_number = r.row_number
         where r.campaign_id = $1 and l.administered_on is not null
           and (r.person_id is not null or r.result in ('not-found', 'ambiguous'))),
       close as (
         select who from (select who, administered_on - lag(administered_on) over (partition by who order by administered_on) as gap
                          from linked) g
         where gap <= $2 group by who)
       select ${FACTS}, k.who from linked k join close using (who)
       join legacy_rows l on l.import_id = k.import_id and l.row_number = k.row_number
       join row_results r on r.campaign_id = $1 and r.import_id = k.import_id and r.row_number = k.row_number
       order by k.who`,
      [campaignId, policy.maxDaysApart],
    );
    const groups = new Map<string, DoseRowFacts[]>();
    for (const r of rows) {
      const facts = toFacts(r);
      const key = personKey(facts)?.key; // the domain's key: an unknown number alone is not a person
      if (key) groups.set(key, [...(groups.get(key) ?? []), facts]);
    }
    return [...groups.values()].filter((g) => g.length > 1);
  }

  /** New proposals only: a row already proposed as a duplicate keeps its proposal and its decision. */
  async saveProposals(campaignId: string, proposals: MergeProposal[]): Promise<number> {
    if (proposals.length === 0) return 0;
    const split = (ref: string) =>
      [ref.slice(0, ref.lastIndexOf(':')), Number(ref.slice(ref.lastIndexOf(':') + 1))] as const;
    return inTransaction(this.pool, async (tx) => {
      const { rowCount } = await tx.query(
        `insert into merge_proposals (proposal_id, campaign_id, keep_import, keep_row, duplicate_import, duplicate_row, evidence)
         select $1 || ':' || d_import || ':' || d_row, $1, k_import, k_row, d_import, d_row, evidence::jsonb
         from unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::text[]) as t(k_import, k_row, d_import, d_row, evidence)
         on conflict do nothing`,
        [
          campaignId,
          proposals.map((p) => split(p.keepRef)[0]),
          proposals.map((p) => split(p.keepRef)[1]),
          proposals.map((p) => split(p.duplicateRef)[0]),
          proposals.map((p) => split(p.duplicateRef)[1]),
          proposals.map((p) => JSON.stringify(p.evidence)),
        ],
      );
      return rowCount ?? 0;
    });
  }
}

function toFacts(r: Record<string, string | number | null>): DoseRowFacts {
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    ref: `${r.import_id}:${r.row_number}`,
    rowClass: r.result as RowClass,
    personId: opt(r.person_id as string | null),
    idNumber: opt(r.id_number as string | null),
    fullName: opt(r.full_name as string | null),
    dateOfBirth: opt(r.dob as string | null),
    vaccineCode: opt(r.vaccine_code as string | null),
    administeredOn: opt(r.day as string | null),
    lotNumber: opt(r.lot_number as string | null),
    siteId: opt(r.site_id as string | null),
    doseNumber: opt(r.dose_number as number | null),
    problemCount: r.problems ? String(r.problems).split('|').length : 0,
  };
}
