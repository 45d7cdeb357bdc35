import { IsOptional } from 'class-validator';
import { DateRangeOrdered, IsCalendarDate, IsInstant } from './date-input.decorators';
import { strictValidationPipe } from './validation.pipe';

class ReportRequest {
  @IsCalendarDate() from!: string;
  @IsCalendarDate() @DateRangeOrdered('from') to!: string;
  @IsOptional() @IsInstant() asOf?: string;
}

const pipe = strictValidationPipe();
const problemsOf = (query: Record<string, string>) =>
  pipe.transform(query, { type: 'query', metatype: ReportRequest }).then(
    () => [],
    (e: { getResponse(): { errors: Array<{ field: string; rule: string; message: string }> } }) =>
      e.getResponse().errors,
  );

describe('date and instant parameters, as the validation pipe reports them', () => {
  it('accept a real range and instant', async () => {
    expect(await problemsOf({ from: '2021-11-01', to: '2021-11-30', asOf: '2021-11-05T08:00:00Z' })).toEqual([]);
  });

  it('name the parameter and the rule for a day that does not exist', async () => {
    expect(await problemsOf({ from: '2021-02-30', to: '2021-03-01' })).toEqual([
      { field: 'from', rule: 'isCalendarDate', message: 'is not a day of the calendar (02 has 28 days)' },
    ]);
  });

  it('refuse a range that runs backwards, on its end', async () => {
    expect(await problemsOf({ from: '2021-11-30', to: '2021-11-01' })).toEqual([
      { field: 'to', rule: 'dateRangeOrdered', message: 'must not come before from' },
    ]);
  });

  it('refuse an instant at the edge of what Date holds, or on a day that does not exist', async () => {
    const base = { from: '2021-11-01', to: '2021-11-30' };
    for (const asOf of ['-271821-04-20T00:00:00Z', '2021-02-30T00:00:00Z', '2021-11-05'])
      expect(await problemsOf({ ...base, asOf })).toEqual([
        expect.objectContaining({ field: 'asOf', rule: 'isInstant' }),
      ]);
  });
});
