import { DEFAULT_MATCH_POLICY } from '../matching/person-matcher';
import type { RegistryPerson } from '../matching/registry-person';
import { type BulkLookups, type BulkRecord, candidateKey, matchRecord, prepare } from './bulk-matching';

const pao: RegistryPerson = {
  personId: 'P1',
  idNumber: '012203004567',
  oldIdNumber: '045123456',
  fullName: 'Lò Văn Páo',
  dateOfBirth: '2003-01-02',
  gender: 'male',
};
const twinA: RegistryPerson = {
  personId: 'P2',
  idNumber: '012085111111',
  fullName: 'Giàng A Sình',
  dateOfBirth: '1985-03-04',
  gender: 'male',
};
const twinB: RegistryPerson = {
  personId: 'P3',
  idNumber: '012085111112',
  fullName: 'Giàng A Sình',
  dateOfBirth: '1985-03-04',
  gender: 'male',
};
const lookups: BulkLookups = {
  byIdNumber: new Map([
    [pao.idNumber, pao],
    [pao.oldIdNumber!, pao],
    [twinA.idNumber, twinA],
    [twinB.idNumber, twinB],
  ]),
  byNameAndBirth: new Map([
    [candidateKey(pao.fullName, pao.dateOfBirth), [pao]],
    [candidateKey(twinA.fullName, twinA.dateOfBirth), [twinA, twinB]],
  ]),
};
const match = (record: Partial<BulkRecord>) =>
  matchRecord(
    prepare({ recordId: 'r1', fullName: 'Lò Văn Páo', idNumber: '012203004567', dateOfBirth: '2003-01-02', ...record }),
    lookups,
    DEFAULT_MATCH_POLICY,
  );

describe('bulk matching of old vaccination records', () => {
  it('matches on the ID number when the facts agree (accents and an old CMND tolerated)', () => {
    expect(match({})).toMatchObject({ result: 'matched', personId: 'P1' });
    expect(match({ fullName: 'LO VAN PAO', idNumber: '045123456' })).toMatchObject({
      result: 'matched',
      personId: 'P1',
    });
  });

  it('links a record to its person but flags it when a fact differs', () => {
    expect(match({ dateOfBirth: '2003-02-01' })).toMatchObject({
      result: 'mismatched',
      personId: 'P1',
      differences: [{ field: 'dateOfBirth', kind: 'day-month-swapped' }],
    });
  });

  it('flags a birth date that is no real date instead of ignoring it', () => {
    expect(match({ dateOfBirth: '2003-02-31' })).toMatchObject({
      result: 'mismatched',
      differences: [{ field: 'dateOfBirth', kind: 'different' }],
    });
  });

  it('finds the person behind one wrong ID digit through a unique name and birth date', () => {
    expect(match({ idNumber: '012203004568' })).toMatchObject({
      result: 'mismatched',
      personId: 'P1',
      differences: [{ field: 'idNumber', kind: 'edit-distance', distance: 1 }],
    });
  });

  it('does not link a record to the stranger its mistyped number belongs to', () => {
    expect(match({ idNumber: twinA.idNumber })).toMatchObject({ result: 'not-found' });
    expect(match({ idNumber: twinA.idNumber }).personId).toBeUndefined();
  });

  it('never links to the person whose number it carries when the full name is entirely different', () => {
    // One wrong digit landed on another real person born the same day: only the name tells them apart.
    const stranger: RegistryPerson = { ...pao, personId: 'P9', idNumber: '012203004569', fullName: 'Tráng Thị Mai' };
    const result = matchRecord(
      prepare({ recordId: 'r1', fullName: 'Lò Văn Páo', idNumber: stranger.idNumber, dateOfBirth: pao.dateOfBirth }),
      { byIdNumber: new Map([[stranger.idNumber, stranger]]), byNameAndBirth: new Map() },
      DEFAULT_MATCH_POLICY,
    );
    expect(result.personId).toBeUndefined();
  });

  it('does not take a name within the typo tolerance and another birth date for the same person', () => {
    const other: RegistryPerson = { ...pao, personId: 'P8', fullName: 'Lò Văn Páu', dateOfBirth: '1971-06-20' };
    const result = matchRecord(
      prepare({ recordId: 'r1', fullName: 'Lò Văn Páo', idNumber: other.idNumber, dateOfBirth: pao.dateOfBirth }),
      { byIdNumber: new Map([[other.idNumber, other]]), byNameAndBirth: new Map() },
      DEFAULT_MATCH_POLICY,
    );
    expect(result.personId).toBeUndefined();
  });

  it('never chooses between two people with the same name and birth date', () => {
    expect(match({ fullName: 'Giàng A Sình', dateOfBirth: '1985-03-04', idNumber: '012085111113' })).toMatchObject({
      result: 'ambiguous',
    });
    expect(match({ fullName: 'Giàng A Sình', dateOfBirth: '1985-03-04', idNumber: '012085111112' })).toMatchObject({
      result: 'matched',
      personId: 'P3',
    });
  });

  it('reports unknown people as not found, and missing or malformed numbers apart', () => {
    expect(match({ idNumber: '012203999999', fullName: 'Lý Thị Mỷ' })).toMatchObject({ result: 'not-found' });
    expect(match({ idNumber: '' })).toMatchObject({
      result: 'invalid-id',
      problems: [{ field: 'idNumber', rule: 'required' }],
    });
    expect(match({ idNumber: '01220300456' })).toMatchObject({
      result: 'invalid-id',
      problems: [{ rule: 'idNumberLength' }],
    });
  });
});
