import type { BusinessRule } from './business-rule';

/** What decides which rules apply to one certificate. */
export interface RuleContext {
  /** The country the holder arrives in: its acceptance rules apply (with the EU's general rules in the EU). */
  arrivalCountry: string;
  /** The country that issued the certificate (CWT `iss`): its invalidation rules apply. */
  issuerCountry: string | undefined;
  type: 'v' | 't' | 'r' | undefined;
  at: Date;
}

const CERTIFICATE_TYPE = { v: 'Vaccination', t: 'Test', r: 'Recovery' } as const;

/**
 * Where the EU's general rules are the baseline: the member states, the EEA and Switzerland. Viet
 * Nam, outside the framework, applies its own rule set only (it accepts vaccines the EU's rules
 * refuse, Sinopharm's among them).
 */
const EU_FRAMEWORK = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH'.split(' '),
);

/**
 * The rules that apply, as the EU reference verifier apps select them: acceptance rules of the
 * arrival country (and the EU's general rules where it is in the framework), invalidation rules of
 * the issuing country; of the
 * certificate's type or General; in force at the clock; the highest version of each identifier.
 */
export function applicableRules(rules: readonly BusinessRule[], ctx: RuleContext): BusinessRule[] {
  const at = ctx.at.getTime();
  const newest = new Map<string, BusinessRule>();
  for (const rule of rules) {
    const owner =
      rule.type === 'Acceptance'
        ? rule.country === ctx.arrivalCountry || (rule.country === 'EU' && EU_FRAMEWORK.has(ctx.arrivalCountry))
        : rule.country === ctx.issuerCountry;
    const ofType =
      rule.certificateType === 'General' || (ctx.type && rule.certificateType === CERTIFICATE_TYPE[ctx.type]);
    const inForce = Date.parse(rule.validFrom) <= at && at <= Date.parse(rule.validTo);
    if (!owner || !ofType || !inForce) continue;
    const key = `${rule.country}/${rule.identifier}`;
    const held = newest.get(key);
    if (!held || compareVersions(rule.version, held.version) > 0) newest.set(key, rule);
  }
  return [...newest.values()].sort((a, b) => a.identifier.localeCompare(b.identifier));
}

/** Semantic versions compared part by part as numbers (1.10.0 after 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
