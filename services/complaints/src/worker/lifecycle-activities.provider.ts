import { readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import type { MessageSink } from '@vax/messaging';
import { EVENT_STORE, MESSAGE_SINK, PG_POOL, signerFromSettings } from '@vax/platform';
import type { Pool } from 'pg';
import {
  type ComplaintLifecycleActivities,
  createComplaintLifecycleActivities,
} from '../activities/complaint-lifecycle.activities';
import { IdentityServiceClient } from '../adapters/identity/identity-service.client';
import { InjectionsCorrectionsPublisher } from '../adapters/messaging/injections-corrections.publisher';
import { notificationsFor } from '../adapters/notifications/notifications.factory';
import { IssuedCertificatesRepository } from '../adapters/postgres/issued-certificates.repository';
import { JsonSiteDirectory } from '../adapters/reference/json-site-directory';
import { loadSlaDeadlines } from '../adapters/reference/sla-reference';
import { ComplaintCommandService } from '../application/complaint.command-service';
import type { ComplaintsWorkerConfig } from './complaints-worker.config';

export const LIFECYCLE_ACTIVITIES = Symbol('LIFECYCLE_ACTIVITIES');

/**
 * The complaint lifecycle's activities with their production adapters: the complaint store, SLA
 * reference data, the identity service over HTTP, correction commands over the message transport,
 * certificates as certification announced them, and the notifications NOTIFICATIONS names.
 */
export function lifecycleActivitiesProvider(config: ComplaintsWorkerConfig): Provider<ComplaintLifecycleActivities> {
  return {
    provide: LIFECYCLE_ACTIVITIES,
    inject: [EVENT_STORE, PG_POOL, MESSAGE_SINK],
    useFactory: async (store: EventStore, pool: Pool, sink: MessageSink) =>
      createComplaintLifecycleActivities({
        complaints: new ComplaintCommandService(store),
        deadlines: loadSlaDeadlines(config.PROVINCE_CODE, {
          policy: config.SLA_POLICY_FILE ? JSON.parse(readFileSync(config.SLA_POLICY_FILE, 'utf8')) : undefined,
          calendar: config.WORKING_CALENDAR_FILE
            ? JSON.parse(readFileSync(config.WORKING_CALENDAR_FILE, 'utf8'))
            : undefined,
        }),
        sites: JsonSiteDirectory.fromReferenceFile(),
        identity: new IdentityServiceClient(
          config.IDENTITY_URL,
          await signerFromSettings(config.ACTOR_TOKEN_PRIVATE_KEY, config.ACTOR_TOKEN_PRIVATE_KEY_FILE),
        ),
        injections: new InjectionsCorrectionsPublisher(sink),
        certificates: new IssuedCertificatesRepository(pool),
        notifications: notificationsFor(config, pool),
      }),
  };
}
