import type { AttestedEntry } from '../../domain/attestation/attestation.messages';

/**
 * The dose register read model (may lag the records by moments), as attestation reads it. An
 * abstract class so that it is also the Nest DI token.
 */
export abstract class DoseRegisterReads {
  /** The site's doses of that day, verified, not voided and not yet attested; at most `limit`. */
  abstract unattestedOfDay(siteId: string, day: string, limit: number): Promise<AttestedEntry[]>;
  /** The attestation covering each of a person's doses, where one does. */
  abstract coveringDoses(personId: string): Promise<Map<string, string>>;
}
