import { Base45Error, base45Decode, base45Encode } from './base45';

/** RFC 9285's examples. */
const RFC_EXAMPLES: [string, string][] = [
  ['AB', 'BB8'],
  ['Hello!!', '%69 VD92EX0'],
  ['base-45', 'UJCLQE7W581'],
  ['ietf!', 'QED8WEX0'],
];

describe('Base45 (the base45 package, strict on decoding)', () => {
  it.each(RFC_EXAMPLES)('encodes and decodes %s as RFC 9285 does', (text, encoded) => {
    expect(base45Encode(Buffer.from(text))).toBe(encoded);
    expect(base45Decode(encoded).toString()).toBe(text);
  });

  it.each([
    ['a length of 3n + 1', 'ABCD', 'length 4 is not valid Base45'],
    ['a lower-case letter', 'BBa', 'character "a" at 2 is not in the Base45 alphabet'],
    ['a character beyond the BMP, counted as one', '😀😀ab', 'character "😀" at 0 is not in the Base45 alphabet'],
    ['a triple above 65535', 'GGW', 'exceeds its byte range'],
    ['a final pair above 255', 'BB8:Z', 'exceeds its byte range'],
    ['a bad character after a triple above 65535 (characters first)', 'GGWBBa', 'character "a" at 5'],
  ])('refuses %s, which the package alone would decode', (_, text, message) => {
    expect(() => base45Decode(text)).toThrow(Base45Error);
    expect(() => base45Decode(text)).toThrow(message);
  });
});
