import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { defineContract } from '../contract';
import { IsInstant, IsReference } from '../common.v1';

/**
 * Topic complaints.events.v1: the life of a citizen's complaint about their vaccination data, keyed
 * by complaint id. No personal data: the stated identity, contact and free texts stay in the service.
 */

export const COMPLAINT_TYPES = [
  'personal-details',
  'missing-dose',
  'dose-details',
  'duplicate-record',
  'certificate',
] as const;
export const HANDLING_LEVELS = ['registry', 'site', 'commune-station', 'district-centre', 'province'] as const;
export const CLOSE_OUTCOMES = ['resolved', 'rejected', 'withdrawn'] as const;
export const ASSIGNMENT_CAUSES = ['routing', 'escalation', 'appeal'] as const;
export const CORRECTION_ACTIONS = ['correct-dose', 'void-dose', 'record-dose'] as const;

export class ComplaintFiled {
  @IsReference() complaintId!: string;
  @IsIn(COMPLAINT_TYPES) complaintType!: (typeof COMPLAINT_TYPES)[number];
  @IsOptional() @IsReference() personId?: string;
  /** The site that gave the dose complained about, when one is named. */
  @IsOptional() @IsReference() siteId?: string;
  @IsInstant() filedAt!: string;
}

/** A unit holds the turn until `dueAt` (first routing, escalation after a breach, or an appeal). */
export class ComplaintAssigned {
  @IsReference() complaintId!: string;
  @IsIn(HANDLING_LEVELS) level!: (typeof HANDLING_LEVELS)[number];
  /** The site, station, centre or department that holds the turn (its staff's actor scope). */
  @IsReference() assigneeUnitId!: string;
  @IsInstant() dueAt!: string;
  @IsOptional() @IsIn(ASSIGNMENT_CAUSES) cause?: (typeof ASSIGNMENT_CAUSES)[number];
  @IsOptional() @IsInstant() assignedAt?: string;
}

export class SlaBreached {
  @IsReference() complaintId!: string;
  @IsIn(HANDLING_LEVELS) level!: (typeof HANDLING_LEVELS)[number];
  @IsReference() assigneeUnitId!: string;
  @IsInstant() dueAt!: string;
  @IsInstant() breachedAt!: string;
}

/** The holder asked the citizen for more: the SLA clock stops, keeping the working minutes left. */
export class InformationRequested {
  @IsReference() complaintId!: string;
  @IsNumber() @Min(0) remainingMinutes!: number;
  @IsInstant() replyBy!: string;
  @IsInstant() requestedAt!: string;
}

/** The citizen replied: the clock restarts, due at `dueAt`. */
export class CitizenReplied {
  @IsReference() complaintId!: string;
  @IsInstant() dueAt!: string;
  @IsInstant() repliedAt!: string;
}

/** Accepted by the holder: injections is asked to correct the record (answered by DoseCorrected…). */
export class CorrectionRequested {
  @IsReference() complaintId!: string;
  @IsOptional() @IsReference() personId?: string;
  @IsIn(CORRECTION_ACTIONS) action!: (typeof CORRECTION_ACTIONS)[number];
  @IsOptional() @IsInt() @Min(1) @Max(10) doseNumber?: number;
  /** injections' record id of the dose (`<personId>/<doseNumber>`), when it exists. */
  @IsOptional() @IsReference() recordId?: string;
  @IsReference() requestedBy!: string;
}

export class ComplaintAppealed {
  @IsReference() complaintId!: string;
  @IsInstant() appealedAt!: string;
}

export class ComplaintClosed {
  @IsReference() complaintId!: string;
  @IsIn(CLOSE_OUTCOMES) outcome!: (typeof CLOSE_OUTCOMES)[number];
  @IsOptional() @IsString() @MaxLength(100) reasonCode?: string;
  /** After a rejection: until when the citizen may appeal (the complaint then reopens). */
  @IsOptional() @IsInstant() appealUntil?: string;
  @IsInstant() closedAt!: string;
}

export const ComplaintsEventsV1 = defineContract('complaints.events.v1', {
  ComplaintFiled,
  ComplaintAssigned,
  SlaBreached,
  InformationRequested,
  CitizenReplied,
  CorrectionRequested,
  ComplaintAppealed,
  ComplaintClosed,
});
