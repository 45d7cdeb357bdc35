import type { DoseDetails, RecordDose } from './record.messages';

export interface DoseProblem {
  field: string;
  rule: string;
  message: string;
}

/** A change that breaks the rules: every broken rule, by field. Nothing is recorded. */
export class DoseRejected extends Error {
  constructor(readonly problems: DoseProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'DoseRejected';
  }
}

export const problem = (field: string, rule: string, message: string): DoseProblem => ({ field, rule, message });

export function identityProblems({ verification, personId, policy, now, complaintId }: RecordDose): DoseProblem[] {
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
  if (complaintId) return []; // the complaint's own identity check: it may be days old, it is still this person
  const ageHours = (Date.parse(now) - Date.parse(verification.checkedAt)) / 3_600_000;
  return ageHours > policy.verificationFreshHours
    ? [problem('verificationId', 'fresh', `the identity check is older than ${policy.verificationFreshHours} hours`)]
    : [];
}

export function siteProblems(
  site: { active: boolean; openedOn: string } | undefined,
  siteId: string,
  actorScope: string,
  on: string,
  field = 'siteId',
  staffOnly = true,
): DoseProblem[] {
  if (!site) return [problem(field, 'known', `no vaccination site ${siteId}`)];
  const problems: DoseProblem[] = [];
  if (!site.active) problems.push(problem(field, 'active', 'the site is not active'));
  if (staffOnly && actorScope !== `site:${siteId}`)
    problems.push(problem(field, 'staffOfSite', 'staff record at their own site only'));
  if (on < site.openedOn)
    problems.push(problem('administeredOn', 'afterSiteOpened', `is before the site opened (${site.openedOn})`));
  return problems;
}

export function reasonProblems(reason: string): DoseProblem[] {
  return reason.trim().length < 10
    ? [problem('reason', 'minLength', 'a correction needs a reason of at least 10 characters')]
    : [];
}

export function detailsProblems(d: DoseDetails, catalogue: RecordDose['catalogue'], today: string): DoseProblem[] {
  const problems: DoseProblem[] = [];
  if (!catalogue.get(d.vaccineCode))
    problems.push(problem('vaccineCode', 'inCatalogue', `${d.vaccineCode} is not a licensed vaccine`));
  if (!d.lotNumber.trim()) problems.push(problem('lotNumber', 'required', 'is required'));
  if (d.administeredOn > today) problems.push(problem('administeredOn', 'notInFuture', 'is in the future'));
  return problems;
}
