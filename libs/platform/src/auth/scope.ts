import type { CallerActor } from './actor-token';

/**
 * Where an actor's authority reaches, parsed from the token's `scope`: a person (citizens), a unit
 * (a site, a commune, a district, the province), or the platform itself (services, operators).
 */
export type Scope =
  | { kind: 'person'; personId: string }
  | { kind: 'site'; siteId: string }
  | { kind: 'commune'; commune: string }
  | { kind: 'district'; district: string }
  | { kind: 'province'; province: string }
  | { kind: 'system' }
  | { kind: 'unknown'; raw: string };

export function parseScope(scope: string): Scope {
  const [kind, ...rest] = scope.split(':');
  const value = rest.join(':');
  switch (kind) {
    case 'person':
      return value ? { kind, personId: value } : { kind: 'unknown', raw: scope };
    case 'site':
      return value ? { kind, siteId: value } : { kind: 'unknown', raw: scope };
    case 'commune':
      return value ? { kind, commune: value } : { kind: 'unknown', raw: scope };
    case 'district':
      return value ? { kind, district: value } : { kind: 'unknown', raw: scope };
    case 'province':
      return { kind, province: value || 'LC' };
    case 'system':
    case 'platform':
      return { kind: 'system' };
    default:
      return { kind: 'unknown', raw: scope };
  }
}

/** What the owning service knows about a person when someone asks to read their data. */
export interface PersonResource {
  kind: 'person';
  personId: string;
  /** Identity checks of this person, still fresh and positive, by the unit (actor scope) that made them. */
  freshVerifications: { verificationId: string; unit: string }[];
  /** Open complaints of this person, by the unit holding each. */
  heldComplaints: { complaintId: string; unit: string }[];
  /** The person's district, where known (a district manager reads only their own). */
  district: string | null;
}

export type Resource = PersonResource;
export type Action = 'read';

/**
 * The answer, and why: every read of a person's data by staff is recorded with the ground that
 * allowed it (the verification or complaint), which the citizen can see.
 */
export type Decision = { allowed: true; ground: string } | { allowed: false; reason: string };

const STAFF_ROLES = new Set(['site-staff', 'site-head', 'commune-chairman']);
const allow = (ground: string): Decision => ({ allowed: true, ground });
const deny = (reason: string): Decision => ({ allowed: false, reason });

/**
 * The one rule for who may read what, used by the portal and again by every service that owns the
 * data. Citizens read themselves; staff a person they have just verified at their unit or whose
 * complaint their unit holds; managers their district (the province's, everything); services themselves.
 */
export function may(actor: CallerActor, action: Action, resource: Resource): Decision {
  const scope = parseScope(actor.scope);
  if (actor.role === 'system' && scope.kind === 'system') return allow('service');
  return mayReadPerson(actor, scope, resource);
}

function mayReadPerson(actor: CallerActor, scope: Scope, person: PersonResource): Decision {
  if (actor.role === 'citizen') {
    return scope.kind === 'person' && scope.personId === person.personId
      ? allow('self')
      : deny('a citizen sees only their own data');
  }
  if (STAFF_ROLES.has(actor.role)) {
    const verification = person.freshVerifications.find((v) => v.unit === actor.scope);
    if (verification) return allow(`verification:${verification.verificationId}`);
    const complaint = person.heldComplaints.find((c) => c.unit === actor.scope);
    if (complaint) return allow(`complaint:${complaint.complaintId}`);
    return deny('staff read a person only after verifying them at their unit, or for a complaint their unit holds');
  }
  if (actor.role === 'manager') {
    if (scope.kind === 'province') return allow(`manager:${actor.scope}`);
    if (scope.kind === 'district' && person.district === scope.district) return allow(`manager:${actor.scope}`);
    const complaint = person.heldComplaints.find((c) => c.unit === actor.scope);
    if (complaint) return allow(`complaint:${complaint.complaintId}`);
    return deny("a district manager reads only their district's people");
  }
  return deny(`the role ${actor.role} reads no person's data`);
}

/** The part of the province whose figures (statistics, coverage, shares, SLA reports) an actor may read. */
export type FiguresWithin = { district?: string; siteId?: string };

/**
 * Figures are cut to the actor's unit: the province's managers (and services) see all of it, a
 * district's manager their district, a site's staff their site; anyone else none (undefined).
 */
export function figuresWithin(actor: CallerActor): FiguresWithin | undefined {
  const scope = parseScope(actor.scope);
  if (scope.kind === 'system' && actor.role === 'system') return {};
  if (actor.role === 'manager' && scope.kind === 'province') return {};
  if (actor.role === 'manager' && scope.kind === 'district') return { district: scope.district };
  if (STAFF_ROLES.has(actor.role) && scope.kind === 'site') return { siteId: scope.siteId };
  return undefined;
}

/** Whether a site (with its district, from reference data) lies within the figures an actor may read. */
export function siteIsWithin(within: FiguresWithin, site: { siteId: string; district: string | null }): boolean {
  if (within.siteId !== undefined && site.siteId !== within.siteId) return false;
  if (within.district !== undefined && site.district !== within.district) return false;
  return true;
}
