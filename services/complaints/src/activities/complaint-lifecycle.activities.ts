import { ApplicationFailure } from '@temporalio/activity';
import { withClassifiedFailures } from '@vax/platform';
import type { Turn } from '../workflows/complaint-lifecycle.messages';
import { type LifecycleDependencies, type StepInput, loadFiled } from './lifecycle-dependencies';
import { type CitizenMessage, type HolderMessage, citizenText, holderText } from './notification-texts';
import { createAttentionActivities } from './attention.activities';
import { createOutcomeActivities } from './outcome.activities';
import { createTurnActivities } from './turn.activities';

export type { LifecycleDependencies, StepInput } from './lifecycle-dependencies';

/**
 * The activities of the complaint lifecycle workflow, built from their dependencies. Each changes the
 * complaint only by a command to its aggregate, and is idempotent by its step key, so Temporal may
 * retry any of them. Their errors are classified: one retrying cannot mend (a constraint, a refused
 * command, a bad payload) fails the step at once, and the workflow asks for attention; transient ones
 * are retried. Waiting for the certificate is left as it is: its "not yet" is what retries are for.
 */
export function createComplaintLifecycleActivities(deps: LifecycleDependencies) {
  const { reissueCertificate, ...outcomes } = createOutcomeActivities(deps);
  return {
    ...withClassifiedFailures({
      ...createTurnActivities(deps),
      ...outcomes,
      ...createNotificationActivities(deps),
      ...createAttentionActivities(deps),
    }),
    reissueCertificate,
  };
}

export type ComplaintLifecycleActivities = ReturnType<typeof createComplaintLifecycleActivities>;

function createNotificationActivities(deps: LifecycleDependencies) {
  return {
    async notifyCitizen(input: StepInput & { message: CitizenMessage }): Promise<void> {
      const [state, filing] = await Promise.all([
        loadFiled(deps, input.complaintId),
        deps.complaints.filing(input.complaintId),
      ]);
      if (!filing) throw ApplicationFailure.nonRetryable(`no filing for ${input.complaintId}`, 'ComplaintMissing');
      await deps.notifications.send({
        key: input.step,
        complaintId: input.complaintId,
        to: { kind: 'phone', phone: filing.contact.phone },
        template: `complaint-${input.message}`,
        text: citizenText(input.message, state),
      });
    },

    async notifyHolder(input: StepInput & { turn: Turn; message: HolderMessage }): Promise<void> {
      await deps.notifications.send({
        key: input.step,
        complaintId: input.complaintId,
        to: { kind: 'unit', unitId: input.turn.unitId },
        template: `complaint-${input.message}`,
        text: holderText(input.message, input.complaintId, input.turn.dueAt),
      });
    },
  };
}
