import { Expose, Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { CodeHashSecretSetting } from '@vax/platform';
import { ComplaintsNotificationsConfig } from './notifications.config';

/** The service's name: its database, consumer group, log field; the worker shares the database. */
export const SERVICE_NAME = 'complaints';

/** Settings of the complaints service, read from the environment and validated at start-up. */
export class ComplaintsConfig extends ComplaintsNotificationsConfig {
  /** Where complaint workflows are started: the task queue the complaints worker polls. */
  @Expose()
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a task queue name (a-z, 0-9, -)' })
  TEMPORAL_TASK_QUEUE = 'complaints';

  /** Photos are uploaded as base64 JSON: 5 MB of photo is about 6.7 MB of body. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  override HTTP_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

  /** Keys the hashes of the contact codes sent to citizens' phones. */
  @Expose() @CodeHashSecretSetting() CODE_HASH_SECRET!: string;
}
