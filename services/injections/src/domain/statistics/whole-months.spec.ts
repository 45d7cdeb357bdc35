import { wholeMonthsWithin } from './whole-months';

describe('the whole months inside a range of days', () => {
  it('takes the months a range covers from their first to their last day', () => {
    expect(wholeMonthsWithin('2021-01-01', '2030-01-01')).toEqual({ from: '2021-01-01', until: '2030-01-01' });
    expect(wholeMonthsWithin('2021-11-01', '2021-11-30')).toEqual({ from: '2021-11-01', until: '2021-12-01' });
    expect(wholeMonthsWithin('2021-12-01', '2021-12-31')).toEqual({ from: '2021-12-01', until: '2022-01-01' });
    expect(wholeMonthsWithin('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02-01', until: '2024-03-01' });
  });

  it('leaves out the months a range only starts or ends inside', () => {
    expect(wholeMonthsWithin('2021-01-15', '2021-04-10')).toEqual({ from: '2021-02-01', until: '2021-04-01' });
    expect(wholeMonthsWithin('2021-11-02', '2021-11-30')).toBeNull();
    expect(wholeMonthsWithin('2021-11-01', '2021-11-29')).toBeNull();
    expect(wholeMonthsWithin('2021-12-05', '2022-01-20')).toBeNull();
    expect(wholeMonthsWithin('2024-02-01', '2024-02-28')).toBeNull();
  });
});
