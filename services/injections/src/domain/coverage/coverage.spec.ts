import { ageGroupOf, coverage } from './coverage';

describe('coverage against the registry population', () => {
  it('places people in the age group of the age they reach in the year measured', () => {
    expect(ageGroupOf(2017, 2021)).toBe('0-4');
    expect(ageGroupOf(2016, 2021)).toBe('5-11');
    expect(ageGroupOf(2004, 2021)).toBe('12-17');
    expect(ageGroupOf(2003, 2021)).toBe('18-49');
    expect(ageGroupOf(1957, 2021)).toBe('50-64');
    expect(ageGroupOf(1956, 2021)).toBe('65+');
  });

  it('divides the vaccinated by the population of each district and age group', () => {
    const rows = coverage(
      [
        { district: 'Tam Đường', birthYear: 2000, people: 80 },
        { district: 'Tam Đường', birthYear: 1990, people: 20 },
        { district: 'Tam Đường', birthYear: 1950, people: 10 },
      ],
      [
        { district: 'Tam Đường', birthYear: 2000, atLeastOneDose: 50, primarySeries: 40, booster: 5 },
        { district: 'Tam Đường', birthYear: 1950, atLeastOneDose: 10, primarySeries: 10, booster: 10 },
        { district: 'unknown', birthYear: 1980, atLeastOneDose: 1, primarySeries: 0, booster: 0 },
      ],
      2021,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        district: 'Tam Đường',
        ageGroup: '18-49',
        population: 100,
        atLeastOneDose: 50,
        oneDoseShare: 0.5,
        primarySeriesShare: 0.4,
      }),
      expect.objectContaining({ district: 'Tam Đường', ageGroup: '65+', population: 10, booster: 10, oneDoseShare: 1 }),
      expect.objectContaining({
        district: 'unknown',
        ageGroup: '18-49',
        population: 0,
        atLeastOneDose: 1,
        oneDoseShare: null,
      }),
    ]);
  });
});
