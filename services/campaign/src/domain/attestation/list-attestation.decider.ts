import type { Actor, Decider } from '@vax/event-sourcing';

/** One matched dose of the list, as it stood when the list was signed. */
export interface AttestedDose {
  doseId: string;
  personId: string;
  vaccineCode: string;
  lotNumber: string;
  administeredOn: string;
  siteId: string;
  verificationId: string;
}

export interface AttestList {
  type: 'AttestList';
  attestationId: string;
  campaignId: string;
  scope: 'site' | 'commune';
  /** The site id, or the commune's name. */
  unit: string;
  entries: AttestedDose[];
  contentSha256: string;
  signature: string;
  keyId: string;
  signer: Actor;
  signedAt: string;
}

export type ListAttested = {
  type: 'ListAttested';
  data: Omit<AttestList, 'type' | 'signer'> & { signedBy: string; signerRole: string };
};

export interface ListAttestationState {
  attestedDoseIds: ReadonlySet<string>;
  attestations: string[];
}

export interface AttestationProblem {
  field: string;
  rule: string;
  message: string;
}

export class AttestationRefused extends Error {
  constructor(readonly problems: AttestationProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'AttestationRefused';
  }
}

/** The head of the site signs its list; the chairman of the commune's People's Committee signs the commune's. */
const maySign = ({ scope, unit, signer }: AttestList) =>
  scope === 'site'
    ? signer.role === 'site-head' && signer.scope === `site:${unit}`
    : signer.role === 'commune-chairman' && signer.scope === `commune:${unit}`;

/**
 * A campaign's matched list of one site or commune, signed by the responsible person: what makes the
 * reconciled records legally valid (9438/BYT-CNTT). One stream per campaign and commune holds the
 * commune's list and its sites' lists alike, so no dose is signed twice under either.
 */
export const listAttestationDecider: Decider<ListAttestationState, AttestList, ListAttested> = {
  initialState: () => ({ attestedDoseIds: new Set(), attestations: [] }),

  decide(command, state) {
    if (state.attestations.includes(command.attestationId)) return [];
    const problems: AttestationProblem[] = [];
    if (!maySign(command))
      problems.push({
        field: 'signer',
        rule: 'responsiblePerson',
        message: "only the site's head signs a site's list, the commune's chairman a commune's",
      });
    if (command.entries.length === 0)
      problems.push({ field: 'unit', rule: 'hasMatchedDoses', message: 'no matched dose is left to attest' });
    const again = command.entries.filter((e) => state.attestedDoseIds.has(e.doseId)).length;
    if (again > 0)
      problems.push({ field: 'unit', rule: 'notAttested', message: `${again} doses are already attested` });
    if (problems.length > 0) throw new AttestationRefused(problems);
    const { type: _type, signer, ...data } = command;
    return [{ type: 'ListAttested', data: { ...data, signedBy: signer.id, signerRole: signer.role } }];
  },

  evolve(state, event) {
    return {
      attestedDoseIds: new Set([...state.attestedDoseIds, ...event.data.entries.map((e) => e.doseId)]),
      attestations: [...state.attestations, event.data.attestationId],
    };
  },
};
