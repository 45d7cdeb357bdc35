import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { NotificationPort } from '../../application/ports/notifications.port';
import type { ComplaintsNotificationsConfig } from '../../notifications.config';
import { DevelopmentNotificationOutbox } from '../postgres/development-notifications.adapter';
import { SentMessagesLog } from '../postgres/sent-messages.log';
import type { NotificationChannel, NotificationLog } from './notification-channel';
import { RoutedNotifications } from './routed.notifications';
import { SmsGatewayNotifications } from './sms-gateway.notifications';
import { SmtpMailNotifications } from './smtp-mail.notifications';
import { readUnitMailboxes } from './unit-mailboxes';

/**
 * The notification port NOTIFICATIONS asks for; the API (codes) and the worker (complaint news) share it.
 * Every choice reaches phones, so what it sends the citizen is logged for the portal in every mode.
 */
export function notificationsFor(
  config: ComplaintsNotificationsConfig,
  pool: Pool,
  logger: NotificationLog = new Logger('notifications'),
): NotificationPort {
  return new SentMessagesLog(sendingFor(config, pool, logger), pool);
}

function sendingFor(config: ComplaintsNotificationsConfig, pool: Pool, logger: NotificationLog): NotificationPort {
  // A settings object built by hand (tests) may leave it out: the default, as loadConfig would give.
  const chosen = (config.NOTIFICATIONS ?? 'development').split(',');
  if (chosen.includes('development')) return new DevelopmentNotificationOutbox(pool);
  const channels: NotificationChannel[] = [];
  if (chosen.includes('sms-gateway'))
    channels.push(
      new SmsGatewayNotifications(
        {
          url: config.SMS_GATEWAY_URL!,
          apiKey: config.SMS_GATEWAY_API_KEY!,
          timeoutMs: config.SMS_GATEWAY_TIMEOUT_MS,
          retries: config.SMS_GATEWAY_RETRIES,
        },
        logger,
      ),
    );
  if (chosen.includes('smtp'))
    channels.push(
      new SmtpMailNotifications(
        {
          url: config.SMTP_URL!,
          from: config.SMTP_FROM!,
          requireTls: config.SMTP_REQUIRE_TLS,
          timeoutMs: config.SMTP_TIMEOUT_MS,
        },
        readUnitMailboxes(config.UNIT_MAILBOXES_FILE!),
      ),
    );
  return new RoutedNotifications(channels, logger);
}
