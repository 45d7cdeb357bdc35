import type { Pool } from 'pg';
import { type KeysetPage, PAGE_LIMIT_MAX, pageOf } from '@vax/platform';
import { type BucketCount, percentileOf } from '../../domain/sla/duration-histogram';
import { QUEUE_ORDER, QUEUE_ROWS } from '../../projections/complaint-sla.queue.sql';

type KeyValue = string | number | null;

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
const COUNTER_KEY: Record<ReportGroup, string> = { site: 'site_key', commune: 'commune_key', district: 'district_key' };
const QUEUE_KEY = `array[(attention_step is null)::int::text, paused::int::text,
  coalesce(to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'infinity'), complaint_id]`;
const LOCAL = 'Asia/Ho_Chi_Minh';
const district = (scope: ManagerScope) => ('district' in scope ? scope.district : null);

/**
 * Managers' SLA reports and units' queues, from the complaint_sla read model: reports from its
 * counters and histograms (complaint-sla.counters.ts), overdue from running complaints by due day.
 */
export class SlaReportQuery {
  constructor(private readonly pool: Pool) {}

  async summary(groupBy: ReportGroup, scope: ManagerScope, now: Date): Promise<SlaSummaryRow[]> {
    const column = GROUP_COLUMN[groupBy];
    const key = `coalesce(nullif(${COUNTER_KEY[groupBy]}, ''), 'unknown')`;
    // A statement per kind of scope, so a district's plan uses the district's index.
    const [counted, running] =
      district(scope) === null ? ['$1::text is null', '$1::text is null'] : ['district_key = $1', 'district = $1'];
    const [counts, durations, overdue] = await Promise.all([
      this.pool.query(
        `select ${key} as key, sum(open)::int as open, sum(breaches)::int as breaches,
           sum(escalated)::int as escalated, sum(resolved)::int as resolved
         from complaint_sla_stats where ${counted} group by 1 having sum(complaints) > 0 order by 1`,
        [district(scope)],
      ),
      this.pool.query<{ key: string } & BucketCount>(
        `select ${key} as key, bucket, sum(resolved)::int as count from complaint_sla_durations
         where ${counted} group by 1, 2`,
        [district(scope)],
      ),
      // Overdue: due on a day before today (counters), or earlier today (the few rows due today).
      this.pool.query(
        `select key, sum(n)::int as overdue from (
           select ${key} as key, running as n from complaint_sla_running
           where ${counted} and due_day < ($2::timestamptz at time zone '${LOCAL}')::date
           union all
           select coalesce(${column}, 'unknown'), 1 from complaint_sla
           where status = 'assigned' and not paused and ${running} and due_at < $2
             and due_at >= date_trunc('day', $2::timestamptz at time zone '${LOCAL}') at time zone '${LOCAL}'
         ) o group by key`,
        [district(scope), now],
      ),
    ]);
    const overdueOf = new Map(overdue.rows.map((r) => [r.key as string, r.overdue as number]));
    const histograms = new Map<string, BucketCount[]>();
    for (const { key, bucket, count } of durations.rows) {
      const buckets = histograms.get(key) ?? [];
      if (buckets.length === 0) histograms.set(key, buckets);
      buckets.push({ bucket, count }); // not copied per row: a site holds up to ~330 buckets
    }
    return counts.rows.map(({ key, open, breaches, escalated, resolved }) => ({
      key,
      open,
      overdue: overdueOf.get(key) ?? 0,
      breaches,
      escalated,
      resolved,
      medianHoursToResolve: percentileOf(histograms.get(key) ?? [], 0.5),
      p90HoursToResolve: percentileOf(histograms.get(key) ?? [], 0.9),
    }));
  }

  /** Breaches per local day (UTC+7) and level, between two dates inclusive, from the counters by day. */
  async breachesByDay(scope: ManagerScope, from: string, to: string) {
    const { rows } = await this.pool.query<{ day: string; level: string; breaches: number }>(
      `select to_char(day, 'YYYY-MM-DD') as day, level, sum(breaches)::int as breaches
       from complaint_sla_breaches
       where day between $2::date and $3::date and ($1::text is null or district_key = $1)
       group by 1, 2 having sum(breaches) <> 0 order by 1, 2`,
      [district(scope), from, to],
    );
    return rows;
  }

  /**
   * The complaints a unit holds, those needing attention first, then the most urgent; those waiting
   * on the citizen last. A closed one stays while a step after its closing needs attention.
   */
  async queue(unitId: string, page: KeysetPage = FIRST_PAGE): Promise<Page<QueueItem>> {
    // Two statements, not `$2 is null or …`: the cursor must be an index condition, so a page
    // deep in the queue starts where the last one ended instead of filtering every row before it.
    const after = page.after ? `and (${QUEUE_ORDER}) > ($3::int, $4::int, $5::timestamptz, $6)` : '';
    const { rows } = await this.pool.query<QueueItem & { key: KeyValue[] }>(
      `select complaint_id as "complaintId", complaint_type as "complaintType", status, level,
         to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueAt", paused,
         cardinality(breaches)::int as breaches, attention_step as "needsAttention", subject,
         to_char(filed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "filedAt",
         ${QUEUE_KEY} as key
       from complaint_sla where unit_id = $1 and ${QUEUE_ROWS} ${after}
       order by ${QUEUE_ORDER} limit $2`,
      [unitId, page.limit + 1, ...(page.after ?? [])],
    );
    return keyed(rows, page);
  }

  /** The complaints within a manager's reach a failed step holds up, the longest waiting first. */
  async needingAttention(scope: ManagerScope, page: KeysetPage = FIRST_PAGE): Promise<Page<AttentionItem>> {
    const { rows } = await this.pool.query<AttentionItem & { key: KeyValue[] }>(
      `select complaint_id as "complaintId", complaint_type as "complaintType", status, unit_id as "unitId",
         district, attention_step as "needsAttention",
         to_char(attention_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as since,
         array[to_char(attention_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), complaint_id] as key
       from complaint_sla where attention_step is not null and ${district(scope) === null ? '$1::text is null' : 'district = $1'}
         and ($2::timestamptz is null or (attention_since, complaint_id) > ($2, $3))
       order by attention_since, complaint_id limit $4`,
      [district(scope), ...(page.after ?? [null, null]), page.limit + 1],
    );
    return keyed(rows, page);
  }

  /** A citizen's complaints, newest first. */
  async ofCitizen(citizenId: string, page: KeysetPage = FIRST_PAGE): Promise<Page<CitizenComplaint>> {
    const { rows } = await this.pool.query<CitizenComplaint & { key: KeyValue[] }>(
      `select complaint_id as "complaintId", complaint_type as "complaintType", status, outcome, filed_at as "filedAt",
         array[to_char(filed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), complaint_id] as key
       from complaint_sla where citizen_id = $1 and ($2::timestamptz is null or (filed_at, complaint_id) < ($2, $3))
       order by filed_at desc, complaint_id desc limit $4`,
      [citizenId, ...(page.after ?? [null, null]), page.limit + 1],
    );
    return keyed(rows, page);
  }
}

interface CitizenComplaint {
  complaintId: string;
  complaintType: string;
  status: string;
  outcome: string | null;
  filedAt: Date;
}

type Page<T> = { items: T[]; nextCursor: string | null };
const FIRST_PAGE: KeysetPage = { after: null, limit: PAGE_LIMIT_MAX };

/** Rows carrying their sort key (`key`), as a page without it. */
function keyed<T>(rows: (T & { key: KeyValue[] })[], page: KeysetPage): Page<T> {
  const { items, nextCursor } = pageOf(rows, page, (r) => r.key);
  return { items: items.map(({ key: _key, ...item }) => item as unknown as T), nextCursor };
}
