import type { BulkRecordV2, LinkageCandidate } from '@vax/contracts';
import type { Pool, PoolClient } from 'pg';
import type { ClassCounts } from '../../workflows/campaign.messages';
import type { Chunk } from '../../workflows/campaign-chunks';
import { recordIdOf, rowOfRecordId } from '../../application/row-keys';

export interface RegistryAnswer {
  recordId: string;
  result: string;
  personId?: string;
  differences: { field: string; kind: string }[];
  /** A row to review (v2): the registry's ranked candidates. */
  candidates?: LinkageCandidate[];
}

// A site's correction, where there is one, is what the registry is asked about.
const ROW_FIELDS = `l.import_id, l.row_number, coalesce(c.full_name, l.full_name) as full_name,
  coalesce(c.date_of_birth, l.date_of_birth)::text as date_of_birth, coalesce(c.gender, l.gender) as gender,
  coalesce(c.id_number, l.id_number) as id_number, l.address`;

const toRecord = (r: Record<string, string | null>): BulkRecordV2 => ({
  recordId: recordIdOf(r.import_id!, Number(r.row_number)),
  idNumber: r.id_number ?? undefined,
  fullName: r.full_name ?? '',
  dateOfBirth: r.date_of_birth ?? undefined,
  gender: (r.gender as 'male' | 'female' | null) ?? undefined,
  ...(r.address ? { address: r.address } : {}),
});

/** The registry side of the campaign's tables: what each chunk sends, and the answers that came back. */
export class VerificationRepository {
  constructor(private readonly pool: Pool) {}

  /** The chunk's rows the registry must see: every accepted row, those without a usable ID number too. */
  async rowsOfChunk(chunk: Chunk): Promise<BulkRecordV2[]> {
    const { rows } = await this.pool.query(
      `select ${ROW_FIELDS} from legacy_rows l
       left join row_corrections c on c.campaign_id = $1 and c.import_id = l.import_id and c.row_number = l.row_number
       where l.import_id = $2 and l.row_number between $3 and $4 and l.status = 'accepted'
       order by l.row_number`,
      [chunk.campaignId, chunk.importId, chunk.firstRow, chunk.lastRow],
    );
    return rows.map(toRecord);
  }

  /** Corrected rows given to a recheck batch (assigned once, so a retried activity sends the same rows). */
  async rowsOfRecheck(campaignId: string, batchId: string, limit: number): Promise<BulkRecordV2[]> {
    await this.pool.query(
      `update row_corrections set recheck_batch_id = $2 where (campaign_id, import_id, row_number) in (
         select campaign_id, import_id, row_number from row_corrections
         where campaign_id = $1 and recheck_batch_id is null order by corrected_at limit $3)
       and not exists (select 1 from row_corrections where recheck_batch_id = $2)`,
      [campaignId, batchId, limit],
    );
    const { rows } = await this.pool.query(
      `select ${ROW_FIELDS} from row_corrections c join legacy_rows l on l.import_id = c.import_id and l.row_number = c.row_number
       where c.recheck_batch_id = $1 order by l.import_id, l.row_number`,
      [batchId],
    );
    return rows.map(toRecord);
  }

  async openBatch(chunk: Chunk, records: number): Promise<void> {
    await this.pool.query(
      `insert into verification_batches (batch_id, campaign_id, import_id, first_row, last_row, records)
       values ($1, $2, $3, $4, $5, $6) on conflict (batch_id) do nothing`,
      [chunk.batchId, chunk.campaignId, chunk.importId, chunk.firstRow, chunk.lastRow, records],
    );
  }

  async isCompleted(batchId: string): Promise<boolean> {
    const { rows } = await this.pool.query('select completed_at from verification_batches where batch_id = $1', [
      batchId,
    ]);
    return !!rows[0]?.completed_at;
  }

  /**
   * The registry's answers for a batch of ours, in the caller's transaction: each row's answer
   * replaces an earlier one (a recheck), and the batch is marked complete; the first answer to a
   * batch stands. Batches of others: false.
   */
  async recordAnswers(tx: PoolClient, batchId: string, answers: RegistryAnswer[]): Promise<boolean> {
    const batch = await tx.query(
      'select campaign_id, completed_at from verification_batches where batch_id = $1 for update',
      [batchId],
    );
    if (batch.rowCount === 0) return false;
    if (batch.rows[0].completed_at) return true; // a batch is answered once; the same answer again changes nothing
    const keys = answers.map((a) => rowOfRecordId(a.recordId)).filter((k) => k !== undefined);
    await tx.query(
      `insert into row_results (campaign_id, import_id, row_number, batch_id, result, person_id, differences, candidates)
       select $1, t.import_id, t.row_number, $2, t.result, t.person_id, t.differences::jsonb, t.candidates::jsonb
       from unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
         as t(import_id, row_number, result, person_id, differences, candidates)
       on conflict (campaign_id, import_id, row_number) do update set batch_id = excluded.batch_id,
         result = excluded.result, person_id = excluded.person_id, differences = excluded.differences,
         candidates = excluded.candidates`,
      [
        batch.rows[0].campaign_id,
        batchId,
        keys.map((k) => k!.importId),
        keys.map((k) => k!.rowNumber),
        answers.map((a) => a.result),
        answers.map((a) => a.personId ?? null),
        answers.map((a) => JSON.stringify(a.differences.map(({ field, kind }) => ({ field, kind })))),
        answers.map((a) => (a.candidates?.length ? JSON.stringify(a.candidates) : null)),
      ],
    );
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a.result] = (counts[a.result] ?? 0) + 1;
    await tx.query(
      `update verification_batches set completed_at = coalesce(completed_at, now()), answer_counts = $2 where batch_id = $1`,
      [batchId, JSON.stringify(counts)],
    );
    return true;
  }

  /**
   * The classes of a chunk's rows, the ones classed without the registry included: a range of the
   * list (its primary key) and the batch's answer counts, never a join over tables still growing.
   * Rows a batch did not carry (no usable number, in batches sent before v2) count as invalid-id.
   */
  async outcomeOfChunk(chunk: Chunk): Promise<ClassCounts> {
    const [rows, batch] = await Promise.all([
      this.pool.query(
        `select count(*) filter (where status = 'accepted')::int as accepted,
           count(*) filter (where status = 'rejected')::int as rejected
         from legacy_rows where import_id = $1 and row_number between $2 and $3`,
        [chunk.importId, chunk.firstRow, chunk.lastRow],
      ),
      this.pool.query('select records, answer_counts from verification_batches where batch_id = $1', [chunk.batchId]),
    ]);
    const { accepted, rejected } = rows.rows[0];
    const sent: number = batch.rows[0]?.records ?? 0;
    const answers: Record<string, number> = batch.rows[0]?.answer_counts ?? {};
    const n = (result: string) => answers[result] ?? 0;
    return {
      sent,
      matched: n('matched'),
      mismatched: n('mismatched'),
      notFound: n('not-found'),
      ambiguous: n('ambiguous'),
      invalidId: accepted - sent + n('invalid-id'),
      rejected,
    };
  }

  /** Fresh planner statistics after a table grew by a million rows, before the joins that read it. */
  async analyze(): Promise<void> {
    await this.pool.query('analyze legacy_rows, row_results, dose_submissions, merge_proposals, worklist_items');
  }
}
