import { Readable } from 'node:stream';
import { csvStreamRows, delimiterOf } from './csv-rows';

const collect = async (rows: AsyncIterable<unknown[]>) => {
  const all: unknown[][] = [];
  for await (const r of rows) all.push(r);
  return all;
};

describe('CSV rows from a stream (an upload)', () => {
  it('reads the delimiter from the header line, even when the first chunk ends inside it', async () => {
    const text = '\uFEFFHọ và tên;Ngày sinh\r\n"Lò Văn; A";01/02/1990\r\nVàng Thị B;03/04/1985\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 17), bytes.subarray(17)];
    expect(await collect(csvStreamRows(Readable.from(chunks)))).toEqual([
      ['Họ và tên', 'Ngày sinh'],
      ['Lò Văn; A', '01/02/1990'],
      ['Vàng Thị B', '03/04/1985'],
    ]);
  });

  it('ends with the error of its source (a size limit, a client gone)', async () => {
    async function* failing() {
      yield Buffer.from('a,b\n1,2\n');
      throw new Error('too large');
    }
    await expect(collect(csvStreamRows(failing()))).rejects.toThrow('too large');
  });

  it('reads an empty upload as no rows', async () => {
    expect(await collect(csvStreamRows(Readable.from([])))).toEqual([]);
  });
});

describe('the delimiter of a header line', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
  ])('%j → %j', (line, delimiter) => expect(delimiterOf(line)).toBe(delimiter));
});
