import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type BulkVerificationCompleted, IdentityEventsV1 } from '@vax/contracts';
import { BulkAnswersService } from '../../application/bulk-answers.service';

/** identity.events.v1: only the answers to bulk requests concern the campaign; the rest pass by. */
@Controller()
export class IdentityAnswersKafkaConsumer {
  constructor(@Inject(BulkAnswersService) private readonly answers: BulkAnswersService) {}

  @EventPattern(IdentityEventsV1.topic)
  async onIdentityEvent(@Payload() raw: unknown): Promise<void> {
    if ((raw as { type?: unknown })?.type !== 'BulkVerificationCompleted') return;
    const message = IdentityEventsV1.parse(raw);
    await this.answers.onCompleted(message.eventId, message.payload as BulkVerificationCompleted);
  }
}
