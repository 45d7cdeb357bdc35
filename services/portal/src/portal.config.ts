import { Expose, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';
import {
  CodeHashSecretSetting,
  type ConfigProblem,
  DatabaseConfig,
  SigningKeySetting,
  developmentSigningKeyProblems,
  unfitForProduction,
} from '@vax/platform';

const serviceUrl = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const message = 'must be the http(s) base URL of the service';
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The portal owns only sessions, accounts and sign-in codes (its database) and calls the other services over HTTP. */
export class PortalConfig extends DatabaseConfig {
  @Expose() @IsUrl(serviceUrl, { message }) IDENTITY_URL!: string;
  @Expose() @IsUrl(serviceUrl, { message }) INJECTIONS_URL!: string;
  @Expose() @IsUrl(serviceUrl, { message }) COMPLAINTS_URL!: string;
  @Expose() @IsUrl(serviceUrl, { message }) CERTIFICATION_URL!: string;
  /** The reconciliation campaign's API (port 3006 locally): progress, imports, uploads of old lists. */
  @Expose() @IsUrl(serviceUrl, { message }) CAMPAIGN_URL!: string;

  /** The portal's private key (issuer "portal"): it alone vouches for the people it signed in. */
  @Expose() @SigningKeySetting() ACTOR_TOKEN_PRIVATE_KEY?: string;
  @Expose() @IsOptional() @IsString() ACTOR_TOKEN_PRIVATE_KEY_FILE?: string;

  /** Keys the hashes of sign-in codes: the portal's alone. */
  @Expose() @CodeHashSecretSetting() CODE_HASH_SECRET!: string;

  /** Photos of paper certificates pass through, base64 (5 MB each at most, checked by complaints). */
  @Expose() @Type(() => Number) @IsInt() @Min(1024) @Max(16 * 1024 * 1024) override HTTP_BODY_LIMIT_BYTES =
    8 * 1024 * 1024;

  /**
   * Per-client limits (one address: a commune office behind one router counts as one client). A load
   * test from one machine raises them; they never replace the per-username and per-person limits.
   */
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) SIGN_INS_PER_CLIENT_PER_MINUTE = 20;
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) CODES_PER_CLIENT_PER_HOUR = 10;
  /** Codes one client may ask for one ID number in 15 minutes, and one ID number may get in a day. */
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) CODES_PER_CLIENT_AND_PERSON = 3;
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) CODES_PER_PERSON_PER_DAY = 10;

  /** Idle minutes before a session ends. */
  @Expose() @Type(() => Number) @IsInt() @Min(5) @Max(24 * 60) SESSION_IDLE_MINUTES = 30;

  /** Secure cookies (HTTPS only). Browsers also keep them on http://localhost, so this stays true in development. */
  @Expose() @Transform(toBoolean) @IsBoolean({ message: 'must be true or false' }) COOKIE_SECURE = true;

  /** Staff and manager accounts added on start when missing (development ships a demo file). */
  @Expose() @IsOptional() @IsString() ACCOUNTS_SEED_FILE?: string;

  /** development: messages are kept in the portal's outbox page, not sent. sms-gateway: sent for real. */
  @Expose()
  @IsIn(['development', 'sms-gateway'], { message: 'must be development or sms-gateway' })
  NOTIFICATIONS: 'development' | 'sms-gateway' = 'development';

  @Expose()
  @ValidateIf((c: PortalConfig) => c.NOTIFICATIONS === 'sms-gateway')
  @IsUrl(serviceUrl, { message: 'is required with NOTIFICATIONS=sms-gateway (https URL of the SMS gateway)' })
  SMS_GATEWAY_URL?: string;

  @Expose()
  @ValidateIf((c: PortalConfig) => c.NOTIFICATIONS === 'sms-gateway')
  @IsString({ message: 'is required with NOTIFICATIONS=sms-gateway' })
  SMS_GATEWAY_API_KEY?: string;

  productionProblems(): ConfigProblem[] {
    const outbox = this.NOTIFICATIONS === 'development';
    return [
      ...developmentSigningKeyProblems(this.ACTOR_TOKEN_PRIVATE_KEY, this.ACTOR_TOKEN_PRIVATE_KEY_FILE),
      ...(outbox ? [unfitForProduction('NOTIFICATIONS', 'is development (codes shown on the outbox page)')] : []),
    ];
  }
}
