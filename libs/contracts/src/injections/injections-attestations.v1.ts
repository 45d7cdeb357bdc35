import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsIn, Matches, ValidateNested } from 'class-validator';
import { defineContract } from '../contract';
import { IsCalendarDate, IsInstant, IsReference } from '../common.v1';

/**
 * Topic injections.attestations.v1: the signed day lists of vaccination sites, keyed by site (a list
 * is of a site's day, not of one person, so it does not share the person-keyed records topic).
 *
 * It replaces `RecordsAttested` of injections.events.v1, which no message could satisfy (its
 * `recordIds` were checked as one reference and as an array at once): injections no longer sends
 * that type on injections.events.v1.
 */

/** The most doses one signed list holds; the next signing of the same day covers the rest. */
export const MAX_ATTESTED_RECORDS = 2_000;

export const ATTESTING_ROLES = ['site-head', 'commune-chairman'] as const;

/** One dose on the list: its record id and whose record it is, so a consumer needs no lookup. */
export class AttestedRecord {
  @IsReference() recordId!: string;
  @IsReference() personId!: string;
}

/** A site head or commune chairman signed a day's verified list, making its records legally valid. */
export class AttestedDayList {
  @IsReference() attestationId!: string;
  @IsReference() siteId!: string;
  @IsCalendarDate() day!: string;
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_ATTESTED_RECORDS)
  @ValidateNested({ each: true })
  @Type(() => AttestedRecord)
  records!: AttestedRecord[];
  @IsReference() attestedBy!: string;
  @IsIn(ATTESTING_ROLES) attestedAs!: (typeof ATTESTING_ROLES)[number];
  /** SHA-256 of the list's canonical content, which the signature covers (GET /attestations shows both). */
  @Matches(/^[a-f0-9]{64}$/) contentSha256!: string;
  @IsInstant() attestedAt!: string;
}

export const InjectionsAttestationsV1 = defineContract('injections.attestations.v1', {
  RecordsAttested: AttestedDayList,
});
