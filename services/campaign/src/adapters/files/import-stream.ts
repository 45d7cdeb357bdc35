import type { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { csvStreamRows } from './csv-rows';
import { type ImportRun, importLegacyList } from '../../application/legacy-import';
import type { CellValue } from '../../domain/legacy-row/legacy-row';
import type { ImportSummary } from '../../application/ports/legacy-import.port';
import { PostgresLegacyRowSink } from '../postgres/postgres-row.sink';
import { UnreadableList, UploadAborted, UploadTooLarge } from './upload-errors';
import { xlsxRows } from './xlsx-rows';

/**
 * A list arriving as a stream (an upload) into the campaign's database, through the same pipeline
 * as a file on disk: rows are parsed, validated and written batch by batch, never held whole. The
 * per-row report is read back from the rows afterwards (legacy-imports.repository).
 */
export function importStream(pool: Pool, input: Readable, run: Omit<ImportRun, 'report'>): Promise<ImportSummary> {
  const rows = run.format === 'xlsx' ? xlsxRows(input, run.mapping.sheet) : csvStreamRows(input);
  return importLegacyList(readErrorsNamed(rows, run.format), new PostgresLegacyRowSink(pool), run);
}

/** A reader's own failure says the file is unreadable; the upload's (too large, cut off) pass as they are. */
async function* readErrorsNamed(rows: AsyncIterable<CellValue[]>, format: string): AsyncGenerator<CellValue[]> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof UploadTooLarge || error instanceof UploadAborted) throw error;
    throw new UnreadableList(format, error);
  }
}
