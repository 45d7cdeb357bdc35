import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ComplaintsEventsV1 } from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import { PersonAccessStore } from '@vax/platform';
import { CERTIFICATION_INBOX } from './injections-events.kafka-consumer';

/** Which unit holds which citizen's open complaint: its staff may read the citizen's certificate meanwhile. */
@Controller()
export class ComplaintsEventsKafkaConsumer {
  constructor(
    @Inject(CERTIFICATION_INBOX) private readonly inbox: Inbox,
    @Inject(PersonAccessStore) private readonly access: PersonAccessStore,
  ) {}

  @EventPattern(ComplaintsEventsV1.topic)
  async onComplaintEvent(@Payload() raw: unknown): Promise<void> {
    const message = ComplaintsEventsV1.parse(raw);
    await this.inbox.runOnce(message.eventId, (tx) => this.access.apply(message, tx));
  }
}
