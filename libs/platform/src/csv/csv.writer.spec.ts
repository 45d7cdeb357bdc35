import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvDocument, csvRecord } from './csv.writer';

describe('CSV writer', () => {
  it('starts with a UTF-8 byte order mark, so a spreadsheet shows Vietnamese names as written', () => {
    const csv = csvDocument(['district', 'doses'], [['Tam Đường', 4]]);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe(`${CSV_BOM}district,doses\r\nTam Đường,4\r\n`);
  });

  it('quotes what needs quoting (RFC 4180) and reads back as written', () => {
    const rows = [
      ['Phong Thổ, bản "Mới"', 2],
      ['Đã sửa\r\ntại trạm', 0],
      ['a lone\rCR', 1],
      ['a lone\nLF', 1],
    ];
    const csv = csvDocument(['unit', 'n'], rows);
    expect(csv).toContain('"Phong Thổ, bản ""Mới""",2\r\n');
    expect(csv).toContain('"a lone\rCR",1\r\n"a lone\nLF",1\r\n');
    expect(parse(csv, { bom: true, cast: false })).toEqual([['unit', 'n'], ...rows.map((r) => r.map(String))]);
  });

  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    "prefixes %j with ' so a spreadsheet never runs it as a formula",
    (text) => {
      const [[header, cell]] = parse(csvRecord(['x', text]), { cast: false }) as string[][];
      expect(header).toBe('x');
      expect(cell).toBe(`'${text}`);
    },
  );

  it('leaves numbers as numbers (a negative count is no formula) and writes null and undefined as empty', () => {
    expect(csvRecord([-2, 0.5, null, undefined, 'a'])).toBe('-2,0.5,,,a\r\n');
  });

  it('writes a record without a byte order mark, for streamed documents', () => {
    expect(csvRecord(['row', 'status'])).toBe('row,status\r\n');
  });
});
