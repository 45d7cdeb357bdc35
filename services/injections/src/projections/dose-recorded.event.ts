import type { RecordedEvent } from '@vax/event-sourcing';
import type { DoseRecorded } from '../domain/record/record.messages';

/**
 * The events of a record the dose projections do nothing with: the answers to the campaign's matched
 * doses, which come between the doses they answer (a batch of runs of one dose each, without this).
 */
export const isDoseAnswer = (event: RecordedEvent): boolean =>
  event.type === 'LegacyDoseImported' || event.type === 'LegacyDoseRefused';

/** The event the dose projections write in bulk: a new dose on a record. */
export const isDoseRecorded = (event: RecordedEvent): event is RecordedEvent & DoseRecorded =>
  event.type === 'DoseRecorded';
