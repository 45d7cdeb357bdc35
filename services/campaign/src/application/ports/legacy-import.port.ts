import type { ColumnMapping } from '../../domain/legacy-row/column-mapping';
import type { LegacyRow } from '../../domain/legacy-row/legacy-row';

export interface ImportStart {
  importId: string;
  /** The file's name only: a path may say whose list it is, never more. */
  sourceName: string;
  format: 'csv' | 'xlsx';
  mapping: ColumnMapping;
}

/** Where validated rows go, batch by batch; each batch is durable when `write` resolves. */
export interface LegacyRowSink {
  /** Opens the import, or finds it again: rows up to `committedThrough` were written by an earlier run. */
  begin(start: ImportStart): Promise<{ committedThrough: number }>;
  /**
   * Writes a batch; it becomes durable only after `after` (the batch before) did, so batches may be
   * written side by side and still commit in order. If `after` fails, so does this batch.
   */
  write(importId: string, rows: LegacyRow[], after?: Promise<void>): Promise<void>;
  finish(importId: string): Promise<void>;
}

/** One line of the per-row report: no names, dates or numbers, only what was wrong and where. */
export interface RowReportLine {
  rowNumber: number;
  status: LegacyRow['status'];
  idState: LegacyRow['idState'];
  problems: string;
}

export interface ImportSummary {
  importId: string;
  /** Data rows read from the file in this run (empty rows skipped). */
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Accepted rows without a usable ID number: classed without asking the registry. */
  withoutUsableId: number;
  /** Accepted rows with at least one problem. */
  withProblems: number;
  /** How often each field:rule was broken. */
  problems: Record<string, number>;
  /** Rows an earlier, interrupted run had already written (skipped now). */
  resumedAfterRow: number;
  lastRowNumber: number;
}
