import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import fc from 'fast-check';
import { csvOptions, csvRecords } from './csv-records';

/** csv-parse over the whole text in one stream: what every list was read by before. */
async function byCsvParse(bytes: Buffer, delimiter: string): Promise<unknown> {
  try {
    const records: string[][] = [];
    for await (const r of Readable.from([bytes]).pipe(parse(csvOptions(delimiter)))) records.push(r as string[]);
    return records;
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

async function byCsvRecords(chunks: Buffer[], delimiter: string): Promise<unknown> {
  try {
    const records: string[][] = [];
    for await (const r of csvRecords(Readable.from(chunks), delimiter)) records.push(r);
    return records;
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

/** The bytes cut at the given places: inside lines, inside quoted fields, inside a character's bytes. */
const cut = (bytes: Buffer, at: number[]) => {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...points, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : points[i - 1], end));
};

describe('CSV records: the same as csv-parse gives, faster on lines without quotes', () => {
  const alphabet = fc.constantFrom('a', 'ư', ' ', ';', ',', '"', '\r', '\n', '\r\n', '\uFEFF', 'Đ', '1');
  const texts = fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join(''));

  it('gives csv-parse’s records (or its error) for any text, however the bytes arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          texts,
          texts.map((t) => `\uFEFF${t}`),
        ),
        fc.constantFrom(';', ','),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, delimiter, at) => {
          const bytes = Buffer.from(text, 'utf8');
          expect(await byCsvRecords(cut(bytes, at), delimiter)).toEqual(await byCsvParse(bytes, delimiter));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('reads a list as Excel saves it: quoted addresses with delimiters and line breaks, CR LF', async () => {
    const text =
      '\uFEFFHọ và tên;Địa chỉ;Ngày sinh\r\n' +
      'Lò Văn Hùng;"Bản Nà Khum; Xã Bình Lư";05/03/1990\r\n' +
      'Giàng Thị Mai;"Bản Sin Chải\r\nXã Sơn Bình";30/11/1995\r\n' +
      '\r\n' +
      'Vàng A Dơ;"bad"quote;01/01/2001\r\n' +
      'Lý Thị Lan;Nậm Tăm;02/02/2002';
    const bytes = Buffer.from(text, 'utf8');
    const records = await byCsvRecords(cut(bytes, [7, 40, 41, 90]), ';');
    expect(records).toEqual(await byCsvParse(bytes, ';'));
    expect(records).toEqual([
      ['Họ và tên', 'Địa chỉ', 'Ngày sinh'],
      ['Lò Văn Hùng', 'Bản Nà Khum; Xã Bình Lư', '05/03/1990'],
      ['Giàng Thị Mai', 'Bản Sin Chải\r\nXã Sơn Bình', '30/11/1995'],
      ['Vàng A Dơ', '"bad"quote', '01/01/2001'],
      ['Lý Thị Lan', 'Nậm Tăm', '02/02/2002'],
    ]);
  });

  it('hands a quoted field left open to csv-parse’s stream, and ends with its error', async () => {
    const text = `a;b\n"open;1\n${'x;y\n'.repeat(40_000)}`;
    expect(await byCsvRecords([Buffer.from(text)], ';')).toEqual({ error: 'CSV_QUOTE_NOT_CLOSED' });
  });

  it('ends with the error of its source', async () => {
    async function* failing() {
      yield Buffer.from('a,b\n1,2\n');
      throw new Error('too large');
    }
    const rows: string[][] = [];
    await expect(
      (async () => {
        for await (const r of csvRecords(failing(), ',')) rows.push(r);
      })(),
    ).rejects.toThrow('too large');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
