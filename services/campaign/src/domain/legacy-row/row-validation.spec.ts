import type { CellValue } from './legacy-row';
import { HEADERS, context, listRow } from './legacy-row.spec-fixtures';
import { parseMapping, resolveColumns } from './column-mapping';
import { validateRow } from './row-validation';

const mapping = parseMapping({
  columns: {
    'Họ và tên': 'fullName',
    'Ngày sinh': 'dateOfBirth',
    'Giới tính': 'gender',
    'Số CCCD/CMND': 'idNumber',
    'Số điện thoại': 'phone',
    'Địa chỉ': 'address',
    'Tên vắc xin': 'vaccine',
    'Số lô': 'lotNumber',
    'Ngày tiêm': 'administeredOn',
    'Mũi tiêm': 'doseNumber',
    'Cơ sở tiêm chủng': 'site',
  },
});
const columns = resolveColumns(mapping, HEADERS);
const validate = (cells: CellValue[]) => validateRow(7, cells, columns, context);
const rules = (cells: CellValue[]) => validate(cells).problems.map((p) => `${p.field}:${p.rule}`);
const at = (header: string) => HEADERS.indexOf(header);

describe('validating a row of an old list', () => {
  it('reads a clean row into normalised fields with no problems', () => {
    expect(validate(listRow())).toEqual({
      rowNumber: 7,
      status: 'accepted',
      idState: 'valid',
      fullName: 'Lò Văn Hùng',
      dateOfBirth: '1990-03-05',
      gender: 'male',
      idNumber: '012090123456',
      phone: '0912345678',
      address: 'Bản Nà Khum, Xã Bình Lư',
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV5811',
      administeredOn: '2021-08-12',
      doseNumber: 1,
      siteId: 'LC-TD-01',
      problems: [],
    });
  });

  it('names every broken field with its rule, and keeps the row while something can be verified', () => {
    const row = listRow({
      'Ngày sinh': '31/02/1990',
      'Giới tính': 'X',
      'Số điện thoại': '12345',
      'Tên vắc xin': 'Covaxin',
      'Số lô': '',
      'Ngày tiêm': '12/08/2031',
      'Mũi tiêm': 'nhắc lại',
      'Cơ sở tiêm chủng': 'Trạm Y tế xã Không Có',
    });
    expect(validate(row).status).toBe('accepted');
    expect(rules(row)).toEqual([
      'dateOfBirth:notADate',
      'gender:known',
      'phone:format',
      'vaccine:known',
      'lotNumber:required',
      'administeredOn:notInFuture',
      'doseNumber:format',
      'site:known',
    ]);
  });

  it('rejects a row with nothing to verify: no name, or neither ID number nor birth date', () => {
    expect(validate(listRow({ 'Họ và tên': '' })).status).toBe('rejected');
    expect(validate(listRow({ 'Số CCCD/CMND': '', 'Ngày sinh': '' })).status).toBe('rejected');
    expect(validate(listRow({ 'Số CCCD/CMND': '' }))).toMatchObject({ status: 'accepted', idState: 'missing' });
  });

  it('tells a missing ID number from a malformed one', () => {
    expect(validate(listRow({ 'Số CCCD/CMND': '' }))).toMatchObject({ idState: 'missing' });
    expect(validate(listRow({ 'Số CCCD/CMND': '01209012' + 'A' }))).toMatchObject({ idState: 'malformed' });
    expect(validate(listRow({ 'Số CCCD/CMND': '0120901234' }))).toMatchObject({ idState: 'malformed' });
    expect(validate(listRow({ 'Số CCCD/CMND': '012 090 123 456' }))).toMatchObject({ idNumber: '012090123456' });
    expect(validate(listRow({ 'Số CCCD/CMND': "'040123456" }))).toMatchObject({
      idState: 'valid',
      idNumber: '040123456',
    });
  });

  it('gives back the leading zero a spreadsheet dropped from a number, and says so', () => {
    const cells: CellValue[] = listRow();
    cells[at('Số CCCD/CMND')] = 12090123456;
    expect(validate(cells)).toMatchObject({ idState: 'valid', idNumber: '012090123456' });
    expect(rules(cells)).toEqual(['idNumber:leadingZeroRestored']);
    cells[at('Số CCCD/CMND')] = 40123456;
    expect(validate(cells)).toMatchObject({ idState: 'valid', idNumber: '040123456' });
    expect(validate(listRow({ 'Số CCCD/CMND': '01209012' }))).toMatchObject({ idState: 'malformed' }); // typed, cut short
    expect(validate(listRow({ 'Số CCCD/CMND': '12090123456' }))).toMatchObject({ idNumber: '012090123456' });
  });

  it('reads dates as lists hold them: d/m/yyyy, dd-mm-yyyy, yyyy-mm-dd, ddmmyyyy, spreadsheet dates and serials', () => {
    const dob = (value: CellValue) => {
      const cells: CellValue[] = listRow();
      cells[at('Ngày sinh')] = value;
      return validate(cells);
    };
    for (const value of [
      '5/3/1990',
      '05-03-1990',
      '05.03.1990',
      '1990-03-05',
      '05031990',
      new Date(Date.UTC(1990, 2, 5)),
      32937,
    ])
      expect(dob(value).dateOfBirth).toBe('1990-03-05');
    expect(dob('1990').problems).toEqual([{ field: 'dateOfBirth', rule: 'yearOnly' }]);
    expect(dob('5/3/90').problems).toEqual([{ field: 'dateOfBirth', rule: 'format' }]);
    expect(dob('1850-01-01').problems).toEqual([{ field: 'dateOfBirth', rule: 'tooEarly' }]);
    expect(dob('29/02/1992').dateOfBirth).toBe('1992-02-29');
    expect(dob('29/02/1990').problems).toEqual([{ field: 'dateOfBirth', rule: 'notADate' }]);
    expect(dob('31/04/1990').problems).toEqual([{ field: 'dateOfBirth', rule: 'notADate' }]);
  });

  it('reads month-first dates when the mapping says so', () => {
    const row = validateRow(2, listRow({ 'Ngày tiêm': '08/12/2021' }), columns, { ...context, dateOrder: 'mdy' });
    expect(row.administeredOn).toBe('2021-08-12');
  });

  it('refuses an injection before the first vaccination day or before the birth date', () => {
    expect(rules(listRow({ 'Ngày tiêm': '01/01/2021' }))).toEqual(['administeredOn:tooEarly']);
    expect(rules(listRow({ 'Ngày sinh': '01/09/2021', 'Ngày tiêm': '12/08/2021' }))).toEqual([
      'administeredOn:afterBirth',
    ]);
  });

  it('folds spellings of genders, vaccines and sites the way lists write them', () => {
    const row = validate(listRow({ 'Giới tính': 'nữ', 'Tên vắc xin': 'vero cell', 'Cơ sở tiêm chủng': 'LC-TD-02' }));
    expect(row).toMatchObject({ gender: 'female', vaccineCode: 'VEROCELL', siteId: 'LC-TD-02' });
    expect(validate(listRow({ 'Họ và tên': 'Lò  Văn Hùng'.normalize('NFD') })).fullName).toBe('Lò Văn Hùng');
  });

  it('survives a short row (missing trailing cells) by reporting the fields as required', () => {
    const short = listRow().slice(0, 6);
    expect(validate(short).status).toBe('accepted');
    expect(rules(short)).toEqual([
      'vaccine:required',
      'lotNumber:required',
      'administeredOn:required',
      'site:required',
    ]);
  });
});
