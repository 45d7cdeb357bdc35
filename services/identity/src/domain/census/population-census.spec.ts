import { PopulationTally, residenceDistrict } from './population-census';

const districts = new Set(['Tam Đường', 'Phong Thổ']);

describe('the population census the registry loader records', () => {
  it('finds the district in a registry address, in either Unicode form', () => {
    expect(residenceDistrict('Bản Nà Khum, Xã Bình Lư, Tam Đường, Lai Châu', districts)).toBe('Tam Đường');
    expect(residenceDistrict('Bản Nà Khum, Xã Bình Lư, Tam Đường, Lai Châu'.normalize('NFD'), districts)).toBe(
      'Tam Đường',
    );
    expect(residenceDistrict('Phường 1, Quận 3, TP Hồ Chí Minh', districts)).toBe('unknown');
    expect(residenceDistrict(undefined, districts)).toBe('unknown');
  });

  it('counts people by district and birth year as they stream past, unchanged', () => {
    const tally = new PopulationTally(districts);
    const person = (address: string, dateOfBirth: string) => ({
      personId: 'p',
      idNumber: '012203004567',
      fullName: 'X',
      gender: 'male' as const,
      address,
      dateOfBirth,
    });
    const people = [
      person('Xã Bình Lư, Tam Đường, Lai Châu', '2003-01-02'),
      person('Xã Bình Lư, Tam Đường, Lai Châu', '2003-09-02'),
      person('Xã Mường So, Phong Thổ, Lai Châu', '1960-05-05'),
    ];
    expect([...tally.count(people)]).toEqual(people);
    expect(tally.result()).toEqual([
      { district: 'Tam Đường', birthYear: 2003, people: 2 },
      { district: 'Phong Thổ', birthYear: 1960, people: 1 },
    ]);
  });
});
