import fc from 'fast-check';
import { EARLIEST_YEAR, LATEST_YEAR, isOrdered, parseCalendarDate, parseInstant } from './date-input';

const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? 'ok' : result.reason);

describe('a calendar date', () => {
  it('is YYYY-MM-DD and a day that exists', () => {
    expect(parseCalendarDate('2021-11-05')).toEqual({ ok: true, value: '2021-11-05' });
    expect(parseCalendarDate('2024-02-29').ok).toBe(true);
    expect(parseCalendarDate('2000-02-29').ok).toBe(true);
  });

  it.each(['2021-02-30', '2021-02-29', '1900-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '2021-11-00'])(
    'is not %s',
    (text) => expect(reasonOf(parseCalendarDate(text))).toMatch(/not a day of the calendar|has no month/),
  );

  it.each(['2021-2-3', '05/11/2021', '2021-11-05T00:00:00Z', ' 2021-11-05', '+02021-11-05', '２０２１-11-05', ''])(
    'is written YYYY-MM-DD, not %j',
    (text) => expect(reasonOf(parseCalendarDate(text))).toBe('must be a date YYYY-MM-DD'),
  );

  it(`falls between ${EARLIEST_YEAR} and ${LATEST_YEAR}`, () => {
    expect(parseCalendarDate('1900-01-01').ok).toBe(true);
    expect(parseCalendarDate('2100-12-31').ok).toBe(true);
    expect(reasonOf(parseCalendarDate('1899-12-31'))).toBe('must fall between 1900 and 2100');
    expect(reasonOf(parseCalendarDate('9999-12-31'))).toBe('must fall between 1900 and 2100');
  });

  it('is exactly the days the JavaScript calendar has, for any year in range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: EARLIEST_YEAR, max: LATEST_YEAR }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
          expect(parseCalendarDate(text).ok).toBe(real);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('an instant', () => {
  it('is ISO 8601 with its offset, to the minute, second or fraction', () => {
    for (const text of [
      '2021-11-05T08:00Z',
      '2021-11-05T08:00:00Z',
      '2021-11-05T08:00:00.123Z',
      '2021-11-05T15:00:00+07:00',
    ])
      expect(parseInstant(text)).toEqual({ ok: true, value: new Date(text) });
    expect(parseInstant('2021-11-05T15:00:00+07:00')).toEqual({ ok: true, value: new Date('2021-11-05T08:00:00Z') });
  });

  it('has an offset: no instant depends on the server time zone', () => {
    expect(parseInstant('2021-11-05T08:00:00').ok).toBe(false);
    expect(parseInstant('2021-11-05').ok).toBe(false);
  });

  it('is on a day that exists, at a time of day that exists', () => {
    expect(reasonOf(parseInstant('2021-02-30T00:00:00Z'))).toMatch(/not a day of the calendar/);
    expect(reasonOf(parseInstant('2021-11-05T24:00:00Z'))).toBe('is not a time of day');
    expect(reasonOf(parseInstant('2021-11-05T08:60:00Z'))).toBe('is not a time of day');
    expect(reasonOf(parseInstant('2021-11-05T08:00:00+15:00'))).toBe('has no such UTC offset');
  });

  it('is within the platform years, never at the edge of what Date can hold', () => {
    expect(parseInstant('-271821-04-20T00:00:00Z').ok).toBe(false);
    expect(parseInstant('+275760-09-13T00:00:00Z').ok).toBe(false);
    expect(reasonOf(parseInstant('1899-12-31T23:59:59Z'))).toBe('must fall between 1900 and 2100');
    // The day in range, the UTC instant not: the offset moves it back into 1899.
    expect(reasonOf(parseInstant('1900-01-01T03:00:00+07:00'))).toBe('must fall between 1900 and 2100');
  });

  it('is read as Date reads it, whenever it is accepted', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          expect(parseInstant(d.toISOString())).toEqual({ ok: true, value: d });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('a range', () => {
  it('runs forwards or stands still, for dates and instants', () => {
    expect(isOrdered('2021-11-01', '2021-11-30')).toBe(true);
    expect(isOrdered('2021-11-30', '2021-11-30')).toBe(true);
    expect(isOrdered('2021-11-30', '2021-11-01')).toBe(false);
    expect(isOrdered('2021-11-05T08:00:00+07:00', '2021-11-05T01:30:00Z')).toBe(true);
    expect(isOrdered('2021-11-05T09:00:00+07:00', '2021-11-05T01:30:00Z')).toBe(false);
  });
});
