import { Kafka, logLevel } from 'kafkajs';

/**
 * Commits the end of every partition of every topic as the starting point of each consumer group,
 * before any of their processes joins.
 *
 * Test runs share the broker's topics, and a new group reads from the beginning (as a new service
 * must). Other runs' messages would then reach this run's services: with person ids that every
 * synthetic population reuses (P000000011 is someone else, in another district, in another run), a
 * person's district, doses and certificate would change as that history replays.
 *
 * One short-lived member per group commits the ends, then leaves: admin.setOffsets joins the group
 * once per topic, which takes minutes on a broker that tests have filled with topics.
 */
export async function startConsumerGroupsAtTheEnd(
  brokers: string[],
  groups: readonly string[],
  clientId = 'test-groups',
): Promise<void> {
  const kafka = new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  let ends: { topic: string; partition: number; offset: string }[];
  let topics: string[];
  try {
    topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    ends = (
      await Promise.all(
        topics.map(async (topic) =>
          (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: p.high })),
        ),
      )
    ).flat();
  } finally {
    await admin.disconnect();
  }
  await Promise.all(
    [...new Set(groups)].map(async (groupId) => {
      const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
      await consumer.connect();
      try {
        const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
        await consumer.subscribe({ topics, fromBeginning: false });
        await consumer.run({ autoCommit: false, eachBatch: async () => undefined });
        await joined;
        await consumer.commitOffsets(ends);
      } finally {
        await consumer.disconnect();
      }
    }),
  );
}
