import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlaDeadlines } from '../../domain/sla/sla-deadlines';
import { type SlaPolicyDocument, checkSlaPolicyDocument, policyForProvince } from '../../domain/sla/sla-policy';
import { type WorkingCalendarSettings, workingCalendar } from '../../domain/sla/working-calendar';

const read = <T>(file: string): T => JSON.parse(readFileSync(join(__dirname, '../../reference', file), 'utf8')) as T;

/**
 * The SLA deadlines of a province, from reference/sla-policy.json and reference/working-calendar.json
 * (or documents given instead, e.g. short limits in tests). A broken document stops start-up, naming
 * the bad field.
 */
export function loadSlaDeadlines(
  provinceCode: string,
  documents: { policy?: SlaPolicyDocument; calendar?: WorkingCalendarSettings } = {},
): SlaDeadlines {
  const policy = checkSlaPolicyDocument(documents.policy ?? read<SlaPolicyDocument>('sla-policy.json'));
  const calendar = workingCalendar(documents.calendar ?? read<WorkingCalendarSettings>('working-calendar.json'));
  return new SlaDeadlines(policyForProvince(policy, provinceCode), calendar);
}
