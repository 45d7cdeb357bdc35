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
  /**
   * Names this command once (e.g. a workflow step's `complaint-<id>/<n>:<step>`); its events carry
   * it as their causationId. A command whose key is already on the stream is not decided again: the
   * answer is the state its events left, and nothing is written, so a retried step writes nothing twice.
   */
  idempotencyKey?: string;
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
 * `command` may be built from the folded state on each attempt (e.g. a certificate signed for the
 * state it is decided on), and `metadata` from the command.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  stream: string,
  command: Command | ((state: State) => Command),
  metadata: EventMetadata | ((command: Command) => EventMetadata),
  { maxRetries = 5, upcasters = NO_UPCASTERS, newStream = false, durability, idempotencyKey }: HandleOptions = {},
): Promise<HandleResult<State, Event>> {
  for (let attempt = 0; ; attempt++) {
    const recorded = newStream && attempt === 0 ? [] : (await store.readStream(stream)).map((e) => upcasters.upcast(e));
    const current: bigint | 'no_stream' = recorded.length ? recorded[recorded.length - 1].revision : 'no_stream';
    const answered = idempotencyKey === undefined ? -1 : lastCausedBy(recorded, idempotencyKey);
    if (answered >= 0)
      return {
        state: fold(decider, recorded.slice(0, answered + 1) as unknown as Event[]),
        events: [],
        revision: current,
      };
    const state = fold(decider, recorded as unknown as Event[]);
    const decided = typeof command === 'function' ? (command as (state: State) => Command)(state) : command;
    const events = decider.decide(decided, state);
    if (events.length === 0) return { state, events, revision: current };
    const meta = typeof metadata === 'function' ? metadata(decided) : metadata;
    const stamped = idempotencyKey === undefined ? meta : { ...meta, causationId: idempotencyKey };
    try {
      const expected: ExpectedRevision = current;
      const result = await store.append(
        stream,
        events.map((e) => toNewEvent(e, stamped, upcasters)),
        expected,
        { durability },
      );
      return { state: events.reduce(decider.evolve, state), events, revision: result.nextExpectedRevision };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxRetries) throw error;
    }
  }
}

export function toNewEvent<E extends DomainEvent>(
  event: E,
  metadata: EventMetadata,
  upcasters: UpcasterChain,
): NewEvent<E> {
  return {
    id: uuidv7(),
    type: event.type,
    schemaVersion: upcasters.currentVersion(event.type),
    data: event.data,
    metadata,
  };
}

/** The position of the last event the command with this key caused; -1 if it caused none yet. */
function lastCausedBy(recorded: readonly { metadata: { causationId: string | null } }[], key: string): number {
  for (let i = recorded.length - 1; i >= 0; i--) if (recorded[i].metadata.causationId === key) return i;
  return -1;
}
