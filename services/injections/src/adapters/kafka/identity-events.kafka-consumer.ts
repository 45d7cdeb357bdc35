import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityEventsV1 } from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import { PersonAccessStore } from '@vax/platform';
import { VerificationFactsRepository } from '../postgres/verification-facts.repository';

export const INJECTIONS_INBOX = Symbol('INJECTIONS_INBOX');

type Payloads = {
  IdentityVerified: {
    verificationId: string;
    personId: string;
    verifiedAt: string;
    dateOfBirth: string;
    residenceDistrict?: string;
  };
  RegistryPopulationCounted: { countedAt: string; counts: { district: string; birthYear: number; people: number }[] };
  IdentityMismatched: { verificationId: string; personId?: string; checkedAt: string };
  IdentityNotFound: { verificationId: string; checkedAt: string };
  IdentityResultReviewed: { verificationId: string; outcome: 'confirmed' | 'overridden' };
};

/** Keeps the identity checks doses depend on, and the population coverage is measured against, each message applied once (inbox in the same transaction). */
@Controller()
export class IdentityEventsKafkaConsumer {
  constructor(
    @Inject(INJECTIONS_INBOX) private readonly inbox: Inbox,
    @Inject(VerificationFactsRepository) private readonly facts: VerificationFactsRepository,
    @Inject(PersonAccessStore) private readonly access: PersonAccessStore,
  ) {}

  @EventPattern(IdentityEventsV1.topic)
  async onIdentityEvent(@Payload() raw: unknown): Promise<void> {
    const message = IdentityEventsV1.parse(raw);
    await this.inbox.runOnce(message.eventId, async (tx) => {
      switch (message.type) {
        case 'IdentityVerified': {
          const p = message.payload as Payloads['IdentityVerified'];
          await this.access.apply(message, tx); // the unit that verified may read the person for a while
          await this.facts.recordPerson(tx, {
            personId: p.personId,
            birthYear: Number(p.dateOfBirth.slice(0, 4)),
            district: p.residenceDistrict ?? 'unknown',
          });
          return this.facts.recordResult(tx, {
            verificationId: p.verificationId,
            personId: p.personId,
            standing: 'verified',
            checkedAt: p.verifiedAt,
          });
        }
        case 'IdentityMismatched': {
          const p = message.payload as Payloads['IdentityMismatched'];
          return this.facts.recordResult(tx, {
            verificationId: p.verificationId,
            personId: p.personId ?? null,
            standing: 'mismatched',
            checkedAt: p.checkedAt,
          });
        }
        case 'IdentityNotFound': {
          const p = message.payload as Payloads['IdentityNotFound'];
          return this.facts.recordResult(tx, {
            verificationId: p.verificationId,
            personId: null,
            standing: 'not-found',
            checkedAt: p.checkedAt,
          });
        }
        case 'IdentityResultReviewed': {
          const p = message.payload as Payloads['IdentityResultReviewed'];
          if (p.outcome === 'overridden') await this.facts.markOverridden(tx, p.verificationId);
          return;
        }
        case 'RegistryPopulationCounted': {
          const p = message.payload as Payloads['RegistryPopulationCounted'];
          return this.facts.replacePopulation(tx, p.countedAt, p.counts);
        }
        default:
          return; // bulk results are the campaign's business
      }
    });
  }
}
