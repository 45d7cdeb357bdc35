import { valueSetProblems } from './value-sets';

const codes = {
  'disease-agent-targeted': ['840539006'],
  'sct-vaccines-covid-19': ['1119349007'],
  'vaccines-covid-19-names': ['EU/1/20/1528'],
  'vaccines-covid-19-auth-holders': ['ORG-100030215'],
  'country-2-codes': ['VN', 'DE'],
  'covid-19-lab-test-type': ['LP6464-4', 'LP217198-3'],
  'covid-19-lab-result': ['260415000'],
  'covid-19-lab-test-manufacturer-and-name': ['1232'],
};
const vaccination = { tg: '840539006', vp: '1119349007', mp: 'EU/1/20/1528', ma: 'ORG-100030215', co: 'VN' };

describe('value sets of a DCC payload', () => {
  it('passes a vaccination whose every coded field is in its value set', () => {
    expect(valueSetProblems({ v: [vaccination] }, codes)).toEqual([]);
  });

  it.each([
    ['a holder "9999"', { ma: '9999' }, '/v/0/ma "9999" is not in vaccines-covid-19-auth-holders'],
    ['a country "XY"', { co: 'XY' }, '/v/0/co "XY" is not in country-2-codes'],
    ['an unknown product', { mp: 'EU/9/99/9999' }, '/v/0/mp "EU/9/99/9999" is not in vaccines-covid-19-names'],
    ['a missing disease', { tg: undefined }, '/v/0/tg null is not in disease-agent-targeted'],
  ])('refuses %s, naming the field and the set', (_, change, problem) => {
    expect(valueSetProblems({ v: [{ ...vaccination, ...change }] }, codes)).toEqual([problem]);
  });

  it('checks a test’s manufacturer only where one is given (NAA tests carry none)', () => {
    const test = { tg: '840539006', tt: 'LP6464-4', tr: '260415000', co: 'DE' };
    expect(valueSetProblems({ t: [test] }, codes)).toEqual([]);
    expect(valueSetProblems({ t: [{ ...test, ma: '' }] }, codes)).toEqual([]);
    expect(valueSetProblems({ t: [{ ...test, tt: 'LP217198-3', ma: '9999' }] }, codes)).toEqual([
      '/t/0/ma "9999" is not in covid-19-lab-test-manufacturer-and-name',
    ]);
  });

  it('does not judge a field whose value set it does not hold', () => {
    expect(valueSetProblems({ v: [{ ...vaccination, co: 'XY' }] }, { 'country-2-codes': undefined! })).toEqual([]);
    expect(
      valueSetProblems({ r: [{ tg: '840539006', co: 'XY' }] }, { 'disease-agent-targeted': ['840539006'] }),
    ).toEqual([]);
  });
});
