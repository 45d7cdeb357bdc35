import type { PoolClient } from 'pg';
import { bucketSql } from '../domain/sla/duration-histogram';

/**
 * What managers' SLA reports count, kept by a trigger on the complaint rows so a report reads a few
 * rows per site instead of every complaint. Each row's contribution is taken away as it was and added
 * as it is, so an event replayed (an update guarded away, or one writing the same values) moves nothing.
 *
 *   <table>_stats      complaints, open, breaches, escalated, resolved by site (with its commune, district)
 *   <table>_durations  resolved complaints by site and bucket of hours to resolve (duration-histogram.ts)
 *   <table>_breaches   breaches by local day (UTC+7), level and district
 *   <table>_running    complaints whose clock runs (assigned, not paused) by site and local due day
 *
 * A null site, commune or district is '' in these keys. Overdue depends on the hour asked: the days
 * before today come from <table>_running, today's from the rows due today, by an index on due_at.
 * A district's histograms are read from their index alone (a site's ~330 buckets once saturated).
 */
export async function createSlaCounters(tx: PoolClient, t: string): Promise<void> {
  await tx.query(`
    create table ${t}_stats (site_key text not null, commune_key text not null, district_key text not null,
      complaints int not null, open int not null, breaches int not null, escalated int not null, resolved int not null,
      primary key (site_key, commune_key, district_key));
    create index ${t}_stats_district on ${t}_stats (district_key);
    create table ${t}_durations (site_key text not null, commune_key text not null, district_key text not null,
      bucket int not null, resolved int not null, primary key (site_key, commune_key, district_key, bucket));
    create index ${t}_durations_district on ${t}_durations (district_key, site_key, commune_key, bucket) include (resolved);
    create table ${t}_breaches (day date not null, level text not null, district_key text not null,
      breaches int not null, primary key (day, district_key, level));
    create table ${t}_running (site_key text not null, commune_key text not null, district_key text not null,
      due_day date not null, running int not null, primary key (site_key, commune_key, district_key, due_day));
    create index ${t}_running_district on ${t}_running (district_key, due_day);
    create index ${t}_due on ${t} (due_at) where status = 'assigned' and not paused;
    create index ${t}_attention_district on ${t} (district, attention_since) where attention_step is not null;

    create function ${t}_move(r ${t}, dir int) returns void language sql as $fn$
      insert into ${t}_stats as s values (coalesce(r.site_id, ''), coalesce(r.commune, ''), coalesce(r.district, ''),
        dir, dir * (r.status <> 'closed')::int, dir * cardinality(r.breaches),
        dir * (cardinality(r.breaches) > 0)::int, dir * (r.outcome is not distinct from 'resolved')::int)
      on conflict (site_key, commune_key, district_key) do update set complaints = s.complaints + excluded.complaints,
        open = s.open + excluded.open, breaches = s.breaches + excluded.breaches,
        escalated = s.escalated + excluded.escalated, resolved = s.resolved + excluded.resolved;
      insert into ${t}_durations as d
      select coalesce(r.site_id, ''), coalesce(r.commune, ''), coalesce(r.district, ''),
        ${bucketSql('extract(epoch from r.closed_at - r.filed_at) / 3600')}, dir
      where r.outcome = 'resolved' and r.closed_at is not null
      on conflict (site_key, commune_key, district_key, bucket) do update set resolved = d.resolved + excluded.resolved;
      insert into ${t}_breaches as b
      select (breached_at at time zone 'Asia/Ho_Chi_Minh')::date, breach_level, coalesce(r.district, ''), dir * count(*)
      from unnest(r.breaches, r.breach_levels) as x(breached_at, breach_level) group by 1, 2
      on conflict (day, district_key, level) do update set breaches = b.breaches + excluded.breaches;
      insert into ${t}_running as u
      select coalesce(r.site_id, ''), coalesce(r.commune, ''), coalesce(r.district, ''),
        (r.due_at at time zone 'Asia/Ho_Chi_Minh')::date, dir
      where r.status = 'assigned' and not r.paused and r.due_at is not null
      on conflict (site_key, commune_key, district_key, due_day) do update set running = u.running + excluded.running;
    $fn$;

    create function ${t}_count() returns trigger language plpgsql as $fn$ begin
      if tg_op = 'UPDATE' and (old.site_id, old.commune, old.district, old.status, old.outcome, old.breaches,
          old.breach_levels, old.closed_at, old.filed_at, old.paused, old.due_at) is not distinct from (new.site_id,
          new.commune, new.district, new.status, new.outcome, new.breaches, new.breach_levels, new.closed_at,
          new.filed_at, new.paused, new.due_at) then
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then perform ${t}_move(old, -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform ${t}_move(new, 1); end if;
      return null;
    end $fn$;
    create trigger ${t}_count after insert or update or delete on ${t} for each row execute function ${t}_count()`);
}
