import { InvalidMessageError } from './contract';
import { PlatformDiagnosticsV1 } from './platform/platform-diagnostics.v1';

const valid = {
  eventId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a',
  type: 'PipesPingSent',
  aggregateId: 'ping-1',
  occurredAt: '2021-11-05T02:30:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'operator-1', role: 'operator', scope: 'province:LC' },
  payload: { from: 'identity', sentAt: '2021-11-05T02:30:00.000Z' },
};

function problemsOf(raw: unknown) {
  try {
    PlatformDiagnosticsV1.parse(raw);
  } catch (error) {
    if (error instanceof InvalidMessageError) return error.problems;
    throw error;
  }
  throw new Error('expected the message to be rejected');
}

describe('a contract validates the messages of its topic', () => {
  it('accepts a message that meets the envelope and its payload', () => {
    expect(PlatformDiagnosticsV1.parse(valid)).toMatchObject({ type: 'PipesPingSent', payload: { from: 'identity' } });
  });

  it('names each broken envelope field and rule', () => {
    expect(problemsOf({ ...valid, eventId: 'x', occurredAt: '5 Nov' })).toEqual(
      expect.arrayContaining([
        { field: 'eventId', rule: 'isUuid' },
        { field: 'occurredAt', rule: 'isIso8601' },
      ]),
    );
  });

  it('names a broken payload field with its path', () => {
    expect(problemsOf({ ...valid, payload: { from: 'Identity!', sentAt: valid.occurredAt } })).toEqual([
      { field: 'payload.from', rule: 'matches' },
    ]);
  });

  it('refuses unknown payload fields (a producer on a newer contract must publish a new version)', () => {
    expect(problemsOf({ ...valid, payload: { ...valid.payload, extra: 1 } })).toEqual([
      { field: 'payload.extra', rule: 'whitelistValidation' },
    ]);
  });

  it('refuses an event type the topic does not carry', () => {
    expect(problemsOf({ ...valid, type: 'DoseRecorded' })).toEqual([
      { field: 'type', rule: 'unknown event type on platform.diagnostics.v1' },
    ]);
  });

  it('refuses what is not a message at all', () => {
    expect(problemsOf('{"this is": not json').length).toBeGreaterThan(0);
  });
});
