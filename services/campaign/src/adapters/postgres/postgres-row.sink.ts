import { once } from 'node:events';
import { inTransaction } from '@vax/messaging';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type LegacyRow, problemText } from '../../domain/legacy-row/legacy-row';
import type { ImportStart, LegacyRowSink } from '../../application/ports/legacy-import.port';

const COLUMNS =
  'import_id, row_number, status, id_state, full_name, date_of_birth, gender, id_number, phone, address, ' +
  'vaccine_code, lot_number, administered_on, dose_number, site_id, problems';

/** COPY text format: \N for null; backslash, tab and line breaks escaped. */
const field = (v: string | number | undefined): string =>
  v === undefined
    ? '\\N'
    : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

export function copyLine(importId: string, r: LegacyRow): string {
  return (
    [
      importId,
      r.rowNumber,
      r.status,
      r.idState,
      r.fullName,
      r.dateOfBirth,
      r.gender,
      r.idNumber,
      r.phone,
      r.address,
      r.vaccineCode,
      r.lotNumber,
      r.administeredOn,
      r.doseNumber,
      r.siteId,
      problemText(r.problems),
    ]
      .map(field)
      .join('\t') + '\n'
  );
}

/**
 * Writes each batch with one COPY and moves the import's high-water mark in the same transaction;
 * batches are written in order, each after the one before committed (the next is parsed meanwhile):
 * after a crash, the rows up to `committed_through` are there and the rest are not.
 */
export class PostgresLegacyRowSink implements LegacyRowSink {
  constructor(private readonly pool: Pool) {}

  async begin(start: ImportStart): Promise<{ committedThrough: number }> {
    const { rows } = await this.pool.query(
      `insert into legacy_imports (import_id, source_name, format, mapping) values ($1, $2, $3, $4)
       on conflict (import_id) do update set finished_at = null
       returning committed_through`,
      [start.importId, start.sourceName, start.format, JSON.stringify(start.mapping)],
    );
    return { committedThrough: rows[0].committed_through as number };
  }

  async write(importId: string, rows: LegacyRow[], after: Promise<void> = Promise.resolve()): Promise<void> {
    if (rows.length === 0) return after;
    // The COPY waits for the batch before to commit. Run beside it, the two deadlocked: the progress
    // counters' triggers (campaign-0004) lock the import's counter rows, so whichever COPY came second
    // waited on the other's transaction, which waited here for the batch before it to commit.
    await after;
    await inTransaction(this.pool, async (tx) => {
      const copy = tx.query(copyFrom(`copy legacy_rows (${COLUMNS}) from stdin`));
      const done = once(copy, 'finish');
      copy.write(rows.map((r) => copyLine(importId, r)).join(''));
      copy.end();
      await done;
      const accepted = rows.filter((r) => r.status === 'accepted').length;
      await tx.query(
        `update legacy_imports set committed_through = $2, rows_accepted = rows_accepted + $3,
         rows_rejected = rows_rejected + $4 where import_id = $1`,
        [importId, rows[rows.length - 1].rowNumber, accepted, rows.length - accepted],
      );
    });
  }

  /** Marks the import complete and refreshes the planner's view of the table that just grew. */
  async finish(importId: string): Promise<void> {
    await this.pool.query('update legacy_imports set finished_at = now() where import_id = $1', [importId]);
    await this.pool.query('analyze legacy_rows');
  }
}
