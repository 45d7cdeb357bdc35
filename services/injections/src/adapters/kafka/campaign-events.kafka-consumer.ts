import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CampaignEventsV1, type LegacyDoseMatched, type MatchedListAttested } from '@vax/contracts';
import { BatchEventPattern } from '@vax/messaging';
import { CampaignListAttestationService } from '../../application/campaign-list-attestation.service';
import { LegacyDoseImportService, type MatchedDoseMessage } from '../../application/legacy-dose-import.service';

/**
 * Doses the reconciliation campaign matched in bulk, and the lists of them its units signed, taken
 * in batches: a run of matched doses goes into the records in one transaction. No inbox: the record
 * remembers each dose id in the same append as the dose, and an attestation is its own stream, so a
 * redelivered message (or batch) changes nothing.
 */
@Controller()
export class CampaignEventsKafkaConsumer {
  constructor(
    @Inject(LegacyDoseImportService) private readonly legacy: LegacyDoseImportService,
    @Inject(CampaignListAttestationService) private readonly lists: CampaignListAttestationService,
  ) {}

  @BatchEventPattern(CampaignEventsV1.topic)
  async onCampaignEvents(@Payload() raws: unknown[]): Promise<void> {
    const messages = raws.map((raw) => CampaignEventsV1.parse(raw));
    let doses: MatchedDoseMessage[] = [];
    const flush = async () => {
      if (doses.length > 0) await this.legacy.importMany(doses);
      doses = [];
    };
    for (const message of messages) {
      const meta = { correlationId: message.correlationId, causationId: message.eventId };
      if (message.type !== 'MatchedListAttested')
        doses.push({ dose: message.payload as LegacyDoseMatched, actor: message.actor, meta });
      else {
        await flush(); // a list attests doses sent before it
        await this.lists.record(message.payload as MatchedListAttested, message.actor, meta);
      }
    }
    await flush();
  }
}
