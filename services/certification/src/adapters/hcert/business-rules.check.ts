import { type RuleSet, descriptionIn } from '../../domain/rules/business-rule';
import { evaluateRules } from '../../domain/rules/rule-evaluation';
import { applicableRules } from '../../domain/rules/rule-selection';
import type { ValueSets } from '../../domain/valuesets/value-sets';
import type { DecodedHcert } from './hcert.decoder';
import type { CertificateType } from './key-usage';

/** A rule the certificate did not pass, named as the verifier apps name it, in Vietnamese and English. */
export interface FailedRule {
  id: string;
  country: string;
  version: string;
  outcome: 'failed' | 'open';
  description: { vi: string | null; en: string | null };
  error?: string;
}

export interface RulesVerdict {
  country: string;
  applied: number;
  failed: FailedRule[];
}

const instant = (seconds: number | undefined) =>
  seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();

/**
 * The business rules that apply on arrival in `arrivalCountry`, evaluated on the payload with the
 * external data the EU apps pass (validation clock, value sets, countries, iat/exp).
 */
export function rulesVerdict(
  d: DecodedHcert,
  type: CertificateType | undefined,
  options: { ruleSet: RuleSet; arrivalCountry: string; valueSets?: ValueSets; at: Date },
): RulesVerdict {
  const rules = applicableRules(options.ruleSet.rules, {
    arrivalCountry: options.arrivalCountry,
    issuerCountry: d.issuer,
    type,
    at: options.at,
  });
  const external = {
    validationClock: options.at.toISOString(),
    valueSets: options.valueSets?.codes ?? {},
    countryCode: options.arrivalCountry,
    issuerCountryCode: d.issuer,
    exp: instant(d.expiresAt),
    iat: instant(d.issuedAt),
  };
  const failed = evaluateRules(rules, { payload: d.dcc, external })
    .filter((o) => o.outcome !== 'passed')
    .map(({ rule, ...o }) => ({
      id: rule.identifier,
      country: rule.country,
      version: rule.version,
      outcome: o.outcome as FailedRule['outcome'],
      description: { vi: descriptionIn(rule, 'vi') ?? null, en: descriptionIn(rule, 'en') ?? null },
      ...('error' in o ? { error: o.error } : {}),
    }));
  return { country: options.arrivalCountry, applied: rules.length, failed };
}

export function rulesProblem(verdict: RulesVerdict): string | null {
  if (verdict.failed.length === 0) return null;
  return `${verdict.failed.length} of ${verdict.applied} business rules of ${verdict.country} not passed: ${verdict.failed.map((f) => f.id).join(', ')}`;
}
