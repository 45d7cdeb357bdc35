import type { BlockingKey } from '../../domain/linkage/linkage-candidates';
import type { RegistryPerson } from '../../domain/matching/registry-person';

/**
 * The national population database (CSDLQG về dân cư), as identity sees it. Looks a person up by
 * their CCCD number or an old CMND number still on record. An abstract class so that it is also the
 * Nest DI token the module binds to the local or the gateway adapter.
 */
export abstract class PopulationRegistry {
  abstract findByIdNumber(idNumber: string): Promise<RegistryPerson | null>;
  /** Many at once (bulk verification); absent numbers are absent from the map. */
  abstract findManyByIdNumber(idNumbers: string[]): Promise<Map<string, RegistryPerson>>;
  /**
   * People in each block (folded full name, family or given name, born in a date range), keyed by
   * `blockingKeyId`: to find the person behind a mistyped or missing number. Blocks with nobody are
   * absent. Registries that cannot search by name answer an empty map.
   */
  abstract searchByNameAndBirth(blocks: BlockingKey[]): Promise<Map<string, RegistryPerson[]>>;
}

/** The registry did not answer (down, timed out, circuit open): a 503, never "not found". */
export class RegistryUnavailableError extends Error {
  override name = 'RegistryUnavailableError';
}
