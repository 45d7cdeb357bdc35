import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { CellValue } from '../domain/legacy-row/legacy-row';

/** The delimiter of the header line: sites exported with commas, semicolons (Excel in Vietnamese) or tabs. */
export function sniffDelimiter(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const firstLine = buffer.subarray(0, length).toString('utf8').split(/\r?\n/)[0];
    const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
    return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  } finally {
    closeSync(fd);
  }
}

/**
 * The records of a CSV file, header first, streamed: the file is never whole in memory. Quoted
 * fields may hold delimiters and line breaks; a byte-order mark is dropped; a record with too many
 * or too few cells is still yielded (validation says what is missing), never a reason to stop.
 */
export async function* csvRows(path: string): AsyncGenerator<CellValue[]> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: sniffDelimiter(path),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }),
  );
  for await (const record of parser) yield record as string[];
}
