/**
 * The contract check of the reconciliation campaign's two bulk messages, per record: JSON.parse
 * alone (the floor), the class-validator path (class-transformer instances, nested validation) and
 * Contract.parse (a check compiled from the same classes; class-validator only for a refusal).
 *   npm run bench:contracts     (BENCH_RECORDS=2000 BENCH_SECONDS=2)
 */
import { IdentityBulkRequestsV1, IdentityEventsV1 } from '@vax/contracts';
import { parseWithClasses } from '../libs/contracts/src/class-validator-parse';
import { fmt, machine, runBenchmark } from './bench-support';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

const envelope = (type: string, payload: object) => ({
  eventId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a',
  type,
  aggregateId: 'batch-0001',
  occurredAt: '2021-11-05T02:30:00.000Z',
  correlationId: 'campaign-LC-2021/chunk-0001',
  causationId: null,
  actor: { id: 'campaign-worker', role: 'system', scope: 'province:LC' },
  payload,
});

const request = envelope('BulkVerificationRequested', {
  batchId: 'batch-0001',
  records: Array.from({ length: RECORDS }, (_, i) => ({
    recordId: `LC-TD-01/2021/${i}`,
    ...(i % 10 === 0 ? {} : { idNumber: String(12203004567 + i).padStart(12, '0') }),
    fullName: i % 3 === 0 ? 'Lò Văn Páo' : 'Nguyễn Thị Hồng Nhung',
    dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    gender: i % 2 === 0 ? 'male' : 'female',
  })),
});

const CLASSES = ['matched', 'mismatched', 'not-found', 'ambiguous', 'invalid-id'] as const;
const completed = envelope('BulkVerificationCompleted', {
  batchId: 'batch-0001',
  completedAt: '2021-11-05T02:30:05.000Z',
  results: Array.from({ length: RECORDS }, (_, i) => {
    const result = CLASSES[i % 7 < 4 ? 0 : i % CLASSES.length];
    return {
      recordId: `LC-TD-01/2021/${i}`,
      result,
      ...(result === 'matched' || result === 'mismatched' ? { personId: `person-${i}` } : {}),
      differences: result === 'mismatched' ? [{ field: 'fullName', kind: 'accents-only' }] : [],
    };
  }),
});

/** µs per record of `op` on the message's JSON text, over about SECONDS seconds after a warm-up. */
function perRecord(text: string, op: (text: string) => unknown): number {
  for (let i = 0; i < 3; i++) op(text);
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    op(text);
    runs += 1;
  }
  return ((performance.now() - started) * 1000) / runs / RECORDS;
}

function measureMessage(name: string, message: object, contract: typeof IdentityEventsV1): void {
  const text = JSON.stringify(message);
  const floor = perRecord(text, (t) => JSON.parse(t));
  const old = perRecord(text, (t) => parseWithClasses(contract.topic, contract.payloads, JSON.parse(t)));
  const now = perRecord(text, (t) => contract.parse(JSON.parse(t)));
  console.log(
    `| ${name} | ${fmt(floor, 2)} | ${fmt(old, 2)} | ${fmt(now, 2)} | ${fmt(old / now, 1)}× | ${fmt(now / floor, 2)} |`,
  );
}

async function main(): Promise<void> {
  console.log(`contract parse, ${RECORDS} records a message, ${machine()}`);
  console.log(
    '| message | JSON.parse µs/record | class-validator µs/record | Contract.parse µs/record | speed-up | ratio to JSON.parse |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  measureMessage('BulkVerificationRequested', request, IdentityBulkRequestsV1 as never);
  measureMessage('BulkVerificationCompleted', completed, IdentityEventsV1 as never);
}

runBenchmark(main);
