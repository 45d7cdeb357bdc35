/**
 * Extended key usages a Document Signer Certificate may carry to limit what it signs (eHN HCERT
 * spec, 5.4.1). The `.0.1847` spellings appeared in an early spec text and are in the test
 * vectors' certificates; verifiers accept both.
 */
export type CertificateType = 'v' | 't' | 'r';

const BY_TYPE: Record<CertificateType, string[]> = {
  t: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  v: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  r: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
};

export const EKU_OID = { test: BY_TYPE.t[0], vaccination: BY_TYPE.v[0], recovery: BY_TYPE.r[0] } as const;

const ALL = new Set(Object.values(BY_TYPE).flat());

/** A signer without any of these usages may sign every type; one with some may sign only those. */
export function keyUsageAllows(extendedKeyUsages: readonly string[] | undefined, type: CertificateType): boolean {
  const dccUsages = (extendedKeyUsages ?? []).filter((oid) => ALL.has(oid));
  return dccUsages.length === 0 || dccUsages.some((oid) => BY_TYPE[type].includes(oid));
}
