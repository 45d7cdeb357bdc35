import type { Gender } from '../identity-input/stated-person';
import type { RegistryPerson } from '../matching/registry-person';
import { compareNames, foldName } from '../names/vietnamese-name';

/** A row of an old list as linkage reads it: any field but the name may be missing. */
export interface LinkRecord {
  idNumber?: string;
  fullName: string;
  dateOfBirth?: string;
  gender?: Gender;
  /** Free text as the list had it ("Bản …, commune, district, …"); only its commune and district are read. */
  address?: string;
}

export type IdLevel = 'exact' | 'old-id' | 'one-edit' | 'different' | 'missing';
export type NameLevel =
  'exact' | 'accents-only' | 'transliteration' | 'typo' | 'reordered' | 'syllables-omitted' | 'different';
export type BirthLevel = 'exact' | 'day-month-swapped' | 'same-year' | 'different' | 'missing';
export type GenderLevel = 'agree' | 'different' | 'missing';
export type PlaceLevel = 'same-commune' | 'same-district' | 'different' | 'missing';

/** How each field of a row agrees with one registry person: the comparison vector of Fellegi–Sunter. */
export interface FieldLevels {
  idNumber: IdLevel;
  fullName: NameLevel;
  dateOfBirth: BirthLevel;
  gender: GenderLevel;
  place: PlaceLevel;
}

export function compareFields(record: LinkRecord, person: RegistryPerson): FieldLevels {
  return {
    idNumber: compareIds(record.idNumber, person),
    fullName: compareFullNames(record.fullName, person.fullName),
    dateOfBirth: compareBirthDates(record.dateOfBirth, person.dateOfBirth),
    gender: !record.gender ? 'missing' : record.gender === person.gender ? 'agree' : 'different',
    place: comparePlaces(record.address, person.address),
  };
}

function compareIds(stated: string | undefined, person: RegistryPerson): IdLevel {
  if (!stated) return 'missing';
  if (stated === person.idNumber) return 'exact';
  if (stated === person.oldIdNumber) return 'old-id';
  if (oneEditApart(stated, person.idNumber) || (person.oldIdNumber && oneEditApart(stated, person.oldIdNumber)))
    return 'one-edit';
  return 'different';
}

/** One digit replaced, or two neighbouring digits swapped: the two commonest ways to mistype a number. */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const at = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  if (at.length === 1) return true;
  return at.length === 2 && at[1] === at[0] + 1 && a[at[0]] === b[at[1]] && a[at[1]] === b[at[0]];
}

export function compareFullNames(stated: string, registry: string): NameLevel {
  const compared = compareNames(stated, registry);
  switch (compared.kind) {
    case 'exact':
    case 'accents-only':
    case 'transliteration':
      return compared.kind;
    case 'edit-distance':
      return 'typo';
    case 'different':
      return compareSyllables(foldName(stated).split(' '), foldName(registry).split(' '));
    default:
      return compared satisfies never;
  }
}

/**
 * Given name first ("Páo Lò Văn"), or a middle name left out ("Lò Páo"): the same syllables, or
 * fewer of them, that still hold both the family name and the given name.
 */
function compareSyllables(stated: string[], registry: string[]): NameLevel {
  const remaining = [...registry];
  for (const syllable of stated) {
    const at = remaining.indexOf(syllable);
    if (at < 0) return 'different';
    remaining.splice(at, 1);
  }
  if (remaining.length === 0) return 'reordered';
  const [family, given] = [registry[0], registry[registry.length - 1]];
  return stated.includes(family) && stated.includes(given) ? 'syllables-omitted' : 'different';
}

export function compareBirthDates(stated: string | undefined, registry: string): BirthLevel {
  if (!stated) return 'missing';
  if (stated === registry) return 'exact';
  const [sy, sm, sd] = stated.split('-');
  const [ry, rm, rd] = registry.split('-');
  if (sy === ry && sm === rd && sd === rm) return 'day-month-swapped';
  return sy === ry ? 'same-year' : 'different';
}

/** Addresses end "…, commune, district, province": compared on commune and district, folded. */
export function comparePlaces(stated: string | undefined, registry: string | undefined): PlaceLevel {
  if (!stated?.trim() || !registry) return 'missing';
  const parts = foldName(stated)
    .split(',')
    .map((p) => p.trim());
  const [commune, district] = placeOf(registry);
  if (!district) return 'missing';
  if (!parts.includes(district)) return 'different';
  return commune && parts.includes(commune) ? 'same-commune' : 'same-district';
}

/** The commune and district of a registry address, folded. */
export function placeOf(address: string): [string | undefined, string | undefined] {
  const parts = foldName(address)
    .split(',')
    .map((p) => p.trim());
  return parts.length >= 3 ? [parts[parts.length - 3], parts[parts.length - 2]] : [undefined, undefined];
}
