import { blockingKeyId, isInBlock } from '../linkage/linkage-candidates';
import type { RegistryPerson } from '../matching/registry-person';
import { type BulkLookups, type BulkRecord, blocksOf, prepare } from './bulk-matching';

/** What a registry holding these people answers for these records: every number, and each record's blocks. */
export function lookupsOver(people: RegistryPerson[], records: BulkRecord[]): BulkLookups {
  const byIdNumber = new Map<string, RegistryPerson>();
  for (const p of people) {
    byIdNumber.set(p.idNumber, p);
    if (p.oldIdNumber) byIdNumber.set(p.oldIdNumber, p);
  }
  const byBlock = new Map<string, RegistryPerson[]>();
  for (const record of records)
    for (const block of blocksOf(prepare(record))) {
      const inBlock = people.filter((p) => isInBlock(block, p));
      if (inBlock.length > 0) byBlock.set(blockingKeyId(block), inBlock);
    }
  return { byIdNumber, byBlock };
}
