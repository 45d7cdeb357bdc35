import { DEFAULT_MATCH_POLICY } from '../matching/person-matcher';
import type { RegistryPerson } from '../matching/registry-person';
import { type BulkRecord, matchRecord, prepare } from './bulk-matching';
import { lookupsOver } from './bulk-matching.spec-fixtures';

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
const people = [pao, twinA, twinB];
const match = (record: Partial<BulkRecord>, registry: RegistryPerson[] = people) => {
  const full: BulkRecord = {
    recordId: 'r1',
    fullName: 'Lò Văn Páo',
    idNumber: '012203004567',
    dateOfBirth: '2003-01-02',
    ...record,
  };
  return matchRecord(prepare(full), lookupsOver(registry, [full]), DEFAULT_MATCH_POLICY);
};

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

  it('does not link a record to the stranger its mistyped number belongs to, and offers its namesake for review', () => {
    const result = match({ idNumber: twinA.idNumber });
    expect(result.personId).toBeUndefined();
    expect(result).toMatchObject({ result: 'ambiguous', candidates: [{ personId: 'P1' }] });
  });

  it('never links to the person whose number it carries when the full name is entirely different', () => {
    // One wrong digit landed on another real person born the same day: only the name tells them apart.
    const stranger: RegistryPerson = { ...pao, personId: 'P9', idNumber: '012203004569', fullName: 'Tráng Thị Mai' };
    expect(match({ idNumber: stranger.idNumber }, [stranger]).personId).toBeUndefined();
    // With the person in the registry too, the row is linked to them: their number is one digit away.
    expect(match({ idNumber: stranger.idNumber }, [stranger, pao])).toMatchObject({
      result: 'mismatched',
      personId: 'P1',
    });
  });

  it('does not take a name within the typo tolerance and another birth date for the same person', () => {
    const other: RegistryPerson = { ...pao, personId: 'P8', fullName: 'Lò Văn Páu', dateOfBirth: '1971-06-20' };
    expect(match({ idNumber: other.idNumber }, [other]).personId).toBeUndefined();
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
    expect(match({ idNumber: '', fullName: 'Lý Thị Mỷ' })).toMatchObject({
      result: 'invalid-id',
      problems: [{ field: 'idNumber', rule: 'required' }],
    });
    expect(match({ idNumber: '01220300456', fullName: 'Lý Thị Mỷ' })).toMatchObject({
      result: 'invalid-id',
      problems: [{ rule: 'idNumberLength' }],
    });
  });

  it('searches a record without a usable number by name and birth date, and links the one clear person', () => {
    expect(match({ idNumber: '' })).toMatchObject({
      result: 'mismatched',
      personId: 'P1',
      differences: [{ field: 'idNumber', kind: 'missing' }],
      problems: [{ field: 'idNumber', rule: 'required' }],
    });
    // Namesakes and no number to tell them apart: both offered, never one chosen.
    const namesakes = match({ idNumber: '', fullName: 'Giàng A Sình', dateOfBirth: '1985-03-04' });
    expect(namesakes).toMatchObject({ result: 'ambiguous', problems: [{ field: 'idNumber', rule: 'required' }] });
    expect(namesakes.candidates?.map((c) => c.personId).sort()).toEqual(['P2', 'P3']);
  });
});
