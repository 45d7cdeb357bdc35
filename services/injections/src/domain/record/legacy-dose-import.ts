import { type DoseProblem, detailsProblems, problem } from './dose-problems';
import type { ImportLegacyDose } from './legacy-dose.messages';
import type { RecordEvent } from './record.messages';
import type { RecordState } from './record.state';

/**
 * An old dose into the record. Facts are checked (known vaccine, lot, a day not in the future, a
 * known site that had opened), not the desk's rules: the site may have closed since, and the person
 * was checked by the registry in bulk. The same injection already on the record is acknowledged,
 * not added twice; a dose older than the record's last one is refused, because doses are numbered
 * in the order given and renumbering a signed record is a site's decision, not an import's.
 */
export function importLegacyDose(command: ImportLegacyDose, state: RecordState): RecordEvent[] {
  const { doseId, personId, campaignId } = command;
  if (state.appliedCommands.includes(doseId) || state.doses.some((d) => d.doseId === doseId)) return [];
  const given = state.doses.filter((d) => !d.voided);
  const same = given.find((d) => d.vaccineCode === command.vaccineCode && d.administeredOn === command.administeredOn);
  if (same) {
    const data = { doseId, personId, campaignId, doseNumber: same.doseNumber, existingDoseId: same.doseId };
    return [{ type: 'LegacyDoseImported', data: { ...data, outcome: 'already-on-record', listed: command.listed } }];
  }
  const problems = legacyProblems(command, given[given.length - 1]?.administeredOn);
  if (problems.length > 0) return [{ type: 'LegacyDoseRefused', data: { doseId, personId, campaignId, problems } }];
  const { vaccineCode, lotNumber, administeredOn, siteId, verificationId } = command;
  const doseNumber = given.length + 1;
  return [
    {
      type: 'DoseRecorded',
      data: {
        doseId,
        personId,
        doseNumber,
        vaccineCode,
        lotNumber: lotNumber.trim(),
        administeredOn,
        siteId,
        verificationId,
        recordedBy: command.recordedBy.id,
      },
    },
    {
      type: 'LegacyDoseImported',
      data: { doseId, personId, campaignId, outcome: 'recorded', doseNumber, listed: command.listed },
    },
  ];
}

function legacyProblems(command: ImportLegacyDose, lastDay: string | undefined): DoseProblem[] {
  const problems = detailsProblems(command, command.catalogue, command.today);
  if (!command.site) problems.push(problem('siteId', 'known', `no vaccination site ${command.siteId}`));
  else if (command.administeredOn < command.site.openedOn)
    problems.push(problem('administeredOn', 'afterSiteOpened', `is before the site opened (${command.site.openedOn})`));
  if (lastDay && command.administeredOn < lastDay)
    problems.push(problem('administeredOn', 'afterLastDose', `is before the record's last dose (${lastDay})`));
  return problems;
}
