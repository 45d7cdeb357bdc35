import type { Pool } from 'pg';

export const REPORT_GROUPS = ['site', 'commune', 'district'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface SlaSummaryRow {
  key: string;
  open: number;
  overdue: number;
  breaches: number;
  escalated: number;
  resolved: number;
  medianHoursToResolve: number | null;
  p90HoursToResolve: number | null;
}

export interface QueueItem {
  complaintId: string;
  complaintType: string;
  status: string;
  level: string;
  dueAt: string | null;
  paused: boolean;
  breaches: number;
  /** The workflow step that failed for good (retry it or close the complaint); null when none did. */
  needsAttention: string | null;
  /** What it is about (which dose, fields, values claimed) and when it was filed: what tells rows apart. */
  subject: Record<string, unknown> | null;
  filedAt: string;
}

export interface AttentionItem {
  complaintId: string;
  complaintType: string;
  status: string;
  unitId: string | null;
  district: string | null;
  needsAttention: string;
  since: string;
}

/** A manager's reach: the whole province, or one district (`district:<name>`). */
export type ManagerScope = { province: true } | { district: string };

const GROUP_COLUMN: Record<ReportGroup, string> = { site: 'site_id', commune: 'commune', district: 'district' };

/** Managers' SLA reports and units' queues, from the complaint_sla read model. */
export class SlaReportQuery {
  constructor(private readonly pool: Pool) {}

  async summary(groupBy: ReportGroup, scope: ManagerScope, now: Date): Promise<SlaSummaryRow[]> {
    const column = GROUP_COLUMN[groupBy];
    const { rows } = await this.pool.query<SlaSummaryRow>(
      `select coalesce(${column}, 'unknown') as key,
         count(*) filter (where status <> 'closed')::int as open,
         count(*) filter (where status = 'assigned' and not paused and due_at < $2)::int as overdue,
         coalesce(sum(cardinality(breaches)), 0)::int as breaches,
         count(*) filter (where cardinality(breaches) > 0)::int as escalated,
         count(*) filter (where outcome = 'resolved')::int as resolved,
         round((percentile_cont(0.5) within group (order by extract(epoch from closed_at - filed_at) / 3600)
           filter (where outcome = 'resolved'))::numeric, 1)::float as "medianHoursToResolve",
         round((percentile_cont(0.9) within group (order by extract(epoch from closed_at - filed_at) / 3600)
           filter (where outcome = 'resolved'))::numeric, 1)::float as "p90HoursToResolve"
       from complaint_sla where ($1::text is null or district = $1)
       group by 1 order by 1`,
      ['district' in scope ? scope.district : null, now],
    );
    return rows;
  }

  /** Breaches per local day (UTC+7) and level, between two dates inclusive. */
  async breachesByDay(scope: ManagerScope, from: string, to: string) {
    const { rows } = await this.pool.query<{ day: string; level: string; breaches: number }>(
      `select to_char(b.at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day,
         b.level, count(*)::int as breaches
       from complaint_sla, unnest(breaches, breach_levels) as b(at, level)
       where ($1::text is null or district = $1)
         and (b.at at time zone 'Asia/Ho_Chi_Minh')::date between $2::date and $3::date
       group by 1, 2 order by 1, 2`,
      ['district' in scope ? scope.district : null, from, to],
    );
    return rows;
  }

  /**
   * The complaints a unit holds, those needing attention first, then the most urgent; those waiting
   * on the citizen last. A closed one stays while a step after its closing needs attention.
   */
  async queue(unitId: string): Promise<QueueItem[]> {
    const { rows } = await this.pool.query<QueueItem>(
      `select complaint_id as "complaintId", complaint_type as "complaintType", status, level,
         to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueAt", paused,
         cardinality(breaches)::int as breaches, attention_step as "needsAttention", subject,
         to_char(filed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "filedAt"
       from complaint_sla where unit_id = $1
         and (status in ('assigned', 'awaiting-citizen', 'accepted', 'corrected') or attention_step is not null)
       order by attention_step is null, paused, due_at nulls last, complaint_id`,
      [unitId],
    );
    return rows;
  }

  /** The complaints within a manager's reach a failed step holds up, the longest waiting first. */
  async needingAttention(scope: ManagerScope): Promise<AttentionItem[]> {
    const { rows } = await this.pool.query<AttentionItem>(
      `select complaint_id as "complaintId", complaint_type as "complaintType", status, unit_id as "unitId",
         district, attention_step as "needsAttention",
         to_char(attention_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as since
       from complaint_sla where attention_step is not null and ($1::text is null or district = $1)
       order by attention_since, complaint_id`,
      ['district' in scope ? scope.district : null],
    );
    return rows;
  }

  async ofCitizen(citizenId: string) {
    const { rows } = await this.pool.query(
      `select complaint_id as "complaintId", complaint_type as "complaintType", status, outcome, filed_at as "filedAt"
       from complaint_sla where citizen_id = $1 order by filed_at desc`,
      [citizenId],
    );
    return rows as {
      complaintId: string;
      complaintType: string;
      status: string;
      outcome: string | null;
      filedAt: Date;
    }[];
  }
}
