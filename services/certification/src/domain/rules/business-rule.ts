import { validateFormat } from 'certlogic-js/dist/validation';

/**
 * A DCC business rule as the EU gateway distributes it (dgc-business-rules, CertLogic engine):
 * `logic` is true when the certificate passes. Field names follow the published JSON.
 */
export interface BusinessRule {
  identifier: string;
  type: 'Acceptance' | 'Invalidation';
  /** Whose rule: an ISO 3166 alpha-2 country, or EU for the general rules. */
  country: string;
  version: string;
  schemaVersion: string;
  certificateType: 'General' | 'Vaccination' | 'Test' | 'Recovery';
  description: { lang: string; desc: string }[];
  validFrom: string;
  validTo: string;
  affectedFields: string[];
  logic: unknown;
}

/** The rules a verifier holds, and which version of them (stated on each verdict). */
export interface RuleSet {
  rules: BusinessRule[];
  version: string;
}

/** One test of a rule, in the published layout: `logic` on `{ payload, external }` gives `expected`. */
export interface RuleTest {
  name: string;
  payload: unknown;
  external: Record<string, unknown>;
  expected: unknown;
}

export class RuleFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleFormatError';
  }
}

const TYPES = ['Acceptance', 'Invalidation'];
const CERTIFICATE_TYPES = ['General', 'Vaccination', 'Test', 'Recovery'];

/** The published rule JSON, checked field by field; a malformed rule is refused, never half-applied. */
export function businessRuleOf(json: unknown, where: string): BusinessRule {
  const r = (json ?? {}) as Record<string, unknown>;
  const text = (key: string) => {
    if (typeof r[key] !== 'string' || r[key] === '') throw new RuleFormatError(`${where}: ${key} must be text`);
    return r[key] as string;
  };
  const oneOf = (key: string, allowed: string[]) => {
    if (!allowed.includes(text(key)))
      throw new RuleFormatError(`${where}: ${key} must be one of ${allowed.join(', ')}`);
    return r[key] as never;
  };
  if (text('Engine') !== 'CERTLOGIC') throw new RuleFormatError(`${where}: Engine ${r.Engine} is not CERTLOGIC`);
  if (!Array.isArray(r.Description)) throw new RuleFormatError(`${where}: Description must be a list`);
  const logicProblems = validateFormat(r.Logic);
  if (logicProblems.length > 0)
    throw new RuleFormatError(`${where}: Logic is not CertLogic (${logicProblems.map((p) => p.message).join('; ')})`);
  return {
    identifier: text('Identifier'),
    type: oneOf('Type', TYPES),
    country: text('Country'),
    version: text('Version'),
    schemaVersion: text('SchemaVersion'),
    certificateType: oneOf('CertificateType', CERTIFICATE_TYPES),
    description: r.Description as BusinessRule['description'],
    validFrom: text('ValidFrom'),
    validTo: text('ValidTo'),
    affectedFields: Array.isArray(r.AffectedFields) ? (r.AffectedFields as string[]) : [],
    logic: r.Logic,
  };
}

/** The rule's description in a language, if it has one. */
export const descriptionIn = (rule: BusinessRule, lang: string): string | undefined =>
  rule.description.find((d) => d.lang === lang)?.desc;
