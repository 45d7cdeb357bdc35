import { DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import { Inbox } from '@vax/messaging';
import {
  DiagnosticsModule,
  EVENT_STORE,
  EventSourcingModule,
  PG_POOL,
  PersonAccessStore,
  PlatformModule,
} from '@vax/platform';
import type { Pool } from 'pg';
import { RecordChangesHttpController } from './adapters/http/record-changes.http-controller';
import { RecordsHttpController } from './adapters/http/records.http-controller';
import { StatisticsHttpController } from './adapters/http/statistics.http-controller';
import { DoseStatisticsQuery } from './adapters/postgres/dose-statistics.query';
import { CoverageQuery } from './adapters/postgres/coverage.query';
import { VerificationShareQuery } from './adapters/postgres/verification-share.query';
import { INJECTIONS_PROJECTIONS } from './projections/injections.projections';
import { INJECTIONS_INBOX, IdentityEventsKafkaConsumer } from './adapters/kafka/identity-events.kafka-consumer';
import { DoseRecordingService } from './application/dose-recording.service';
import { ComplaintCorrectionsService } from './application/complaint-corrections.service';
import { RecordMergeService } from './application/record-merge.service';
import { AttestationService } from './application/attestation.service';
import { ListSigner } from '@vax/platform';
import { AttestationsHttpController } from './adapters/http/attestations.http-controller';
import { ReferenceHttpController } from './adapters/http/reference.http-controller';
import { CorrectionCommandsKafkaConsumer } from './adapters/kafka/correction-commands.kafka-consumer';
import { CampaignEventsKafkaConsumer } from './adapters/kafka/campaign-events.kafka-consumer';
import { ComplaintsEventsKafkaConsumer } from './adapters/kafka/complaints-events.kafka-consumer';
import { LegacyDoseImportService } from './application/legacy-dose-import.service';
import { CampaignListAttestationService } from './application/campaign-list-attestation.service';
import { injectionsEventToContractV1 } from './application/injections-events.to-contract-v1';
import { INJECTIONS_MIGRATIONS } from './adapters/postgres/injections.migrations';
import { VerificationFactsRepository } from './adapters/postgres/verification-facts.repository';
import { PostgresCampaignDosesReads } from './adapters/postgres/campaign-doses.reads';
import { PostgresDoseRegisterReads } from './adapters/postgres/dose-register.reads';
import { CampaignDosesReads } from './application/ports/campaign-doses.port';
import { DoseRegisterReads } from './application/ports/dose-register.port';
import { VerificationFacts } from './application/ports/verification-facts.port';
import type { InjectionsConfig } from './injections.config';
import { loadReferenceData } from './reference/reference-data';

export const SERVICE_NAME = 'injections';

@Module({})
export class InjectionsModule {
  static forRoot(config: InjectionsConfig): DynamicModule {
    const reference = loadReferenceData();
    const policy = {
      verificationFreshHours: config.VERIFICATION_FRESH_HOURS,
      allowMixedSchedules: config.ALLOW_MIXED_SCHEDULES,
      boosterMinIntervalDays: reference.boosterMinIntervalDays,
    };
    return {
      module: InjectionsModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        EventSourcingModule.forService({
          service: SERVICE_NAME,
          migrations: INJECTIONS_MIGRATIONS,
          toMessage: injectionsEventToContractV1,
          publish: config.PUBLISHER_ENABLED,
          projections: INJECTIONS_PROJECTIONS,
        }),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
      controllers: [
        RecordsHttpController,
        RecordChangesHttpController,
        StatisticsHttpController,
        AttestationsHttpController,
        ReferenceHttpController,
        IdentityEventsKafkaConsumer,
        CorrectionCommandsKafkaConsumer,
        CampaignEventsKafkaConsumer,
        ComplaintsEventsKafkaConsumer,
      ],
      providers: [
        {
          provide: DoseStatisticsQuery,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new DoseStatisticsQuery(pool, reference),
        },
        { provide: CoverageQuery, inject: [PG_POOL], useFactory: (pool: Pool) => new CoverageQuery(pool, reference) },
        {
          provide: VerificationShareQuery,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new VerificationShareQuery(pool, reference),
        },
        {
          provide: VerificationFactsRepository,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new VerificationFactsRepository(pool),
        },
        { provide: VerificationFacts, useExisting: VerificationFactsRepository },
        {
          provide: PersonAccessStore,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PersonAccessStore(pool, config.VERIFICATION_FRESH_HOURS),
        },
        { provide: INJECTIONS_INBOX, inject: [PG_POOL], useFactory: (pool: Pool) => new Inbox(pool, SERVICE_NAME) },
        {
          provide: DoseRecordingService,
          inject: [EVENT_STORE, VerificationFacts],
          useFactory: (store: EventStore, facts: VerificationFacts) =>
            new DoseRecordingService(store, facts, reference, policy),
        },
        {
          provide: ComplaintCorrectionsService,
          inject: [EVENT_STORE, VerificationFacts],
          useFactory: (store: EventStore, facts: VerificationFacts) =>
            new ComplaintCorrectionsService(store, facts, reference, policy),
        },
        {
          provide: ListSigner,
          useFactory: () => ListSigner.fromConfiguration(config.ATTESTATION_KEY_FILE, config.ATTESTATION_DEV_KEY_FILE),
        },
        {
          provide: AttestationService,
          inject: [EVENT_STORE, DoseRegisterReads, ListSigner],
          useFactory: (store: EventStore, register: DoseRegisterReads, signer: ListSigner) =>
            new AttestationService(store, register, reference, signer),
        },
        {
          provide: DoseRegisterReads,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresDoseRegisterReads(pool),
        },
        {
          provide: CampaignListAttestationService,
          inject: [EVENT_STORE, CampaignDosesReads],
          useFactory: (store: EventStore, campaignDoses: CampaignDosesReads) =>
            new CampaignListAttestationService(store, campaignDoses, reference),
        },
        {
          provide: CampaignDosesReads,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresCampaignDosesReads(pool),
        },
        {
          provide: LegacyDoseImportService,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new LegacyDoseImportService(store, reference),
        },
        {
          provide: RecordMergeService,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new RecordMergeService(store),
        },
      ],
    };
  }
}
