import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_RULES_DIR } from '../../reference/business-rules.loader';
import { type RuleTestLine, runRulesTest } from './rules-test-command';

const COUNTRIES = ['EU', 'AT', 'CH', 'CZ', 'DE', 'ES', 'FR', 'VN'];

describe('certificate:rules-test', () => {
  it.each(COUNTRIES)('every test of the shipped %s rules agrees with its rule', (country) => {
    const { exitCode, lines } = runRulesTest([join(SHIPPED_RULES_DIR, country)]);
    const disagreeing = (lines as RuleTestLine[]).filter((l) => JSON.stringify(l.got) !== JSON.stringify(l.expected));
    expect(disagreeing).toEqual([]);
    expect(exitCode).toBe(0);
    expect(lines.length).toBeGreaterThan(country === 'VN' ? 30 : 50);
  });

  it('prints one line per test, naming the rule, the test, what it expects and what the rule gave', () => {
    const { lines } = runRulesTest([join(SHIPPED_RULES_DIR, 'VN', 'VR-VN-0002')]);
    expect(lines).toContainEqual({
      rule: 'VR-VN-0002',
      test: 'test006.json: partially vaccinated 1/2',
      expected: false,
      got: false,
    });
    expect(Object.keys(lines[0])).toEqual(['rule', 'test', 'expected', 'got']);
  });

  describe('on a copy with one rule changed', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'rules-'));
      cpSync(join(SHIPPED_RULES_DIR, 'VN'), join(dir, 'VN'), { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('exits 1 when a test disagrees: a partial series accepted', () => {
      const file = join(dir, 'VN', 'VR-VN-0002', 'rule.json');
      const rule = JSON.parse(readFileSync(file, 'utf8'));
      rule.Logic = true;
      writeFileSync(file, JSON.stringify(rule));
      const { exitCode, lines } = runRulesTest([dir]);
      expect(exitCode).toBe(1);
      expect(lines).toContainEqual(
        expect.objectContaining({ rule: 'VR-VN-0002', test: 'test006.json: partially vaccinated 1/2', got: true }),
      );
    });

    it('exits 2 on a rule that is not CertLogic, or a folder without rules', () => {
      writeFileSync(join(dir, 'VN', 'VR-VN-0001', 'rule.json'), JSON.stringify({ Identifier: 'VR-VN-0001' }));
      expect(runRulesTest([dir]).exitCode).toBe(2);
      expect(runRulesTest([join(dir, 'nowhere')]).exitCode).toBe(2);
      expect(runRulesTest([]).exitCode).toBe(2);
    });
  });
});
