import type { Migration } from '@vax/event-sourcing';
import {
  PROGRESS_FLAGS as FLAGS,
  STATEMENT_OPS as OPS,
  SIGNED,
  statementTrigger,
  touchFunction,
} from './progress-triggers.sql';

/*
 * Progress counters kept by PostgreSQL triggers as the campaign's tables are written, so a poll of
 * progress reads a few rows per site instead of joining every row of a million-row campaign.
 *
 *   progress_import_sites  rows, rejected, accepted without a usable number: per import and site
 *   progress_rows          each campaign row's classification flags, recomputed whenever a table
 *                          that classifies it changes (the same rules as the join it replaces)
 *   progress_sites         the flags summed per campaign and site, moved by each statement's change
 *   progress_worklist      open work items per campaign, site and due day (overdue depends on today)
 *
 * Counters move by the difference between a statement's old and new rows: writing a row to what it
 * was moves nothing, and a recompute of a row can be repeated. A null site is '' here.
 */
const importSites = (source: string) => `
  insert into progress_import_sites as c (import_id, site_key, rows, rejected, invalid_state)
  select import_id, coalesce(site_id, ''), sum(sign), coalesce(sum(sign) filter (where status = 'rejected'), 0),
    coalesce(sum(sign) filter (where status = 'accepted' and id_state <> 'valid'), 0)
  from (${source}) s group by 1, 2 order by 1, 2
  on conflict (import_id, site_key) do update set rows = c.rows + excluded.rows,
    rejected = c.rejected + excluded.rejected, invalid_state = c.invalid_state + excluded.invalid_state;`;

const siteCounting = (source: string) => `
  insert into progress_sites as c (campaign_id, site_key, ${FLAGS.join(', ')})
  select campaign_id, site_key, ${FLAGS.map((f) => `sum(${f} * sign)`).join(', ')}
  from (${source}) s group by 1, 2 order by 1, 2
  on conflict (campaign_id, site_key) do update set
    ${FLAGS.map((f) => `${f} = c.${f} + excluded.${f}`).join(', ')};`;

const worklistCounting = (source: string) => `
  insert into progress_worklist as c (campaign_id, site_key, due_on, open)
  select campaign_id, coalesce(site_id, ''), due_on, sum(sign)
  from (${source}) s where status in ('open', 'reopened') group by 1, 2, 3 having sum(sign) <> 0 order by 1, 2, 3
  on conflict (campaign_id, site_key, due_on) do update set open = c.open + excluded.open;`;

/** Every row of a campaign's table that classifies a row names it by (campaign, import, row). */
const touch = (keys: string) =>
  `perform progress_touch(array_agg(k.c), array_agg(k.i), array_agg(k.r)) from (${keys}) k(c, i, r);`;

// Rows of a batch's range without an answer: sent while the batch is open, not once it is closed.
const batchRange = (batches: string) => `
  select b.campaign_id, l.import_id, l.row_number from (${batches}) b
  join legacy_rows l on l.import_id = b.import_id and l.row_number between b.first_row and b.last_row
    and l.status = 'accepted' and l.id_state = 'valid'
  where not exists (select 1 from row_results r where r.campaign_id = b.campaign_id
    and r.import_id = l.import_id and r.row_number = l.row_number)`;

const TOUCH_FUNCTION = `
  ${touchFunction({ verb: 'create', indent: '  ', sent: "(r.row_number is not null or (l.status = 'accepted' and l.id_state = 'valid' and exists (\n  select 1 from verification_batches b where b.campaign_id = k.c and b.completed_at is null\n  and b.import_id = k.i and k.r between b.first_row and b.last_row)))::int", invalid: "(l.status = 'accepted' and l.id_state = 'valid' and r.result is not distinct from 'invalid-id')::int" })}`;

const keyed = (table: string, campaign: string, importId: string, row: string, updated?: string) =>
  OPS.map((op) =>
    statementTrigger(
      table,
      `progress_${table}_${op}`,
      op,
      touch(
        op === 'update'
          ? (updated ??
              `select ${campaign}, ${importId}, ${row} from new_rows union select ${campaign}, ${importId}, ${row} from old_rows`)
          : `select ${campaign}, ${importId}, ${row} from ${op === 'insert' ? 'new_rows' : 'old_rows'}`,
      ),
    ),
  ).join('\n');

// A dose sent or answered is touched only when what progress counts of it changed (sending moves nothing).
const DOSES_CHANGED = `
  select n.campaign_id, n.import_id, n.row_number from new_rows n join old_rows o using (dose_id)
  where (n.outcome in ('recorded', 'already-on-record')) <> (o.outcome in ('recorded', 'already-on-record'))
    or (n.attestation_id is null) <> (o.attestation_id is null)
    or (n.campaign_id, n.import_id, n.row_number) <> (o.campaign_id, o.import_id, o.row_number)
  union select o.campaign_id, o.import_id, o.row_number from new_rows n join old_rows o using (dose_id)
  where (n.campaign_id, n.import_id, n.row_number) <> (o.campaign_id, o.import_id, o.row_number)`;

export const PROGRESS_COUNTERS_MIGRATION: Migration = {
  name: 'campaign-0004-progress-counters',
  sql: `
    -- Writers wait while the counters are first counted, so no row escapes both the count and the triggers.
    lock table legacy_rows, row_results, merge_proposals, dose_submissions, row_corrections,
      verification_batches, worklist_items in share row exclusive mode;
    create table progress_import_sites (
      import_id text not null, site_key text not null,
      rows int not null, rejected int not null, invalid_state int not null,
      primary key (import_id, site_key));
    create table progress_rows (
      campaign_id text not null, import_id text not null, row_number int not null, site_key text not null,
      ${FLAGS.map((f) => `${f} smallint not null`).join(', ')},
      primary key (campaign_id, import_id, row_number));
    create table progress_sites (
      campaign_id text not null, site_key text not null,
      ${FLAGS.map((f) => `${f} int not null`).join(', ')},
      primary key (campaign_id, site_key));
    create table progress_worklist (
      campaign_id text not null, site_key text not null, due_on date not null, open int not null,
      primary key (campaign_id, site_key, due_on));
    ${TOUCH_FUNCTION}
    ${OPS.map((op) => statementTrigger('progress_rows', `progress_rows_${op}`, op, siteCounting(SIGNED[op]))).join('\n')}

    -- What was there before the counters: counted once, through the same rules.
    ${importSites('select *, 1 as sign from legacy_rows')}
    ${worklistCounting('select *, 1 as sign from worklist_items')}
    select progress_touch(array_agg(c), array_agg(i), array_agg(r)) from (
      select campaign_id, import_id, row_number from row_results
      union select campaign_id, duplicate_import, duplicate_row from merge_proposals
      union select campaign_id, import_id, row_number from dose_submissions
      union select campaign_id, import_id, row_number from row_corrections
      union ${batchRange('select * from verification_batches where completed_at is null')}) k(c, i, r);

    ${OPS.map((op) => statementTrigger('legacy_rows', `progress_legacy_rows_${op}`, op, importSites(SIGNED[op]))).join('\n')}
    ${OPS.map((op) => statementTrigger('worklist_items', `progress_worklist_items_${op}`, op, worklistCounting(SIGNED[op]))).join('\n')}
    ${keyed('row_results', 'campaign_id', 'import_id', 'row_number')}
    ${keyed('merge_proposals', 'campaign_id', 'duplicate_import', 'duplicate_row')}
    ${keyed('dose_submissions', 'campaign_id', 'import_id', 'row_number', DOSES_CHANGED)}
    ${keyed('row_corrections', 'campaign_id', 'import_id', 'row_number')}
    ${statementTrigger('verification_batches', 'progress_batches_insert', 'insert', touch(batchRange('select * from new_rows')))}
    ${statementTrigger(
      'verification_batches',
      'progress_batches_update',
      'update',
      touch(
        batchRange(`select n.* from new_rows n join old_rows o using (batch_id)
          where (n.completed_at is null) <> (o.completed_at is null)`),
      ),
    )}
  `,
};
