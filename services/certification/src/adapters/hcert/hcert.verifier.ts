import type { RuleSet } from '../../domain/rules/business-rule';
import { type ValueSets, valueSetProblems } from '../../domain/valuesets/value-sets';
import { type FailedRule, type RulesVerdict, rulesProblem, rulesVerdict } from './business-rules.check';
import { keyIdOf } from './cose-sign1';
import { coseSignatureProblem } from './cose-signature';
import { dccSchemaProblems, schemaReleaseFor } from './dcc-schema.validator';
import { type DecodedHcert, decodeHcert } from './hcert.decoder';
import { certificateIdOf, certificateTypeOf, revocationHashesOfDecoded } from './hcert.identity';
import { type CertificateType, keyUsageAllows } from './key-usage';
import type { RevocationHashes } from './revocation-hashes';
import type { TrustedSigner } from './trusted-signer';

export const CHECKS = [
  'prefix',
  'base45',
  'zlib',
  'cose',
  'cwt',
  'signature',
  'expiry',
  'keyUsage',
  'schema',
  'valueSets',
  'revocation',
  'rules',
] as const;
export type CheckName = (typeof CHECKS)[number];
export type CheckOutcome = 'passed' | 'failed' | 'skipped';

export interface VerifyOptions {
  /** The clock expiry is checked against. */
  at: Date;
  trustList: readonly TrustedSigner[];
  /** Whether any of a certificate's revocation hashes is on the revocation list. */
  isRevoked?: (hashes: RevocationHashes) => boolean;
  /** The value sets coded fields must come from; without them that check is skipped. */
  valueSets?: ValueSets;
  /** The business rules, and the arrival country whose rules apply; without them that check is skipped. */
  rules?: { ruleSet: RuleSet; arrivalCountry: string };
}

/** What a verifier learns; personal data stays in `dcc`, which callers choose to show or not. */
export interface VerificationResult {
  valid: boolean;
  /** The first check that failed, in the order of CHECKS. */
  failed: CheckName | null;
  reason: string | null;
  checks: Record<CheckName, CheckOutcome>;
  kid?: string;
  issuer?: string;
  type?: CertificateType;
  certificateId?: string;
  issuedAt?: string;
  expiresAt?: string;
  dcc?: Record<string, unknown>;
  /** The rules not passed (none when every applicable rule passed or rules were not checked). */
  failedRules?: FailedRule[];
  /** Which rules applied: the arrival country and how many. */
  rules?: { country: string; applied: number };
  /** What the verdict was reached with: the schema release for the declared `ver`, the value sets and rules held. */
  versions?: { schema: string; valueSets: string | null; rules: string | null };
}

type Verdict = string | null;

/** Every check the HCERT spec asks of a verifier, each reported; works offline on its inputs alone. */
export function verifyHcert(text: string, options: VerifyOptions): VerificationResult {
  const checks = Object.fromEntries(CHECKS.map((c) => [c, 'skipped'])) as Record<CheckName, CheckOutcome>;
  const outcome = decodeHcert(text);
  if (!outcome.ok) {
    for (const stage of outcome.passed) checks[stage] = 'passed';
    checks[outcome.stage] = 'failed';
    return { valid: false, failed: outcome.stage, reason: outcome.reason, checks };
  }
  for (const stage of ['prefix', 'base45', 'zlib', 'cose', 'cwt'] as const) checks[stage] = 'passed';
  const d = outcome.decoded;
  const type = certificateTypeOf(d.dcc);
  const kid = keyIdOf(d.cose);
  const signer = kid && options.trustList.find((s) => s.kid.equals(kid));
  const rules: RulesVerdict | undefined =
    options.rules && rulesVerdict(d, type, { ...options.rules, valueSets: options.valueSets, at: options.at });
  const verdicts: [CheckName, Verdict | undefined][] = [
    [
      'signature',
      !signer ? 'no trusted signing certificate has this key id' : coseSignatureProblem(d.cose, signer.publicKey),
    ],
    ['expiry', expiryProblem(d, options.at)],
    ['keyUsage', keyUsageProblem(signer || undefined, type)],
    ['schema', dccSchemaProblems(d.dcc).join('; ') || null],
    ['valueSets', options.valueSets ? valueSetProblems(d.dcc, options.valueSets.codes).join('; ') || null : undefined],
    ['revocation', revocationProblem(d, options)],
    ['rules', rules ? rulesProblem(rules) : undefined],
  ];
  let failed: [CheckName, string] | null = null;
  for (const [check, problem] of verdicts) {
    if (problem === undefined) continue; // not asked for: stays skipped
    checks[check] = problem === null ? 'passed' : 'failed';
    if (problem !== null && !failed) failed = [check, problem];
  }
  return {
    valid: failed === null,
    failed: failed?.[0] ?? null,
    reason: failed?.[1] ?? null,
    checks,
    kid: kid?.toString('base64'),
    issuer: d.issuer,
    type,
    certificateId: certificateIdOf(d.dcc, type),
    issuedAt: instant(d.issuedAt),
    expiresAt: instant(d.expiresAt),
    dcc: d.dcc,
    ...(rules && { failedRules: rules.failed, rules: { country: rules.country, applied: rules.applied } }),
    versions: {
      schema: schemaReleaseFor(d.dcc.ver),
      valueSets: options.valueSets?.version ?? null,
      rules: options.rules?.ruleSet.version ?? null,
    },
  };
}

/** Valid from iat up to and including exp: the HCERT spec rejects payloads *after* expiry (ES/1501–1503). */
function expiryProblem(d: DecodedHcert, at: Date): Verdict {
  const now = at.getTime() / 1000;
  if (d.expiresAt === undefined) return 'the CWT has no expiry (exp)';
  if (d.issuedAt !== undefined && now < d.issuedAt) return `not valid before ${instant(d.issuedAt)}`;
  if (now > d.expiresAt) return `expired at ${instant(d.expiresAt)}`;
  return null;
}

function keyUsageProblem(signer: TrustedSigner | undefined, type: CertificateType | undefined): Verdict {
  if (!type) return 'the payload holds no vaccination, test or recovery entry';
  if (!signer) return 'no trusted signing certificate to read key usage from';
  return keyUsageAllows(signer.extendedKeyUsages, type) ? null : `the signing certificate may not sign type "${type}"`;
}

function revocationProblem(d: DecodedHcert, options: VerifyOptions): Verdict {
  const hashes = options.isRevoked && revocationHashesOfDecoded(d);
  return hashes && options.isRevoked!(hashes) ? 'the certificate is on the revocation list' : null;
}

const instant = (seconds: number | undefined) =>
  seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();

export { revocationHashesOfHcert } from './hcert.identity';
