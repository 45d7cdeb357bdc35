import { toCsv } from './dose-statistics.query';

describe('CSV exports', () => {
  it('write a header and CRLF-terminated rows, quoting what needs quoting', () => {
    expect(
      toCsv(
        ['district', 'doses'],
        [
          ['Tam Đường', 4],
          ['Phong Thổ, bản "Mới"', 2],
        ],
      ),
    ).toBe('district,doses\r\nTam Đường,4\r\n"Phong Thổ, bản ""Mới""",2\r\n');
  });

  it('defuse values a spreadsheet would run as a formula', () => {
    expect(toCsv(['site'], [['=HYPERLINK("x")'], ['-1'], ['@SUM(A1)']])).toBe(
      'site\r\n"\'=HYPERLINK(""x"")"\r\n\'-1\r\n\'@SUM(A1)\r\n',
    );
  });
});
