/**
 * Unique vaccination certificate identifiers (eHN guidelines, Annex 2): `URN:UVCI:01:VN:` then an
 * opaque part of A–Z, 0–9 and `/`, then `#` and a Luhn mod N check character over everything before
 * it, with N = 38 code points (the official AT and FR identifiers in the test vectors check out).
 */
const CODE_POINTS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:';
const N = CODE_POINTS.length;
/** The code point of each character code below 128, or −1 for a character a UVCI cannot hold. */
const CODE_POINT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < N; i++) CODE_POINT_OF[CODE_POINTS.charCodeAt(i)] = i;
const UVCI_PREFIX = 'URN:UVCI:01:';
const OPAQUE = /^[A-Z0-9]+(\/[A-Z0-9]+)*$/;
/** The shape of our identifiers; the check character may be `/` or `:` too. */
export const UVCI_PATTERN = /^URN:UVCI:01:[A-Z]{2}:[A-Z0-9/]+#[A-Z0-9/:]$/;
const MAX_LENGTH = 50;

function luhnSum(text: string, firstFactor: 1 | 2): number {
  let factor = firstFactor;
  let sum = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    const codePoint = code < 128 ? CODE_POINT_OF[code] : -1;
    if (codePoint < 0) throw new Error(`character ${JSON.stringify(text[i])} cannot be in a UVCI`);
    const addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / N) + (addend % N);
  }
  return sum % N;
}

export function luhnModNCheckCharacter(text: string): string {
  return CODE_POINTS[(N - luhnSum(text, 2)) % N];
}

/** Whether the text ends in its right check character (the `#` is not part of the checksum). */
export function hasValidCheckCharacter(uvci: string): boolean {
  const hash = uvci.lastIndexOf('#');
  if (hash < 0 || hash !== uvci.length - 2) return false;
  try {
    return luhnSum(uvci.slice(0, hash) + uvci[hash + 1], 1) === 0;
  } catch {
    return false;
  }
}

/**
 * `URN:UVCI:01:VN:LC/<unique>#<check>`: country, issuing entity, then a unique part the caller
 * draws at random (so the identifier reveals nothing about the person).
 */
export function uvciOf(country: string, issuingEntity: string, unique: string): string {
  const opaque = `${issuingEntity}/${unique}`;
  if (!/^[A-Z]{2}$/.test(country)) throw new Error('the UVCI country must be two capital letters');
  if (!OPAQUE.test(opaque)) throw new Error('the UVCI opaque part takes A–Z, 0–9 and / only');
  const body = `${UVCI_PREFIX}${country}:${opaque}`;
  const uvci = `${body}#${luhnModNCheckCharacter(body)}`;
  if (uvci.length > MAX_LENGTH) throw new Error(`a UVCI of ${uvci.length} characters is too long`);
  return uvci;
}
