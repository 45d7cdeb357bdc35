#!/usr/bin/env node
// Creates every topic of deploy/kafka/topics.json that does not exist yet, with its partition count.
// Usage: create-topics.js <broker host:port>
'use strict';
const { Kafka, logLevel } = require('kafkajs');
const { topics } = require('../kafka/topics.json');

async function main() {
  const broker = process.argv[2] || '127.0.0.1:9092';
  const admin = new Kafka({ clientId: 'vax-topics', brokers: [broker], logLevel: logLevel.WARN, retry: { retries: 8 } }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await untilMetadataSettles(() => admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: 1,
          configEntries: t.retentionHours ? [{ name: 'retention.ms', value: String(t.retentionHours * 3_600_000) }] : [],
        })),
      }));
    }
    await verified(admin);
    process.stderr.write(`    topics: ${topics.length} present (${missing.length} created)\n`);
  } finally {
    await admin.disconnect();
  }
}

/** Every topic of the catalog exists with its partition count. */
async function verified(admin) {
  const described = await untilMetadataSettles(() => admin.fetchTopicMetadata({ topics: topics.map((t) => t.name) }));
  for (const t of topics) {
    const found = described.topics.find((d) => d.name === t.name);
    if (!found || found.partitions.length !== t.partitions) {
      throw new Error(`topic ${t.name} has ${found ? found.partitions.length : 0} partitions, the catalog says ${t.partitions}`);
    }
  }
}

/**
 * A topic just created can be missing from the broker's metadata for a moment ("This server does
 * not host this topic-partition", seen when adding one topic to a running broker), and kafkajs can
 * give up before it settles: ask again, for up to 30 s. (createTopics itself resolves to false for
 * a topic that exists already, so two starts racing each other are fine.)
 */
async function untilMetadataSettles(request) {
  const SETTLING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const type = error.type ?? error.originalError?.type ?? error.cause?.type;
      if (!SETTLING.has(type) || attempt >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

main().catch((error) => {
  process.stderr.write(`error: creating topics failed: ${error.message}\n`);
  process.exit(1);
});
