import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CampaignEventsV1, type LegacyDoseMatched } from '@vax/contracts';
import { LegacyDoseImportService } from '../../application/legacy-dose-import.service';

/**
 * Doses the reconciliation campaign matched in bulk. No inbox: the record remembers each dose id in
 * the same append as the dose, so a redelivered message changes nothing. Attestations pass by.
 */
@Controller()
export class CampaignEventsKafkaConsumer {
  constructor(@Inject(LegacyDoseImportService) private readonly legacy: LegacyDoseImportService) {}

  @EventPattern(CampaignEventsV1.topic)
  async onCampaignEvent(@Payload() raw: unknown): Promise<void> {
    const message = CampaignEventsV1.parse(raw);
    if (message.type !== 'LegacyDoseMatched') return;
    const meta = { correlationId: message.correlationId, causationId: message.eventId };
    await this.legacy.import(message.payload as LegacyDoseMatched, message.actor, meta);
  }
}
