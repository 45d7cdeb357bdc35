import type { RowReportLine } from './legacy-import.port';

/** The per-row report as CSV: row, status, idState, problems (field:rule|…). Nothing personal in it. */
export const ROW_REPORT_HEADER = 'row,status,idState,problems\n';

export const rowReportLine = (l: RowReportLine): string => `${l.rowNumber},${l.status},${l.idState},${l.problems}\n`;
