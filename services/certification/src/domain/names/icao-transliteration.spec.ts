import { icaoTransliterate, icaoTransliterateByNormalization } from './icao-transliteration';
import { dccNameOf } from './vietnamese-name';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const BASE: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u' };
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']; // none, huyền, sắc, ngã, hỏi, nặng
const EVERY_DIACRITIC =
  'Đặng Ầu Ẩm Ẫn Ấy Ậu Ằng Ẳm Ẵn Ắt Ặc Ềnh Ểu Ễn Ếch Ệt Ồng Ổi Ỗi Ốc Ộc Ờn Ởi Ỡ Ớt Ợt Ừng Ửa Ữa Ứa Ựa Ỳ Ỷ Ỹ Ý Ỵ';

/** Every Vietnamese letter with a mark: 12 vowels × 6 tones, both cases, and Đ/đ. */
const vietnameseLetters = VOWELS.flatMap((v) =>
  TONES.flatMap((tone) => {
    const lower = (v + tone).normalize('NFC');
    return [lower, lower.toUpperCase()].map((letter) => [letter, (BASE[v] ?? v).toUpperCase()] as const);
  }),
);

describe('ICAO 9303 transliteration', () => {
  it('covers all 144 marked vowels and đ', () => {
    expect(vietnameseLetters).toHaveLength(144);
  });

  it.each(vietnameseLetters)('%s → %s', (letter, expected) => {
    expect(icaoTransliterate(letter)).toBe(expected);
    expect(icaoTransliterate(letter.normalize('NFD'))).toBe(expected);
  });

  it('folds Đ and đ to D', () => {
    expect(icaoTransliterate('Đặng Đức Đạt')).toBe('DANG<DUC<DAT');
    expect(icaoTransliterate('đ')).toBe('D');
  });

  it('writes names with fillers, dropping apostrophes and stray separators', () => {
    expect(icaoTransliterate('Nguyễn Văn A')).toBe('NGUYEN<VAN<A');
    expect(icaoTransliterate('  Lò  Thị - Ngọc ')).toBe('LO<THI<NGOC');
    expect(icaoTransliterate("d'Arsøns - van Halen")).toBe('DARSOENS<VAN<HALEN');
    expect(icaoTransliterate('Musterfrau-Gößinger')).toBe('MUSTERFRAU<GOESSINGER');
  });

  it('keeps at most 80 characters and never ends on a filler', () => {
    const long = icaoTransliterate('Nguyễn '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('<')).toBe(false);
  });

  it('meets the DCC schema pattern for every Vietnamese letter', () => {
    const all = vietnameseLetters.map(([l]) => l).join(' ') + ' Đđ';
    expect(icaoTransliterate(all)).toMatch(/^[A-Z<]*$/);
  });
});

describe('transliteration a character at a time (the fast path)', () => {
  /** The characters the table covers, with combining marks and other scripts that must bypass it. */
  const characters = [
    [0x20, 0x7e], // ASCII
    [0xa0, 0x24f], // Latin-1, Latin Extended-A and -B
    [0x300, 0x36f], // combining marks (NFD input)
    [0x391, 0x3c9], // Greek
    [0x1e00, 0x1eff], // Latin Extended Additional
    [0x2018, 0x201f], // quotation marks
  ].flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));

  it('agrees with normalization on every character and every pair of them', () => {
    const disagreements: string[] = [];
    for (const a of characters) {
      for (const b of ['', ...characters]) {
        if (icaoTransliterate(a + b) !== icaoTransliterateByNormalization(a + b)) disagreements.push(a + b);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees on whole names, NFC or NFD, long ones cut at 80', () => {
    const names = [
      'Nguyễn Thị Phương Thảo',
      EVERY_DIACRITIC,
      'A'.repeat(79) + ' B',
      'A'.repeat(80) + ' B',
      ' - Lò  Thị - Ngọc - ',
      "d'Arsøns - van Halen",
      'Musterfrau-Gößinger',
      '',
    ];
    for (const name of names.flatMap((n) => [n, n.normalize('NFD')]))
      expect(icaoTransliterate(name)).toBe(icaoTransliterateByNormalization(name));
  });
});

describe('Vietnamese names in the DCC', () => {
  it('puts the family name first and the given names after it', () => {
    expect(dccNameOf('Nguyễn Thị Ánh Tuyết')).toEqual({
      fn: 'Nguyễn',
      fnt: 'NGUYEN',
      gn: 'Thị Ánh Tuyết',
      gnt: 'THI<ANH<TUYET',
    });
  });

  it('reads a name typed in NFD like the same name in NFC', () => {
    expect(dccNameOf('Giàng A Páo'.normalize('NFD'))).toEqual(dccNameOf('Giàng A Páo'));
  });

  it('accepts a single-word name', () => {
    expect(dccNameOf('Pọm')).toEqual({ fn: 'Pọm', fnt: 'POM' });
  });
});
