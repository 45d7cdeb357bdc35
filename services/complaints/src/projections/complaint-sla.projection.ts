import type { RecordedEvent } from '@vax/event-sourcing';
import type { Projection } from '@vax/messaging';
import type { PoolClient } from 'pg';
import { siteOf } from '../domain/complaint-subject';
import type { ComplaintEvent } from '../domain/complaint.events';
import { createSlaCounters } from './complaint-sla.counters';
import { queueIndexSql } from './complaint-sla.queue.sql';

/** Where a site is, for grouping complaints by commune and district (reference data). */
export type SiteArea = (siteId: string) => { commune: string; district: string } | null;

const STATUS_OF: Partial<Record<ComplaintEvent['type'], string>> = {
  IdentityChecked: 'identity-checked',
  ComplaintAccepted: 'accepted',
  CorrectionApplied: 'corrected',
};

/**
 * One row per complaint, as managers and unit queues see it: who holds it until when, whether the
 * clock is paused, each SLA breach, when it was filed and closed, and the workflow step that failed
 * for good while one needs attention (version 2), and what it is about (its subject: which dose, which
 * fields, the values claimed; no personal data), so a unit's queue tells its rows apart (version 3). An event older than the row's last (a replay)
 * changes nothing: every update is guarded by the stream revision. Version 4 keeps managers' report
 * counters beside the rows (complaint-sla.counters.ts), so a report does not grow with complaints.
 */
export function complaintSlaProjection(areaOf: SiteArea): Projection {
  return {
    name: 'complaint_sla',
    // v5: running complaints by due day, so overdue is counted from counters but for today's.
    // v6: a unit's queue read in its order from an index of the complaints it holds (queue.sql.ts),
    // and a district's duration histograms from a covering index.
    version: 6,
    companions: ['stats', 'durations', 'breaches', 'running'],
    async createTable(tx: PoolClient, table: string) {
      await tx.query(`
        create table ${table} (
          complaint_id text primary key, complaint_type text not null, citizen_id text not null, subject jsonb,
          site_id text, commune text, district text,
          status text not null, outcome text, reason text, level text, unit_id text, due_at timestamptz,
          paused boolean not null default false, breaches timestamptz[] not null default '{}',
          breach_units text[] not null default '{}', breach_levels text[] not null default '{}',
          appeals int not null default 0,
          filed_at timestamptz not null, closed_at timestamptz, last_revision bigint not null,
          attention_step text, attention_since timestamptz);
        create index ${table}_unit on ${table} (unit_id, due_at);
        create index ${table}_attention on ${table} (attention_since) where attention_step is not null;
        create index ${table}_citizen on ${table} (citizen_id, filed_at);
        ${queueIndexSql(table)}`);
      await createSlaCounters(tx, table);
    },
    async apply(tx: PoolClient, table: string, recorded: RecordedEvent) {
      if (!recorded.stream.startsWith('complaint-')) return;
      const event = recorded as unknown as ComplaintEvent & RecordedEvent;
      const id = recorded.stream.slice('complaint-'.length);
      if (event.type === 'ComplaintFiled') return insertFiled(tx, table, id, event, areaOf);
      const [sets, values] = changes(event);
      if (sets.length === 0) return;
      await tx.query(
        `update ${table} set ${sets.join(', ')}, last_revision = $2 where complaint_id = $1 and last_revision < $2`,
        [id, recorded.revision.toString(), ...values],
      );
    },
  };
}

async function insertFiled(
  tx: PoolClient,
  table: string,
  id: string,
  event: Extract<ComplaintEvent, { type: 'ComplaintFiled' }> & RecordedEvent,
  areaOf: SiteArea,
) {
  const site = siteOf(event.data.subject);
  const area = site ? areaOf(site) : null;
  await tx.query(
    `insert into ${table} (complaint_id, complaint_type, citizen_id, site_id, commune, district, status, filed_at, last_revision, subject)
     values ($1, $2, $3, $4, $5, $6, 'filed', $7, $8, $9) on conflict (complaint_id) do nothing`,
    [
      id,
      event.data.complaintType,
      event.data.citizenId,
      site,
      area?.commune ?? null,
      area?.district ?? null,
      event.data.filedAt,
      event.revision.toString(),
      JSON.stringify(event.data.subject),
    ],
  );
}

/** The columns an event sets, as `col = $n` (from $3) and their values. */
function changes(event: ComplaintEvent): [string[], unknown[]] {
  const set = (columns: Record<string, unknown>): [string[], unknown[]] => [
    Object.keys(columns).map((c, i) => `${c} = $${i + 3}`),
    Object.values(columns),
  ];
  switch (event.type) {
    case 'ComplaintAssigned': {
      const { level, unitId, dueAt } = event.data;
      return set({ status: 'assigned', level, unit_id: unitId, due_at: dueAt, paused: false });
    }
    case 'SlaBreached':
      return [
        [
          'breaches = breaches || $3::timestamptz',
          'breach_units = breach_units || $4::text',
          'breach_levels = breach_levels || $5::text',
        ],
        [event.data.breachedAt, event.data.unitId, event.data.level],
      ];
    case 'CorrectionRefused':
      return set({ status: 'assigned', due_at: event.data.dueAt });
    case 'InformationRequested':
      return set({ status: 'awaiting-citizen', paused: true });
    case 'CitizenReplied':
      return set({ status: 'assigned', due_at: event.data.dueAt, paused: false });
    case 'ComplaintClosed': {
      const { outcome, reason, closedAt } = event.data;
      return set({ status: 'closed', outcome, reason, closed_at: closedAt, paused: false });
    }
    case 'ComplaintStepFailed': {
      const { step, failedAt } = event.data;
      return set({ attention_step: step.slice(step.lastIndexOf(':') + 1), attention_since: failedAt });
    }
    case 'FailedStepHandled':
      return set({ attention_step: null, attention_since: null });
    case 'ComplaintAppealed':
      return [["status = 'appealed'", 'appeals = appeals + 1', 'outcome = null', 'closed_at = null'], []];
    default: {
      const status = STATUS_OF[event.type];
      return status ? set({ status }) : [[], []];
    }
  }
}
