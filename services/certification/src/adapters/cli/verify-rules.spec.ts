import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reference, testSigner } from '../../application/certification.spec-fixtures';
import { DISEASE_COVID19 } from '../../domain/certification-reference';
import type { CertificateContent } from '../../domain/dcc/certificate-content';
import { SHIPPED_RULES_DIR } from '../../reference/business-rules.loader';
import { SHIPPED_VALUE_SETS_DIR } from '../../reference/value-sets.loader';
import { runVerifyCommand } from './verify-command';

const content = (dn: number, sd: number, mp = 'EU/1/20/1528'): CertificateContent => ({
  type: 'v',
  status: dn >= sd ? 'fully-vaccinated' : 'partially-vaccinated',
  holder: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01' },
  entry: {
    tg: DISEASE_COVID19,
    vp: '1119349007',
    mp,
    ma: 'ORG-100030215',
    dn,
    sd,
    dt: '2026-10-02',
    co: 'VN',
    is: reference.issuer.name,
  },
});

let setup: Awaited<ReturnType<typeof testSigner>>;
const ISSUED = new Date('2026-11-01T08:00:00Z');
const AT = '2026-12-01T08:00:00Z';
beforeAll(async () => {
  setup = await testSigner(ISSUED);
});
const dsc = () => setup.keys.dscDer.toString('base64');
const run = (c: CertificateContent, extra: string[]) =>
  runVerifyCommand(['--dsc', dsc(), '--at', AT, ...extra], setup.signer.sign(c, ISSUED).hc1);
/** With the shipped rules, arriving in Viet Nam unless another country is given. */
const verify = (c: CertificateContent, extra: string[] = []) => run(c, ['--rules', SHIPPED_RULES_DIR, ...extra]);

describe('verify CLI: value sets and business rules', () => {
  it('passes a fully vaccinated holder on arrival in Viet Nam (the default), stating what it was judged with', () => {
    const { exitCode, output } = verify(content(2, 2));
    expect(output).toMatchObject({
      valid: true,
      checks: { valueSets: 'passed', rules: 'passed' },
      failedRules: [],
      rules: { country: 'VN' },
      versions: {
        schema: '1.3.0',
        valueSets: expect.stringMatching(/sha256:/),
        rules: expect.stringMatching(/^sha256:/),
      },
    });
    expect((output as { rules: { applied: number } }).rules.applied).toBe(5); // GR-VN-0000/0001, VR-VN-0001/0002/0003
    expect(exitCode).toBe(0);
  });

  it('names each failed rule with its description in Vietnamese and English', () => {
    const { exitCode, output } = verify(content(1, 2));
    expect(exitCode).toBe(1);
    expect(output).toMatchObject({ valid: false, failed: 'rules' });
    const failed = (output as { failedRules: { id: string; description: { vi: string; en: string } }[] }).failedRules;
    expect(failed.map((f) => f.id)).toEqual(['VR-VN-0002']);
    expect(failed[0].description.vi).toMatch(/đủ liều cơ bản/);
    expect(failed[0].description.en).toMatch(/primary series must be complete/);
    const inGermany = verify(content(1, 2), ['--country', 'DE']).output as typeof output & {
      failedRules: typeof failed;
    };
    expect(inGermany.failedRules.find((f) => f.id === 'VR-EU-0002')?.description).toEqual({
      vi: null,
      en: expect.stringMatching(/doses/),
    });
  });

  it('applies the arrival country given: Sinopharm passes for Viet Nam, not for Germany (EU and German rules)', () => {
    const sinopharm = content(2, 2, 'BBIBP-CorV');
    expect(verify(sinopharm).output).toMatchObject({ valid: true });
    const germany = verify(sinopharm, ['--country', 'DE']).output as { failedRules: { id: string }[] };
    expect(germany).toMatchObject({ valid: false, failed: 'rules', rules: { country: 'DE' } });
    expect(germany.failedRules.map((f) => f.id)).toEqual(['VR-DE-0002', 'VR-EU-0001']);
    expect(verify(content(2, 2, 'CoronaVac')).output).toMatchObject({ failedRules: [{ id: 'VR-VN-0001' }] });
  });

  it('fails a code outside the value sets given, and skips the checks set to none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'valuesets-'));
    try {
      cpSync(SHIPPED_VALUE_SETS_DIR, dir, { recursive: true });
      writeFileSync(
        join(dir, 'country-2-codes.json'),
        JSON.stringify({ valueSetId: 'country-2-codes', valueSetValues: { DE: {} } }),
      );
      expect(run(content(2, 2), ['--valuesets', dir]).output).toMatchObject({
        failed: 'valueSets',
        reason: '/v/0/co "VN" is not in country-2-codes',
      });
      expect(run(content(1, 2), ['--valuesets', 'none']).output).toMatchObject({
        valid: true,
        checks: { valueSets: 'skipped', rules: 'skipped' },
        versions: { valueSets: null, rules: null },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies no rules unless asked: a partial series is a valid certificate; --country alone takes the shipped rules', () => {
    expect(run(content(1, 2), [])).toMatchObject({
      exitCode: 0,
      output: { valid: true, checks: { rules: 'skipped' } },
    });
    expect(run(content(1, 2), ['--country', 'VN']).output).toMatchObject({ failedRules: [{ id: 'VR-VN-0002' }] });
    expect(run(content(1, 2), ['--country', 'DE']).output).toMatchObject({ rules: { country: 'DE' } });
  });

  it('answers a bad --country, --rules or --valuesets as usage (exit 2)', () => {
    expect(verify(content(2, 2), ['--country', 'viet nam']).exitCode).toBe(2);
    expect(verify(content(2, 2), ['--rules', '/nowhere']).output).toMatchObject({
      failed: 'usage',
      reason: expect.stringMatching(/^--rules/),
    });
    expect(verify(content(2, 2), ['--valuesets', '/nowhere']).exitCode).toBe(2);
  });
});
