import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { defineContract } from '../contract';
import { IsInstant, IsReference } from '../common.v1';

/** Topic complaints.events.v1: the life of a citizen's complaint about their vaccination data. */

export const COMPLAINT_TYPES = [
  'personal-details',
  'missing-dose',
  'dose-details',
  'duplicate-record',
  'certificate',
] as const;
export const HANDLING_LEVELS = ['registry', 'site', 'commune-station', 'district-centre', 'province'] as const;
export const CLOSE_OUTCOMES = ['resolved', 'rejected', 'withdrawn'] as const;

export class ComplaintFiled {
  @IsReference() complaintId!: string;
  @IsIn(COMPLAINT_TYPES) complaintType!: (typeof COMPLAINT_TYPES)[number];
  @IsOptional() @IsReference() personId?: string;
  @IsInstant() filedAt!: string;
}

export class ComplaintAssigned {
  @IsReference() complaintId!: string;
  @IsIn(HANDLING_LEVELS) level!: (typeof HANDLING_LEVELS)[number];
  /** The site, station, centre or department that holds the turn. */
  @IsReference() assigneeUnitId!: string;
  @IsInstant() dueAt!: string;
}

export class SlaBreached {
  @IsReference() complaintId!: string;
  @IsIn(HANDLING_LEVELS) level!: (typeof HANDLING_LEVELS)[number];
  @IsReference() assigneeUnitId!: string;
  @IsInstant() dueAt!: string;
  @IsInstant() breachedAt!: string;
}

/** Accepted by the site: injections is asked to correct the record (answered by DoseCorrected). */
export class CorrectionRequested {
  @IsReference() complaintId!: string;
  @IsReference() personId!: string;
  @IsReference() recordId!: string;
  @IsReference() requestedBy!: string;
}

export class ComplaintClosed {
  @IsReference() complaintId!: string;
  @IsIn(CLOSE_OUTCOMES) outcome!: (typeof CLOSE_OUTCOMES)[number];
  @IsOptional() @IsString() @MaxLength(100) reasonCode?: string;
  @IsInstant() closedAt!: string;
}

export const ComplaintsEventsV1 = defineContract('complaints.events.v1', {
  ComplaintFiled,
  ComplaintAssigned,
  SlaBreached,
  CorrectionRequested,
  ComplaintClosed,
});
