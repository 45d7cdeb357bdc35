import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import { immunizationRecordDecider as decider } from '../domain/record/immunization-record.decider';
import { recordStream } from './dose-recording.service';

/**
 * Merges the duplicate record of one person into the surviving one: the duplicate is closed first,
 * then the survivor absorbs it. Each step is idempotent, so a merge interrupted between them (a
 * crash, a conflict) is completed by asking again; nothing is deleted.
 */
export class RecordMergeService {
  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async merge(personId: string, duplicatePersonId: string, reason: string, actor: Actor, correlationId: string) {
    const meta = () => ({ correlationId, causationId: null, actor, occurredAt: this.clock() });
    const { state: duplicate } = await handleCommand(
      this.store,
      decider,
      recordStream(duplicatePersonId),
      { type: 'MarkMergedInto', personId: duplicatePersonId, intoPersonId: personId, reason, mergedBy: actor },
      meta(),
    );
    const { state } = await handleCommand(
      this.store,
      decider,
      recordStream(personId),
      { type: 'AbsorbDuplicate', personId, fromPersonId: duplicatePersonId, duplicate, reason, mergedBy: actor },
      meta(),
    );
    return state.doses;
  }
}
