/**
 * Machine-readable names as ICAO Doc 9303 (part 3, section 6) writes them: A–Z and the filler `<`.
 * Vietnamese letters lose their tone and vowel marks (ắ → A, ư → U, ơ → O) by canonical
 * decomposition; Đ/đ does not decompose and is mapped by hand, as are the Latin letters the
 * recommended transliteration spells with two letters (Ö → OE, ß → SS).
 */
const SPECIAL: Record<string, string> = {
  Đ: 'D',
  Ð: 'D',
  Ä: 'AE',
  Ö: 'OE',
  Ü: 'UE',
  Å: 'AA',
  Æ: 'AE',
  Ø: 'OE',
  Œ: 'OE',
  ẞ: 'SS',
  Þ: 'TH',
  Ł: 'L',
  Ħ: 'H',
  Ŀ: 'L',
  Ŋ: 'N',
  Ĳ: 'IJ',
  I: 'I',
};

const MAX_LENGTH = 80;

/** `Nguyễn Thị Đào` → `NGUYEN<THI<DAO`; apostrophes vanish, spaces and hyphens become fillers. */
export function icaoTransliterate(name: string): string {
  const upper = name.normalize('NFC').replace(/ß/g, 'ẞ').replace(/ı/g, 'I').toUpperCase();
  const mapped = [...upper].map((c) => SPECIAL[c] ?? c).join('');
  const letters = mapped
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .replace(/[^A-Z]+/g, '<');
  return letters
    .replace(/^<+|<+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/<+$/, '');
}
