import type { Decider } from '@vax/event-sourcing';
import type { DoseDetails, DoseRecorded, RecordCommand, RecordDose, RecordEvent } from './record.messages';

export interface RecordedDose extends DoseDetails {
  doseId: string;
  doseNumber: number;
}

export interface RecordState {
  doses: RecordedDose[];
}

export interface DoseProblem {
  field: string;
  rule: string;
  message: string;
}

/** A dose that breaks the rules: every broken rule, by field. Nothing is recorded. */
export class DoseRejected extends Error {
  constructor(readonly problems: DoseProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'DoseRejected';
  }
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * A person's immunization record. A dose is recorded only on a fresh, positive identity check of
 * this person, at an active site of the recording staff, with a lot number, on a possible date, in
 * the order and spacing the schedule allows. The dose number is the record's, never the client's.
 */
export const immunizationRecordDecider: Decider<RecordState, RecordCommand, RecordEvent> = {
  initialState: () => ({ doses: [] }),

  decide(command, state) {
    if (state.doses.some((d) => d.doseId === command.doseId)) return []; // the same dose sent again
    const problems = [...identityProblems(command), ...siteProblems(command), ...doseProblems(command, state)];
    if (problems.length > 0) throw new DoseRejected(problems);
    const recorded: DoseRecorded = {
      type: 'DoseRecorded',
      data: {
        doseId: command.doseId,
        personId: command.personId,
        doseNumber: state.doses.length + 1,
        vaccineCode: command.vaccineCode,
        lotNumber: command.lotNumber.trim(),
        administeredOn: command.administeredOn,
        siteId: command.siteId,
        verificationId: command.verification!.verificationId,
        recordedBy: command.recordedBy.id,
      },
    };
    return [recorded];
  },

  evolve(state, event) {
    const { doseId, doseNumber, vaccineCode, lotNumber, administeredOn, siteId } = event.data;
    return { doses: [...state.doses, { doseId, doseNumber, vaccineCode, lotNumber, administeredOn, siteId }] };
  },
};

const problem = (field: string, rule: string, message: string): DoseProblem => ({ field, rule, message });

function identityProblems({ verification, personId, policy, now }: RecordDose): DoseProblem[] {
  if (!verification)
    return [problem('verificationId', 'known', 'no identity verification with this id has reached injections')];
  if (verification.personId !== personId)
    return [problem('verificationId', 'samePerson', 'the verification is of another person')];
  if (verification.standing !== 'verified') {
    return [
      problem(
        'verificationId',
        'positive',
        `the identity check is ${verification.standing}; a police verifier must confirm the identity first`,
      ),
    ];
  }
  const ageHours = (Date.parse(now) - Date.parse(verification.checkedAt)) / 3_600_000;
  return ageHours > policy.verificationFreshHours
    ? [problem('verificationId', 'fresh', `the identity check is older than ${policy.verificationFreshHours} hours`)]
    : [];
}

function siteProblems({ site, siteId, recordedBy, administeredOn }: RecordDose): DoseProblem[] {
  if (!site) return [problem('siteId', 'known', `no vaccination site ${siteId}`)];
  const problems: DoseProblem[] = [];
  if (!site.active) problems.push(problem('siteId', 'active', 'the site is not active'));
  if (recordedBy.scope !== `site:${siteId}`)
    problems.push(problem('siteId', 'staffOfSite', 'staff record doses at their own site only'));
  if (administeredOn < site.openedOn)
    problems.push(problem('administeredOn', 'afterSiteOpened', `is before the site opened (${site.openedOn})`));
  return problems;
}

function doseProblems(command: RecordDose, state: RecordState): DoseProblem[] {
  const { catalogue, vaccineCode, lotNumber, administeredOn, today, policy } = command;
  const problems: DoseProblem[] = [];
  const vaccine = catalogue.get(vaccineCode);
  if (!vaccine) problems.push(problem('vaccineCode', 'inCatalogue', `${vaccineCode} is not a licensed vaccine`));
  if (!lotNumber.trim()) problems.push(problem('lotNumber', 'required', 'is required'));
  if (administeredOn > today) problems.push(problem('administeredOn', 'notInFuture', 'is in the future'));
  const last = state.doses[state.doses.length - 1];
  if (!last || !vaccine) return problems;
  const previous = catalogue.get(last.vaccineCode);
  const primaryDone = previous ? state.doses.length >= previous.primaryDoses : true;
  if (!primaryDone && !policy.allowMixedSchedules && vaccineCode !== last.vaccineCode) {
    problems.push(
      problem(
        'vaccineCode',
        'sameAsSeries',
        `the primary series is ${last.vaccineCode}; mixed schedules are not allowed`,
      ),
    );
  }
  const minDays = primaryDone ? policy.boosterMinIntervalDays : (previous?.minIntervalDays ?? 0);
  const days = daysBetween(last.administeredOn, administeredOn);
  if (days < 0)
    problems.push(
      problem('administeredOn', 'afterPreviousDose', `is before dose ${last.doseNumber} (${last.administeredOn})`),
    );
  else if (days < minDays)
    problems.push(
      problem(
        'administeredOn',
        'minInterval',
        `is ${days} days after dose ${last.doseNumber}; at least ${minDays} are needed`,
      ),
    );
  return problems;
}
