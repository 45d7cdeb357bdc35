import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type LegacyDoseImported, LegacyDoseOutcomesV1, type LegacyDoseRefused } from '@vax/contracts';
import { BatchEventPattern } from '@vax/messaging';
import { type DoseOutcome, DoseOutcomesService } from '../postgres/dose-outcomes.service';

/** injections.legacy-dose-outcomes.v1: what became of each matched dose sent to the records, in batches. */
@Controller()
export class DoseOutcomesKafkaConsumer {
  constructor(@Inject(DoseOutcomesService) private readonly outcomes: DoseOutcomesService) {}

  @BatchEventPattern(LegacyDoseOutcomesV1.topic)
  async onOutcomes(@Payload() raws: unknown[]): Promise<void> {
    await this.outcomes.onOutcomes(
      raws.map((raw): DoseOutcome => {
        const message = LegacyDoseOutcomesV1.parse(raw);
        return message.type === 'LegacyDoseRefused'
          ? { messageId: message.eventId, type: message.type, payload: message.payload as LegacyDoseRefused }
          : { messageId: message.eventId, type: 'LegacyDoseImported', payload: message.payload as LegacyDoseImported };
      }),
    );
  }
}
