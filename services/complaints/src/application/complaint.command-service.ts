import { type Actor, type EventStore, type RecordedEvent, WrongExpectedRevisionError, fold } from '@vax/event-sourcing';
import { v7 as uuidv7 } from 'uuid';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { type ComplaintState, complaintDecider } from '../domain/complaint.decider';
import type { ComplaintEvent, ComplaintFiled } from '../domain/complaint.events';

export const complaintStream = (complaintId: string) => `complaint-${complaintId}`;

export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /**
   * A key naming this command once (the workflow's `complaint-<id>/<n>:<step>`): a command whose key
   * is already on the stream is not decided again, so a retried activity writes nothing twice.
   */
  idempotencyKey?: string;
}

export interface CommandResult {
  state: ComplaintState;
  events: ComplaintEvent[];
}

const MAX_CONFLICT_RETRIES = 5;

/**
 * Load, fold, decide, append with the expected revision; on a conflict reload and decide again
 * (a second decision on the same complaint then fails in the decider, as it should).
 */
export class ComplaintCommandService {
  constructor(private readonly store: EventStore) {}

  async execute(complaintId: string, command: ComplaintCommand, context: CommandContext): Promise<CommandResult> {
    const stream = complaintStream(complaintId);
    for (let attempt = 0; ; attempt++) {
      const recorded = await this.store.readStream(stream);
      const answered = context.idempotencyKey ? lastCausedBy(recorded, context.idempotencyKey) : -1;
      // A command run again (a retried or re-run step) gets the same answer: the state its events left.
      if (answered >= 0)
        return {
          state: fold(complaintDecider, recorded.slice(0, answered + 1) as unknown as ComplaintEvent[]),
          events: [],
        };
      const state = fold(complaintDecider, recorded as unknown as ComplaintEvent[]);
      const events = complaintDecider.decide(command, state);
      if (events.length === 0) return { state, events };
      try {
        await this.store.append(
          stream,
          events.map((e) => this.toNew(e, command, context)),
          revisionOf(recorded),
        );
        return { state: events.reduce(complaintDecider.evolve, state), events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  /**
   * Whether the complaint would take the command now (throws the decider's ComplaintError if not),
   * without recording it: lets a request be answered at once before the workflow acts on it.
   */
  async check(complaintId: string, command: ComplaintCommand): Promise<ComplaintState> {
    const state = await this.load(complaintId);
    complaintDecider.decide(command, state);
    return state;
  }

  async load(complaintId: string): Promise<ComplaintState> {
    const recorded = await this.store.readStream(complaintStream(complaintId));
    return fold(complaintDecider, recorded as unknown as ComplaintEvent[]);
  }

  /**
   * What happened, step by step, for the timeline people follow: each step's kind, when, and the
   * unit it concerns — never the filing's personal data or free texts.
   */
  async timeline(
    complaintId: string,
  ): Promise<{ step: string; at: string; unitId: string | null; level: string | null }[]> {
    const recorded = await this.store.readStream(complaintStream(complaintId));
    return recorded.map((e) => {
      const data = e.data as { unitId?: string; level?: string };
      return { step: e.type, at: e.recordedAt.toISOString(), unitId: data.unitId ?? null, level: data.level ?? null };
    });
  }

  /** What the citizen filed, contact and stated identity included: personal data, for the activities that need it. */
  async filing(complaintId: string): Promise<ComplaintFiled['data'] | undefined> {
    const [first] = await this.store.readStream(complaintStream(complaintId), { maxCount: 1 });
    return first?.type === 'ComplaintFiled' ? (first.data as ComplaintFiled['data']) : undefined;
  }

  private toNew(event: ComplaintEvent, command: ComplaintCommand, context: CommandContext) {
    return {
      id: uuidv7(),
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: {
        correlationId: context.correlationId,
        causationId: context.idempotencyKey ?? null,
        actor: context.actor,
        occurredAt: new Date(command.at),
      },
    };
  }
}

const revisionOf = (recorded: RecordedEvent[]) =>
  recorded.length ? recorded[recorded.length - 1].revision : ('no_stream' as const);

/** The position of the last event the command with this key caused; -1 if it caused none yet. */
function lastCausedBy(recorded: readonly { metadata: { causationId?: string | null } }[], key: string): number {
  for (let i = recorded.length - 1; i >= 0; i--) if (recorded[i].metadata.causationId === key) return i;
  return -1;
}
