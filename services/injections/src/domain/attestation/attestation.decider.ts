import type { Decider } from '@vax/event-sourcing';
import { DoseRejected, type DoseProblem, problem } from '../record/dose-problems';
import type { AttestDay, AttestationCommand, AttestationEvent, AttestationState } from './attestation.messages';

/** Who may sign a site's day: the head of that site, or the chairman of its commune's People's Committee. */
export const SIGNER_ROLES = ['site-head', 'commune-chairman'] as const;

/**
 * The most doses one signed list holds: a list is read before it is signed, and it travels as one
 * message (injections.attestations.v1 allows as many). A busier day is signed in several lists.
 */
export const MAX_DOSES_PER_LIST = 2_000;

/**
 * A site's verified list of one day, signed by the responsible person: what makes those records
 * legally valid. Stream per site and day; each dose is attested once.
 */
export const attestationDecider: Decider<AttestationState, AttestationCommand, AttestationEvent> = {
  initialState: () => ({ attestedDoseIds: [], attestations: [] }),

  decide(command, state) {
    if (state.attestations.includes(command.attestationId)) return []; // the same signing sent again
    const problems = [...signerProblems(command), ...listProblems(command, state)];
    if (problems.length > 0) throw new DoseRejected(problems);
    const { attestationId, siteId, day, entries, contentSha256, signature, keyId, signer, signedAt } = command;
    const data = { attestationId, siteId, day, entries, contentSha256, signature, keyId, signedAt };
    return [{ type: 'DayAttested', data: { ...data, signedBy: signer.id, signerRole: signer.role } }];
  },

  evolve(state, event) {
    return {
      attestedDoseIds: [...state.attestedDoseIds, ...event.data.entries.map((e) => e.doseId)],
      attestations: [...state.attestations, event.data.attestationId],
    };
  },
};

function signerProblems({ site, siteId, signer }: AttestDay): DoseProblem[] {
  if (!site) return [problem('siteId', 'known', `no vaccination site ${siteId}`)];
  const maySign =
    (signer.role === 'site-head' && signer.scope === `site:${siteId}`) ||
    (signer.role === 'commune-chairman' && signer.scope === `commune:${site.commune}`);
  return maySign
    ? []
    : [problem('signer', 'responsiblePerson', "only the site's head or its commune's chairman signs its list")];
}

function listProblems({ entries, day, today }: AttestDay, state: AttestationState): DoseProblem[] {
  const problems: DoseProblem[] = [];
  if (day > today) problems.push(problem('day', 'notInFuture', 'a future day cannot be attested'));
  if (entries.length === 0) problems.push(problem('day', 'hasDoses', 'no verified dose of that day is left to attest'));
  if (entries.length > MAX_DOSES_PER_LIST)
    problems.push(problem('day', 'listSize', `a list holds at most ${MAX_DOSES_PER_LIST} doses`));
  const again = entries.filter((e) => state.attestedDoseIds.includes(e.doseId));
  if (again.length > 0)
    problems.push(problem('day', 'notAttested', `${again.length} of these doses are already attested`));
  return problems;
}
