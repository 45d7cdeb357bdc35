import { fromIsoDate } from '../identity-input/calendar-date';
import { classifyIdNumber } from '../identity-input/id-number';
import type { InputProblem } from '../identity-input/identity-input.error';
import type { Gender } from '../identity-input/stated-person';
import { foldName, levenshtein, normalizeName } from '../names/vietnamese-name';
import { type FieldDifference, type MatchPolicy, compareWithRegistry, isTolerated } from '../matching/person-matcher';
import type { RegistryPerson } from '../matching/registry-person';

/** One record of an old vaccination list, with the four fields bulk verification sends (9438/BYT-CNTT). */
export interface BulkRecord {
  recordId: string;
  idNumber?: string;
  fullName: string;
  dateOfBirth?: string;
  gender?: Gender;
}

export type BulkClass = 'matched' | 'mismatched' | 'not-found' | 'ambiguous' | 'invalid-id';

export interface BulkResult {
  recordId: string;
  result: BulkClass;
  /** Set when the record is linked to a person (matched, or mismatched on some field). */
  personId?: string;
  differences: FieldDifference[];
  problems?: InputProblem[];
}

/** What the matcher may ask the registry, per batch (one query each, never one per record). */
export interface BulkLookups {
  byIdNumber: Map<string, RegistryPerson>;
  /** People by folded name and date of birth: `${foldName(name)}|${dateOfBirth}`. */
  byNameAndBirth: Map<string, RegistryPerson[]>;
}

/**
 * Hard guards: a number that belongs to someone of an entirely different name was most likely
 * mistyped, whatever else agrees (one wrong digit can land on a person born the same day); and a
 * name only within the typo tolerance, with another birth date, is not evidence of the same person.
 * Linking either would merge two people, so neither is linked.
 */
function namesSomeoneElse(stated: Parameters<typeof compareWithRegistry>[0], person: RegistryPerson): boolean {
  const differences = compareWithRegistry(stated, person);
  const kindOf = (field: string) => differences.find((d) => d.field === field)?.kind;
  if (kindOf('fullName') === 'different') return true;
  return kindOf('fullName') === 'edit-distance' && kindOf('dateOfBirth') === 'different';
}

export const candidateKey = (fullName: string, dateOfBirth: string) => `${foldName(fullName)}|${dateOfBirth}`;

export interface PreparedRecord {
  record: BulkRecord;
  idNumber?: string;
  problems: InputProblem[];
  fullName: string;
  dateOfBirth?: string;
  /** A date was given but is no real date (31/02): it differs from any registry date. */
  invalidDateOfBirth: boolean;
}

/** Reads a record's fields leniently: a bad date is dropped (and not compared), a bad ID is a class of its own. */
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

/**
 * Classifies one record. A record is linked to a person only on its ID number, or — when the
 * number is unknown — on a single person with the same name and birth date whose number differs by
 * one digit. Two candidates are never chosen between: that is how two people get merged.
 */
export function matchRecord(prepared: PreparedRecord, lookups: BulkLookups, policy: MatchPolicy): BulkResult {
  const { record, idNumber } = prepared;
  if (!idNumber)
    return { recordId: record.recordId, result: 'invalid-id', differences: [], problems: prepared.problems };
  const stated = {
    source: 'typed' as const,
    layout: 'bulk/1',
    idNumber,
    idKind: idNumber.length === 12 ? ('cccd' as const) : ('cmnd' as const),
    fullName: prepared.fullName,
    dateOfBirth: prepared.dateOfBirth,
    gender: record.gender,
  };
  const person = lookups.byIdNumber.get(idNumber);
  if (person && !namesSomeoneElse(stated, person)) {
    const differences = compareWithRegistry(stated, person);
    if (prepared.invalidDateOfBirth) differences.push({ field: 'dateOfBirth', kind: 'different' });
    const result = differences.every((d) => isTolerated(d, policy)) ? 'matched' : 'mismatched';
    return { recordId: record.recordId, result, personId: person.personId, differences };
  }
  if (!prepared.dateOfBirth) return { recordId: record.recordId, result: 'not-found', differences: [] };
  const candidates = (lookups.byNameAndBirth.get(candidateKey(prepared.fullName, prepared.dateOfBirth)) ?? []).filter(
    (c) => !record.gender || c.gender === record.gender,
  );
  const close = candidates.filter(
    (c) => levenshtein(c.idNumber, idNumber) === 1 || (c.oldIdNumber && levenshtein(c.oldIdNumber, idNumber) === 1),
  );
  if (close.length === 1) {
    const differences = compareWithRegistry({ ...stated, idNumber: close[0].idNumber }, close[0]);
    return {
      recordId: record.recordId,
      result: 'mismatched',
      personId: close[0].personId,
      differences: [{ field: 'idNumber', kind: 'edit-distance', distance: 1 }, ...differences],
    };
  }
  return { recordId: record.recordId, result: close.length > 1 ? 'ambiguous' : 'not-found', differences: [] };
}
