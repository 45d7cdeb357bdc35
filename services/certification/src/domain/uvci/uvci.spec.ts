import { UVCI_PATTERN, hasValidCheckCharacter, luhnModNCheckCharacter, uvciOf } from './uvci';

/** Identifiers issued by member states, from the public test vectors (AT, FR). */
const ISSUED = [
  'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B',
  'URN:UVCI:01:AT:71EE2559DE38C6BF7304FB65A1A451EC#3',
  'URN:UVCI:01:FR:GGD81AAH16AZ#8',
  'URN:UVCI:01:FR:Y4996KBJ4Q3Q#:',
  'URN:UVCI:01:FR:P4LU2647E8HN#/',
  'URN:UVCI:01:FR:4CZ9TQD5838B#I',
];

describe('UVCI', () => {
  it.each(ISSUED)('computes the check character member states computed for %s', (uvci) => {
    expect(luhnModNCheckCharacter(uvci.slice(0, -2))).toBe(uvci.slice(-1));
    expect(hasValidCheckCharacter(uvci)).toBe(true);
  });

  it('refuses a mistyped identifier', () => {
    expect(hasValidCheckCharacter('URN:UVCI:01:FR:GGD81AAH16AZ#9')).toBe(false);
    expect(hasValidCheckCharacter('URN:UVCI:01:FR:GGD81AAH61AZ#8')).toBe(false);
    expect(hasValidCheckCharacter('URN:UVCI:01:FR:GGD81AAH16AZ')).toBe(false);
  });

  it('catches every single-character substitution', () => {
    const uvci = uvciOf('VN', 'LC', 'K7Q2M9XZ4T8B');
    const body = uvci.slice(0, -2);
    for (let i = 'URN:UVCI:01:VN:'.length; i < body.length; i++) {
      for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') {
        if (c === body[i]) continue;
        expect(hasValidCheckCharacter(`${body.slice(0, i)}${c}${body.slice(i + 1)}${uvci.slice(-2)}`)).toBe(false);
      }
    }
  });

  it('builds ours from country, issuing entity and a random part', () => {
    const uvci = uvciOf('VN', 'LC', 'K7Q2M9XZ4T8B');
    expect(uvci).toMatch(/^URN:UVCI:01:VN:LC\/K7Q2M9XZ4T8B#[A-Z0-9/:]$/);
    expect(uvci).toMatch(UVCI_PATTERN);
    expect(hasValidCheckCharacter(uvci)).toBe(true);
  });

  it('refuses characters the check cannot cover', () => {
    expect(() => uvciOf('VN', 'LC', 'abc')).toThrow(/opaque/);
    expect(() => uvciOf('Vn', 'LC', 'ABC')).toThrow(/country/);
  });
});
