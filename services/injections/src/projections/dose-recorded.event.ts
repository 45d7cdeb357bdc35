import type { RecordedEvent } from '@vax/event-sourcing';
import type { DoseRecorded } from '../domain/record/record.messages';

/** The event the dose projections write in bulk: a new dose on a record. */
export const isDoseRecorded = (event: RecordedEvent): event is RecordedEvent & DoseRecorded =>
  event.type === 'DoseRecorded';
