import type { BulkVerificationCompleted } from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import type { VerificationRepository } from './verification.repository';

/**
 * Stores identity's answers to the campaign's bulk requests, once per message (inbox in the same
 * transaction): the durable table a waiting chunk looks at. Answers to other callers' batches are
 * passed over.
 */
export class BulkAnswersService {
  constructor(
    private readonly inbox: Inbox,
    private readonly verification: VerificationRepository,
  ) {}

  async onCompleted(messageId: string, completed: BulkVerificationCompleted): Promise<void> {
    await this.inbox.runOnce(messageId, async (tx) => {
      await this.verification.recordAnswers(tx, completed.batchId, completed.results);
    });
  }
}
