import type { RowClass } from '../classification/row-class';
import { foldText } from '../legacy-row/text-folding';

/** A row with a dose, as duplicate detection sees it. `ref` orders rows: earlier in the lists first. */
export interface DoseRowFacts {
  ref: string;
  rowClass: RowClass;
  personId?: string;
  idNumber?: string;
  fullName?: string;
  dateOfBirth?: string;
  vaccineCode?: string;
  administeredOn?: string;
  lotNumber?: string;
  siteId?: string;
  doseNumber?: number;
  /** Rows with fewer problems are the better survivor. */
  problemCount: number;
}

export type Evidence =
  | { kind: 'samePerson'; via: 'registry' | 'idNumberNameAndBirth' }
  | { kind: 'administeredOn'; daysApart: number }
  | { kind: 'vaccine' | 'lotNumber' | 'site' | 'doseNumber'; same: boolean };

export interface MergeProposal {
  keepRef: string;
  duplicateRef: string;
  evidence: Evidence[];
}

export interface DuplicatePolicy {
  /** Two injections of one vaccine this close are one injection entered twice (every schedule needs ≥ 21 days). */
  maxDaysApart: number;
}
export const DEFAULT_DUPLICATE_POLICY: DuplicatePolicy = { maxDaysApart: 7 };

/**
 * Who a row is, strongly enough to say two rows are one person: the registry's person (the row was
 * linked on its ID number), or — for rows the registry does not know — the same ID number, folded
 * name and birth date together. Rows without an ID number get no key: namesakes born the same day
 * exist, and two different people must never be merged.
 */
export function personKey(row: DoseRowFacts): { key: string; via: 'registry' | 'idNumberNameAndBirth' } | undefined {
  if (row.personId) return { key: `P:${row.personId}`, via: 'registry' };
  if ((row.rowClass === 'not-found' || row.rowClass === 'ambiguous') && row.idNumber && row.fullName && row.dateOfBirth)
    return { key: `I:${row.idNumber}|${foldText(row.fullName)}|${row.dateOfBirth}`, via: 'idNumberNameAndBirth' };
  return undefined;
}

const DAY_MS = 86_400_000;
const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

/** Same day, or the same vaccine within the policy's days: no schedule gives one person both. */
function sameInjection(a: DoseRowFacts, b: DoseRowFacts, policy: DuplicatePolicy): boolean {
  if (!a.administeredOn || !b.administeredOn) return false;
  const days = daysApart(a.administeredOn, b.administeredOn);
  return days === 0 || (!!a.vaccineCode && a.vaccineCode === b.vaccineCode && days <= policy.maxDaysApart);
}

const rank = (r: DoseRowFacts) => (r.rowClass === 'matched' ? 0 : r.personId ? 1 : 2) * 1_000 + r.problemCount;
const better = (a: DoseRowFacts, b: DoseRowFacts) => rank(a) - rank(b) || (a.ref < b.ref ? -1 : 1);

/**
 * The merge proposals among rows of ONE person (same `personKey`): rows that record the same
 * injection are clustered, the best row of each cluster is kept, each other row is proposed as its
 * duplicate with the evidence. Proposals only: a site confirms before anything is merged.
 */
export function proposeMerges(
  rows: DoseRowFacts[],
  policy: DuplicatePolicy = DEFAULT_DUPLICATE_POLICY,
): MergeProposal[] {
  const parent = rows.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) if (sameInjection(rows[i], rows[j], policy)) parent[root(j)] = root(i);
  const clusters = new Map<number, DoseRowFacts[]>();
  rows.forEach((row, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), row]));
  const proposals: MergeProposal[] = [];
  for (const cluster of clusters.values()) {
    if (cluster.length < 2) continue;
    const [keep, ...duplicates] = [...cluster].sort(better);
    for (const duplicate of duplicates.sort((a, b) => (a.ref < b.ref ? -1 : 1)))
      proposals.push({ keepRef: keep.ref, duplicateRef: duplicate.ref, evidence: evidenceOf(keep, duplicate) });
  }
  return proposals;
}

function evidenceOf(keep: DoseRowFacts, duplicate: DoseRowFacts): Evidence[] {
  const same = (kind: 'vaccine' | 'lotNumber' | 'site' | 'doseNumber', a: unknown, b: unknown): Evidence[] =>
    a === undefined || b === undefined ? [] : [{ kind, same: a === b }];
  return [
    { kind: 'samePerson', via: personKey(keep)!.via },
    { kind: 'administeredOn', daysApart: daysApart(keep.administeredOn!, duplicate.administeredOn!) },
    ...same('vaccine', keep.vaccineCode, duplicate.vaccineCode),
    ...same('lotNumber', keep.lotNumber?.toUpperCase(), duplicate.lotNumber?.toUpperCase()),
    ...same('site', keep.siteId, duplicate.siteId),
    ...same('doseNumber', keep.doseNumber, duplicate.doseNumber),
  ];
}
