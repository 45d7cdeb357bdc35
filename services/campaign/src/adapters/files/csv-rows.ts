import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { CellValue } from '../../domain/legacy-row/legacy-row';
import { csvRecords } from './csv-records';

const SNIFF_BYTES = 64 * 1024;

/** The delimiter of a header line: sites exported with commas, semicolons (Excel in Vietnamese) or tabs. */
export function delimiterOf(head: string): string {
  const firstLine = head.split(/\r?\n/)[0];
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** The delimiter of a file's header line. */
export function sniffDelimiter(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return delimiterOf(buffer.subarray(0, length).toString('utf8'));
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
  yield* parsed(createReadStream(path), sniffDelimiter(path));
}

/**
 * The same from a stream (an upload): the delimiter is read from the first line, held back until
 * it is complete, then the bytes go on to the parser in order. An error of the stream (too large,
 * the client gone) ends the rows with that error.
 */
export async function* csvStreamRows(input: AsyncIterable<Buffer | string>): AsyncGenerator<CellValue[]> {
  const chunks = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES && !head.some((c) => c.includes(10))) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value);
    head.push(chunk);
    size += chunk.length;
  }
  const first = Buffer.concat(head);
  async function* all() {
    yield first;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield Buffer.from(next.value);
  }
  yield* parsed(Readable.from(all()), delimiterOf(first.subarray(0, SNIFF_BYTES).toString('utf8')));
}

async function* parsed(source: Readable, delimiter: string): AsyncGenerator<CellValue[]> {
  yield* csvRecords(source, delimiter);
}
