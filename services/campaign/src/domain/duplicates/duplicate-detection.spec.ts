import { type DoseRowFacts, personKey, proposeMerges } from './duplicate-detection';

const row = (ref: string, over: Partial<DoseRowFacts> = {}): DoseRowFacts => ({
  ref,
  rowClass: 'matched',
  personId: 'P1',
  idNumber: '012090123456',
  fullName: 'Lò Văn Hùng',
  dateOfBirth: '1990-03-05',
  vaccineCode: 'AZD1222',
  administeredOn: '2021-08-12',
  lotNumber: 'ABV5811',
  siteId: 'LC-TD-01',
  doseNumber: 1,
  problemCount: 0,
  ...over,
});

describe('probable duplicates (one injection entered twice)', () => {
  it('proposes the same injection on two rows of one person, keeping the better row, with the evidence', () => {
    const copy = row('a:9', { rowClass: 'mismatched', siteId: 'LC-TD-02', lotNumber: 'abv5811', doseNumber: 2 });
    expect(proposeMerges([copy, row('a:3')])).toEqual([
      {
        keepRef: 'a:3',
        duplicateRef: 'a:9',
        evidence: [
          { kind: 'samePerson', via: 'registry' },
          { kind: 'administeredOn', daysApart: 0 },
          { kind: 'vaccine', same: true },
          { kind: 'lotNumber', same: true },
          { kind: 'site', same: false },
          { kind: 'doseNumber', same: false },
        ],
      },
    ]);
  });

  it('takes the same vaccine a few days apart as a mistyped date of the same injection', () => {
    const [proposal] = proposeMerges([row('a:1'), row('a:2', { administeredOn: '2021-08-15' })]);
    expect(proposal.evidence).toContainEqual({ kind: 'administeredOn', daysApart: 3 });
  });

  it('never proposes two doses of a real schedule: same vaccine weeks apart, or another vaccine days apart', () => {
    const secondDose = row('a:2', { administeredOn: '2021-09-09', doseNumber: 2 });
    const otherVaccine = row('a:3', { vaccineCode: 'VEROCELL', administeredOn: '2021-08-14' });
    expect(proposeMerges([row('a:1'), secondDose])).toEqual([]);
    expect(proposeMerges([row('a:1'), otherVaccine])).toEqual([]);
  });

  it('clusters an injection entered three times: one kept, two proposed against it', () => {
    const proposals = proposeMerges([
      row('a:5', { problemCount: 1 }),
      row('a:4'),
      row('b:1', { administeredOn: '2021-08-17' }),
    ]);
    expect(proposals.map((p) => [p.keepRef, p.duplicateRef])).toEqual([
      ['a:4', 'a:5'],
      ['a:4', 'b:1'],
    ]);
  });

  it('ignores rows without an injection date', () => {
    expect(proposeMerges([row('a:1'), row('a:2', { administeredOn: undefined })])).toEqual([]);
  });
});

describe('who a row is, for duplicate detection', () => {
  it('is the registry person the row was linked to', () => {
    expect(personKey(row('a:1'))).toEqual({ key: 'P:P1', via: 'registry' });
    expect(personKey(row('a:1', { rowClass: 'mismatched' }))).toEqual({ key: 'P:P1', via: 'registry' });
  });

  it('is ID number, folded name and birth date together for rows the registry does not know', () => {
    const unknown = row('a:1', { rowClass: 'not-found', personId: undefined });
    const typedWithoutAccents = row('a:2', { rowClass: 'not-found', personId: undefined, fullName: 'LO VAN HUNG' });
    expect(personKey(unknown)).toEqual(personKey(typedWithoutAccents));
    expect(personKey(unknown)?.via).toBe('idNumberNameAndBirth');
  });

  it('is nothing without an ID number: namesakes born the same day are different people', () => {
    for (const missing of [{ idNumber: undefined }, { dateOfBirth: undefined }, { fullName: undefined }])
      expect(personKey(row('a:1', { rowClass: 'not-found', personId: undefined, ...missing }))).toBeUndefined();
    expect(personKey(row('a:1', { rowClass: 'invalid-id', personId: undefined }))).toBeUndefined();
  });
});
