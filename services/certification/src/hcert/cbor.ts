import { Decoder, Encoder, Tag } from 'cbor-x';

/**
 * CBOR as HCERT needs it: integer-keyed maps stay Maps (CWT claims, COSE headers), byte strings
 * carry no typed-array tag, map sizes are minimal, and nothing is written as a cbor-x record.
 */
export const cborEncoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  tagUint8Array: false,
  variableMapSize: true,
});
export const cborDecoder = new Decoder({ useRecords: false, mapsAsObjects: false });

export const COSE_SIGN1_TAG = 18;
export const CWT_TAG = 61;

/** Strips the COSE_Sign1 tag and the optional CWT tag around it (double tagging is allowed, CO28). */
export function untag(value: unknown): unknown {
  let v = value;
  for (let depth = 0; v instanceof Tag && depth < 2; depth++) {
    if (v.tag !== COSE_SIGN1_TAG && v.tag !== CWT_TAG) return v;
    v = v.value;
  }
  return v;
}

/** CBOR maps (with text keys) and dates → plain JSON values, as the DCC schema expects them. */
export function toJson(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = toJson(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (value instanceof Tag) return toJson(value.value);
  return value;
}

/** Plain JSON → CBOR-ready value: objects become text-keyed maps, `undefined` members are dropped (I-CO5). */
export function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return new Map(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, fromJson(v)]),
    );
  }
  return value;
}

/** Thrown inside CborWriter when a value is not one it writes exactly as cbor-x would. */
class NotWritable extends Error {}

const MAX_DEPTH = 32;

/**
 * CBOR straight into one reused buffer, for the signing path: JSON-shaped values come out as the
 * very bytes `cborEncoder.encode(fromJson(value))` gives (same minimal heads, same key order,
 * `undefined` members dropped), without building Maps or copying. `tryWrite` reports false for
 * anything it does not write exactly as cbor-x would — numbers other than 32-bit integers,
 * strings with lone surrogates, objects that are not plain, `undefined` in arrays, more than the
 * buffer holds — and the caller takes cbor-x's path instead. The bytes stay valid until the next
 * `tryWrite`; synchronous use only.
 */
export class CborWriter {
  private readonly buffer: Buffer;
  private position = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }

  /** Runs `write`; the bytes written, or undefined when a value was not writable. */
  tryWrite(write: (w: CborWriter) => void): Buffer | undefined {
    this.position = 0;
    try {
      write(this);
    } catch (error) {
      if (error instanceof NotWritable) return undefined;
      throw error;
    }
    return this.buffer.subarray(0, this.position);
  }

  /** The head of a major type (0…7) with an argument below 2³². */
  head(major: number, argument: number): void {
    this.room(5);
    const b = this.buffer;
    const m = major << 5;
    if (argument < 24) b[this.position++] = m | argument;
    else if (argument < 0x100) {
      b[this.position++] = m | 24;
      b[this.position++] = argument;
    } else if (argument < 0x10000) {
      b[this.position++] = m | 25;
      b[this.position++] = argument >> 8;
      b[this.position++] = argument & 0xff;
    } else {
      b[this.position++] = m | 26;
      b.writeUInt32BE(argument, this.position);
      this.position += 4;
    }
  }

  integer(value: number): void {
    if (value >>> 0 === value) this.head(0, value);
    else if (value >> 0 === value) this.head(1, ~value >>> 0);
    else throw new NotWritable();
  }

  text(value: string): void {
    const length = value.length;
    this.room(5 + 3 * length);
    const b = this.buffer;
    // UTF-8 after room for the longest head it may need, moved back once its length is known
    const reserved = 3 * length < 24 ? 1 : 3 * length < 0x100 ? 2 : 3 * length < 0x10000 ? 3 : 5;
    const start = this.position + reserved;
    let at = start;
    for (let i = 0; i < length; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) b[at++] = c;
      else if (c < 0x800) {
        b[at++] = (c >> 6) | 0xc0;
        b[at++] = (c & 0x3f) | 0x80;
      } else if (c >= 0xd800 && c < 0xe000) {
        const low = value.charCodeAt(i + 1);
        if (c >= 0xdc00 || !(low >= 0xdc00 && low < 0xe000)) throw new NotWritable(); // lone surrogate
        c = 0x10000 + ((c & 0x3ff) << 10) + (low & 0x3ff);
        i++;
        b[at++] = (c >> 18) | 0xf0;
        b[at++] = ((c >> 12) & 0x3f) | 0x80;
        b[at++] = ((c >> 6) & 0x3f) | 0x80;
        b[at++] = (c & 0x3f) | 0x80;
      } else {
        b[at++] = (c >> 12) | 0xe0;
        b[at++] = ((c >> 6) & 0x3f) | 0x80;
        b[at++] = (c & 0x3f) | 0x80;
      }
    }
    const bytes = at - start;
    const needed = bytes < 24 ? 1 : bytes < 0x100 ? 2 : bytes < 0x10000 ? 3 : 5;
    if (needed !== reserved) b.copyWithin(this.position + needed, start, at);
    this.head(3, bytes);
    this.position += bytes;
  }

  /** A JSON value: null, booleans, 32-bit integers, strings, arrays, plain objects (as text-keyed maps). */
  json(value: unknown, depth = 0): void {
    if (typeof value === 'string') this.text(value);
    else if (typeof value === 'number') this.integer(value);
    else if (typeof value === 'boolean' || value === null) {
      this.room(1);
      this.buffer[this.position++] = value === null ? 0xf6 : value ? 0xf5 : 0xf4;
    } else if (depth >= MAX_DEPTH) throw new NotWritable();
    else if (Array.isArray(value)) {
      this.head(4, value.length);
      for (const item of value) {
        if (item === undefined) throw new NotWritable();
        this.json(item, depth + 1);
      }
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      let size = 0;
      for (const key of keys) if (value[key] !== undefined) size++;
      this.head(5, size);
      for (const key of keys) {
        const member = value[key];
        if (member === undefined) continue;
        this.text(key);
        this.json(member, depth + 1);
      }
    } else throw new NotWritable();
  }

  private room(bytes: number): void {
    if (this.position + bytes > this.buffer.length) throw new NotWritable();
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
