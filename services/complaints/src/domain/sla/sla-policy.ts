import { COMPLAINT_TYPES, type ComplaintType, HANDLING_LEVELS, type HandlingLevel } from '../complaint-kinds';
import type { DurationUnit, PolicyDuration } from './working-time';

/** A time limit for complaints of a type, at a level, or both; the most specific rule wins. */
export interface SlaRule {
  complaintType?: ComplaintType;
  level?: HandlingLevel;
  within: PolicyDuration;
}

/** The SLA of complaint handling, as data: national defaults, each province may override any part. */
export interface SlaPolicy {
  /** Without a matching rule: 48 hours, the limit the press reported for 9458/BYT-CNTT. */
  default: PolicyDuration;
  rules: SlaRule[];
  /** How long before each deadline the holder of the turn is reminded (working time). */
  reminderBefore: PolicyDuration;
  /** How long the citizen has to answer a request for information before the complaint closes. */
  citizenReplyWithin: PolicyDuration;
  /** How long after a rejection the citizen may appeal. */
  appealWithin: PolicyDuration;
}

export interface SlaPolicyDocument {
  national: SlaPolicy;
  /** By province code (e.g. "12" for Lai Châu); rules listed here come before the national ones. */
  provinces: Record<string, Partial<SlaPolicy>>;
}

const UNITS: readonly DurationUnit[] = ['working-hours', 'working-days', 'calendar-days'];

/** The policy a province works to: its own settings over the national ones. */
export function policyForProvince(document: SlaPolicyDocument, provinceCode: string): SlaPolicy {
  const own = document.provinces[provinceCode] ?? {};
  return { ...document.national, ...own, rules: [...(own.rules ?? []), ...document.national.rules] };
}

const specificity = (rule: SlaRule) => (rule.complaintType ? 2 : 0) + (rule.level ? 1 : 0);

/** The time limit for a complaint of a type at a level: type and level, then type, then level, then the default. */
export function timeLimitFor(policy: SlaPolicy, complaintType: ComplaintType, level: HandlingLevel): PolicyDuration {
  const matching = policy.rules.filter(
    (r) => (!r.complaintType || r.complaintType === complaintType) && (!r.level || r.level === level),
  );
  const best = matching.reduce<SlaRule | undefined>(
    (found, rule) => (!found || specificity(rule) > specificity(found) ? rule : found),
    undefined,
  );
  return best?.within ?? policy.default;
}

/** Checks a policy document read from JSON; the first problem stops the service at start-up, named. */
export function checkSlaPolicyDocument(document: SlaPolicyDocument): SlaPolicyDocument {
  checkPolicy(document.national, 'national');
  for (const [code, own] of Object.entries(document.provinces ?? {})) checkPolicy(own, `provinces.${code}`);
  return document;
}

function checkPolicy(policy: Partial<SlaPolicy>, path: string): void {
  for (const key of ['default', 'reminderBefore', 'citizenReplyWithin', 'appealWithin'] as const) {
    const value = policy[key];
    if (value !== undefined) checkDuration(value, `${path}.${key}`);
    else if (path === 'national') throw new Error(`SLA policy: ${path}.${key} is missing`);
  }
  (policy.rules ?? []).forEach((rule, i) => {
    if (rule.complaintType && !COMPLAINT_TYPES.includes(rule.complaintType))
      throw new Error(`SLA policy: ${path}.rules[${i}].complaintType "${rule.complaintType}" is unknown`);
    if (rule.level && !HANDLING_LEVELS.includes(rule.level))
      throw new Error(`SLA policy: ${path}.rules[${i}].level "${rule.level}" is unknown`);
    checkDuration(rule.within, `${path}.rules[${i}].within`);
  });
}

function checkDuration(duration: PolicyDuration | undefined, path: string): void {
  if (!duration || !UNITS.includes(duration.unit))
    throw new Error(`SLA policy: ${path}.unit must be one of ${UNITS.join(', ')}`);
  if (!Number.isFinite(duration.amount) || duration.amount <= 0)
    throw new Error(`SLA policy: ${path}.amount must be a positive number`);
}
