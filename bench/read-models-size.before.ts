/** The queries the counters replaced (issue 19), kept to measure against: progress and SLA reports before. */
export const OLD_PROGRESS = `
  select l.site_id, count(*)::int as rows,
    count(*) filter (where r.row_number is not null or (l.status = 'accepted' and l.id_state = 'valid' and exists (
      select 1 from verification_batches b where b.campaign_id = $1 and b.completed_at is null
      and b.import_id = l.import_id and l.row_number between b.first_row and b.last_row)))::int as sent,
    count(*) filter (where r.result = 'matched')::int as matched,
    count(*) filter (where r.result = 'mismatched')::int as mismatched,
    count(*) filter (where r.result = 'not-found')::int as "notFound",
    count(*) filter (where l.status = 'accepted' and (l.id_state <> 'valid' or r.result = 'invalid-id'))::int as "invalidId",
    count(*) filter (where l.status = 'rejected')::int as rejected,
    count(*) filter (where m.proposal_id is not null)::int as duplicates,
    count(*) filter (where d.outcome in ('recorded', 'already-on-record'))::int as recorded,
    count(*) filter (where c.row_number is not null)::int as corrected,
    count(*) filter (where d.attestation_id is not null)::int as attested
  from legacy_rows l
  left join row_results r on r.campaign_id = $1 and r.import_id = l.import_id and r.row_number = l.row_number
  left join merge_proposals m on m.campaign_id = $1 and m.duplicate_import = l.import_id
    and m.duplicate_row = l.row_number and m.status <> 'rejected'
  left join dose_submissions d on d.campaign_id = $1 and d.import_id = l.import_id and d.row_number = l.row_number
  left join row_corrections c on c.campaign_id = $1 and c.import_id = l.import_id and c.row_number = l.row_number
  where l.import_id = any($2)
  group by l.site_id`;

export const OLD_SUMMARY = (column: string) => `
  select coalesce(${column}, 'unknown') as key,
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
  group by 1 order by 1`;

export const OLD_BREACHES = `
  select to_char(b.at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day, b.level, count(*)::int as breaches
  from complaint_sla, unnest(breaches, breach_levels) as b(at, level)
  where ($1::text is null or district = $1)
    and (b.at at time zone 'Asia/Ho_Chi_Minh')::date between $2::date and $3::date
  group by 1, 2 order by 1, 2`;
