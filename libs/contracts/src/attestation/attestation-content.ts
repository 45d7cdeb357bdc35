import { createHash } from 'node:crypto';

/**
 * The one canonical form of signed dose lists: a JSON array of the header's values in their fixed
 * order, then the entries sorted by dose id, each as its values in a fixed order. Anyone holding the
 * list rebuilds the same bytes whatever order it was read in, and checks the signature or digest.
 */
export function canonicalAttestationContent<Entry extends { doseId: string }>(
  header: readonly (string | number)[],
  entries: readonly Entry[],
  row: (entry: Entry) => readonly (string | number)[],
): Buffer {
  const rows = [...entries].sort((a, b) => (a.doseId < b.doseId ? -1 : a.doseId > b.doseId ? 1 : 0)).map(row);
  return Buffer.from(JSON.stringify([...header, rows]), 'utf8');
}

export const sha256Hex = (content: Buffer): string => createHash('sha256').update(content).digest('hex');
