import { algorithmOf } from './cose-sign1';
import { type DecodedHcert, decodeHcert } from './hcert.decoder';
import type { CertificateType } from './key-usage';
import { type RevocationHashes, revocationHashes } from './revocation-hashes';

/** Which entry the payload holds: vaccination, test or recovery (the first non-empty group). */
export function certificateTypeOf(dcc: Record<string, unknown>): CertificateType | undefined {
  return (['v', 't', 'r'] as const).find((t) => Array.isArray(dcc[t]) && (dcc[t] as unknown[]).length > 0);
}

/** The UVCI of the entry. */
export function certificateIdOf(dcc: Record<string, unknown>, type: CertificateType | undefined): string | undefined {
  const entry = type ? (dcc[type] as Record<string, unknown>[])[0] : undefined;
  return typeof entry?.ci === 'string' ? entry.ci : undefined;
}

/** The revocation hashes a decoded certificate may be listed under (undefined without a UVCI). */
export function revocationHashesOfDecoded(d: DecodedHcert): RevocationHashes | undefined {
  const uvci = certificateIdOf(d.dcc, certificateTypeOf(d.dcc));
  if (!uvci) return undefined;
  return revocationHashes({
    uvci,
    issuerCountry: d.issuer ?? '',
    signature: d.cose.signature,
    alg: algorithmOf(d.cose) ?? 0,
  });
}

/** The revocation hashes of an HC1 text, for looking them up before verifying (undefined if it does not decode). */
export function revocationHashesOfHcert(text: string): RevocationHashes | undefined {
  const outcome = decodeHcert(text);
  return outcome.ok ? revocationHashesOfDecoded(outcome.decoded) : undefined;
}
