import type { WorklistReason } from '../classification/row-class';
import type { Gender } from '../legacy-row/legacy-row';

/** The identity fields a site may correct on a row; the registry checks the row again with them. */
export interface IdentityCorrection {
  fullName?: string;
  dateOfBirth?: string;
  gender?: Gender;
  idNumber?: string;
}

export type WorklistStatus = 'open' | 'corrected' | 'resolved' | 'reopened';

export interface WorklistItem {
  itemId: string;
  siteId: string | null;
  reason: WorklistReason;
  status: WorklistStatus;
  dueOn: string;
}

export class WorklistRefused extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorklistRefused';
  }
}

const DAY_MS = 86_400_000;
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Due `dueDays` after it is opened, and never after the campaign's deadline. */
export const dueOn = (openedOn: string, dueDays: number, deadline: string) => {
  const due = addDays(openedOn, dueDays);
  return due < deadline ? due : deadline;
};

/** Reasons a new identity check can settle; the others need the dose facts fixed at the site. */
const SETTLED_BY_REGISTRY: readonly WorklistReason[] = [
  'missing-id',
  'malformed-id',
  'identity-mismatch',
  'not-in-registry',
  'ambiguous-identity',
];

/** A row is its own site's to act on; rows of no known site are the managers'. */
export function checkOwnSite(item: WorklistItem, actor: { role: string; scope: string }): void {
  const mayAct = item.siteId === null ? actor.role === 'manager' : actor.scope === `site:${item.siteId}`;
  if (!mayAct) throw new WorklistRefused('siteId', 'ownSite', "only the row's own site acts on it");
}

/**
 * A site corrects a row's identity fields: its own rows only (managers take rows of no known site),
 * while the item is open, and only for what the registry can settle.
 */
export function correctItem(
  item: WorklistItem,
  correction: IdentityCorrection,
  actor: { role: string; scope: string },
): WorklistStatus {
  checkOwnSite(item, actor);
  if (item.status === 'corrected' || item.status === 'resolved')
    throw new WorklistRefused('status', 'open', `the item is ${item.status}`);
  if (!SETTLED_BY_REGISTRY.includes(item.reason))
    throw new WorklistRefused('reason', 'identity', 'this row needs its dose facts fixed, not its identity');
  if (Object.values(correction).every((v) => v === undefined))
    throw new WorklistRefused('correction', 'notEmpty', 'give at least one corrected field');
  return 'corrected';
}

/** After the registry checked the corrected row again: a match settles it, anything else reopens it. */
export const afterRecheck = (matched: boolean): WorklistStatus => (matched ? 'resolved' : 'reopened');
