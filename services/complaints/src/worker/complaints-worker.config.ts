import { Expose } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { type ConfigProblem, SigningKeySetting, developmentSigningKeyProblems } from '@vax/platform';
import { ComplaintsNotificationsConfig } from '../notifications.config';

/** The worker serves health on PORT and polls TEMPORAL_TASK_QUEUE; NOTIFICATIONS and the rest: notifications.config.ts. */
export class ComplaintsWorkerConfig extends ComplaintsNotificationsConfig {
  @Expose()
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a task queue name (a-z, 0-9, -)' })
  TEMPORAL_TASK_QUEUE = 'complaints';

  /** The identity service, which checks each complaint's stated person against the registry. */
  @Expose()
  @Matches(/^https?:\/\/[^\s/]+\/?$/, { message: 'must be the http(s)://host:port of the identity service' })
  IDENTITY_URL = 'http://127.0.0.1:3001';

  /** The worker's own identity towards identity (issuer "complaints-worker", role system): never a person's. */
  @Expose() @SigningKeySetting() ACTOR_TOKEN_PRIVATE_KEY?: string;
  @Expose() @IsOptional() @IsString() ACTOR_TOKEN_PRIVATE_KEY_FILE?: string;

  /** The province whose SLA overrides apply (reference/sla-policy.json), e.g. 12 for Lai Châu. */
  @Expose()
  @Matches(/^\d{2}$/, { message: 'must be a two-digit province code' })
  PROVINCE_CODE = '12';

  /**
   * Files replacing reference/sla-policy.json and reference/working-calendar.json: a province's own
   * policy and calendar without a new build (or, for demos and tests, limits of minutes).
   */
  @Expose() @IsOptional() @IsString() SLA_POLICY_FILE?: string;
  @Expose() @IsOptional() @IsString() WORKING_CALENDAR_FILE?: string;

  override productionProblems(): ConfigProblem[] {
    return [
      ...super.productionProblems(),
      ...developmentSigningKeyProblems(this.ACTOR_TOKEN_PRIVATE_KEY, this.ACTOR_TOKEN_PRIVATE_KEY_FILE),
    ];
  }
}
