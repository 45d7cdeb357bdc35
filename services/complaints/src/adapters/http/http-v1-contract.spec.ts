import { COMPLAINT_VALUES_V1 } from '@vax/contracts/complaints/http-v1.responses';
import { EVIDENCE_MEDIA_TYPES } from '../../domain/complaint-evidence';
import {
  CLOSE_OUTCOMES,
  COMPLAINT_TYPES,
  DOSE_FIELDS,
  HANDLING_LEVELS,
  PERSONAL_FIELDS,
  REJECTION_REASONS,
} from '../../domain/complaint-kinds';
import type { ComplaintState } from '../../domain/complaint.state';
import { REPORT_GROUPS } from '../postgres/sla-report.query';

// The HTTP contract keeps its own lists of the complaint's vocabularies (a contract imports no
// service code); they must be the domain's, or an answer breaks the schema the portal documents.

/** A type-level equality: this file stops compiling when a status is added on one side only. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesMatch: Same<
  (typeof COMPLAINT_VALUES_V1.statuses)[number],
  Exclude<ComplaintState['status'], 'none'>
> = true;

describe("the complaints service's HTTP contract (v1)", () => {
  it.each([
    ['complaintTypes', COMPLAINT_TYPES],
    ['handlingLevels', HANDLING_LEVELS],
    ['rejectionReasons', REJECTION_REASONS],
    ['closeOutcomes', CLOSE_OUTCOMES],
    ['personalFields', PERSONAL_FIELDS],
    ['doseFields', DOSE_FIELDS],
    ['evidenceMediaTypes', EVIDENCE_MEDIA_TYPES],
    ['reportGroups', REPORT_GROUPS],
  ] as const)('lists the same %s as the service', (name, values) => {
    expect([...COMPLAINT_VALUES_V1[name]]).toEqual([...values]);
  });

  it('lists every status a filed complaint can be in', () => {
    expect(statusesMatch).toBe(true);
  });
});
