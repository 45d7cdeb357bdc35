import { type ExpectedRevision, WrongExpectedRevisionError } from './event-store.port';

/** The rule every adapter applies before writing: does the stream's current revision meet the expectation? */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, actual: bigint | 'no_stream'): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 'no_stream') ||
    (expected === 'stream_exists' && actual !== 'no_stream') ||
    (typeof expected === 'bigint' && actual === expected);
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, actual);
}
