import { fromIsoDate } from '../identity-input/calendar-date';
import { classifyIdNumber } from '../identity-input/id-number';
import type { InputProblem } from '../identity-input/identity-input.error';
import { type BlockingKey, blockingKeyId, blockingKeys, idNeighbours } from '../linkage/linkage-candidates';
import { type LinkageDecision, type ScoredCandidate, decideLinkage } from '../linkage/linkage-decision';
import { type LinkRecord, compareFields } from '../linkage/linkage-fields';
import { normalizeName } from '../names/vietnamese-name';
import { type FieldDifference, type MatchPolicy, isTolerated } from '../matching/person-matcher';
import type { RegistryPerson } from '../matching/registry-person';
import type { BulkRecord, PreparedRecord } from './bulk-record';
import { differencesOf } from './linkage-differences';

export type { BulkRecord, PreparedRecord } from './bulk-record';

export type BulkClass = 'matched' | 'mismatched' | 'not-found' | 'ambiguous' | 'invalid-id';

/**
 * A person a record may be, for review: the evidence field by field and its weight (bits), with the
 * registry's name, birth date, gender and address, which the row's site compares side by side.
 */
export interface BulkCandidate {
  personId: string;
  score: number;
  evidence: ScoredCandidate['levels'];
  fullName: string;
  dateOfBirth: string;
  gender: RegistryPerson['gender'];
  address?: string;
}

export interface BulkResult {
  recordId: string;
  result: BulkClass;
  /** Set when the record is linked to a person (matched, or mismatched on some field). */
  personId?: string;
  differences: FieldDifference[];
  problems?: InputProblem[];
  /** For a record to review (ambiguous): the plausible people, best first. */
  candidates?: BulkCandidate[];
}

/** What the matcher may ask the registry, per batch (a few queries each, never one per record). */
export interface BulkLookups {
  /** People by ID number (current or old CMND): the records' numbers and, for records searched, their neighbours. */
  byIdNumber: Map<string, RegistryPerson>;
  /** People by blocking key (`blockingKeyId`), for records searched. */
  byBlock: Map<string, RegistryPerson[]>;
}

/** Reads a record's fields leniently: a bad date is dropped (and not compared), a bad ID is a problem. */
export function prepare(record: BulkRecord): PreparedRecord {
  const id = record.idNumber?.trim() ? classifyIdNumber(record.idNumber) : undefined;
  const problems = !id ? [{ field: 'idNumber', rule: 'required', message: 'is missing' }] : 'rule' in id ? [id] : [];
  return {
    record,
    idNumber: id && !('rule' in id) ? id.idNumber : undefined,
    problems,
    fullName: normalizeName(record.fullName),
    dateOfBirth: record.dateOfBirth ? fromIsoDate(record.dateOfBirth) : undefined,
    invalidDateOfBirth: !!record.dateOfBirth && !fromIsoDate(record.dateOfBirth),
  };
}

const linkRecordOf = (p: PreparedRecord): LinkRecord => ({
  idNumber: p.idNumber,
  fullName: p.fullName,
  dateOfBirth: p.dateOfBirth,
  gender: p.record.gender,
  address: p.record.address,
});

/**
 * A record whose number names a person agreeing on name (up to accents) and birth date needs no
 * search; any other is searched among its number's neighbours and its name-and-birth blocks.
 */
export function needsSearch(prepared: PreparedRecord, byIdNumber: Map<string, RegistryPerson>): boolean {
  const person = prepared.idNumber ? byIdNumber.get(prepared.idNumber) : undefined;
  if (!person) return true;
  const levels = compareFields(linkRecordOf(prepared), person);
  return !['exact', 'accents-only', 'transliteration'].includes(levels.fullName) || levels.dateOfBirth !== 'exact';
}

/** What a searched record asks the registry first: its name-and-birth blocks. */
export const blocksOf = (prepared: PreparedRecord): BlockingKey[] => blockingKeys(linkRecordOf(prepared));

/**
 * A searched record that its blocks could not link asks, second, for its number's neighbours: about
 * a hundred per number, so only for the few rows whose person the name and birth date did not find.
 */
export function needsNeighbours(prepared: PreparedRecord, lookups: BulkLookups): boolean {
  if (!prepared.idNumber || !needsSearch(prepared, lookups.byIdNumber)) return false;
  return decideWithoutNeighbours(prepared, lookups).outcome !== 'link';
}

const firstDecisions = new WeakMap<BulkLookups, WeakMap<PreparedRecord, LinkageDecision>>();

/**
 * The decision from the number and the blocks, made once per record and lookups: it is asked for
 * twice (does the record need its neighbours; then, if not, its class) and weighing every candidate
 * is most of the matcher's own time. The neighbours added to the lookups in between do not change it.
 */
function decideWithoutNeighbours(prepared: PreparedRecord, lookups: BulkLookups): LinkageDecision {
  const known = firstDecisions.get(lookups) ?? new WeakMap<PreparedRecord, LinkageDecision>();
  firstDecisions.set(lookups, known);
  const decision = known.get(prepared) ?? decide(prepared, lookups, false);
  known.set(prepared, decision);
  return decision;
}

export const neighboursOf = (prepared: PreparedRecord): string[] =>
  prepared.idNumber ? idNeighbours(prepared.idNumber) : [];

function decide(prepared: PreparedRecord, lookups: BulkLookups, withNeighbours: boolean): LinkageDecision {
  const people: RegistryPerson[] = [];
  const own = prepared.idNumber ? lookups.byIdNumber.get(prepared.idNumber) : undefined;
  if (own) people.push(own);
  if (needsSearch(prepared, lookups.byIdNumber)) {
    for (const b of blocksOf(prepared)) people.push(...(lookups.byBlock.get(blockingKeyId(b)) ?? []));
    for (const n of withNeighbours ? neighboursOf(prepared) : []) {
      const p = lookups.byIdNumber.get(n);
      if (p) people.push(p);
    }
  }
  return decideLinkage(linkRecordOf(prepared), people);
}

/**
 * Classifies one record with the linkage model (domain/linkage): linked when one person is clearly
 * the best (matched, or mismatched with the fields that differ), to review with the ranked
 * candidates when some are plausible (ambiguous), else not found. Namesakes are never chosen between.
 * The lookups must hold the record's number, its blocks if it needs a search, and its neighbours if
 * it needs them (`needsNeighbours`): the answer then depends on the record alone, never on its batch.
 */
export function matchRecord(prepared: PreparedRecord, lookups: BulkLookups, policy: MatchPolicy): BulkResult {
  const { record, idNumber } = prepared;
  const decision = needsNeighbours(prepared, lookups)
    ? decide(prepared, lookups, true)
    : decideWithoutNeighbours(prepared, lookups);
  const problems = prepared.problems.length > 0 ? { problems: prepared.problems } : {};
  if (decision.outcome === 'link') {
    const differences = differencesOf(decision.best.levels, prepared, decision.best.person);
    const result = idNumber && differences.every((d) => isTolerated(d, policy)) ? 'matched' : 'mismatched';
    return { recordId: record.recordId, result, personId: decision.best.person.personId, differences, ...problems };
  }
  if (decision.outcome === 'review') {
    const candidates = decision.candidates.map(({ person, score, levels }) => ({
      personId: person.personId,
      score,
      evidence: levels,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender,
      ...(person.address ? { address: person.address } : {}),
    }));
    return { recordId: record.recordId, result: 'ambiguous', differences: [], candidates, ...problems };
  }
  return { recordId: record.recordId, result: idNumber ? 'not-found' : 'invalid-id', differences: [], ...problems };
}
