import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../domain/legacy-row/legacy-row';

type RawCell = ExcelJS.CellValue;

/** What a spreadsheet cell holds, as text, number or date: rich text joined, formulas by their result. */
export function cellValueOf(raw: RawCell): CellValue {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string' || typeof raw === 'number' || raw instanceof Date) return raw;
  if (typeof raw === 'boolean') return String(raw);
  if (typeof raw === 'object') {
    if ('richText' in raw) return raw.richText.map((t) => t.text).join('');
    if ('result' in raw) return cellValueOf(raw.result as RawCell);
    if ('text' in raw && typeof raw.text === 'string') return raw.text;
  }
  return undefined;
}

/**
 * The rows of one worksheet of an .xlsx file, header first, streamed with exceljs's reader: rows are
 * read as the zip is inflated, never the whole sheet. Shared strings are cached (the format puts
 * them before the sheets); styles are read so date cells come back as dates. Gaps in a row are kept
 * as empty cells so columns stay aligned. The input is a file's path or a stream (an upload).
 */
export async function* xlsxRows(input: string | Readable, sheet: string | number = 1): AsyncGenerator<CellValue[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let position = 0;
  for await (const worksheet of reader) {
    position++;
    if (!isWanted(reader, worksheet as unknown as { id: number | string }, position, sheet)) continue;
    let expected = 1;
    for await (const row of worksheet) {
      // Fully empty rows are absent from the sheet's XML: the row numbers still say where each row was.
      for (; expected < row.number; expected++) yield [];
      expected = row.number + 1;
      const values = row.values as RawCell[];
      const cells: CellValue[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValueOf(values[i]));
      yield cells;
    }
    return;
  }
}

function isWanted(reader: unknown, worksheet: { id: number | string }, position: number, sheet: string | number) {
  if (typeof sheet === 'number') return position === sheet;
  const sheets = (reader as { model?: { sheets?: { id: number; name: string }[] } }).model?.sheets ?? [];
  return sheets.some((s) => s.name === sheet && String(s.id) === String(worksheet.id));
}
