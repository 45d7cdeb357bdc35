import { InvalidMessageError } from './contract';
import { InjectionsEventsV1 } from './injections/injections-events.v1';
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

function problemsOf(raw: unknown, contract: { parse(raw: unknown): unknown } = PlatformDiagnosticsV1) {
  try {
    contract.parse(raw);
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

describe('a consumer that acts on some of a topic’s types', () => {
  const envelope = { ...valid, aggregateId: 'LC-TD-01' };
  // As injections publishes it: `recordIds` carries @IsReference() without `each`, so injections.events.v1
  // refuses every RecordsAttested (a defect of the published v1, fixed only by a new version).
  const attested = {
    ...envelope,
    type: 'RecordsAttested',
    payload: {
      attestationId: 'att-1',
      siteId: 'LC-TD-01',
      recordIds: ['p-1/1', 'p-2/1'],
      attestedBy: 'head-LC-TD-01',
      contentSha256: 'a'.repeat(64),
      attestedAt: '2021-11-05T10:00:00.000Z',
    },
  };
  const doses = new Set(['DoseRecorded'] as const);

  it('passes over a type it does not handle without judging its payload', () => {
    expect(problemsOf(attested, InjectionsEventsV1)).toEqual([
      { field: 'payload.recordIds', rule: 'isString' },
      { field: 'payload.recordIds', rule: 'maxLength' },
    ]);
    expect(InjectionsEventsV1.parseHandled(attested, doses)).toBeNull();
  });

  it('still judges every type it handles', () => {
    const broken = { ...envelope, type: 'DoseRecorded', payload: { recordId: 'p-1/1' } };
    expect(() => InjectionsEventsV1.parseHandled(broken, doses)).toThrow(InvalidMessageError);
  });

  it('still refuses a type the topic does not carry', () => {
    expect(() => InjectionsEventsV1.parseHandled({ ...envelope, type: 'PipesPingSent' }, doses)).toThrow(
      InvalidMessageError,
    );
  });
});
