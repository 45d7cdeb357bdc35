import { compareNames, foldName, normalizeName } from './vietnamese-name';

describe('Vietnamese names', () => {
  it('normalises NFD to NFC, strips invisible characters and extra spaces, keeps case', () => {
    expect(normalizeName('  Nguye\u0302\u0303n   Thi\u0323\u200B Hoa ')).toBe('Nguyễn Thị Hoa');
  });

  it('folds diacritics and Đ/đ, in upper case', () => {
    expect(foldName('Đặng Thị Hoà')).toBe('DANG THI HOA');
    expect(foldName('đinh văn đức')).toBe('DINH VAN DUC');
  });

  it('sees the same name in another Unicode form or case as exact', () => {
    expect(compareNames('NGUYỄN VĂN AN', 'Nguye\u0302\u0303n Va\u0306n An')).toEqual({ kind: 'exact' });
  });

  it('tells a name typed without accents from a different name', () => {
    expect(compareNames('Nguyen Van An', 'Nguyễn Văn An')).toEqual({ kind: 'accents-only' });
    expect(compareNames('Nguyễn Văn Ân', 'Nguyễn Văn An')).toEqual({ kind: 'accents-only' });
    expect(compareNames('Nguyễn Văn Bình', 'Nguyễn Văn An')).toEqual({ kind: 'different' });
  });

  it('recognises the usual transliterations of minority names (I/Y, S/X, CH/TR)', () => {
    expect(compareNames('Giàng A Sì', 'Giàng A Sỳ')).toEqual({ kind: 'transliteration' });
    expect(compareNames('Vàng Xeo Chú', 'Vàng Seo Chú')).toEqual({ kind: 'transliteration' });
    expect(compareNames('Lò Văn Trang', 'Lò Văn Chang')).toEqual({ kind: 'transliteration' });
  });

  it('reports a typo as an edit distance, but not in short names where one letter is a different name', () => {
    expect(compareNames('Nguyễn Văn Thanhh', 'Nguyễn Văn Thanh')).toEqual({ kind: 'edit-distance', distance: 1 });
    expect(compareNames('Lò Thị Mai', 'Lò Thị Mại')).toEqual({ kind: 'accents-only' });
    expect(compareNames('Lý A Lù', 'Lý A Lò')).toEqual({ kind: 'edit-distance', distance: 1 });
    expect(compareNames('A Lù', 'A Lò')).toEqual({ kind: 'different' });
  });

  it('never calls names with a different number of syllables close', () => {
    expect(compareNames('Nguyễn Văn An', 'Nguyễn An')).toEqual({ kind: 'different' });
  });
});
