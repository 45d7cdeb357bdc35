import {
  type BulkLinkageRequested,
  type BulkRecordV2,
  CampaignEventsV1,
  IdentityBulkRequestsV2,
  type LegacyDoseMatched,
  type LinkageCandidate,
} from '@vax/contracts';
import { Inbox, type MessageSink, type OutgoingMessage } from '@vax/messaging';
import type { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { BulkAnswersService } from './bulk-answers.service';
import { VerificationRepository } from './verification.repository';

type Answer = {
  result: 'matched' | 'mismatched' | 'not-found' | 'ambiguous' | 'invalid-id';
  personId?: string;
  differences?: { field: string; kind: string }[];
  candidates?: LinkageCandidate[];
};

/**
 * Stands in for Kafka and the identity service: a bulk request (v2) is answered by a rule per record (as
 * identity would, through the campaign's real consumer code and inbox); dose messages are kept.
 */
export class FakeIdentityOverSink implements MessageSink {
  readonly doses: LegacyDoseMatched[] = [];
  readonly requests: BulkLinkageRequested[] = [];
  private readonly answers: BulkAnswersService;

  constructor(
    pool: Pool,
    private readonly answer: (record: BulkRecordV2) => Answer,
  ) {
    this.answers = new BulkAnswersService(new Inbox(pool, 'campaign'), new VerificationRepository(pool));
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    for (const { message } of messages) {
      if (message.type === 'BulkLinkageRequested') {
        const request = IdentityBulkRequestsV2.parse(JSON.parse(JSON.stringify(message)))
          .payload as BulkLinkageRequested;
        this.requests.push(request);
        const results = request.records.map((r) => ({ recordId: r.recordId, differences: [], ...this.answer(r) }));
        setTimeout(
          () =>
            void this.answers.onCompleted(randomUUID(), {
              batchId: request.batchId,
              results,
            }),
          20,
        );
      } else this.doses.push(CampaignEventsV1.parse(JSON.parse(JSON.stringify(message))).payload as LegacyDoseMatched);
    }
  }

  async close(): Promise<void> {}
}
