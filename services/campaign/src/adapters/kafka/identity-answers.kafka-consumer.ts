import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type BulkLinkageCompleted,
  type BulkVerificationCompleted,
  IdentityBulkResultsV2,
  IdentityEventsV1,
} from '@vax/contracts';
import { BulkAnswersService } from '../postgres/bulk-answers.service';

/**
 * identity.bulk-results.v2: the answers to the campaign's bulk requests, rows to review with their
 * candidates. identity.events.v1: only the answers to batches sent before v2 concern the campaign.
 */
@Controller()
export class IdentityAnswersKafkaConsumer {
  constructor(@Inject(BulkAnswersService) private readonly answers: BulkAnswersService) {}

  @EventPattern(IdentityBulkResultsV2.topic)
  async onBulkResults(@Payload() raw: unknown): Promise<void> {
    const message = IdentityBulkResultsV2.parse(raw);
    await this.answers.onCompleted(message.eventId, message.payload as BulkLinkageCompleted);
  }

  @EventPattern(IdentityEventsV1.topic)
  async onIdentityEvent(@Payload() raw: unknown): Promise<void> {
    if ((raw as { type?: unknown })?.type !== 'BulkVerificationCompleted') return;
    const message = IdentityEventsV1.parse(raw);
    await this.answers.onCompleted(message.eventId, message.payload as BulkVerificationCompleted);
  }
}
