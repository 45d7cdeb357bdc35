import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type BulkVerificationRequested, IdentityBulkRequestsV1, type PublicMessage } from '@vax/contracts';
import { BulkVerificationService } from '../../application/bulk-verification.service';

/**
 * Batches from the reconciliation campaign. Idempotent without an inbox: a batch is its own stream,
 * so a redelivered batch finds its results recorded and changes nothing.
 */
@Controller()
export class BulkRequestsKafkaConsumer {
  constructor(@Inject(BulkVerificationService) private readonly bulk: BulkVerificationService) {}

  @EventPattern(IdentityBulkRequestsV1.topic)
  async onBulkRequest(@Payload() raw: unknown): Promise<void> {
    const message = IdentityBulkRequestsV1.parse(raw) as PublicMessage<BulkVerificationRequested>;
    const { batchId, records } = message.payload;
    await this.bulk.verifyBatch(batchId, records, message.actor, message.correlationId);
  }
}
