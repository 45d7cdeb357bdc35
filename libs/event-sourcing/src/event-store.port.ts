import type { NewEvent, RecordedEvent } from './event-envelope';

/**
 * The revision a writer expects a stream to be at: a number (the revision of its last event),
 * 'no_stream' (must not exist), 'stream_exists', or 'any' (no check; avoid for aggregates).
 */
export type ExpectedRevision = bigint | 'no_stream' | 'stream_exists' | 'any';

export interface AppendResult {
  /** Revision of the last event written. */
  nextExpectedRevision: bigint;
  /** Global position of the last event written. */
  lastPosition: bigint;
}

export interface AppendOptions {
  /**
   * 'immediate' (the default): acknowledged once the events are on disk.
   * 'deferred': may be acknowledged before they reach the disk, so the writer does not wait on the
   * device; a crash of the machine (not of a process) can then lose the last fraction of a second
   * of such appends. Only for facts whose loss the writer's caller notices and repairs by asking
   * again, such as an identity check answered at a desk. Either way, readAll and subscribeToAll
   * return an event only once it is durable, so nothing that leaves the store (a published message,
   * a consumer's checkpoint) can outlive a lost append. An adapter may treat it as 'immediate'.
   */
  durability?: 'immediate' | 'deferred';
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events after this checkpoint. Omit to read from the beginning. */
  after?: string;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive: deliver events after this checkpoint. Omit to start at the beginning. */
  after?: string;
  /** Events read per round trip. */
  batchSize?: number;
  /** How long to wait before looking again when caught up. */
  idleWaitMs?: number;
}

/** A live subscription: iterate it; `close()` ends the iteration after the current event. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The one event-store port. Every adapter passes the shared contract suite
 * (libs/event-sourcing/src/testing/event-store.contract.ts).
 */
export interface EventStore {
  /** Appends atomically, or throws WrongExpectedRevisionError and writes nothing. */
  append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Appends to several streams at once (many aggregates' events from one batch of messages), each
   * with its own expected revision, in the order given (a stream may appear more than once). On
   * PostgreSQL one transaction: all or nothing, and a WrongExpectedRevisionError names the first
   * stream that did not match. An adapter without multi-stream transactions (KurrentDB) appends
   * stream by stream: a conflict then leaves the streams before it written, so callers must be
   * idempotent per stream (as a redelivered message's handler is anyway). One result per append.
   */
  appendToStreams(appends: StreamAppend[], options?: AppendOptions): Promise<AppendResult[]>;
  /** Several whole streams at once (one round trip on PostgreSQL); an absent stream reads as empty. */
  readStreams(streams: string[]): Promise<Map<string, RecordedEvent[]>>;
  /** Events of one stream; an absent stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** A page of every stream's events in global order; only durable ones (see AppendOptions). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Whether committed events exist after the checkpoint, including ones readAll cannot return yet
   * (held back while an older transaction is still running). Lets a reader tell "caught up" from
   * "waiting for the horizon to move".
   */
  hasEventsAfter(checkpoint?: string): Promise<boolean>;
  /** Every event after a checkpoint, in global order, never skipping one committed late. */
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /**
   * Orders two checkpoints of this store as readAll delivers them (negative: `a` comes first):
   * the store-neutral way to compare global positions, whose format each adapter owns
   * (PostgreSQL "transaction:position", KurrentDB "commit/prepare").
   */
  compareCheckpoints(a: string, b: string): number;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, found ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}
