const INVISIBLE = /[\u200B-\u200D\uFEFF\u00AD]/g;
/** What cleaning would change: invisible characters, combining marks (NFD input), spacing to collapse or trim. */
const NEEDS_CLEANING = /[\u200B-\u200D\uFEFF\u00AD]|\p{Mn}|\s\s|[\t\n\r\f\v]|^\s|\s$/u;

/**
 * NFC, invisible characters dropped, single spaces, trimmed: how a typed name or header is kept.
 * Most cells are clean already and are returned as they are: normalising a million rows' every cell
 * was a third of an import's time. Vietnamese typed decomposed carries combining marks (Mn), so it is caught.
 */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Upper case without diacritics, Đ folded by hand ("Đặng Thị Hoà" → "DANG THI HOA"): the key two
 * spellings of one name share. A key for grouping candidates only; it never decides two rows are one person.
 */
export function foldText(text: string): string {
  return cleanText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[Đđ\u00D0\u00F0]/g, 'D')
    .toUpperCase();
}
