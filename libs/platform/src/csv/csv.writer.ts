import { stringify } from 'csv-stringify/sync';

/** A cell: numbers are written as numbers (a negative one is not a formula); null and undefined are empty. */
export type CsvCell = string | number | null | undefined;

/**
 * Excel reads a CSV file without a byte order mark in the machine's code page, so "Tam Đường"
 * would show as "Tam Ä�Æ°á»�ng"; with it, UTF-8 is recognised everywhere we have seen.
 */
export const CSV_BOM = '\uFEFF';

const OPTIONS = {
  record_delimiter: 'windows', // RFC 4180: CRLF
  // A text cell starting with = + - @ tab or CR is prefixed with ' so a spreadsheet shows it
  // instead of running it: exports carry what citizens and sites typed (OWASP "CSV injection").
  escape_formulas: true,
  // csv-stringify quotes a CRLF inside a cell but not a lone CR or LF, which readers take as a new row.
  quoted_match: /[\r\n]/,
} as const;

/** One record, CRLF-terminated, for documents written a line at a time (streamed reports). */
export function csvRecord(cells: readonly CsvCell[]): string {
  return stringify([[...cells]], OPTIONS);
}

/** A whole CSV document: the byte order mark, the header, then the rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + stringify([[...header], ...rows.map((row) => [...row])], OPTIONS);
}
