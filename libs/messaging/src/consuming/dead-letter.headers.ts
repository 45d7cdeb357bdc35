/** Headers a dead letter carries besides the original message's own. */
export const DEAD_LETTER_HEADERS = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  error: 'dlq-error',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
  replayedFrom: 'dlq-replayed-from',
} as const;

export const DEAD_LETTER_TOPIC = 'platform.dead-letter.v1';
