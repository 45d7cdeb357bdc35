/**
 * Vietnamese names as people type them: with or without diacritics, composed (NFC) or decomposed
 * (NFD), any case, stray spaces. Đ/đ is a letter of its own, not D with a mark, so it is folded by
 * hand. Nothing here decides that two names belong to one person: it only says how they differ.
 */

const INVISIBLE = /[\u200B-\u200D\uFEFF\u00AD]/g;

/** NFC, invisible characters removed, single spaces, trimmed; case kept. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Without diacritics, upper case: "Đặng Thị Hoà" → "DANG THI HOA". */
export function foldName(name: string): string {
  return normalizeName(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[Đđ\u00D0\u00F0]/g, 'D')
    .toUpperCase();
}

/**
 * Spellings that transliterations of ethnic-minority names (Mông, Dao, Hà Nhì, …) use for the same
 * sound, as seen in Lai Châu's records: I/Y, S/X, CH/TR. Applied to folded names, syllable by syllable.
 */
export function transliterationKey(folded: string): string {
  return folded
    .split(' ')
    .map((syllable) => syllable.replace(/Y/g, 'I').replace(/^X/, 'S').replace(/^TR/, 'CH'))
    .join(' ');
}

export type NameComparison =
  | { kind: 'exact' }
  | { kind: 'accents-only' }
  | { kind: 'transliteration' }
  | { kind: 'edit-distance'; distance: number }
  | { kind: 'different' };

/** Edits allowed for a typo, by folded length: one per six letters, at most two. */
const maxTypos = (length: number) => Math.min(2, Math.floor(length / 6));

export function compareNames(stated: string, registry: string): NameComparison {
  // Most names are typed as the registry holds them: the same text is the same name, and skipping the
  // normalisation then was most of a bulk match's CPU (docs/performance.md, campaign throughput).
  if (stated === registry) return { kind: 'exact' };
  const [a, b] = [normalizeName(stated), normalizeName(registry)];
  if (a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi')) return { kind: 'exact' };
  const [fa, fb] = [foldName(a), foldName(b)];
  if (fa === fb) return { kind: 'accents-only' };
  if (transliterationKey(fa) === transliterationKey(fb)) return { kind: 'transliteration' };
  // Syllable counts that differ are different names, however close the letters.
  if (fa.split(' ').length === fb.split(' ').length) {
    const distance = levenshtein(fa, fb);
    if (distance <= maxTypos(Math.max(fa.length, fb.length))) return { kind: 'edit-distance', distance };
  }
  return { kind: 'different' };
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
