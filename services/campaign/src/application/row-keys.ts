/** A row's id in bulk requests and results: `<importId>:<rowNumber>` (no personal data in it). */
export const recordIdOf = (importId: string, rowNumber: number) => `${importId}:${rowNumber}`;

export function rowOfRecordId(recordId: string): { importId: string; rowNumber: number } | undefined {
  const at = recordId.lastIndexOf(':');
  const rowNumber = Number(recordId.slice(at + 1));
  return at > 0 && Number.isInteger(rowNumber) ? { importId: recordId.slice(0, at), rowNumber } : undefined;
}

/** The client id of a matched row's dose in the records: the same row is always the same dose. */
export const doseIdOf = (campaignId: string, importId: string, rowNumber: number) =>
  `legacy:${campaignId}:${importId}:${rowNumber}`;
