import { Kafka, logLevel } from 'kafkajs';

export const KAFKA = Symbol('KAFKA');

/** Retries kept short for admin and health use; consumers and producers set their own. */
export function kafkaFor(clientId: string, brokers: string[]): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 1_500,
    requestTimeout: 3_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
}
