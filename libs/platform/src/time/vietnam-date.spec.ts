import fc from 'fast-check';
import { vietnamToday } from './vietnam-date';

const byTimeZone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

describe('vietnamToday', () => {
  it('is the date in Asia/Ho_Chi_Minh for any instant since 1976', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1976-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        (now) => {
          expect(vietnamToday(now)).toBe(byTimeZone.format(now));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('turns the day at 17:00 UTC, midnight in Vietnam', () => {
    expect(vietnamToday(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(vietnamToday(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
  });
});
