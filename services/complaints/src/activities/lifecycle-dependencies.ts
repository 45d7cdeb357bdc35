import { ApplicationFailure } from '@temporalio/activity';
import type { Actor } from '@vax/event-sourcing';
import type { ComplaintCommandService, CommandResult } from '../application/complaint.command-service';
import type { CertificatesPort } from '../application/ports/certificates.port';
import type { IdentityRegistryPort } from '../application/ports/identity-registry.port';
import type { InjectionsPort } from '../application/ports/injections.port';
import type { NotificationPort } from '../application/ports/notifications.port';
import type { SiteDirectoryPort } from '../application/ports/site-directory.port';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { SYSTEM } from '../domain/complaint-decisions';
import { ComplaintError, type ComplaintErrorCode } from '../domain/complaint.errors';
import type { ComplaintState, FiledComplaint } from '../domain/complaint.state';
import type { SlaDeadlines } from '../domain/sla/sla-deadlines';
import type { Turn } from '../workflows/complaint-lifecycle.messages';

/** What the lifecycle activities work with; each is a port, so tests and adapters plug in. */
export interface LifecycleDependencies {
  complaints: ComplaintCommandService;
  deadlines: SlaDeadlines;
  sites: SiteDirectoryPort;
  identity: IdentityRegistryPort;
  injections: InjectionsPort;
  certificates: CertificatesPort;
  notifications: NotificationPort;
}

/**
 * Every activity gets its complaint, its step key and the workflow's time. The key
 * (`complaint-<id>/<n>:<step>`) is the idempotency key of whatever the step writes or sends;
 * `at` is the workflow's clock, so SLA arithmetic follows workflow time (and the test server's).
 */
export interface StepInput {
  complaintId: string;
  step: string;
  at: string;
}

export type Refused = { refused: ComplaintErrorCode };

/** Runs a command the workflow issues; a refusal there is a bug in the process, not worth retrying. */
export async function issue(
  deps: LifecycleDependencies,
  input: StepInput,
  command: ComplaintCommand,
  actor: Actor = SYSTEM,
): Promise<CommandResult> {
  try {
    return await deps.complaints.execute(input.complaintId, command, {
      actor,
      correlationId: input.step.split('/')[0],
      idempotencyKey: input.step,
    });
  } catch (error) {
    if (error instanceof ComplaintError)
      throw ApplicationFailure.nonRetryable(error.message, `ComplaintError:${error.code}`);
    throw error;
  }
}

/** Runs a command a person asked for through a signal: their refusal is an answer, not a failure. */
export async function issueOnBehalf(
  deps: LifecycleDependencies,
  input: StepInput,
  command: ComplaintCommand,
  actor: Actor,
): Promise<CommandResult | Refused> {
  try {
    return await issue(deps, input, command, actor);
  } catch (error) {
    const code = error instanceof ApplicationFailure ? error.type?.match(/^ComplaintError:(.+)$/)?.[1] : undefined;
    if (code) return { refused: code as ComplaintErrorCode };
    throw error;
  }
}

export async function loadFiled(deps: LifecycleDependencies, complaintId: string): Promise<FiledComplaint> {
  const state = await deps.complaints.load(complaintId);
  if (state.status === 'none') throw ApplicationFailure.nonRetryable(`no complaint ${complaintId}`, 'ComplaintMissing');
  return state;
}

/** The turn as the workflow sees it: the assignment, and when its holder is reminded. */
export function turnOf(deps: LifecycleDependencies, state: ComplaintState): Turn {
  if (state.status === 'none' || !state.assignment)
    throw ApplicationFailure.nonRetryable(`complaint is ${state.status}, without a turn`, 'ComplaintWithoutTurn');
  const { level, unitId, dueAt, assignedAt } = state.assignment;
  return { level, unitId, dueAt, remindAt: deps.deadlines.reminderFor(new Date(assignedAt), new Date(dueAt)) };
}
