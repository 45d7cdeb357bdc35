import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineContract } from '../contract';
import { IsInstant, IsReference } from '../common.v1';

/** Topic certification.events.v1: certificates issued from the platform, and revoked. */

export const CERTIFICATE_STATUSES = ['partially-vaccinated', 'fully-vaccinated', 'booster', 'recovered'] as const;
const UVCI = /^URN:UVCI:01:VN:[A-Z0-9/]+#[A-Z0-9]$/;

export class CertificateIssued {
  /** The unique vaccination certificate identifier, with its checksum character. */
  @Matches(UVCI) certificateId!: string;
  @IsReference() personId!: string;
  @IsIn(CERTIFICATE_STATUSES) status!: (typeof CERTIFICATE_STATUSES)[number];
  @IsInstant() issuedAt!: string;
  @IsInstant() expiresAt!: string;
  @IsOptional() @Matches(UVCI) replaces?: string;
}

export class CertificateRevoked {
  @Matches(UVCI) certificateId!: string;
  @IsReference() personId!: string;
  @IsString() @MaxLength(200) reason!: string;
  @IsOptional() @Matches(UVCI) replacedBy?: string;
  @IsInstant() revokedAt!: string;
}

export const CertificationEventsV1 = defineContract('certification.events.v1', {
  CertificateIssued,
  CertificateRevoked,
});
