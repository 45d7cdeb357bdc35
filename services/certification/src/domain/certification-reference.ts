/** A vaccine as certification needs it: its primary series and its EU DCC codes (pinned value sets). */
export interface CertifiedVaccine {
  code: string;
  name: string;
  primaryDoses: number;
  dcc: { mp: string; ma: string; vp: string };
}

/** Province policy: data, not code (reference/vaccines.json). */
export interface CertificationPolicy {
  recoveryValidDays: number;
  recoveryValidFromDays: number;
  /** One dose after a recovery completes the primary series (EU practice). */
  recoveryCountsAsDose: boolean;
  certificateValidityMonths: number;
}

/** Everything the deciders need besides the person's own facts. */
export interface CertificationReference {
  catalogue: ReadonlyMap<string, CertifiedVaccine>;
  policy: CertificationPolicy;
  issuer: { country: string; name: string };
  /** Recorded in every certificate issued. */
  valueSetVersion: string;
  schemaVersion: string;
  /**
   * A digest of everything above: a new one means the policy changed, and every certificate is
   * re-derived under it (PolicyReissue).
   */
  policyVersion: string;
}

/** The COVID-19 code of the disease-agent-targeted value set. */
export const DISEASE_COVID19 = '840539006';

/** A rule of certification broken by the facts (not a programming error). */
export class CertificationError extends Error {
  constructor(
    readonly code: 'unknown-vaccine' | 'no-certificate' | 'not-your-certificate',
    message: string,
  ) {
    super(message);
    this.name = 'CertificationError';
  }
}
