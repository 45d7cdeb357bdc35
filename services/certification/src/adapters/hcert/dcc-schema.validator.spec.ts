import { dccSchemaProblems, schemaReleaseFor } from './dcc-schema.validator';

const nam = { fn: 'Nguyễn', fnt: 'NGUYEN', gn: 'Văn An', gnt: 'VAN<AN' };
const test = {
  tg: '840539006',
  tt: 'LP6464-4',
  sc: '2021-06-01T10:00:00Z',
  tr: '260415000',
  co: 'DE',
  is: 'RKI',
  ci: 'URN:UVCI:01:DE:X',
};
const vaccination = {
  tg: '840539006',
  vp: '1119349007',
  mp: 'EU/1/20/1528',
  ma: 'ORG-100030215',
  dn: 2,
  sd: 2,
  dt: '2021-10-02',
  co: 'VN',
  is: 'MoH',
  ci: 'URN:UVCI:01:VN:X',
};
const dcc = (ver: string, group: object) => ({ ver, nam, dob: '1990-01-01', ...group });

describe('the DCC schema of the version a certificate declares', () => {
  it.each([
    ['1.0.0', '1.0.0'],
    ['1.2.1', '1.2.1'],
    ['1.1.0', '1.2.1'],
    ['1.3.0', '1.3.0'],
    ['1.3.2', '1.3.2'],
    ['1.4.0', '1.3.2'],
    [undefined, '1.3.0'],
  ])('ver %s is checked against release %s', (ver, release) => {
    expect(schemaReleaseFor(ver)).toBe(release);
  });

  it('released 1.3.0 no longer requires the testing centre; 1.0.0 and 1.2.1 do', () => {
    const { tc: _, ...withoutCentre } = { ...test, tc: 'Lab' };
    expect(dccSchemaProblems(dcc('1.3.0', { t: [withoutCentre] }))).toEqual([]);
    expect(dccSchemaProblems(dcc('1.2.1', { t: [withoutCentre] })).join()).toMatch(
      /must have required property 'tc' \(schema 1.2.1\)/,
    );
    expect(dccSchemaProblems(dcc('1.0.0', { t: [withoutCentre] })).join()).toMatch(/'tc'/);
    expect(dccSchemaProblems(dcc('1.2.1', { t: [{ ...test, tc: 'Lab' }] }))).toEqual([]);
  });

  it('reads a date-time in v[].dt as deployed verifiers do, but still refuses what is no date', () => {
    expect(dccSchemaProblems(dcc('1.3.0', { v: [{ ...vaccination, dt: '2021-10-02T00:00:00Z' }] }))).toEqual([]);
    expect(dccSchemaProblems(dcc('1.3.0', { v: [{ ...vaccination, dt: '02/10/2021' }] }))).not.toEqual([]);
  });

  it('1.3.2 takes a standardised given name without a standardised surname; 1.3.0 does not', () => {
    const onlyGiven = { gn: 'An', gnt: 'AN' };
    expect(dccSchemaProblems({ ...dcc('1.3.2', { v: [vaccination] }), nam: onlyGiven })).toEqual([]);
    expect(dccSchemaProblems({ ...dcc('1.3.0', { v: [vaccination] }), nam: onlyGiven })).not.toEqual([]);
  });

  it('a payload without ver fails', () => {
    const { ver: _, ...noVersion } = dcc('1.3.0', { v: [vaccination] });
    expect(dccSchemaProblems(noVersion).join()).toMatch(/ver/);
  });
});
