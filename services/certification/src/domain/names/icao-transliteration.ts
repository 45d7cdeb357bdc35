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
  return byTable(name) ?? fillersAndLength(folded(name));
}

/** The same, always by Unicode normalization (what the table below is built from; for tests). */
export function icaoTransliterateByNormalization(name: string): string {
  return fillersAndLength(folded(name));
}

/** Upper case, special letters spelled out, marks and apostrophes dropped; other separators stay. */
function folded(name: string): string {
  const upper = name.normalize('NFC').replace(/ß/g, 'ẞ').replace(/ı/g, 'I').toUpperCase();
  const mapped = [...upper].map((c) => SPECIAL[c] ?? c).join('');
  return mapped.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’`]/g, '');
}

function fillersAndLength(letters: string): string {
  return letters
    .replace(/[^A-Z]+/g, '<')
    .replace(/^<+|<+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/<+$/, '');
}

/**
 * `folded` of each precomposed Latin letter, printable ASCII character and ’, computed by `folded`
 * itself. These are starters that NFC leaves as they are and that compose with nothing, and
 * upper-casing, SPECIAL and mark removal treat each on its own: a name made only of them (one
 * typed in NFC, as every Vietnamese name is) folds character by character. Anything else — a
 * combining mark (NFD input), another script — goes through normalization.
 */
const FOLDED: (string | undefined)[] = [];
for (const [from, to] of [
  [0x20, 0x7e], // printable ASCII
  [0xc0, 0x24f], // Latin-1 letters, Latin Extended-A and -B (Ơ, Ư …)
  [0x1e00, 0x1eff], // Latin Extended Additional (ạ, ả, ấ … ỹ)
  [0x2019, 0x2019], // ’
]) {
  for (let code = from; code <= to; code++) {
    const c = String.fromCharCode(code);
    if ((code <= 0x7e || code === 0x2019 || /^\p{L}$/u.test(c)) && c.normalize('NFC') === c) FOLDED[code] = folded(c);
  }
}

/** `fillersAndLength(folded(name))` a character at a time, or undefined if one is not in FOLDED. */
function byTable(name: string): string | undefined {
  let out = '';
  let filler = false; // a run of non-letters since the last letter
  for (let i = 0; i < name.length; i++) {
    const piece = FOLDED[name.charCodeAt(i)];
    if (piece === undefined) return undefined;
    for (let j = 0; j < piece.length; j++) {
      const c = piece.charCodeAt(j);
      if (c >= 0x41 && c <= 0x5a) {
        if (filler && out.length > 0) out += '<';
        filler = false;
        out += piece[j];
      } else filler = true;
    }
  }
  return out.length > MAX_LENGTH ? out.slice(0, MAX_LENGTH).replace(/<+$/, '') : out;
}
