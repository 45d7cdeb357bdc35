import standardFile from '../../../mappings/legacy-list.vi.json';
import { MappingRejected, parseMapping, resolveColumns } from './column-mapping';
import { HEADERS } from './legacy-row.spec-fixtures';

const standard = parseMapping(standardFile);
const rulesOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof MappingRejected) return error.problems.map((p) => `${p.field}:${p.rule}`);
    throw error;
  }
  return [];
};

describe('column mapping', () => {
  it('finds each mapped field in a header row with Vietnamese headers', () => {
    const columns = resolveColumns(standard, HEADERS);
    expect(columns.get('fullName')).toBe(1);
    expect(columns.get('idNumber')).toBe(4);
    expect(columns.get('site')).toBe(11);
    expect(columns.has('doseNumber')).toBe(true);
  });

  it('matches headers typed without diacritics, in another case, with stray spaces or decomposed (NFD)', () => {
    const typed = ['HO VA TEN', ' ngay  sinh ', 'so cccd/cmnd', 'Ngày tiêm'.normalize('NFD'), 'NƠI TIÊM'];
    const columns = resolveColumns(standard, typed);
    expect([...columns.entries()]).toEqual(
      expect.arrayContaining([
        ['fullName', 0],
        ['dateOfBirth', 1],
        ['idNumber', 2],
        ['administeredOn', 3],
        ['site', 4],
      ]),
    );
  });

  it('refuses a header row that lacks a required column, naming the field', () => {
    const withoutId = HEADERS.filter((h) => h !== 'Số CCCD/CMND');
    expect(rulesOf(() => resolveColumns(standard, withoutId))).toEqual(['idNumber:columnPresent']);
  });

  it('refuses a mapping file that points at unknown fields or leaves required fields unmapped', () => {
    expect(rulesOf(() => parseMapping({ columns: { 'Họ và tên': 'name' } }))).toEqual([
      'columns.Họ và tên:knownField',
      'fullName:mapped',
      'dateOfBirth:mapped',
      'idNumber:mapped',
      'administeredOn:mapped',
      'site:mapped',
    ]);
    expect(rulesOf(() => parseMapping({ ...standard, dateOrder: 'ymd' }))).toEqual(['dateOrder:oneOf']);
    expect(rulesOf(() => parseMapping(null))).toEqual(['columns:object']);
  });

  it('reads day-first dates unless the mapping says month-first', () => {
    expect(standard.dateOrder).toBe('dmy');
    expect(parseMapping({ ...standard, dateOrder: 'mdy' }).dateOrder).toBe('mdy');
  });
});
