import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ComplaintsEventsV1 } from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import { PersonAccessStore } from '@vax/platform';
import { INJECTIONS_INBOX } from './identity-events.kafka-consumer';

/**
 * Which unit holds which citizen's open complaint: the staff of that unit may read the citizen's
 * record while they handle it (libs/platform's scope model). Each message applied once.
 */
@Controller()
export class ComplaintsEventsKafkaConsumer {
  constructor(
    @Inject(INJECTIONS_INBOX) private readonly inbox: Inbox,
    @Inject(PersonAccessStore) private readonly access: PersonAccessStore,
  ) {}

  @EventPattern(ComplaintsEventsV1.topic)
  async onComplaintEvent(@Payload() raw: unknown): Promise<void> {
    const message = ComplaintsEventsV1.parse(raw);
    await this.inbox.runOnce(message.eventId, (tx) => this.access.apply(message, tx));
  }
}
