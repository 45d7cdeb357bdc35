import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { DEAD_LETTER_HEADERS, DEAD_LETTER_TOPIC } from '../consuming/dead-letter.headers';

export interface DeadLetter {
  /** "<partition>:<offset>" in the dead-letter topic: what `replay` takes. */
  id: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  consumerGroup: string;
  error: string;
  attempts: number;
  failedAt: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** Reads the whole dead-letter topic as it is now (up to its current end), without committing anything. */
export async function readDeadLetters(kafka: Kafka): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(DEAD_LETTER_TOPIC);
  await admin.disconnect();
  const remaining = new Map(ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high)]));
  if (remaining.size === 0) return [];

  const consumer = kafka.consumer({ groupId: `dead-letter-reader-${randomUUID()}` });
  const letters: DeadLetter[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: DEAD_LETTER_TOPIC, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          letters.push(toDeadLetter(partition, message.offset, message.key, message.value, message.headers ?? {}));
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return letters.sort((a, b) => a.failedAt.localeCompare(b.failedAt));
}

function toDeadLetter(
  partition: number,
  offset: string,
  key: Buffer | null,
  value: Buffer | null,
  raw: Record<string, unknown>,
): DeadLetter {
  const headers = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('utf8') : String(v)]),
  );
  return {
    id: `${partition}:${offset}`,
    originalTopic: headers[DEAD_LETTER_HEADERS.originalTopic] ?? '',
    originalPartition: Number(headers[DEAD_LETTER_HEADERS.originalPartition]),
    originalOffset: headers[DEAD_LETTER_HEADERS.originalOffset] ?? '',
    consumerGroup: headers[DEAD_LETTER_HEADERS.consumerGroup] ?? '',
    error: headers[DEAD_LETTER_HEADERS.error] ?? '',
    attempts: Number(headers[DEAD_LETTER_HEADERS.attempts] ?? 0),
    failedAt: headers[DEAD_LETTER_HEADERS.failedAt] ?? '',
    key: key?.toString('utf8') ?? null,
    value: value?.toString('utf8') ?? '',
    headers,
  };
}

/**
 * Sends a dead letter back to its original topic, with its original key and headers, once the cause
 * is fixed. Every consumer group of that topic sees it again; their inboxes absorb it where it was
 * already applied.
 */
export async function replayDeadLetter(kafka: Kafka, letter: DeadLetter): Promise<void> {
  const original = Object.fromEntries(Object.entries(letter.headers).filter(([k]) => !k.startsWith('dlq-')));
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: letter.originalTopic,
      acks: -1,
      messages: [
        {
          key: letter.key,
          value: letter.value,
          headers: { ...original, [DEAD_LETTER_HEADERS.replayedFrom]: letter.id },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
}
