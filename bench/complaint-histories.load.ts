/**
 * Synthetic complaint histories for the SLA read model's rebuild (issue 19): each complaint's events as
 * its workflow appends them to `complaint-<id>`, deterministic by number. No real person: the stated
 * facts are placeholders of the right shape.
 */
import type { NewEvent } from '@vax/event-sourcing';
import { v7 as uuidv7 } from 'uuid';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const STAFF = { id: 'bench-staff', role: 'site-staff', scope: 'site' };
const SYSTEM = { id: 'system', role: 'system', scope: 'system' };

/**
 * One complaint's history: filed, identity checked, assigned to the dose's site; one in five still
 * running (one in three of those paused for the citizen's reply), one in seven breached, the rest
 * accepted and corrected or rejected, then closed. About 6 events on average.
 */
export function complaintHistory(n: number, siteIds: readonly string[], citizenId = `c${n}`): NewEvent[] {
  const siteId = siteIds[n % siteIds.length];
  const filed = Date.parse('2022-01-01T02:00:00Z') + (n % 700) * DAY + (n % 9) * HOUR;
  const due = filed + 3 * DAY;
  const at = (t: number) => new Date(t).toISOString();
  const events: [string, Record<string, unknown>, number][] = [
    ['ComplaintFiled', filedData(n, siteId, at(filed), citizenId), filed],
    [
      'IdentityChecked',
      {
        result: 'verified',
        verificationId: `v-${n}`,
        personId: `P${n}`,
        differingFields: [],
        checkedAt: at(filed + 60_000),
      },
      filed + 60_000,
    ],
    [
      'ComplaintAssigned',
      { level: 'site', unitId: `site:${siteId}`, dueAt: at(due), assignedAt: at(filed + 61_000), cause: 'routing' },
      filed + 61_000,
    ],
  ];
  if (n % 7 === 0)
    events.push(['SlaBreached', { level: 'site', unitId: `site:${siteId}`, dueAt: at(due), breachedAt: at(due) }, due]);
  if (n % 5 === 0) {
    if (n % 3 === 0)
      events.push([
        'InformationRequested',
        {
          requestedBy: { ...STAFF, scope: `site:${siteId}` },
          question: 'Ảnh phiếu tiêm?',
          remainingMinutes: 600,
          replyBy: at(filed + 5 * DAY),
          requestedAt: at(filed + DAY),
        },
        filed + DAY,
      ]);
    return envelopes(events);
  }
  const decided = filed + Math.round((((n * 7919) % 1000) / 1000) ** 3 * 20 * DAY) + HOUR; // skewed: most within days
  const by = { ...STAFF, scope: `site:${siteId}` };
  if (n % 4 === 1) {
    events.push(['ComplaintClosed', closed('rejected', 'record-already-correct', by, at(decided)), decided]);
    return envelopes(events);
  }
  const correction = { action: 'correct-dose', doseNumber: 1, after: dose(siteId) };
  events.push(['ComplaintAccepted', { decidedBy: by, correction, note: '', acceptedAt: at(decided) }, decided]);
  events.push(['CorrectionApplied', { recordId: `P${n}`, appliedAt: at(decided + 5_000) }, decided + 5_000]);
  events.push(['ComplaintClosed', closed('resolved', null, SYSTEM, at(decided + 6_000)), decided + 6_000]);
  return envelopes(events);
}

function envelopes(events: [string, Record<string, unknown>, number][]): NewEvent[] {
  const correlationId = uuidv7();
  return events.map(([type, data, t]) => ({
    id: uuidv7(),
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId, causationId: null, actor: SYSTEM, occurredAt: new Date(t) },
  }));
}

function dose(siteId: string) {
  return { vaccineCode: 'AZD1222', lotNumber: 'L-1', administeredOn: '2021-09-01', siteId };
}

function filedData(n: number, siteId: string, filedAt: string, citizenId: string) {
  return {
    complaintId: `k${n}`,
    complaintType: 'dose-details',
    subject: { type: 'dose-details', doseNumber: 1, fields: ['lotNumber'], claimed: { lotNumber: 'L-2' }, siteId },
    stated: { fullName: 'Người Thử', dateOfBirth: '1980-01-01', gender: 'female', idNumber: '000000000000' },
    contact: { phone: '0900000000', address: '' },
    description: 'Sai số lô',
    evidence: [],
    citizenId,
    filedAt,
  };
}

function closed(outcome: string, reason: string | null, closedBy: Record<string, string>, closedAt: string) {
  return { outcome, reason, note: '', closedBy, certificateId: null, appealUntil: null, closedAt };
}
