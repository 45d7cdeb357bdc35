import { v7 as uuidv7 } from 'uuid';
import { type Decider, type DomainEvent, fold } from './decider';
import type { EventMetadata, NewEvent } from './event-envelope';
import {
  type AppendOptions,
  type EventStore,
  type ExpectedRevision,
  WrongExpectedRevisionError,
} from './event-store.port';
import { UpcasterChain } from './upcasting';

export interface HandleOptions {
  /**
   * The stream is new (its id was just generated): skip the first load and append with 'no_stream'.
   * If it exists after all, the conflict falls back to the usual reload.
   */
  newStream?: boolean;
  /** Attempts after a conflict, each reloading the stream (another writer won the race). */
  maxRetries?: number;
  upcasters?: UpcasterChain;
  /** How durable the append must be before it is acknowledged (AppendOptions). */
  durability?: AppendOptions['durability'];
}

export interface HandleResult<State, Event extends DomainEvent> {
  state: State;
  events: Event[];
  /** Revision of the stream after the append (unchanged when the command caused no event). */
  revision: bigint | 'no_stream';
}

const NO_UPCASTERS = new UpcasterChain();

/**
 * Load, fold, decide, append with the expected revision; on a conflict, reload and decide again.
 * Never overwrites: a command that no longer applies after the reload fails in `decide` as it should.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  stream: string,
  command: Command,
  metadata: EventMetadata,
  { maxRetries = 5, upcasters = NO_UPCASTERS, newStream = false, durability }: HandleOptions = {},
): Promise<HandleResult<State, Event>> {
  for (let attempt = 0; ; attempt++) {
    const recorded = newStream && attempt === 0 ? [] : (await store.readStream(stream)).map((e) => upcasters.upcast(e));
    const state = fold(decider, recorded as unknown as Event[]);
    const current: bigint | 'no_stream' = recorded.length ? recorded[recorded.length - 1].revision : 'no_stream';
    const events = decider.decide(command, state);
    if (events.length === 0) return { state, events, revision: current };
    try {
      const expected: ExpectedRevision = current;
      const result = await store.append(
        stream,
        events.map((e) => toNewEvent(e, metadata, upcasters)),
        expected,
        { durability },
      );
      return { state: events.reduce(decider.evolve, state), events, revision: result.nextExpectedRevision };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxRetries) throw error;
    }
  }
}

function toNewEvent<E extends DomainEvent>(event: E, metadata: EventMetadata, upcasters: UpcasterChain): NewEvent<E> {
  return {
    id: uuidv7(),
    type: event.type,
    schemaVersion: upcasters.currentVersion(event.type),
    data: event.data,
    metadata,
  };
}
