import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTypedIdentity } from '../../domain/identity-input/typed-identity.parser';
import { type PopulationReference, syntheticPopulation } from './synthetic-population';
import { loadPopulationReference } from '../../reference/population-reference';

const reference: PopulationReference = loadPopulationReference();
const codes = new Set(
  Object.keys(JSON.parse(readFileSync(join(__dirname, '../../reference/province-codes.json'), 'utf8')).codes as object),
);

describe('the synthetic population', () => {
  const people = [...syntheticPopulation(reference, { size: 20_000, seed: 42 })];

  it('is the same for the same seed, and different for another', () => {
    expect([...syntheticPopulation(reference, { size: 50, seed: 42 })]).toEqual(people.slice(0, 50));
    expect([...syntheticPopulation(reference, { size: 50, seed: 7 })]).not.toEqual(people.slice(0, 50));
  });

  it('gives every person a valid CCCD consistent with their gender and birth year, never twice', () => {
    for (const p of people.slice(0, 5_000)) {
      expect(() => parseTypedIdentity(p, { provinceCodes: codes, today: '2021-11-01' })).not.toThrow();
    }
    const numbers = people.flatMap((p) => [p.idNumber, ...(p.oldIdNumber ? [p.oldIdNumber] : [])]);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('gives old CMND numbers only to people born before 2000, to a share of them', () => {
    const withOld = people.filter((p) => p.oldIdNumber);
    expect(withOld.every((p) => p.dateOfBirth < '2000' && /^\d{9}$/.test(p.oldIdNumber!))).toBe(true);
    expect(withOld.length / people.filter((p) => p.dateOfBirth < '2000').length).toBeCloseTo(0.4, 1);
  });

  it('has every ethnic group and district near its share', () => {
    const share = (key: 'ethnicGroup' | 'district', value: string) =>
      people.filter((p) => p[key] === value).length / people.length;
    expect(share('ethnicGroup', 'Thái')).toBeCloseTo(0.32, 1);
    expect(share('ethnicGroup', 'Mông')).toBeCloseTo(0.24, 1);
    expect(share('district', 'Phong Thổ')).toBeCloseTo(0.17, 1);
  });

  it('has two different people with the same name and birth date, as real registries do', () => {
    const seen = new Map<string, string>();
    let twins = 0;
    for (const p of people) {
      const key = `${p.fullName}|${p.dateOfBirth}`;
      if (seen.has(key) && seen.get(key) !== p.personId) twins++;
      seen.set(key, p.personId);
    }
    expect(twins).toBeGreaterThan(0);
  });
});
