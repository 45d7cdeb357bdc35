import { CSV_BOM, csvRecord } from '@vax/platform';
import type { RowReportLine } from '../../application/ports/legacy-import.port';

/** The per-row report as CSV: row, status, idState, problems (field:rule|…). Nothing personal in it. */
export const ROW_REPORT_HEADER = CSV_BOM + csvRecord(['row', 'status', 'idState', 'problems']);

export const rowReportLine = (l: RowReportLine): string => csvRecord([l.rowNumber, l.status, l.idState, l.problems]);
