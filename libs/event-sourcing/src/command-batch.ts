import { type Decider, type DomainEvent, fold } from './decider';
import type { EventMetadata, RecordedEvent } from './event-envelope';
import { type AppendOptions, type EventStore, WrongExpectedRevisionError } from './event-store.port';
import { toNewEvent } from './command-handler';
import { UpcasterChain } from './upcasting';

/** One stream's commands in a batch, in the order they must be decided. */
export interface StreamCommands<Command> {
  stream: string;
  commands: { command: Command; metadata: EventMetadata }[];
  /** The stream as the caller already read it (used for the first attempt only). */
  recorded?: RecordedEvent[];
}

export interface StreamOutcome<State, Event extends DomainEvent> {
  stream: string;
  state: State;
  /** Each command's events, in the order of the commands. */
  events: Event[][];
}

export interface BatchOptions {
  /** Attempts after a conflict, each reloading every stream (another writer got in first). */
  maxRetries?: number;
  upcasters?: UpcasterChain;
  durability?: AppendOptions['durability'];
}

/**
 * Decides a stream's commands one after the other, each on the state the ones before it left: what
 * handleCommand would decide for them one at a time. Pure; a command the decider refuses throws.
 */
export function decideInOrder<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  state: State,
  commands: readonly Command[],
): { state: State; events: Event[][] } {
  const events: Event[][] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    events.push(decided);
    state = decided.reduce(decider.evolve, state);
  }
  return { state, events };
}

const NO_UPCASTERS = new UpcasterChain();

/**
 * handleCommand for many streams at once (a batch of messages touching many aggregates): load each
 * stream, decide its commands in order, then append every stream's events in ONE multi-stream append
 * (one transaction, one commit on PostgreSQL), each stream with its own expected revision. If any
 * stream moved meanwhile, nothing is written, every stream is reloaded and decided again. A command
 * the decider refuses fails the whole batch (the caller then goes one by one).
 */
export async function handleCommandBatch<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  batch: StreamCommands<Command>[],
  { maxRetries = 3, upcasters = NO_UPCASTERS, durability }: BatchOptions = {},
): Promise<StreamOutcome<State, Event>[]> {
  for (let attempt = 0; ; attempt++) {
    const unread = batch.filter((s) => attempt > 0 || !s.recorded).map((s) => s.stream);
    const read = await store.readStreams(unread);
    const loaded = batch.map((s) => read.get(s.stream) ?? s.recorded ?? []);
    const outcomes: StreamOutcome<State, Event>[] = [];
    const appends = [];
    for (const [i, { stream, commands }] of batch.entries()) {
      const recorded = loaded[i].map((e) => upcasters.upcast(e));
      const initial = fold(decider, recorded as unknown as Event[]);
      const decided = decideInOrder(
        decider,
        initial,
        commands.map((c) => c.command),
      );
      outcomes.push({ stream, ...decided });
      const events = decided.events.flatMap((es, c) => es.map((e) => toNewEvent(e, commands[c].metadata, upcasters)));
      if (events.length > 0)
        appends.push({
          stream,
          events,
          expected: recorded.length ? recorded[recorded.length - 1].revision : ('no_stream' as const),
        });
    }
    try {
      if (appends.length > 0) await store.appendToStreams(appends, { durability });
      return outcomes;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxRetries) throw error;
    }
  }
}
