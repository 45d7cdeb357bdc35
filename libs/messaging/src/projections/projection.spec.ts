import type { RecordedEvent } from '@vax/event-sourcing';
import type { PoolClient } from 'pg';
import { applyInRuns } from './projection';

const event = (type: string, n: number) => ({ type, data: { n } }) as unknown as RecordedEvent;
const tx = {} as PoolClient;

describe('applyInRuns: runs of bulk events in one write, the others one by one, in log order', () => {
  const trace = async (events: RecordedEvent[], ignored?: (e: RecordedEvent) => boolean) => {
    const calls: string[] = [];
    await applyInRuns(
      tx,
      't',
      events,
      (e): e is RecordedEvent => e.type === 'Dose',
      async (_tx, _table, run) => void calls.push(`run ${run.map((e) => (e.data as { n: number }).n).join(',')}`),
      async (_tx, _table, e) => void calls.push(`${e.type} ${(e.data as { n: number }).n}`),
      ignored,
    );
    return calls;
  };
  const log = [event('Dose', 1), event('Answer', 2), event('Dose', 3), event('Correction', 4), event('Dose', 5)];

  it('ends a run at any other event', async () => {
    expect(await trace(log)).toEqual(['run 1', 'Answer 2', 'run 3', 'Correction 4', 'run 5']);
  });

  it('passes over the events the projection ignores without ending the run', async () => {
    expect(await trace(log, (e) => e.type === 'Answer')).toEqual(['run 1,3', 'Correction 4', 'run 5']);
  });
});
