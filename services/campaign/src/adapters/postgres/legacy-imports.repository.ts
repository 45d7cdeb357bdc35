import { type KeysetPage, PAGE_LIMIT_MAX, pageOf } from '@vax/platform';
import type { Pool } from 'pg';
import type { RowReportLine } from '../../application/ports/legacy-import.port';

export interface ImportListing {
  importId: string;
  sourceName: string;
  format: string;
  rowsAccepted: number;
  rowsRejected: number;
  startedAt: string;
  /** Null while the import runs or after it was interrupted: such a list cannot start a campaign. */
  finishedAt: string | null;
}

const LISTING = `select import_id, source_name, format, rows_accepted, rows_rejected, started_at, finished_at
  from legacy_imports`;

const listing = (r: Record<string, unknown>): ImportListing => ({
  importId: r.import_id as string,
  sourceName: r.source_name as string,
  format: r.format as string,
  rowsAccepted: r.rows_accepted as number,
  rowsRejected: r.rows_rejected as number,
  startedAt: (r.started_at as Date).toISOString(),
  finishedAt: r.finished_at ? (r.finished_at as Date).toISOString() : null,
});

/** The imported lists as managers choose among them, and each one's per-row report read back. */
export class LegacyImportsRepository {
  constructor(private readonly pool: Pool) {}

  /** A page of the imported lists, newest first (then by id). */
  async list(page: KeysetPage = { after: null, limit: PAGE_LIMIT_MAX }) {
    const { rows } = await this.pool.query(
      `select *, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as started_key
       from (${LISTING}) l where $1::timestamptz is null or (started_at, import_id) < ($1, $2)
       order by started_at desc, import_id desc limit $3`,
      [page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit + 1],
    );
    const { items, nextCursor } = pageOf(rows, page, (r) => [r.started_key, r.import_id]);
    return { items: items.map(listing), nextCursor };
  }

  async find(importId: string): Promise<ImportListing | undefined> {
    const { rows } = await this.pool.query(`${LISTING} where import_id = $1`, [importId]);
    return rows[0] && listing(rows[0]);
  }

  /** Every row's line of the report in file order, a page at a time: a list of millions never sits in memory. */
  async *reportLines(importId: string, pageSize = 5_000): AsyncGenerator<RowReportLine> {
    for (let after = 0; ;) {
      const { rows } = await this.pool.query(
        `select row_number, status, id_state, problems from legacy_rows
         where import_id = $1 and row_number > $2 order by row_number limit $3`,
        [importId, after, pageSize],
      );
      for (const r of rows)
        yield { rowNumber: r.row_number, status: r.status, idState: r.id_state, problems: r.problems };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].row_number as number;
    }
  }
}
