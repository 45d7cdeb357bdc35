import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineContract } from '../contract';
import { IsInstant, IsReference } from '../common.v1';

/** Topic certification.events.v1: certificates issued from the platform, and revoked. */

export const CERTIFICATE_STATUSES = ['partially-vaccinated', 'fully-vaccinated', 'booster', 'recovered'] as const;
export const REVOCATION_REASONS = ['dose-corrected', 'dose-voided', 'superseded', 'holder-details-changed'] as const;
/** The check character (Luhn mod 38) may also be `/` or `:`. */
const UVCI = /^URN:UVCI:01:VN:[A-Z0-9/]+#[A-Z0-9/:]$/;

export class CertificateIssued {
  /** The unique vaccination certificate identifier, with its checksum character. */
  @Matches(UVCI) certificateId!: string;
  @IsReference() personId!: string;
  @IsIn(CERTIFICATE_STATUSES) status!: (typeof CERTIFICATE_STATUSES)[number];
  @IsInstant() issuedAt!: string;
  @IsInstant() expiresAt!: string;
  /** The EU DCC value sets the codes were taken from (pinned by certification). */
  @IsOptional() @IsString() @MaxLength(100) valueSetVersion?: string;
  /** The certificate this one replaces (revoked in the same change). */
  @IsOptional() @Matches(UVCI) replaces?: string;
}

export class CertificateRevoked {
  @Matches(UVCI) certificateId!: string;
  @IsReference() personId!: string;
  @IsIn(REVOCATION_REASONS) reason!: (typeof REVOCATION_REASONS)[number];
  @IsOptional() @Matches(UVCI) replacedBy?: string;
  @IsInstant() revokedAt!: string;
}

export const CertificationEventsV1 = defineContract('certification.events.v1', {
  CertificateIssued,
  CertificateRevoked,
});
