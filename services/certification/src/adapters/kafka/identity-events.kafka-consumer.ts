import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityEventsV1, type IdentityVerified } from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import { PersonAccessStore } from '@vax/platform';
import { CertificationService } from '../../application/certification.service';
import { CERTIFICATION_INBOX, sourceOf } from './injections-events.kafka-consumer';

/**
 * A certificate names its holder as the identity check confirmed them. Only the name and date of
 * birth are kept (in the person's certification stream); the ID number is not, and never reaches a
 * certificate or a log.
 */
@Controller()
export class IdentityEventsKafkaConsumer {
  constructor(
    @Inject(CERTIFICATION_INBOX) private readonly inbox: Inbox,
    @Inject(CertificationService) private readonly certification: CertificationService,
    @Inject(PersonAccessStore) private readonly access: PersonAccessStore,
  ) {}

  @EventPattern(IdentityEventsV1.topic)
  async onIdentityEvent(@Payload() raw: unknown): Promise<void> {
    const message = IdentityEventsV1.parse(raw);
    if (message.type !== 'IdentityVerified') return; // mismatches and bulk results name no holder
    await this.access.apply(message); // the unit that verified may read the certificate for a while (idempotent)
    const { personId, fullName, dateOfBirth } = message.payload as IdentityVerified;
    // Effect first (idempotent by message id), then the inbox record: see InjectionsEventsKafkaConsumer.
    await this.certification.identifyHolder(personId, { fullName, dateOfBirth }, sourceOf(message));
    await this.inbox.runOnce(message.eventId, async () => undefined);
  }
}
