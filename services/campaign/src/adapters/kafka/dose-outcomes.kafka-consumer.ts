import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type LegacyDoseImported, LegacyDoseOutcomesV1, type LegacyDoseRefused } from '@vax/contracts';
import { DoseOutcomesService } from '../postgres/dose-outcomes.service';

/** injections.legacy-dose-outcomes.v1: what became of each matched dose sent to the records. */
@Controller()
export class DoseOutcomesKafkaConsumer {
  constructor(@Inject(DoseOutcomesService) private readonly outcomes: DoseOutcomesService) {}

  @EventPattern(LegacyDoseOutcomesV1.topic)
  async onOutcome(@Payload() raw: unknown): Promise<void> {
    const message = LegacyDoseOutcomesV1.parse(raw);
    if (message.type === 'LegacyDoseRefused')
      await this.outcomes.onRefused(message.eventId, message.payload as LegacyDoseRefused);
    else await this.outcomes.onImported(message.eventId, message.payload as LegacyDoseImported);
  }
}
