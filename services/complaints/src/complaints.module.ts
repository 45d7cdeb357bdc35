import { DynamicModule, Module, type Provider } from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import {
  DiagnosticsModule,
  EVENT_STORE,
  EventSourcingModule,
  PG_POOL,
  PersonAccessStore,
  PlatformModule,
  TemporalConnection,
} from '@vax/platform';
import type { Pool } from 'pg';
import { CitizenComplaintsHttpController } from './adapters/http/citizen-complaints.http-controller';
import {
  DEVELOPMENT_OUTBOX,
  DevelopmentOutboxHttpController,
} from './adapters/http/development-outbox.http-controller';
import { SlaReportsHttpController } from './adapters/http/sla-reports.http-controller';
import { ComplaintMetrics } from './adapters/metrics/complaint.metrics';
import { UnitComplaintsHttpController } from './adapters/http/unit-complaints.http-controller';
import { CertificationEventsKafkaConsumer } from './adapters/kafka/certification-events.kafka-consumer';
import { COMPLAINT_WORKFLOWS, InjectionsEventsKafkaConsumer } from './adapters/kafka/injections-events.kafka-consumer';
import { notificationsFor } from './adapters/notifications/notifications.factory';
import { ContactCodesRepository } from './adapters/postgres/contact-codes.repository';
import { DevelopmentNotificationOutbox } from './adapters/postgres/development-notifications.adapter';
import { IssuedCertificatesRepository } from './adapters/postgres/issued-certificates.repository';
import { PostgresEvidenceStorage } from './adapters/postgres/postgres-evidence.storage';
import { PostgresSentMessages } from './adapters/postgres/sent-messages.log';
import { JsonSiteDirectory } from './adapters/reference/json-site-directory';
import { TemporalComplaintWorkflows } from './adapters/temporal/temporal-complaint-workflows';
import { ComplaintCommandService } from './application/complaint.command-service';
import { complaintEventToContractV1 } from './application/complaint-events.to-contract-v1';
import { ComplaintFilingService } from './application/complaint-filing.service';
import { ComplaintReadingService } from './application/complaint-reading.service';
import { ComplaintRequestsService } from './application/complaint-requests.service';
import { FailedStepsService } from './application/failed-steps.service';
import { COMPLAINTS_MIGRATIONS } from './adapters/postgres/complaints.migrations';
import { SlaReportQuery } from './adapters/postgres/sla-report.query';
import type { ComplaintWorkflowsPort } from './application/ports/complaint-workflows.port';
import { type ComplaintsConfig, SERVICE_NAME } from './complaints.config';
import { complaintSlaProjection } from './projections/complaint-sla.projection';
import { complaintUpcasters } from './domain/complaint.upcasters';

export { SERVICE_NAME } from './complaints.config';

/** The notification port (one-time codes to phones), as NOTIFICATIONS names it, logging what citizens are sent. */
const NOTIFICATIONS = Symbol('NOTIFICATIONS');

@Module({})
export class ComplaintsModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    const sites = JsonSiteDirectory.fromReferenceFile();
    return {
      module: ComplaintsModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        EventSourcingModule.forService({
          service: SERVICE_NAME,
          migrations: COMPLAINTS_MIGRATIONS,
          toMessage: complaintEventToContractV1,
          publish: config.PUBLISHER_ENABLED,
          projections: [complaintSlaProjection((siteId) => sites.areaOf(siteId))],
          upcasters: complaintUpcasters,
        }),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
      controllers: [
        CitizenComplaintsHttpController,
        UnitComplaintsHttpController,
        SlaReportsHttpController,
        DevelopmentOutboxHttpController,
        InjectionsEventsKafkaConsumer,
        CertificationEventsKafkaConsumer,
      ],
      providers: [...storageProviders(config), ...serviceProviders(sites), ComplaintMetrics],
    };
  }
}

function storageProviders(config: ComplaintsConfig): Provider[] {
  const onPool = <T>(provide: new (...args: never[]) => T, make: (pool: Pool) => T): Provider => ({
    provide,
    inject: [PG_POOL],
    useFactory: make,
  });
  return [
    {
      provide: ComplaintCommandService,
      inject: [EVENT_STORE],
      useFactory: (s: EventStore) => new ComplaintCommandService(s),
    },
    onPool(IssuedCertificatesRepository, (p) => new IssuedCertificatesRepository(p)),
    onPool(PostgresEvidenceStorage, (p) => new PostgresEvidenceStorage(p)),
    onPool(PostgresSentMessages, (p) => new PostgresSentMessages(p)),
    onPool(ContactCodesRepository, (p) => new ContactCodesRepository(p, config.CODE_HASH_SECRET)),
    { provide: NOTIFICATIONS, inject: [PG_POOL], useFactory: (p: Pool) => notificationsFor(config, p) },
    {
      provide: DEVELOPMENT_OUTBOX,
      inject: [PG_POOL],
      useFactory: (p: Pool) =>
        (config.NOTIFICATIONS ?? 'development').split(',').includes('development')
          ? new DevelopmentNotificationOutbox(p)
          : null,
    },
    onPool(SlaReportQuery, (p) => new SlaReportQuery(p)),
    {
      provide: COMPLAINT_WORKFLOWS,
      inject: [TemporalConnection],
      useFactory: (t: TemporalConnection) => new TemporalComplaintWorkflows(t, config.TEMPORAL_TASK_QUEUE),
    },
  ];
}

function serviceProviders(sites: JsonSiteDirectory): Provider[] {
  return [
    {
      provide: ComplaintFilingService,
      inject: [
        ComplaintCommandService,
        ContactCodesRepository,
        PostgresEvidenceStorage,
        NOTIFICATIONS,
        COMPLAINT_WORKFLOWS,
      ],
      useFactory: (...deps: ConstructorParameters<typeof ComplaintFilingService>) =>
        new ComplaintFilingService(...deps),
    },
    {
      provide: ComplaintRequestsService,
      inject: [ComplaintCommandService, COMPLAINT_WORKFLOWS, PostgresEvidenceStorage],
      useFactory: (c: ComplaintCommandService, w: ComplaintWorkflowsPort, e: PostgresEvidenceStorage) =>
        new ComplaintRequestsService(c, w, e),
    },
    {
      provide: ComplaintReadingService,
      inject: [ComplaintCommandService, PostgresEvidenceStorage, PostgresSentMessages, PG_POOL],
      useFactory: (c: ComplaintCommandService, e: PostgresEvidenceStorage, m: PostgresSentMessages, pool: Pool) =>
        new ComplaintReadingService(
          c,
          e,
          m,
          (siteId) => sites.areaOf(siteId)?.district ?? null,
          // Only its read log is used here: who may read is decided from the complaint itself.
          new PersonAccessStore(pool, 0),
        ),
    },
    {
      provide: FailedStepsService,
      inject: [ComplaintCommandService, COMPLAINT_WORKFLOWS],
      useFactory: (c: ComplaintCommandService, w: ComplaintWorkflowsPort) =>
        new FailedStepsService(c, w, (siteId) => sites.areaOf(siteId)?.district ?? null),
    },
  ];
}
