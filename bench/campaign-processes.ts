import { readFileSync, readdirSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { KAFKA_BROKERS, startGroupsAtEnd } from './bench-support';

const CAMPAIGN_TOPICS = ['campaign.events.v1', 'injections.legacy-dose-outcomes.v1'];

/**
 * Kafka for a benchmark's own consumer groups: the campaign's topics exist (6 partitions, as
 * deploy/kafka/topics.json should list them), and each fresh group starts at the end of every topic.
 */
export async function prepareKafka(groups: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'campaign-bench', brokers: KAFKA_BROKERS, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = CAMPAIGN_TOPICS.filter((t) => !existing.has(t));
    if (missing.length > 0)
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: 6, replicationFactor: 1 })),
      });
  } finally {
    await admin.disconnect();
  }
  await startGroupsAtEnd(groups);
}

/** CPU seconds (user + system) a process has used, from /proc: what each part of the path costs. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
  } catch {
    return 0;
  }
}

/** Every running process whose command line contains the text (PostgreSQL's backends, Kafka's JVM). */
export function pidsOf(text: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** CPU used by groups of processes between two moments. */
export function cpuMeter(groups: Record<string, () => number[]>) {
  const read = () =>
    Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [name, pids().reduce((s, p) => s + cpuSeconds(p), 0)]),
    );
  const start = read();
  return () => {
    const end = read();
    return Object.fromEntries(Object.keys(groups).map((name) => [name, end[name] - start[name]])) as Record<
      string,
      number
    >;
  };
}
