import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineContract } from '../contract';
import { IsCalendarDate, IsInstant, IsReference } from '../common.v1';

/**
 * Topic campaign.events.v1: facts of the data-cleaning campaign (point 4 of the directive) that other
 * contexts act on. Keyed by person (doses) or by campaign (attestations). No names, birth dates or ID
 * numbers: a matched row is carried by the registry's person id and the bulk check that linked it.
 */

/**
 * A dose from an old site list whose person the registry confirmed in bulk. Injections records it on
 * the person's record once per `doseId` and answers on injections.legacy-dose-outcomes.v1.
 */
export class LegacyDoseMatched {
  /** Client id of the dose: the same row sent twice is recorded once. */
  @IsReference() doseId!: string;
  @IsReference() campaignId!: string;
  @IsReference() personId!: string;
  /** The bulk batch (identity.events.v1 BulkVerificationCompleted) whose result linked the row. */
  @IsReference() verificationId!: string;
  @Matches(/^[A-Z0-9-]{2,30}$/) vaccineCode!: string;
  @IsString() @MaxLength(50) lotNumber!: string;
  @IsCalendarDate() administeredOn!: string;
  @IsReference() siteId!: string;
  /** The dose number the old list states; the record numbers doses itself, by date. */
  @IsOptional() @IsInt() @Min(1) @Max(10) statedDoseNumber?: number;
}

export const ATTESTATION_SCOPES = ['site', 'commune'] as const;

/** The responsible person signed the campaign's matched list of one site or one commune. */
export class MatchedListAttested {
  @IsReference() attestationId!: string;
  @IsReference() campaignId!: string;
  @IsIn(ATTESTATION_SCOPES) scope!: (typeof ATTESTATION_SCOPES)[number];
  /** The site id, or the commune's name. */
  @IsString() @MaxLength(100) unit!: string;
  /**
   * How many matched doses the signature covers. Their ids stay with the campaign (a commune's list
   * runs to tens of thousands, past a message's size); the digest lets a holder of the list check it.
   */
  @IsInt() @Min(1) doses!: number;
  @IsReference() attestedBy!: string;
  @IsString() @MaxLength(50) signerRole!: string;
  @Matches(/^[a-f0-9]{64}$/) contentSha256!: string;
  @IsInstant() attestedAt!: string;
}

export const CampaignEventsV1 = defineContract('campaign.events.v1', {
  LegacyDoseMatched,
  MatchedListAttested,
});
