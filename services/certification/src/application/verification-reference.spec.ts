import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_RULES_DIR } from '../reference/business-rules.loader';
import { SHIPPED_VALUE_SETS_DIR } from '../reference/value-sets.loader';
import { type ReloadOutcome, VerificationReference } from './verification-reference';

describe('the rules and value sets the online verifier holds', () => {
  let dir: string;
  let reference: VerificationReference;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'verification-reference-'));
    cpSync(join(SHIPPED_RULES_DIR, 'VN'), join(dir, 'rules', 'VN'), { recursive: true });
    cpSync(SHIPPED_VALUE_SETS_DIR, join(dir, 'valuesets'), { recursive: true });
    reference = new VerificationReference(join(dir, 'rules'), join(dir, 'valuesets'));
  });
  afterEach(() => {
    reference.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ruleFile = () => join(dir, 'rules', 'VN', 'VR-VN-0001', 'rule.json');

  it('reloads a changed rule: a new version, the new logic in force', () => {
    const before = reference.current();
    const rule = JSON.parse(readFileSync(ruleFile(), 'utf8'));
    writeFileSync(ruleFile(), JSON.stringify({ ...rule, Version: '1.1.0', Logic: true }));
    const outcome = reference.reload();
    expect(outcome).toMatchObject({ reloaded: true, rules: { count: before.ruleSet.rules.length } });
    expect(outcome.rules.version).not.toBe(before.ruleSet.version);
    expect(reference.current().ruleSet.rules.find((r) => r.identifier === 'VR-VN-0001')).toMatchObject({
      version: '1.1.0',
      logic: true,
    });
  });

  it('keeps the previous rules in force when the folder no longer reads, and says why', () => {
    const before = reference.current();
    writeFileSync(ruleFile(), '{ not json');
    const outcome = reference.reload();
    expect(outcome).toMatchObject({ reloaded: false, problem: expect.stringContaining('VR-VN-0001') });
    expect(reference.current()).toBe(before);
  });

  it('reloads by itself when a value set file changes', async () => {
    const seen = new Promise<ReloadOutcome>((resolve) => {
      reference.close();
      reference = new VerificationReference(join(dir, 'rules'), join(dir, 'valuesets'), resolve);
      reference.watch(20);
    });
    const before = reference.current().valueSets.version;
    const file = join(dir, 'valuesets', 'country-2-codes.json');
    const set = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...set, valueSetDate: '2099-01-01', valueSetValues: { VN: {} } }));
    const outcome = await seen;
    expect(outcome.reloaded).toBe(true);
    expect(outcome.valueSets.version).toMatch(/^2099-01-01\//);
    expect(reference.current().valueSets.version).not.toBe(before);
    expect(reference.current().valueSets.codes['country-2-codes']).toEqual(['VN']);
  });
});
