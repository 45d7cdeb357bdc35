import { DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import { Inbox } from '@vax/messaging';
import {
  DiagnosticsModule,
  EVENT_STORE,
  EventSourcingModule,
  PG_POOL,
  PlatformModule,
  TemporalConnection,
  vietnamToday,
} from '@vax/platform';
import type { Pool } from 'pg';
import { AttestationsHttpController } from './adapters/http/attestations.http-controller';
import { CampaignsHttpController } from './adapters/http/campaigns.http-controller';
import { ImportsHttpController } from './adapters/http/imports.http-controller';
import { IMPORT_MAX_BYTES, SITE_DIRECTORY } from './adapters/http/tokens';
import { WorklistsHttpController } from './adapters/http/worklists.http-controller';
import { UnitWorklistsHttpController } from './adapters/http/unit-worklists.http-controller';
import { PostgresUnitWorklists } from './adapters/postgres/unit-worklists.query';
import { UnitWorklistsService } from './application/unit-worklists.service';
import { CampaignMetrics } from './adapters/metrics/campaign.metrics';
import { DoseOutcomesKafkaConsumer } from './adapters/kafka/dose-outcomes.kafka-consumer';
import { IdentityChoiceHttpController } from './adapters/http/identity-choice.http-controller';
import { IdentityAnswersKafkaConsumer } from './adapters/kafka/identity-answers.kafka-consumer';
import { BulkAnswersService } from './adapters/postgres/bulk-answers.service';
import { CAMPAIGN_MIGRATIONS } from './adapters/postgres/campaign.migrations';
import { TemporalCampaignWorkflows } from './adapters/temporal/temporal-campaign-workflows';
import { CampaignService } from './application/campaign.service';
import { CampaignWorkflows } from './application/ports/campaign-workflows.port';
import { Campaigns } from './application/ports/campaigns.port';
import { campaignEventToContractV1 } from './application/campaign-events.to-contract-v1';
import { CampaignsRepository } from './adapters/postgres/campaigns.repository';
import { DoseOutcomesService } from './adapters/postgres/dose-outcomes.service';
import { DoseQueueRepository } from './adapters/postgres/dose-queue.repository';
import { LegacyImportsRepository } from './adapters/postgres/legacy-imports.repository';
import { StreamedListReader } from './adapters/files/streamed-list.reader';
import { LegacyUploadsService } from './application/legacy-uploads.service';
import { LegacyListReader } from './application/ports/legacy-list-reader.port';
import { ListAttestationService } from './application/list-attestation.service';
import { MatchedDoses } from './application/ports/matched-doses.port';
import { PostgresMatchedDoses } from './adapters/postgres/matched-doses.table';
import { ListSigner } from '@vax/platform';
import { PostgresMergeProposals } from './adapters/postgres/merge-proposals.table';
import { MergeProposalsService } from './application/merge-proposals.service';
import { MergeProposals } from './application/ports/merge-proposals.port';
import { ProgressQuery } from './adapters/postgres/progress.query';
import { VerificationRepository } from './adapters/postgres/verification.repository';
import { PostgresWorklistItems } from './adapters/postgres/worklist-items.table';
import { WorklistService } from './application/worklist.service';
import { WorklistItems } from './application/ports/worklist-items.port';
import { PostgresIdentityChoices } from './adapters/postgres/identity-choices.table';
import { IdentityChoiceService } from './application/identity-choice.service';
import { IdentityChoices } from './application/ports/identity-choices.port';
import { WorklistsRepository } from './adapters/postgres/worklists.repository';
import type { CampaignConfig } from './campaign.config';
import { loadMappingPresets } from './reference/mapping-presets';
import { loadCampaignReference } from './reference/reference-data';

export const SERVICE_NAME = 'campaign';

const withPool = <T>(provide: abstract new (...args: never[]) => T, make: (pool: Pool) => T) => ({
  provide,
  inject: [PG_POOL],
  useFactory: make,
});

@Module({})
export class CampaignModule {
  static forRoot(config: CampaignConfig): DynamicModule {
    const reference = loadCampaignReference();
    const today = () => vietnamToday();
    return {
      module: CampaignModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        EventSourcingModule.forService({
          service: SERVICE_NAME,
          migrations: CAMPAIGN_MIGRATIONS,
          toMessage: campaignEventToContractV1,
          publish: config.PUBLISHER_ENABLED,
        }),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
      controllers: [
        ImportsHttpController, // before CampaignsHttpController: /campaigns/imports is not a campaign id
        CampaignsHttpController,
        WorklistsHttpController,
        UnitWorklistsHttpController,
        IdentityChoiceHttpController,
        AttestationsHttpController,
        IdentityAnswersKafkaConsumer,
        DoseOutcomesKafkaConsumer,
      ],
      providers: [
        CampaignMetrics,
        { provide: SITE_DIRECTORY, useValue: reference.sites },
        { provide: IMPORT_MAX_BYTES, useValue: config.IMPORT_MAX_BYTES },
        withPool(LegacyImportsRepository, (pool) => new LegacyImportsRepository(pool)),
        withPool(LegacyListReader, (pool) => new StreamedListReader(pool)),
        {
          provide: LegacyUploadsService,
          inject: [LegacyListReader],
          useFactory: (reader: LegacyListReader) =>
            new LegacyUploadsService(reader, reference, loadMappingPresets(), {
              firstVaccinationDay: config.FIRST_VACCINATION_DAY,
              today,
            }),
        },
        withPool(ProgressQuery, (pool) => new ProgressQuery(pool)),
        withPool(
          BulkAnswersService,
          (pool) => new BulkAnswersService(new Inbox(pool, SERVICE_NAME), new VerificationRepository(pool)),
        ),
        withPool(
          DoseOutcomesService,
          (pool) =>
            new DoseOutcomesService(
              new Inbox(pool, SERVICE_NAME),
              new DoseQueueRepository(pool),
              new WorklistsRepository(pool),
              today,
            ),
        ),
        { provide: Campaigns, inject: [PG_POOL], useFactory: (pool: Pool) => new CampaignsRepository(pool) },
        {
          provide: CampaignWorkflows,
          inject: [TemporalConnection],
          useFactory: (temporal: TemporalConnection) =>
            new TemporalCampaignWorkflows(temporal, config.TEMPORAL_TASK_QUEUE),
        },
        {
          provide: CampaignService,
          inject: [Campaigns, CampaignWorkflows],
          useFactory: (campaigns: Campaigns, workflows: CampaignWorkflows) =>
            new CampaignService(campaigns, workflows, {
              chunkSize: config.CAMPAIGN_CHUNK_SIZE,
              maxInFlight: config.CAMPAIGN_MAX_IN_FLIGHT,
              worklistDueDays: config.WORKLIST_DUE_DAYS,
            }),
        },
        {
          provide: WorklistService,
          inject: [WorklistItems, CampaignService],
          useFactory: (items: WorklistItems, campaigns: CampaignService) =>
            new WorklistService(items, (id) => campaigns.signal(id, 'changes')),
        },
        withPool(WorklistItems, (pool) => new PostgresWorklistItems(pool)),
        withPool(
          UnitWorklistsService,
          (pool) => new UnitWorklistsService(new PostgresUnitWorklists(pool), reference.sites),
        ),
        {
          provide: IdentityChoiceService,
          inject: [IdentityChoices, CampaignService],
          useFactory: (choices: IdentityChoices, campaigns: CampaignService) =>
            new IdentityChoiceService(choices, (id) => campaigns.signal(id, 'changes')),
        },
        withPool(IdentityChoices, (pool) => new PostgresIdentityChoices(pool)),
        {
          provide: MergeProposalsService,
          inject: [MergeProposals, CampaignService],
          useFactory: (proposals: MergeProposals, campaigns: CampaignService) =>
            new MergeProposalsService(proposals, (id) => campaigns.signal(id, 'changes')),
        },
        withPool(MergeProposals, (pool) => new PostgresMergeProposals(pool)),
        {
          provide: ListSigner,
          useFactory: () => ListSigner.fromConfiguration(config.ATTESTATION_KEY_FILE, config.ATTESTATION_DEV_KEY_FILE),
        },
        {
          provide: ListAttestationService,
          inject: [EVENT_STORE, MatchedDoses, ListSigner],
          useFactory: (store: EventStore, matched: MatchedDoses, signer: ListSigner) =>
            new ListAttestationService(store, matched, reference.sites, signer),
        },
        { provide: MatchedDoses, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresMatchedDoses(pool) },
      ],
    };
  }
}
