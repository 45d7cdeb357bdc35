import type { StatedPerson } from '../identity-input/stated-person';
import { compareWithRegistry, DEFAULT_MATCH_POLICY, isTolerated } from './person-matcher';
import type { RegistryPerson } from './registry-person';

const registry: RegistryPerson = {
  personId: 'p-1',
  idNumber: '012203004567',
  oldIdNumber: '045123456',
  fullName: 'Lò Văn Páo',
  dateOfBirth: '2003-01-02',
  gender: 'male',
};
const stated = (over: Partial<StatedPerson>): StatedPerson => ({
  source: 'typed',
  layout: 'typed/1',
  idNumber: '012203004567',
  idKind: 'cccd',
  fullName: 'Lò Văn Páo',
  dateOfBirth: '2003-01-02',
  gender: 'male',
  ...over,
});

describe('comparing stated facts with the registry, field by field', () => {
  it('finds no difference when everything agrees (case and Unicode form aside)', () => {
    expect(compareWithRegistry(stated({ fullName: 'LÒ VĂN PÁO' }), registry)).toEqual([]);
  });

  it('explains each kind of difference', () => {
    expect(compareWithRegistry(stated({ fullName: 'Lo Van Pao', dateOfBirth: '2003-02-01' }), registry)).toEqual([
      { field: 'fullName', kind: 'accents-only' },
      { field: 'dateOfBirth', kind: 'day-month-swapped' },
    ]);
    expect(compareWithRegistry(stated({ dateOfBirth: '2004-01-02', gender: 'female' }), registry)).toEqual([
      { field: 'dateOfBirth', kind: 'year-only' },
      { field: 'gender', kind: 'different' },
    ]);
    expect(
      compareWithRegistry(stated({ idNumber: '045123456', idKind: 'cmnd', fullName: 'Lò Văn Pág' }), registry),
    ).toEqual([
      { field: 'idNumber', kind: 'old-id-number' },
      { field: 'fullName', kind: 'edit-distance', distance: 1 },
    ]);
  });

  it('compares only what was stated', () => {
    expect(
      compareWithRegistry(stated({ fullName: undefined, dateOfBirth: undefined, gender: undefined }), registry),
    ).toEqual([]);
  });

  it('tolerates accents, transliterations and an old CMND by default, nothing else', () => {
    expect(isTolerated({ field: 'fullName', kind: 'accents-only' }, DEFAULT_MATCH_POLICY)).toBe(true);
    expect(isTolerated({ field: 'idNumber', kind: 'old-id-number' }, DEFAULT_MATCH_POLICY)).toBe(true);
    expect(isTolerated({ field: 'fullName', kind: 'edit-distance' }, DEFAULT_MATCH_POLICY)).toBe(false);
    expect(isTolerated({ field: 'dateOfBirth', kind: 'day-month-swapped' }, DEFAULT_MATCH_POLICY)).toBe(false);
  });
});
