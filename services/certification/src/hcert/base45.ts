/**
 * Base45 (RFC 9285), strict: the `base45` package decodes triples above 65535 and odd lengths
 * without complaint, which would let a corrupted QR reach the zlib stage and fail there with a
 * misleading reason. Here every malformed input is refused at this stage.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

export class Base45Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base45Error';
  }
}

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i] * 256 + bytes[i + 1];
    const c = n % 45;
    n = (n - c) / 45;
    out += ALPHABET[c] + ALPHABET[n % 45] + ALPHABET[(n - (n % 45)) / 45];
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1];
    out += ALPHABET[n % 45] + ALPHABET[(n - (n % 45)) / 45];
  }
  return out;
}

export function base45Decode(text: string): Buffer {
  if (text.length % 3 === 1) throw new Base45Error(`length ${text.length} is not valid Base45`);
  const digits = [...text].map((c, i) => {
    const v = VALUES.get(c);
    if (v === undefined) throw new Base45Error(`character ${JSON.stringify(c)} at ${i} is not in the Base45 alphabet`);
    return v;
  });
  const out: number[] = [];
  for (let i = 0; i < digits.length; i += 3) {
    if (i + 2 < digits.length) {
      const n = digits[i] + digits[i + 1] * 45 + digits[i + 2] * 2025;
      if (n > 0xffff) throw new Base45Error(`triple at ${i} exceeds 65535`);
      out.push(n >> 8, n & 0xff);
    } else {
      const n = digits[i] + digits[i + 1] * 45;
      if (n > 0xff) throw new Base45Error(`pair at ${i} exceeds 255`);
      out.push(n);
    }
  }
  return Buffer.from(out);
}
