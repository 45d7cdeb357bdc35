import { foldName } from '../names/vietnamese-name';
import type { LinkRecord } from './linkage-fields';

/**
 * A block of the registry to search: people whose folded full name is `text`, born in `year`; or whose
 * family name (first syllable) or given name (last syllable) is `text`, born on one of `dates` (the
 * stated date, and the date with day and month swapped). Each block is one index probe.
 */
export type BlockingKey =
  { by: 'name'; text: string; year: string } | { by: 'family' | 'given'; text: string; dates: string[] };

export const blockingKeyId = (key: BlockingKey) =>
  `${key.by}|${key.text}|${key.by === 'name' ? key.year : key.dates.join(',')}`;

/** Whether a person is in a block: what a registry answers for it (in memory; the local registry in SQL). */
export function isInBlock(key: BlockingKey, person: { fullName: string; dateOfBirth: string }): boolean {
  const syllables = foldName(person.fullName).split(' ');
  if (key.by === 'name') return syllables.join(' ') === key.text && person.dateOfBirth.startsWith(`${key.year}-`);
  const text = key.by === 'family' ? syllables[0] : syllables[syllables.length - 1];
  return text === key.text && key.dates.includes(person.dateOfBirth);
}

/** Every number one digit off (a digit replaced, or two neighbours swapped): where a mistyped number's owner is. */
export function idNeighbours(idNumber: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < idNumber.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== idNumber[i]) found.add(idNumber.slice(0, i) + d + idNumber.slice(i + 1));
    }
    if (i + 1 < idNumber.length && idNumber[i] !== idNumber[i + 1])
      found.add(idNumber.slice(0, i) + idNumber[i + 1] + idNumber[i] + idNumber.slice(i + 2));
  }
  return [...found];
}

/**
 * The blocks a row's person may be in: the whole folded name within the birth year (which holds the
 * date and its day/month swap); each syllable as the family name, born on the date or the swapped
 * one, which finds names in another order or short of a middle name (the registry's family name is
 * always one of the row's syllables then); and the last syllable as the given name, which finds a
 * name whose family name was mistyped. No date, no block: a name alone is shared by too many people
 * to be evidence. (Blocking each syllable as family and as given name, with each date apart, asked
 * three times as many blocks for no more links: docs/performance.md.)
 */
export function blockingKeys(record: LinkRecord): BlockingKey[] {
  const date = record.dateOfBirth;
  if (!date) return [];
  const folded = foldName(record.fullName);
  if (!folded) return [];
  const dates = [date, ...swapped(date)];
  const syllables = folded.split(' ');
  return [
    { by: 'name', text: folded, year: date.slice(0, 4) },
    ...[...new Set(syllables)].map((text) => ({ by: 'family' as const, text, dates })),
    { by: 'given', text: syllables[syllables.length - 1], dates },
  ];
}

function swapped(date: string): string[] {
  const [y, m, d] = date.split('-');
  if (m === d || Number(d) > 12) return [];
  const other = `${y}-${d}-${m}`;
  const probe = new Date(`${other}T00:00:00Z`);
  return probe.toISOString().slice(0, 10) === other ? [other] : [];
}
