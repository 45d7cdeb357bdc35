import type { RecordedEvent } from '@vax/event-sourcing';
import { publicMessage, publicMessageOf } from './public-message.mapping';

const actor = { id: 'head-1', role: 'site-head', scope: 'site:LC-TD-01' };
const at = new Date('2021-12-01T08:00:00.000Z');

describe('the public-message envelope', () => {
  it('carries the time as ISO text and no causation when none is given', () => {
    expect(
      publicMessage({
        eventId: 'e-1',
        type: 'PipesPingSent',
        aggregateId: 'a-1',
        occurredAt: at,
        correlationId: 'c-1',
        actor,
        payload: { n: 1 },
      }),
    ).toEqual({
      eventId: 'e-1',
      type: 'PipesPingSent',
      aggregateId: 'a-1',
      occurredAt: '2021-12-01T08:00:00.000Z',
      correlationId: 'c-1',
      causationId: null,
      actor,
      payload: { n: 1 },
    });
  });

  it('for a stored event, keeps its id, time, correlation, causation and actor', () => {
    const event = {
      id: 'stored-1',
      metadata: { correlationId: 'c-2', causationId: 'm-9', actor, occurredAt: at },
    } as RecordedEvent;
    expect(publicMessageOf(event, 'DoseRecorded', 'P1', { doseNumber: 1 })).toEqual({
      eventId: 'stored-1',
      type: 'DoseRecorded',
      aggregateId: 'P1',
      occurredAt: '2021-12-01T08:00:00.000Z',
      correlationId: 'c-2',
      causationId: 'm-9',
      actor,
      payload: { doseNumber: 1 },
    });
  });
});
