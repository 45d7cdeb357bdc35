import { icaoTransliterate } from './icao-transliteration';

/** The DCC `nam` object: family name(s), given name(s), and their ICAO 9303 forms. */
export interface DccName {
  fn?: string;
  fnt: string;
  gn?: string;
  gnt?: string;
}

/**
 * A Vietnamese full name is written family name first (`Nguyễn Văn An`, `Giàng A Páo`): the first
 * word is the family name, the rest the given names. Input spelled in NFD or with stray spaces
 * reads the same as NFC.
 */
export function dccNameOf(fullName: string): DccName {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new Error('a certificate needs the holder’s name');
  const [family, ...given] = words;
  const name: DccName = { fn: family, fnt: icaoTransliterate(family) };
  if (given.length > 0) {
    name.gn = given.join(' ');
    name.gnt = icaoTransliterate(name.gn);
  }
  return name;
}
