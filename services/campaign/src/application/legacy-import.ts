import { type ColumnMapping, MappingRejected, resolveColumns } from '../domain/legacy-row/column-mapping';
import type { CellValue, LegacyRow } from '../domain/legacy-row/legacy-row';
import { problemText } from '../domain/legacy-row/legacy-row';
import { type ValidationContext, validateRow } from '../domain/legacy-row/row-validation';
import type { ImportSummary, LegacyRowSink, RowReportLine } from './ports/legacy-import.port';

export interface ImportRun {
  importId: string;
  sourceName: string;
  format: 'csv' | 'xlsx';
  mapping: ColumnMapping;
  context: Omit<ValidationContext, 'dateOrder'>;
  /** Rows per durable batch (one COPY and one commit each). */
  batchSize?: number;
  /** Called for every data row read in this run, in order; may wait (a report file's backpressure). */
  report?: (line: RowReportLine) => void | Promise<void>;
}

/** Batches written side by side; they still commit in order (see PostgresLegacyRowSink). */
const WRITES_IN_FLIGHT = 2;

const isEmpty = (cells: CellValue[]) => cells.every((c) => c === null || c === undefined || String(c).trim() === '');

/**
 * Streams a list through the mapping and validation into the sink in batches. One batch is being
 * written while the next is read, so parsing and the database overlap. A bad row is reported and
 * kept (rejected), never a reason to stop; only an unusable header row stops the import.
 * An import interrupted and run again with the same id skips the rows already committed.
 */
export async function importLegacyList(
  rows: AsyncIterable<CellValue[]>,
  sink: LegacyRowSink,
  run: ImportRun,
): Promise<ImportSummary> {
  const { importId, mapping, batchSize = 5_000 } = run;
  const context: ValidationContext = { ...run.context, dateOrder: mapping.dateOrder };
  const summary: ImportSummary = {
    importId,
    rowsRead: 0,
    accepted: 0,
    rejected: 0,
    withoutUsableId: 0,
    withProblems: 0,
    problems: {},
    resumedAfterRow: 0,
    lastRowNumber: 0,
  };
  let columns: ReturnType<typeof resolveColumns> | undefined;
  let batch: LegacyRow[] = [];
  // Batches being written: two at once, so PostgreSQL copies one while the other waits to commit
  // and the next is read (one at a time left the reader idle a third of the time: docs/performance.md).
  const writing: Promise<void>[] = [];
  const write = async (rows: LegacyRow[]) => {
    if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
    const written = sink.write(importId, rows, writing[writing.length - 1]);
    written.catch(() => undefined); // awaited in turn; this only keeps Node from calling it unhandled
    writing.push(written);
  };
  let rowNumber = 0;
  for await (const cells of rows) {
    rowNumber++;
    if (!columns) {
      columns = resolveColumns(mapping, cells);
      const { committedThrough } = await sink.begin({
        importId,
        sourceName: run.sourceName,
        format: run.format,
        mapping,
      });
      summary.resumedAfterRow = committedThrough;
      continue;
    }
    if (rowNumber <= summary.resumedAfterRow || isEmpty(cells)) continue;
    const row = validateRow(rowNumber, cells, columns, context);
    count(summary, row);
    await run.report?.({ rowNumber, status: row.status, idState: row.idState, problems: problemText(row.problems) });
    batch.push(row);
    if (batch.length >= batchSize) {
      await write(batch);
      batch = [];
    }
  }
  if (!columns)
    throw new MappingRejected([{ field: 'file', rule: 'headerRow', message: 'the file has no header row' }]);
  if (batch.length > 0) await write(batch);
  for (const written of writing) await written;
  await sink.finish(importId);
  summary.lastRowNumber = rowNumber;
  return summary;
}

function count(summary: ImportSummary, row: LegacyRow): void {
  summary.rowsRead++;
  if (row.status === 'rejected') summary.rejected++;
  else {
    summary.accepted++;
    if (row.idState !== 'valid') summary.withoutUsableId++;
    if (row.problems.length > 0) summary.withProblems++;
  }
  for (const p of row.problems) {
    const key = `${p.field}:${p.rule}`;
    summary.problems[key] = (summary.problems[key] ?? 0) + 1;
  }
}
