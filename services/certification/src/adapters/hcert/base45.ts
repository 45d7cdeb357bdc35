import * as base45 from 'base45';

/**
 * Base45 (RFC 9285) through the `base45` package, made strict on the way in: the package decodes
 * characters outside the alphabet, lengths of 3n + 1 and triples above 65535 without complaint,
 * which would let a corrupted QR reach the zlib stage and fail there with a misleading reason.
 */
export class Base45Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base45Error';
  }
}

const ALPHABET = /^[0-9A-Z $%*+\-./:]*$/;

export function base45Encode(bytes: Uint8Array): string {
  return base45.encode(bytes);
}

export function base45Decode(text: string): Buffer {
  if (!ALPHABET.test(text)) {
    const characters = [...text];
    const i = characters.findIndex((c) => !ALPHABET.test(c));
    throw new Base45Error(`character ${JSON.stringify(characters[i])} at ${i} is not in the Base45 alphabet`);
  }
  if (text.length % 3 === 1) throw new Base45Error(`length ${text.length} is not valid Base45`);
  const bytes = base45.decode(text);
  // A group above its range (a triple over 65535, a final pair over 255) does not survive the round trip.
  if (base45.encode(bytes) !== text) throw new Base45Error('a group of characters exceeds its byte range');
  return bytes;
}
