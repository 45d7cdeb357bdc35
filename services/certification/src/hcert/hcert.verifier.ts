import { algorithmOf, keyIdOf } from './cose-sign1';
import { coseSignatureProblem } from './cose-signature';
import { dccSchemaProblems } from './dcc-schema.validator';
import { type DecodedHcert, decodeHcert } from './hcert.decoder';
import { type CertificateType, keyUsageAllows } from './key-usage';
import { type RevocationHashes, revocationHashes } from './revocation-hashes';
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
  'revocation',
] as const;
export type CheckName = (typeof CHECKS)[number];
export type CheckOutcome = 'passed' | 'failed' | 'skipped';

export interface VerifyOptions {
  /** The clock expiry is checked against. */
  at: Date;
  trustList: readonly TrustedSigner[];
  /** Whether any of a certificate's revocation hashes is on the revocation list. */
  isRevoked?: (hashes: RevocationHashes) => boolean;
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
  const verdicts: [CheckName, Verdict][] = [
    [
      'signature',
      !signer ? 'no trusted signing certificate has this key id' : coseSignatureProblem(d.cose, signer.publicKey),
    ],
    ['expiry', expiryProblem(d, options.at)],
    ['keyUsage', keyUsageProblem(signer || undefined, type)],
    ['schema', dccSchemaProblems(d.dcc).join('; ') || null],
    ['revocation', revocationProblem(d, options)],
  ];
  let failed: [CheckName, string] | null = null;
  for (const [check, problem] of verdicts) {
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
  const type = certificateTypeOf(d.dcc);
  const uvci = type && certificateIdOf(d.dcc, type);
  if (!options.isRevoked || !uvci) return null;
  const alg = algorithmOf(d.cose) ?? 0;
  const hashes = revocationHashes({ uvci, issuerCountry: d.issuer ?? '', signature: d.cose.signature, alg });
  return options.isRevoked(hashes) ? 'the certificate is on the revocation list' : null;
}

function certificateTypeOf(dcc: Record<string, unknown>): CertificateType | undefined {
  return (['v', 't', 'r'] as const).find((t) => Array.isArray(dcc[t]) && (dcc[t] as unknown[]).length > 0);
}

function certificateIdOf(dcc: Record<string, unknown>, type: CertificateType | undefined): string | undefined {
  const entry = type ? (dcc[type] as Record<string, unknown>[])[0] : undefined;
  return typeof entry?.ci === 'string' ? entry.ci : undefined;
}

const instant = (seconds: number | undefined) =>
  seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();

/** The revocation hashes of an HC1 text, for looking them up before verifying (undefined if it does not decode). */
export function revocationHashesOfHcert(text: string): RevocationHashes | undefined {
  const outcome = decodeHcert(text);
  if (!outcome.ok) return undefined;
  const d = outcome.decoded;
  const uvci = certificateIdOf(d.dcc, certificateTypeOf(d.dcc));
  if (!uvci) return undefined;
  return revocationHashes({
    uvci,
    issuerCountry: d.issuer ?? '',
    signature: d.cose.signature,
    alg: algorithmOf(d.cose) ?? 0,
  });
}
