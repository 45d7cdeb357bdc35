import type { AttestedDose } from '../../domain/attestation/list-attestation.decider';

/**
 * The campaign's doses the records accepted (recorded or already on record), as a matched list's
 * attestation reads and marks them. An abstract class so that it is also the Nest DI token.
 */
export abstract class MatchedDoses {
  /** The sites' matched doses no attestation covers yet, in dose id order. */
  abstract unattested(campaignId: string, siteIds: string[]): Promise<AttestedDose[]>;
  /** Marks the doses as covered (feeds progress); doses already marked keep their attestation. */
  abstract markAttested(attestationId: string, doseIds: string[]): Promise<void>;
}
