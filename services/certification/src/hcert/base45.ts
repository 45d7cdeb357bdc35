/**
 * Base45 (RFC 9285), strict: the `base45` package decodes triples above 65535 and odd lengths
 * without complaint, which would let a corrupted QR reach the zlib stage and fail there with a
 * misleading reason. Here every malformed input is refused at this stage.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Value of each character code below 128, or −1 when it is not in the alphabet. */
const VALUE_OF_CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF_CODE[ALPHABET.charCodeAt(i)] = i;

export class Base45Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base45Error';
  }
}

export function base45Encode(bytes: Uint8Array): string {
  const pairs = bytes.length >> 1;
  const out = Buffer.allocUnsafe(pairs * 3 + (bytes.length & 1) * 2);
  let at = 0;
  for (let i = 0; i < 2 * pairs; i += 2) {
    const n = bytes[i] * 256 + bytes[i + 1];
    const e = n % 2025;
    out[at++] = CODES[e % 45];
    out[at++] = CODES[(e - (e % 45)) / 45];
    out[at++] = CODES[(n - e) / 2025];
  }
  if (bytes.length & 1) {
    const n = bytes[bytes.length - 1];
    out[at++] = CODES[n % 45];
    out[at++] = CODES[(n - (n % 45)) / 45];
  }
  return out.toString('latin1', 0, at);
}

export function base45Decode(text: string): Buffer {
  if (text.length % 3 === 1) throw new Base45Error(`length ${text.length} is not valid Base45`);
  const out = Buffer.allocUnsafe(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let at = 0;
  for (let i = 0; i < text.length; i += 3) {
    const d0 = digitAt(text, i);
    const d1 = digitAt(text, i + 1);
    if (i + 2 < text.length) {
      const n = d0 + d1 * 45 + digitAt(text, i + 2) * 2025;
      if (n > 0xffff) throw firstProblem(text, `triple at ${i} exceeds 65535`);
      out[at++] = n >> 8;
      out[at++] = n & 0xff;
    } else {
      const n = d0 + d1 * 45;
      if (n > 0xff) throw firstProblem(text, `pair at ${i} exceeds 255`);
      out[at++] = n;
    }
  }
  return out;
}

function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const v = code < 128 ? VALUE_OF_CODE[code] : -1;
  if (v < 0) throw notInAlphabet(text);
  return v;
}

/** A character outside the alphabet anywhere is reported before a value out of range. */
function firstProblem(text: string, outOfRange: string): Base45Error {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || VALUE_OF_CODE[code] < 0) return notInAlphabet(text);
  }
  return new Base45Error(outOfRange);
}

/** The first character outside the alphabet, counted in code points as the message always has. */
function notInAlphabet(text: string): Base45Error {
  const characters = [...text];
  const i = characters.findIndex((c) => !VALUES.has(c));
  return new Base45Error(`character ${JSON.stringify(characters[i])} at ${i} is not in the Base45 alphabet`);
}
