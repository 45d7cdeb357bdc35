import type { Actor } from '@vax/event-sourcing';
import { siteOf } from '../domain/complaint-subject';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { ComplaintError } from '../domain/complaint.errors';
import type { FiledComplaint } from '../domain/complaint.state';
import type { FailedStepRequest } from '../workflows/complaint-lifecycle.messages';
import type { ComplaintCommandService } from './complaint.command-service';
import type { ComplaintWorkflowsPort } from './ports/complaint-workflows.port';

/**
 * A complaint in need of attention (a workflow step failed for good) is handled by the unit holding
 * it or a manager over it: the step run again, or the complaint closed. Role and scope are checked
 * here, the request against the complaint as it stands, then the workflow records it.
 */
export class FailedStepsService {
  constructor(
    private readonly complaints: ComplaintCommandService,
    private readonly workflows: ComplaintWorkflowsPort,
    private readonly districtOf: (siteId: string) => string | null,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async handle(complaintId: string, operator: Actor, request: Omit<FailedStepRequest, 'operator'>): Promise<void> {
    const state = await this.complaints.load(complaintId);
    if (state.status === 'none') throw new ComplaintError('not-found', 'no such complaint');
    const site = siteOf(state.subject);
    if (!mayHandle(operator, state, site ? this.districtOf(site) : null))
      throw new ComplaintError('not-allowed', 'only the unit holding the complaint or a manager over it may');
    const at = this.clock().toISOString();
    const command: ComplaintCommand =
      request.action === 'retry'
        ? { type: 'RetryFailedStep', operator, at }
        : { type: 'CloseFailedComplaint', operator, note: request.note, at };
    await this.complaints.check(complaintId, command);
    if (!(await this.workflows.failedStep(complaintId, { ...request, operator })))
      throw new ComplaintError('closed', 'the complaint is no longer being handled');
  }
}

const UNIT_STAFF = new Set(['site-staff', 'site-head', 'commune-chairman', 'police-verifier', 'manager']);

/** The holding unit's staff (their scope is the unit), the province's managers, the district's manager. */
export function mayHandle(actor: Actor, state: FiledComplaint, district: string | null): boolean {
  if (actor.role === 'manager' && actor.scope.startsWith('province:')) return true;
  if (actor.role === 'manager' && district !== null && actor.scope === `district:${district}`) return true;
  return UNIT_STAFF.has(actor.role) && state.assignment?.unitId === actor.scope;
}
