import { Readable, pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type Options, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/** How we read every list: a byte-order mark dropped, ragged rows and stray quotes kept, blank lines skipped. */
export const csvOptions = (delimiter: string): Options => ({
  bom: true,
  delimiter,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
});

/**
 * A quoted field still open over this many characters goes, with the rest of the file, to
 * csv-parse's stream: the lines held are parsed again as each one comes, which must stay cheap (an
 * address typed over two or three lines is a few hundred characters).
 */
const PENDING_LIMIT = 4 * 1024;

/**
 * The records csv-parse gives for a text stream with `csvOptions`, record for record, faster.
 * csv-parse costs ~11 µs a row on a site's list, most of an import's time (docs/performance.md);
 * almost every line of such a list has no quote, and a line without a quote, a CR or an LF, met at a
 * record's start, is exactly its fields between delimiters — that split costs ~1 µs. Every other
 * line goes to csv-parse, with the lines after it while a quoted field is still open, from a
 * record's start, so it reads them as it would have in one pass. What this cannot tell apart
 * cheaply goes to csv-parse whole: a header with a quote, lines ended by a lone CR, and a quoted
 * field left open past PENDING_LIMIT. csv-records.spec.ts compares both on random texts and splits.
 */
export async function* csvRecords(source: AsyncIterable<Buffer>, delimiter: string): AsyncGenerator<string[]> {
  const chunks = source[Symbol.asyncIterator]();
  const decoder = new StringDecoder('utf8');
  let text = '';
  let ended = false;
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      text += decoder.end();
    } else text += decoder.write(next.value);
    return true;
  };

  // The record delimiter, as csv-parse settles it: the first CR, LF or CR LF of the file.
  let newline: '\n' | '\r\n' | null = null;
  let bomChecked = false;
  for (;;) {
    if (!bomChecked && text.length > 0) {
      bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // the first character only, as csv-parse
    }
    const at = text.search(/[\r\n]/);
    const decided = at !== -1 && (text[at] === '\n' || at + 1 < text.length || ended);
    if (decided || ended) {
      const head = at === -1 ? text : text.slice(0, at);
      if (at !== -1 && !head.includes('"')) newline = text[at] === '\n' ? '\n' : text[at + 1] === '\n' ? '\r\n' : null;
      break;
    }
    await more();
  }
  // The mark is dropped above: one at a record's start further on is text, as csv-parse reads it.
  const options = { ...csvOptions(delimiter), bom: false, ...(newline ? { record_delimiter: newline } : {}) };
  if (!newline) {
    yield* streamed(text, chunks, decoder, ended, options);
    return;
  }

  let pending = ''; // lines from a record's start while a quoted field in them is open
  for (;;) {
    let start = 0;
    for (let end = text.indexOf(newline, start); end !== -1; end = text.indexOf(newline, start)) {
      const line = text.slice(start, end);
      start = end + newline.length;
      if (!pending && !/["\r\n]/.test(line)) {
        if (line !== '') yield line.split(delimiter);
        continue;
      }
      pending += line + newline;
      const records = recordsOf(pending, options);
      if (records) {
        pending = '';
        yield* records;
      } else if (pending.length > PENDING_LIMIT) {
        yield* streamed(pending + text.slice(start), chunks, decoder, ended, options);
        return;
      }
    }
    text = text.slice(start);
    if (!(await more())) break;
  }
  const rest = pending + text;
  if (rest) yield* parseSync(rest, options) as string[][];
}

/** The records of `text`, or null while a quoted field in it is still open. */
function recordsOf(text: string, options: Options): string[][] | null {
  try {
    return parseSync(text, options) as string[][];
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return null;
    throw error;
  }
}

/** The rest of the input, from a record's start, through csv-parse's own stream. */
async function* streamed(
  head: string,
  chunks: AsyncIterator<Buffer>,
  decoder: StringDecoder,
  ended: boolean,
  options: Options,
): AsyncGenerator<string[]> {
  async function* text() {
    if (head) yield head;
    if (ended) return;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield decoder.write(next.value);
    const last = decoder.end();
    if (last) yield last;
  }
  const parser = parse(options);
  // pipeline, not pipe: an error of the source reaches the parser, and so the loop below.
  pipeline(Readable.from(text()), parser, () => undefined);
  for await (const record of parser) yield record as string[];
}
