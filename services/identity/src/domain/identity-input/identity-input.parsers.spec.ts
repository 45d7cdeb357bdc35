import { parseCccdQr } from './cccd-qr.parser';
import { IdentityInputError } from './identity-input.error';
import type { ParseContext } from './parse-context';
import { parsePersonalQr1405 } from './personal-qr-1405.parser';
import { parseTypedIdentity } from './typed-identity.parser';

const context: ParseContext = { provinceCodes: new Set(['001', '012']), today: '2021-11-25' };

function problemsOf(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    if (error instanceof IdentityInputError) return error.problems.map((p) => `${p.field}:${p.rule}`);
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('the chip CCCD card QR', () => {
  const seven = '012203004567|045123456|Lò Văn Páo|02012003|Nam|Bản Nà Khum, Tam Đường, Lai Châu|15062021';

  it('reads the 7 fields into a normalised person', () => {
    expect(parseCccdQr(seven, context)).toEqual({
      source: 'cccd-qr',
      layout: 'cccd-qr-2021/7',
      idNumber: '012203004567',
      idKind: 'cccd',
      oldIdNumber: '045123456',
      fullName: 'Lò Văn Páo',
      dateOfBirth: '2003-01-02',
      gender: 'male',
      address: 'Bản Nà Khum, Tam Đường, Lai Châu',
      cardIssueDate: '2021-06-15',
    });
  });

  it('reads the 6-field layout without the old number, decomposed Unicode, "Nữ" in any case', () => {
    const person = parseCccdQr('012303004568|Lo\u0300 Thi\u0323 Mai|02012003|NỮ|Lai Châu|15062021\n', context);
    expect(person).toMatchObject({ layout: 'cccd-qr-2021/6', fullName: 'Lò Thị Mai', gender: 'female' });
    expect(person.oldIdNumber).toBeUndefined();
  });

  it('names the field count when the layout is unknown', () => {
    expect(problemsOf(() => parseCccdQr('012203004567|Lò Văn Páo|02012003', context))).toEqual(['qr:fieldCount']);
  });

  it('refuses impossible dates and dates in the future, each by field', () => {
    const bad = '012203004567||Lò Văn Páo|30022003|Nam|Lai Châu|15062030';
    expect(problemsOf(() => parseCccdQr(bad, context))).toEqual([
      'qr.dateOfBirth:dateDdMmYyyy',
      'qr.cardIssueDate:notInFuture',
    ]);
  });

  it('refuses a CCCD whose digits contradict the stated gender or birth year', () => {
    expect(problemsOf(() => parseCccdQr('012303004567||Lò Văn Páo|02012003|Nam|Lai Châu|15062021', context))).toEqual([
      'qr.idNumber:genderDigitMatches',
    ]);
    expect(problemsOf(() => parseCccdQr('012299004567||Lò Văn Páo|02012003|Nam|Lai Châu|15062021', context))).toEqual([
      'qr.idNumber:birthYearDigitsMatch',
    ]);
    expect(problemsOf(() => parseCccdQr('012003004567||Lò Văn Páo|02012003|Nam|Lai Châu|15062021', context))).toEqual([
      'qr.idNumber:birthYearDigitsMatch',
    ]);
  });

  it('refuses an unknown province code and a gender word that is neither Nam nor Nữ', () => {
    expect(problemsOf(() => parseCccdQr('999203004567||Lò Văn Páo|02012003|Nam|Lai Châu|15062021', context))).toEqual([
      'qr.idNumber:provinceCode',
    ]);
    expect(problemsOf(() => parseCccdQr('012203004567||Lò Văn Páo|02012003|M|Lai Châu|15062021', context))).toEqual([
      'qr.gender:isIn',
    ]);
  });

  it('refuses oversized payloads before reading them', () => {
    expect(problemsOf(() => parseCccdQr('1|'.repeat(600), context))).toEqual(['qr:maxLength']);
  });
});

describe('the Decision 1405 personal QR', () => {
  it('reads number, upper-case ASCII name, ISO date and extensions', () => {
    expect(
      parsePersonalQr1405('012203004567|LO VAN PAO|2003-01-02|0|QID-88213|<1<HS4120123456<0912345678', context),
    ).toEqual({
      source: 'personal-qr-1405',
      layout: 'qr-1405/6',
      idNumber: '012203004567',
      idKind: 'cccd',
      fullName: 'LO VAN PAO',
      dateOfBirth: '2003-01-02',
      gender: 'male',
    });
  });

  it('accepts an old CMND as the document number and leaves an unknown gender code unstated', () => {
    expect(parsePersonalQr1405('045123456|LO VAN PAO|2003-01-02|1|QID-1|<7', context)).toMatchObject({
      idKind: 'cmnd',
      gender: undefined,
    });
  });

  it('names each broken field', () => {
    expect(problemsOf(() => parsePersonalQr1405('0122030045|Lò Văn Páo|02/01/2003|3|Q ID', context))).toEqual([
      'qr.documentNumber:idNumberLength',
      'qr.fullName:upperCaseAscii',
      'qr.dateOfBirth:dateYyyyMmDd',
      'qr.declarationType:isIn',
      'qr.qid:format',
    ]);
  });
});

describe('a typed ID number', () => {
  const stated = { fullName: 'Lò Văn Páo', dateOfBirth: '2003-01-02' };

  it('accepts 12 digits with spaces, and 9-digit CMND numbers', () => {
    expect(parseTypedIdentity({ idNumber: '012 203 004 567', ...stated }, context)).toMatchObject({
      idNumber: '012203004567',
      idKind: 'cccd',
    });
    expect(parseTypedIdentity({ ...stated, idNumber: '045123456', fullName: ' lò  văn páo ' }, context)).toMatchObject({
      idKind: 'cmnd',
      fullName: 'lò văn páo',
    });
  });

  it('needs the stated full name and date of birth: a number alone would verify whoever holds it', () => {
    expect(problemsOf(() => parseTypedIdentity({ idNumber: '012203004567' }, context))).toEqual([
      'fullName:required',
      'dateOfBirth:required',
    ]);
    expect(problemsOf(() => parseTypedIdentity({ idNumber: '012203004567', fullName: 'Lò Văn Páo' }, context))).toEqual(
      ['dateOfBirth:required'],
    );
  });

  it('checks the CCCD digits against the stated gender and date of birth', () => {
    expect(
      problemsOf(() =>
        parseTypedIdentity(
          { idNumber: '012203004567', fullName: 'Lò Thị Mai', gender: 'female', dateOfBirth: '1999-05-05' },
          context,
        ),
      ),
    ).toEqual(['idNumber:genderDigitMatches', 'idNumber:birthYearDigitsMatch']);
  });

  it('refuses letters, wrong lengths and impossible dates', () => {
    expect(problemsOf(() => parseTypedIdentity({ idNumber: '01220300456A', ...stated }, context))).toEqual([
      'idNumber:digitsOnly',
    ]);
    expect(problemsOf(() => parseTypedIdentity({ idNumber: '1234567890', ...stated }, context))).toEqual([
      'idNumber:idNumberLength',
    ]);
    expect(
      problemsOf(() => parseTypedIdentity({ ...stated, idNumber: '045123456', dateOfBirth: '2021-02-29' }, context)),
    ).toEqual(['dateOfBirth:dateYyyyMmDd']);
  });
});
