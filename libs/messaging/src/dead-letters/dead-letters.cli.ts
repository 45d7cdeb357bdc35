#!/usr/bin/env node
/**
 * Operator command for the dead-letter topic.
 *   npm run dead-letters -- list [--brokers host:port]
 *   npm run dead-letters -- replay <partition:offset> [--brokers host:port]
 * Prints JSON lines; message values are printed as stored (they hold personal data: keep the output
 * off shared channels).
 */
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { readDeadLetters, replayDeadLetter } from './dead-letter.reader';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' } },
  });
  const kafka = new Kafka({
    clientId: 'dead-letters-cli',
    brokers: values.brokers!.split(','),
    logLevel: logLevel.ERROR,
  });
  const [command, id] = positionals;
  const letters = await readDeadLetters(kafka);
  if (command === 'list') {
    for (const letter of letters) process.stdout.write(`${JSON.stringify(letter)}\n`);
    process.stderr.write(`${letters.length} dead letter(s)\n`);
    return 0;
  }
  if (command === 'replay' && id) {
    const letter = letters.find((l) => l.id === id);
    if (!letter) {
      process.stderr.write(`no dead letter ${id} (see: list)\n`);
      return 1;
    }
    await replayDeadLetter(kafka, letter);
    process.stdout.write(`${JSON.stringify({ replayed: id, to: letter.originalTopic })}\n`);
    return 0;
  }
  process.stderr.write('usage: dead-letters list | replay <partition:offset> [--brokers host:port]\n');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dead-letters: ${String(error)}\n`);
    process.exit(1);
  },
);
