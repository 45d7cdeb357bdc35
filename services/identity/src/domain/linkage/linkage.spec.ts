import type { RegistryPerson } from '../matching/registry-person';
import { blockingKeys, idNeighbours } from './linkage-candidates';
import { decideLinkage, guardOf } from './linkage-decision';
import { compareFields, compareFullNames, oneEditApart } from './linkage-fields';

const sung: RegistryPerson = {
  personId: 'P1',
  idNumber: '012185004567',
  fullName: 'Sùng A Chư',
  dateOfBirth: '1985-03-14',
  gender: 'male',
  address: 'Bản Nà Khum, Xã Pa Tần, Huyện Sìn Hồ, Lai Châu',
};
const namesake: RegistryPerson = {
  ...sung,
  personId: 'P2',
  idNumber: '012185998877',
  address: 'Bản Hua Pầu, Xã Nậm Tăm, Huyện Sìn Hồ, Lai Châu',
};
const row = { fullName: 'Sùng A Chư', dateOfBirth: '1985-03-14', gender: 'male' as const };

describe('record linkage: how each field agrees', () => {
  it('an ID number one digit replaced or two neighbours swapped is one edit away; anything more is not', () => {
    expect(oneEditApart('012185004567', '012185004568')).toBe(true);
    expect(oneEditApart('012185004567', '012185005467')).toBe(true);
    expect(oneEditApart('012185004567', '012185004588')).toBe(false);
    expect(idNeighbours('012185004567')).toHaveLength(12 * 9 + 10);
  });

  it('names agree exactly, without accents, reordered, short of a middle name, by a typo, or not at all', () => {
    expect(compareFullNames('SUNG A CHU', 'Sùng A Chư')).toBe('accents-only');
    expect(compareFullNames('Chư Sùng A', 'Sùng A Chư')).toBe('reordered');
    expect(compareFullNames('Lò Páo', 'Lò Văn Páo')).toBe('syllables-omitted');
    expect(compareFullNames('Lò Văn Pá', 'Lò Văn Páo')).toBe('typo');
    expect(compareFullNames('Tráng Thị Mai', 'Sùng A Chư')).toBe('different');
  });

  it('birth dates agree, swap day and month, share only the year, or differ; addresses by commune and district', () => {
    const levels = (dateOfBirth: string, address?: string) => compareFields({ ...row, dateOfBirth, address }, sung);
    expect(levels('1986-03-14').dateOfBirth).toBe('different');
    expect(levels('1985-01-01').dateOfBirth).toBe('same-year');
    expect(levels('1985-03-14', 'xã Pa Tần, huyện Sìn Hồ').place).toBe('same-commune');
    expect(levels('1985-03-14', 'Xã Nậm Tăm, Huyện Sìn Hồ').place).toBe('same-district');
    expect(levels('1985-03-14', 'Xã Bum Nưa, Huyện Mường Tè').place).toBe('different');
  });
});

describe('record linkage: the hard guards no weight outvotes', () => {
  it('an entirely different name is never linked, even with the number and the birth date', () => {
    const stranger = { ...sung, fullName: 'Tráng Thị Mai' };
    expect(guardOf(compareFields({ ...row, idNumber: sung.idNumber }, stranger))).toBe('name-entirely-different');
    expect(decideLinkage({ ...row, idNumber: sung.idNumber }, [stranger]).outcome).not.toBe('link');
  });

  it('a name within the typo tolerance with another birth date is not the same person', () => {
    const record = { ...row, fullName: 'Sùng A Chua', dateOfBirth: '1990-07-01', idNumber: sung.idNumber };
    expect(guardOf(compareFields(record, sung))).toBe('close-name-other-birth-date');
    expect(decideLinkage(record, [sung]).outcome).toBe('review');
  });
});

describe('record linkage: deciding', () => {
  it('links on the number, listing what differs', () => {
    const decision = decideLinkage({ ...row, idNumber: sung.idNumber, dateOfBirth: '1985-14-03' }, [sung, namesake]);
    expect(decision).toMatchObject({ outcome: 'link', best: { person: { personId: 'P1' } } });
  });

  it('links a row without a number only when one person is clearly best, here by commune', () => {
    const address = 'Xã Pa Tần, Huyện Sìn Hồ';
    expect(decideLinkage({ ...row, address }, [sung, namesake])).toMatchObject({
      outcome: 'link',
      best: { person: { personId: 'P1' } },
    });
  });

  it('sends namesakes nothing tells apart to review, both ranked with their evidence', () => {
    const decision = decideLinkage(row, [sung, namesake]);
    expect(decision.outcome).toBe('review');
    expect(decision.candidates.map((c) => c.person.personId).sort()).toEqual(['P1', 'P2']);
    expect(decision.candidates[0].levels).toMatchObject({
      fullName: 'exact',
      dateOfBirth: 'exact',
      idNumber: 'missing',
    });
  });

  it('finds nobody when no candidate is plausible', () => {
    expect(decideLinkage({ ...row, fullName: 'Lý Thị Mỷ', idNumber: '012185111111' }, [sung])).toMatchObject({
      outcome: 'none',
    });
  });

  it('blocks on the name within the birth year, each syllable as family name and the last as given name, on the date or its swap', () => {
    const keys = blockingKeys({ fullName: 'Sùng A Chư', dateOfBirth: '1985-03-04' });
    const dates = ['1985-03-04', '1985-04-03'];
    expect(keys).toEqual([
      { by: 'name', text: 'SUNG A CHU', year: '1985' },
      { by: 'family', text: 'SUNG', dates },
      { by: 'family', text: 'A', dates },
      { by: 'family', text: 'CHU', dates },
      { by: 'given', text: 'CHU', dates },
    ]);
    expect(blockingKeys({ fullName: 'Sùng A Chư', dateOfBirth: '1985-03-24' })[1]).toEqual({
      by: 'family',
      text: 'SUNG',
      dates: ['1985-03-24'],
    });
    expect(blockingKeys({ fullName: 'Sùng A Chư' })).toEqual([]);
  });
});
