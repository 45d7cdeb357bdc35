import { foldName } from '../names/vietnamese-name';
import type { LinkRecord } from './linkage-fields';

/**
 * A block of the registry to search: people whose folded full name (`name`), family name (first
 * syllable) or given name (last syllable) is `text`, born between `from` and `to` (ISO dates).
 */
export interface BlockingKey {
  by: 'name' | 'family' | 'given';
  text: string;
  from: string;
  to: string;
}

export const blockingKeyId = (key: BlockingKey) => `${key.by}|${key.text}|${key.from}|${key.to}`;

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
 * The blocks a row's person may be in: the whole folded name with the birth date, the date with day
 * and month swapped, or only its year; and each syllable as family or given name with the date (or
 * swapped), which finds names given in another order or without a middle name. No date, no block:
 * a name alone is shared by too many people to be evidence.
 */
export function blockingKeys(record: LinkRecord): BlockingKey[] {
  const date = record.dateOfBirth;
  if (!date) return [];
  const folded = foldName(record.fullName);
  if (!folded) return [];
  const dates = [date, ...swapped(date)];
  const year = date.slice(0, 4);
  const keys: BlockingKey[] = [
    ...dates.map((d) => ({ by: 'name' as const, text: folded, from: d, to: d })),
    { by: 'name', text: folded, from: `${year}-01-01`, to: `${year}-12-31` },
  ];
  for (const syllable of new Set(folded.split(' ')))
    for (const d of dates)
      for (const by of ['family', 'given'] as const) keys.push({ by, text: syllable, from: d, to: d });
  return keys;
}

function swapped(date: string): string[] {
  const [y, m, d] = date.split('-');
  if (m === d || Number(d) > 12) return [];
  const other = `${y}-${d}-${m}`;
  const probe = new Date(`${other}T00:00:00Z`);
  return probe.toISOString().slice(0, 10) === other ? [other] : [];
}
