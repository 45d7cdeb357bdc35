import type { Inbox } from '@vax/messaging';
import type { RegistryAnswer, VerificationRepository } from './verification.repository';

/**
 * Stores identity's answers to the campaign's bulk requests (v1, or v2 with review candidates), once per message (inbox in the same
 * transaction): the durable table a waiting chunk looks at. Answers to other callers' batches are
 * passed over.
 */
export class BulkAnswersService {
  constructor(
    private readonly inbox: Inbox,
    private readonly verification: VerificationRepository,
  ) {}

  async onCompleted(messageId: string, completed: { batchId: string; results: RegistryAnswer[] }): Promise<void> {
    await this.inbox.runOnce(messageId, async (tx) => {
      await this.verification.recordAnswers(tx, completed.batchId, completed.results);
    });
  }
}
