import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type CertificateIssued, CertificationEventsV1 } from '@vax/contracts';
import { IssuedCertificatesRepository } from '../postgres/issued-certificates.repository';

/** Keeps the certificates certification issues, for complaints waiting on a reissue. Idempotent by certificate id. */
@Controller()
export class CertificationEventsKafkaConsumer {
  constructor(@Inject(IssuedCertificatesRepository) private readonly certificates: IssuedCertificatesRepository) {}

  @EventPattern(CertificationEventsV1.topic)
  async onCertificationEvent(@Payload() raw: unknown): Promise<void> {
    const message = CertificationEventsV1.parse(raw);
    if (message.type !== 'CertificateIssued') return; // revocations: nothing a complaint waits for
    const { certificateId, personId, issuedAt, replaces } = message.payload as CertificateIssued;
    await this.certificates.record({ certificateId, personId, issuedAt, replaces: replaces ?? null });
  }
}
