import { type Actor, type EventStore, type ReadStreamOptions, fold, handleCommand } from '@vax/event-sourcing';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { type ComplaintState, complaintDecider } from '../domain/complaint.decider';
import type { ComplaintEvent, ComplaintFiled } from '../domain/complaint.events';
import { complaintUpcasters } from '../domain/complaint.upcasters';

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

/**
 * A complaint's commands through the shared handleCommand (load, upcast, fold, decide, append at the
 * expected revision, reload on a conflict): a second decision on the same complaint then fails in
 * the decider, as it should; a command run again under its key gets the answer it had.
 */
export class ComplaintCommandService {
  constructor(private readonly store: EventStore) {}

  async execute(complaintId: string, command: ComplaintCommand, context: CommandContext): Promise<CommandResult> {
    const { state, events } = await handleCommand(
      this.store,
      complaintDecider,
      complaintStream(complaintId),
      command,
      {
        correlationId: context.correlationId,
        causationId: context.idempotencyKey ?? null,
        actor: context.actor,
        occurredAt: new Date(command.at),
      },
      { upcasters: complaintUpcasters, idempotencyKey: context.idempotencyKey },
    );
    return { state, events };
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
    return fold(complaintDecider, (await this.read(complaintId)) as unknown as ComplaintEvent[]);
  }

  /**
   * What happened, step by step, for the timeline people follow: each step's kind, when, and the
   * unit it concerns — never the filing's personal data or free texts.
   */
  async timeline(
    complaintId: string,
  ): Promise<{ step: string; at: string; unitId: string | null; level: string | null }[]> {
    return (await this.read(complaintId)).map((e) => {
      const data = e.data as { unitId?: string; level?: string };
      return { step: e.type, at: e.recordedAt.toISOString(), unitId: data.unitId ?? null, level: data.level ?? null };
    });
  }

  /** What the citizen filed, contact and stated identity included: personal data, for the activities that need it. */
  async filing(complaintId: string): Promise<ComplaintFiled['data'] | undefined> {
    const [first] = await this.read(complaintId, { maxCount: 1 });
    return first?.type === 'ComplaintFiled' ? (first.data as ComplaintFiled['data']) : undefined;
  }

  private async read(complaintId: string, options?: ReadStreamOptions) {
    const recorded = await this.store.readStream(complaintStream(complaintId), options);
    return recorded.map((e) => complaintUpcasters.upcast(e));
  }
}
