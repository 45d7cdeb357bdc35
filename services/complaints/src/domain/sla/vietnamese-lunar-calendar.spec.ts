import { fromJulianDay, fromLunar, julianDay, tetDay, toLunar } from './vietnamese-lunar-calendar';

const iso = (d: { year: number; month: number; day: number } | undefined) =>
  d && `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

describe('the Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'], // a month before China's 20 Feb: the 1985 calendars differ
    [2007, '2007-02-17'], // China: 18 Feb
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('puts Tết %i on %s', (year, expected) => {
    expect(iso(tetDay(year))).toBe(expected);
  });

  it.each([
    ['2022-04-10', 2022],
    ['2023-04-29', 2023],
    ['2024-04-18', 2024],
    ['2025-04-07', 2025],
  ])("puts Hùng Kings' day (10/3 lunar) on %s", (expected, year) => {
    expect(iso(fromLunar({ year, month: 3, day: 10, leap: false }))).toBe(expected);
  });

  it('knows leap months: 2023 repeats the 2nd month, 2025 the 6th', () => {
    expect(toLunar({ year: 2023, month: 3, day: 22 })).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(iso(fromLunar({ year: 2023, month: 2, day: 1, leap: true }))).toBe('2023-03-22');
    expect(toLunar({ year: 2025, month: 7, day: 25 })).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(fromLunar({ year: 2024, month: 2, day: 1, leap: true })).toBeUndefined();
  });

  it('puts the days before Tết in the old lunar year, month 12 (29 days long in Giáp Thìn)', () => {
    expect(toLunar({ year: 2025, month: 1, day: 28 })).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(toLunar({ year: 2024, month: 2, day: 9 })).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });

  it('converts every day of 1990–2040 to lunar and back to the same day', () => {
    for (let jd = julianDay({ year: 1990, month: 1, day: 1 }); jd < julianDay({ year: 2041, month: 1, day: 1 }); jd++) {
      const solar = fromJulianDay(jd);
      expect(fromLunar(toLunar(solar))).toEqual(solar);
    }
  });

  it('counts Julian days as astronomers do', () => {
    expect(julianDay({ year: 2000, month: 1, day: 1 })).toBe(2451545);
    expect(fromJulianDay(2451545)).toEqual({ year: 2000, month: 1, day: 1 });
  });
});
