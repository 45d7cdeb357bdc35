import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProblemException } from '@vax/platform';
import { reference, testSigner } from '../../application/certification.spec-fixtures';
import type { RevocationListQuery } from '../postgres/revocation-list.query';
import type { TrustListRepository } from '../postgres/trust-list.repository';
import { VerificationReference } from '../../application/verification-reference';
import { DISEASE_COVID19 } from '../../domain/certification-reference';
import type { CertificateContent } from '../../domain/dcc/certificate-content';
import { SHIPPED_RULES_DIR } from '../../reference/business-rules.loader';
import { SHIPPED_VALUE_SETS_DIR } from '../../reference/value-sets.loader';
import { VerificationReferenceHttpController } from './verification-reference.http-controller';
import { VerificationHttpController } from './verification.http-controller';

const partial: CertificateContent = {
  type: 'v',
  status: 'partially-vaccinated',
  holder: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01' },
  entry: {
    tg: DISEASE_COVID19,
    vp: '1119349007',
    mp: 'EU/1/20/1528',
    ma: 'ORG-100030215',
    dn: 1,
    sd: 2,
    dt: '2026-10-02',
    co: 'VN',
    is: reference.issuer.name,
  },
};

describe('POST /verifications and /verification-reference (the controllers, without HTTP)', () => {
  let dir: string;
  let verification: VerificationHttpController;
  let holder: VerificationReference;
  let hc1: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verification-http-'));
    cpSync(SHIPPED_RULES_DIR, join(dir, 'rules'), { recursive: true });
    holder = new VerificationReference(join(dir, 'rules'), SHIPPED_VALUE_SETS_DIR);
    const { keys, signer } = await testSigner();
    hc1 = signer.sign(partial, new Date()).hc1;
    const trustList = { all: async () => [{ certificateDer: keys.dscDer }] } as unknown as TrustListRepository;
    const revocations = { isRevoked: async () => false } as unknown as RevocationListQuery;
    verification = new VerificationHttpController(trustList, revocations, keys, holder);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('judges with the value sets always, with the rules of the arrival country when one is given, and says with which versions', async () => {
    const plain = await verification.verify({ hc1 });
    expect(plain).toMatchObject({ valid: true, checks: { valueSets: 'passed', rules: 'skipped' } });
    const inVietNam = await verification.verify({ hc1, country: 'VN' });
    expect(inVietNam).toMatchObject({
      valid: false,
      failed: 'rules',
      failedRules: [{ id: 'VR-VN-0002', description: { vi: expect.stringMatching(/đủ liều/) } }],
      versions: {
        schema: '1.3.0',
        rules: holder.current().ruleSet.version,
        valueSets: holder.current().valueSets.version,
      },
    });
  });

  it('applies a rule changed on disk after a reload, without a restart; a broken folder is refused with 422 and the old rules stay', async () => {
    const references = new VerificationReferenceHttpController(holder);
    const ruleFile = join(dir, 'rules', 'VN', 'VR-VN-0002', 'rule.json');
    const rule = JSON.parse(readFileSync(ruleFile, 'utf8'));
    writeFileSync(ruleFile, JSON.stringify({ ...rule, Version: '2.0.0', Logic: true }));
    const before = references.current().rules.version;
    expect(references.reload()).toMatchObject({ reloaded: true });
    expect(references.current().rules.version).not.toBe(before);
    expect(await verification.verify({ hc1, country: 'VN' })).toMatchObject({ valid: true, failedRules: [] });

    writeFileSync(ruleFile, '{');
    expect(() => references.reload()).toThrow(ProblemException);
    expect(await verification.verify({ hc1, country: 'VN' })).toMatchObject({ valid: true });
  });
});
