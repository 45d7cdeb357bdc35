import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { valueSetProblems } from '../domain/valuesets/value-sets';
import { loadCertificationReference } from './certification-reference.loader';
import { readValueSets, SHIPPED_VALUE_SETS_DIR } from './value-sets.loader';

describe('value sets, as files', () => {
  const shipped = readValueSets(SHIPPED_VALUE_SETS_DIR);

  it('reads the shipped EU files by their value-set ids, versioned by the newest date and the content', () => {
    expect(Object.keys(shipped.codes).sort()).toEqual([
      'country-2-codes',
      'covid-19-lab-result',
      'covid-19-lab-test-manufacturer-and-name',
      'covid-19-lab-test-type',
      'disease-agent-targeted',
      'sct-vaccines-covid-19',
      'vaccines-covid-19-auth-holders',
      'vaccines-covid-19-names',
    ]);
    expect(shipped.version).toMatch(/^2023-01-25\/sha256:[0-9a-f]{12}$/);
  });

  it('passes the codes of every vaccine we certify (our certificates pass our verifier)', () => {
    for (const vaccine of loadCertificationReference().catalogue.values()) {
      const entry = { tg: '840539006', co: 'VN', ...vaccine.dcc };
      expect([vaccine.code, valueSetProblems({ v: [entry] }, shipped.codes)]).toEqual([vaccine.code, []]);
    }
  });

  describe('other forms', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'valuesets-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('takes the compressed map business rules are tested with, and one EU file', () => {
      const compressed = join(dir, 'valueSets.json');
      writeFileSync(compressed, JSON.stringify({ 'country-2-codes': ['VN'] }));
      expect(readValueSets(compressed)).toMatchObject({ codes: { 'country-2-codes': ['VN'] }, version: /^sha256:/ });
      const one = join(dir, 'one.json');
      writeFileSync(one, JSON.stringify({ valueSetId: 'x', valueSetDate: '2024-01-01', valueSetValues: { A: {} } }));
      expect(readValueSets(one)).toMatchObject({ codes: { x: ['A'] }, version: /^2024-01-01\// });
    });

    it('refuses a file that is neither, naming it', () => {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ hello: 'world' }));
      expect(() => readValueSets(bad)).toThrow(/bad\.json is neither/);
    });
  });
});
