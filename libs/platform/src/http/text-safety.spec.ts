import fc from 'fast-check';
import { MAX_INPUT_DEPTH, inputProblems, unsafeText } from './text-safety';

describe('the text-safety rule', () => {
  it('accepts any well-formed text without control characters: Vietnamese, emoji, CJK', () => {
    for (const text of ['Lò Văn Páo', 'Nguyễn Thị Ánh', '🙂 đã sửa', '田中', ''])
      expect(unsafeText(text, false)).toBeUndefined();
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['C1 NEL', '\u0085'],
    ['C1 CSI', '\u009b'],
  ])('refuses %s anywhere, even in a multi-line field', (_name, c) => {
    expect(unsafeText(`a${c}b`, false)).toBe('controlCharacter');
    expect(unsafeText(`a${c}b`, true)).toBe('controlCharacter');
  });

  it.each([
    ['tab', '\t'],
    ['line feed', '\n'],
    ['carriage return', '\r'],
  ])('refuses a %s except in a multi-line field', (_name, c) => {
    expect(unsafeText(`a${c}b`, false)).toBe('controlCharacter');
    expect(unsafeText(`a${c}b`, true)).toBeUndefined();
  });

  it('refuses a lone high or low surrogate, keeps a pair', () => {
    expect(unsafeText('a\ud800', false)).toBe('loneSurrogate');
    expect(unsafeText('\udc00a', false)).toBe('loneSurrogate');
    expect(unsafeText('\udc00\ud800', false)).toBe('loneSurrogate');
    expect(unsafeText('\ud83d\ude42', false)).toBeUndefined();
  });

  it('agrees with String.prototype.isWellFormed on any string', () => {
    const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // eslint-disable-next-line no-control-regex -- the rule's other half, taken out to test this one
        const clean = s.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
        expect(unsafeText(clean, false) === undefined).toBe(wellFormed(clean));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('inputProblems', () => {
  it('names every bad field by its dotted path, array items by index, in document order', () => {
    const input = { typed: { fullName: 'x\u0000', idNumber: 'ok' }, items: ['ok', 'y\u0007'], z: '\ud800' };
    expect(inputProblems(input).map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'typed.fullName', rule: 'controlCharacter' },
      { field: 'items.1', rule: 'controlCharacter' },
      { field: 'z', rule: 'loneSurrogate' },
    ]);
  });

  it('says which character and where', () => {
    expect(inputProblems({ reason: 'rút\u0000' })).toEqual([
      { field: 'reason', rule: 'controlCharacter', message: 'must not contain control characters (U+0000 at 3)' },
    ]);
  });

  it('checks keys too, showing them escaped', () => {
    expect(inputProblems({ 'a\u0000': 1 })).toEqual([
      expect.objectContaining({ field: 'a\\u0000', rule: 'controlCharacter' }),
    ]);
  });

  it('names a scalar by its root (a query parameter)', () => {
    expect(inputProblems('a\nb', { root: 'phone' })).toEqual([expect.objectContaining({ field: 'phone' })]);
  });

  it('asks which fields are multi-line, the items of an array belonging to the field holding it', () => {
    const input = { note: 'a\nb', lines: ['c\nd'], name: 'e\nf' };
    const problems = inputProblems(input, { multiLine: (_owner, key) => key !== 'name' });
    expect(problems.map((p) => p.field)).toEqual(['name']);
  });

  it(`allows ${MAX_INPUT_DEPTH} levels of nesting and refuses the next, without recursion`, () => {
    const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(inputProblems(nested(MAX_INPUT_DEPTH))).toEqual([]);
    expect(inputProblems(nested(MAX_INPUT_DEPTH + 1))).toEqual([expect.objectContaining({ rule: 'maxDepth' })]);
    expect(inputProblems(nested(200_000))).toEqual([
      { field: Array(MAX_INPUT_DEPTH).fill('0').join('.'), rule: 'maxDepth', message: 'must not nest deeper than 32' },
    ]);
  });

  it('walks an array of a million items and reports at most 20 problems', () => {
    expect(inputProblems(new Array(1_000_000).fill(0))).toEqual([]);
    expect(inputProblems(new Array(1_000).fill('\u0000'))).toHaveLength(20);
  });
});
