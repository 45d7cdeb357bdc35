import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CampaignEventsV1, type LegacyDoseMatched, type MatchedListAttested } from '@vax/contracts';
import { CampaignListAttestationService } from '../../application/campaign-list-attestation.service';
import { LegacyDoseImportService } from '../../application/legacy-dose-import.service';

/**
 * Doses the reconciliation campaign matched in bulk, and the lists of them its units signed. No
 * inbox: the record remembers each dose id in the same append as the dose, and an attestation is
 * its own stream, so a redelivered message changes nothing.
 */
@Controller()
export class CampaignEventsKafkaConsumer {
  constructor(
    @Inject(LegacyDoseImportService) private readonly legacy: LegacyDoseImportService,
    @Inject(CampaignListAttestationService) private readonly lists: CampaignListAttestationService,
  ) {}

  @EventPattern(CampaignEventsV1.topic)
  async onCampaignEvent(@Payload() raw: unknown): Promise<void> {
    const message = CampaignEventsV1.parse(raw);
    const meta = { correlationId: message.correlationId, causationId: message.eventId };
    if (message.type === 'MatchedListAttested')
      await this.lists.record(message.payload as MatchedListAttested, message.actor, meta);
    else await this.legacy.import(message.payload as LegacyDoseMatched, message.actor, meta);
  }
}
