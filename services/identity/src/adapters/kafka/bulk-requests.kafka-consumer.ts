import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type BulkLinkageRequested,
  type BulkVerificationRequested,
  IdentityBulkRequestsV1,
  IdentityBulkRequestsV2,
  type PublicMessage,
} from '@vax/contracts';
import { BulkVerificationService } from '../../application/bulk-verification.service';

/**
 * Batches from the reconciliation campaign (v1, and v2 with rows to search and review candidates). Idempotent without an inbox: a batch is its own stream,
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

  /** v2: rows without a number and with the list's address; answered on identity.bulk-results.v2. */
  @EventPattern(IdentityBulkRequestsV2.topic)
  async onLinkageRequest(@Payload() raw: unknown): Promise<void> {
    const message = IdentityBulkRequestsV2.parse(raw) as PublicMessage<BulkLinkageRequested>;
    const { batchId, records } = message.payload;
    await this.bulk.verifyBatch(batchId, records, message.actor, message.correlationId, 'v2');
  }
}
