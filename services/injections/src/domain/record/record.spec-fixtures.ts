import type { Vaccine } from '../catalogue/vaccine';
import { DoseRejected } from './dose-problems';

// Shared by the record's specs: a small catalogue, a site's staff, and the broken rules of a refusal.
export const catalogue = new Map<string, Vaccine>([
  ['AZD1222', { code: 'AZD1222', name: 'AstraZeneca', primaryDoses: 2, minIntervalDays: 28 }],
  ['COMIRNATY', { code: 'COMIRNATY', name: 'Pfizer', primaryDoses: 2, minIntervalDays: 21 }],
]);
export const staff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };

/** The `field:rule` of every problem a refused command names; [] when it was not refused. */
export function brokenRules(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DoseRejected) return error.problems.map((p) => `${p.field}:${p.rule}`);
    throw error;
  }
  return [];
}
