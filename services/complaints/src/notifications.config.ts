import { Expose, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { type ConfigProblem, WorkflowServiceConfig, unfitForProduction } from '@vax/platform';
import { readUnitMailboxes } from './adapters/notifications/unit-mailboxes';

/**
 * Citizens give a phone (the national portal's fields), never an e-mail address, so SMS is how they
 * are reached; e-mail reaches only units' mailboxes, and so comes beside the SMS gateway, not alone.
 * `development` keeps every message in PostgreSQL for the portal to show, and mixes with nothing.
 */
export const NOTIFICATION_CHOICES = ['development', 'sms-gateway', 'sms-gateway,smtp'] as const;
export type NotificationsChoice = (typeof NOTIFICATION_CHOICES)[number];

const asChoice = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? [...new Set(value.split(',').map((s) => s.trim()))].filter(Boolean).sort().join(',')
    : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const sends = (channel: string) => (c: ComplaintsNotificationsConfig) =>
  String(c.NOTIFICATIONS).split(',').includes(channel);

/** The key travels only over TLS; plain http is for a gateway (or a test's stand-in) on the loopback interface. */
const GATEWAY_URL = /^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)([/?#]\S*)?$/;
const FROM = /^(.*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

@ValidatorConstraint({ name: 'unitMailboxesFile' })
class UnitMailboxesFile implements ValidatorConstraintInterface {
  validate(path: unknown): boolean {
    return this.problem(path) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return `the file ${this.problem(args.value) ?? 'is unusable'}`;
  }

  private problem(path: unknown): string | null {
    try {
      readUnitMailboxes(String(path));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

/** How the complaints API (one-time codes) and worker (complaint news) reach people; both use these. */
export class ComplaintsNotificationsConfig extends WorkflowServiceConfig {
  @Expose()
  @Transform(asChoice)
  @IsIn(NOTIFICATION_CHOICES, {
    message: 'must be development, sms-gateway, or sms-gateway,smtp (e-mail reaches units only, beside SMS)',
  })
  NOTIFICATIONS: NotificationsChoice = 'development';

  @Expose()
  @ValidateIf(sends('sms-gateway'))
  @IsString({ message: 'is required with NOTIFICATIONS=sms-gateway' })
  @Matches(GATEWAY_URL, { message: 'must be an https:// URL (plain http only on the loopback interface)' })
  SMS_GATEWAY_URL?: string;

  @Expose()
  @ValidateIf(sends('sms-gateway'))
  @IsString({ message: 'is required with NOTIFICATIONS=sms-gateway' })
  @MinLength(8, { message: 'must be the API key the gateway issued (at least 8 characters)' })
  SMS_GATEWAY_API_KEY?: string;

  /** Per attempt; with the retries, a send stays under the activity's 30 s (3 × 8 s + backoff). */
  @Expose() @Type(() => Number) @IsInt() @Min(500) @Max(8_000) SMS_GATEWAY_TIMEOUT_MS = 5_000;
  @Expose() @Type(() => Number) @IsInt() @Min(0) @Max(2) SMS_GATEWAY_RETRIES = 2;

  /** Holds the credentials: smtp://user:pass@host:587 or smtps://user:pass@host:465. */
  @Expose()
  @ValidateIf(sends('smtp'))
  @IsString({ message: 'is required with NOTIFICATIONS=sms-gateway,smtp' })
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Expose()
  @ValidateIf(sends('smtp'))
  @IsString({ message: 'is required with NOTIFICATIONS=sms-gateway,smtp' })
  @Matches(FROM, { message: 'must be an address, or "Name" <address>' })
  SMTP_FROM?: string;

  /** With smtp://, refuse to send when the server offers no STARTTLS (smtps:// is encrypted anyway). */
  @Expose() @Transform(toBoolean) @IsBoolean({ message: 'must be true or false' }) SMTP_REQUIRE_TLS = true;
  @Expose() @Type(() => Number) @IsInt() @Min(1_000) @Max(10_000) SMTP_TIMEOUT_MS = 10_000;

  /** JSON `{ "site:LC-TD-01": "tram.binhlu@…", "district:Tam Đường": "…" }`: each unit's mailbox. */
  @Expose()
  @ValidateIf(sends('smtp'))
  @IsString({ message: 'is required with NOTIFICATIONS=sms-gateway,smtp (JSON file: unit id → mailbox)' })
  @Validate(UnitMailboxesFile)
  UNIT_MAILBOXES_FILE?: string;

  override productionProblems(): ConfigProblem[] {
    const outbox = this.NOTIFICATIONS === 'development';
    return [
      ...super.productionProblems(),
      ...(outbox ? [unfitForProduction('NOTIFICATIONS', 'is development (messages kept, never sent)')] : []),
    ];
  }
}
