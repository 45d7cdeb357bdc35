import type { LegacyDoseMatched } from '@vax/contracts';
import { type Actor, type EventStore, fold, handleCommand } from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import { immunizationRecordDecider } from '../domain/record/immunization-record.decider';
import type { RecordEvent } from '../domain/record/record.messages';
import type { ReferenceData } from '../reference/reference-data';
import { recordStream } from './dose-recording.service';

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
      {
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
      },
      { ...meta, actor, occurredAt: now },
    );
    return events.map((e) => e.type);
  }

  private async survivingRecordOf(personId: string, hops = 0): Promise<string> {
    const events = (await this.store.readStream(recordStream(personId))) as unknown as RecordEvent[];
    const { mergedInto } = fold(immunizationRecordDecider, events);
    return mergedInto && hops < 5 ? this.survivingRecordOf(mergedInto, hops + 1) : personId;
  }
}
