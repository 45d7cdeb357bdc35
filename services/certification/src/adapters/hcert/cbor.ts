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
