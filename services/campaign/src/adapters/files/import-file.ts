import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, extname } from 'node:path';
import type { Pool } from 'pg';
import type { ColumnMapping } from '../../domain/legacy-row/column-mapping';
import type { CellValue } from '../../domain/legacy-row/legacy-row';
import type { ValidationContext } from '../../domain/legacy-row/row-validation';
import { csvRows } from './csv-rows';
import { importLegacyList } from '../../application/legacy-import';
import type { ImportSummary, RowReportLine } from '../../application/ports/legacy-import.port';
import { PostgresLegacyRowSink } from '../postgres/postgres-row.sink';
import { ROW_REPORT_HEADER, rowReportLine } from './row-report.csv';
import { xlsxRows } from './xlsx-rows';

export interface ImportFileOptions {
  importId: string;
  mapping: ColumnMapping;
  context: Omit<ValidationContext, 'dateOrder'>;
  reportPath?: string;
  batchSize?: number;
}

export function formatOf(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  throw new Error(`cannot read ${ext || 'files without an extension'}: give a .csv or .xlsx file`);
}

/** A file on disk into the campaign's database, with the per-row report written beside it if asked. */
export async function importFile(pool: Pool, path: string, options: ImportFileOptions): Promise<ImportSummary> {
  const format = formatOf(path);
  const rows: AsyncIterable<CellValue[]> = format === 'xlsx' ? xlsxRows(path, options.mapping.sheet) : csvRows(path);
  const report = options.reportPath ? reportWriter(options.reportPath) : undefined;
  try {
    return await importLegacyList(rows, new PostgresLegacyRowSink(pool), {
      importId: options.importId,
      sourceName: basename(path),
      format,
      mapping: options.mapping,
      context: options.context,
      batchSize: options.batchSize,
      report: report?.write,
    });
  } finally {
    await report?.close();
  }
}

/** The per-row report written to a file as the rows are read. */
function reportWriter(path: string) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  out.write(ROW_REPORT_HEADER);
  return {
    write: async (l: RowReportLine) => {
      if (!out.write(rowReportLine(l))) await once(out, 'drain');
    },
    close: async () => {
      out.end();
      await once(out, 'finish');
    },
  };
}
