import type { LegacyDoseMatched } from '@vax/contracts';
import {
  type Actor,
  type EventStore,
  type RecordedEvent,
  fold,
  handleCommand,
  handleCommandBatch,
} from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import { immunizationRecordDecider } from '../domain/record/immunization-record.decider';
import type { ImportLegacyDose } from '../domain/record/legacy-dose.messages';
import type { RecordEvent } from '../domain/record/record.messages';
import type { ReferenceData } from '../reference/reference-data';
import { recordStream } from './dose-recording.service';

export interface MatchedDoseMessage {
  dose: LegacyDoseMatched;
  actor: Actor;
  meta: { correlationId: string; causationId: string };
}

/**
 * Records the doses the reconciliation campaign matched (campaign.events.v1), once per dose id. A
 * person whose record was merged into another's gets the dose on the surviving record.
 */
export class LegacyDoseImportService {
  constructor(
    private readonly store: EventStore,
    private readonly reference: ReferenceData,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async import(dose: LegacyDoseMatched, actor: Actor, meta: { correlationId: string; causationId: string }) {
    const now = this.clock();
    const personId = await this.survivingRecordOf(dose.personId);
    const { events } = await handleCommand(
      this.store,
      immunizationRecordDecider,
      recordStream(personId),
      this.command(dose, personId, actor, now),
      { ...meta, actor, occurredAt: now },
    );
    return events.map((e) => e.type);
  }

  /**
   * Many doses (a batch of messages) into their records in ONE transaction: each record read once,
   * its doses decided in the order given, every record appended at once with its own expected
   * revision. The same dose twice (here or already on the record) is recorded once. A dose the
   * decider refuses to decide at all fails the batch (the transport then goes one by one).
   */
  async importMany(messages: MatchedDoseMessage[]): Promise<number> {
    const now = this.clock();
    const listed = [...new Set(messages.map((m) => m.dose.personId))];
    // Every listed record in one read; a merged one (rare) is followed to its survivor afterwards.
    const loaded = await this.store.readStreams(listed.map(recordStream));
    const surviving = new Map(
      await Promise.all(listed.map(async (p) => [p, await this.survivingRecordOf(p, 0, loaded)] as const)),
    );
    const byStream = new Map<string, { person: string; items: MatchedDoseMessage[] }>();
    for (const message of messages) {
      const person = surviving.get(message.dose.personId)!;
      const stream = recordStream(person);
      if (!byStream.has(stream)) byStream.set(stream, { person, items: [] });
      byStream.get(stream)!.items.push(message);
    }
    const outcomes = await handleCommandBatch(
      this.store,
      immunizationRecordDecider,
      [...byStream].map(([stream, { person, items }]) => ({
        stream,
        recorded: loaded.get(stream),
        commands: items.map(({ dose, actor, meta }) => ({
          command: this.command(dose, person, actor, now),
          metadata: { ...meta, actor, occurredAt: now },
        })),
      })),
    );
    return outcomes.reduce((n, o) => n + o.events.filter((e) => e.length > 0).length, 0);
  }

  private command(dose: LegacyDoseMatched, personId: string, actor: Actor, now: Date): ImportLegacyDose {
    return {
      type: 'ImportLegacyDose',
      doseId: dose.doseId,
      personId,
      campaignId: dose.campaignId,
      verificationId: dose.verificationId,
      vaccineCode: dose.vaccineCode,
      lotNumber: dose.lotNumber,
      administeredOn: dose.administeredOn,
      siteId: dose.siteId,
      site: this.reference.sites.get(dose.siteId),
      catalogue: this.reference.catalogue,
      recordedBy: actor,
      today: vietnamToday(now),
      listed: {
        personId: dose.personId,
        vaccineCode: dose.vaccineCode,
        lotNumber: dose.lotNumber,
        administeredOn: dose.administeredOn,
        siteId: dose.siteId,
        verificationId: dose.verificationId,
      },
    };
  }

  /** Follows merges to the record that survives; the records read on the way are kept in `loaded`. */
  private async survivingRecordOf(personId: string, hops = 0, loaded?: Map<string, RecordedEvent[]>): Promise<string> {
    const stream = recordStream(personId);
    const recorded = loaded?.get(stream) ?? (await this.store.readStream(stream));
    loaded?.set(stream, recorded);
    const { mergedInto } = fold(immunizationRecordDecider, recorded as unknown as RecordEvent[]);
    return mergedInto && hops < 5 ? this.survivingRecordOf(mergedInto, hops + 1, loaded) : personId;
  }
}
