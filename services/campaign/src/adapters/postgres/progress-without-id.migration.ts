import type { Migration } from '@vax/event-sourcing';
import {
  PROGRESS_FLAGS as FLAGS,
  SIGNED,
  STATEMENT_OPS,
  touchFunction,
  triggerFunction,
} from './progress-triggers.sql';

/*
 * Rows without a usable ID number are sent to the registry since identity.bulk-requests.v2 (searched
 * by name, birth date and place), so they are counted as every other row: pending while their batch
 * is open, then as the registry answered (matched, mismatched, to review, not found). "Invalid" is
 * now the registry's own answer only ('invalid-id': no usable number, and no search found anyone);
 * before, a list counted each such row invalid from its import on, and left it out of the pending.
 * Rows of batches sent before v2, which did not carry them, count as not sent.
 *
 * The trigger functions are replaced in place (their triggers stay), then every counter but the
 * worklist's, which this does not change, is counted again from the campaign's rows.
 */
const replace = (name: string, body: string) => triggerFunction(name, body, 'create or replace');

const importSites = (source: string) => `
  insert into progress_import_sites as c (import_id, site_key, rows, rejected)
  select import_id, coalesce(site_id, ''), sum(sign), coalesce(sum(sign) filter (where status = 'rejected'), 0)
  from (${source}) s group by 1, 2 order by 1, 2
  on conflict (import_id, site_key) do update set rows = c.rows + excluded.rows, rejected = c.rejected + excluded.rejected;`;

// Accepted rows of an open batch's range not yet answered: every accepted row is sent.
const batchRows = (batches: string) => `
  select b.batch_id, b.campaign_id, coalesce(l.site_id, '') as site_key, count(*)::int as rows from (${batches}) b
  join legacy_rows l on l.import_id = b.import_id and l.row_number between b.first_row and b.last_row
    and l.status = 'accepted'
  where b.completed_at is null and not exists (select 1 from row_results r where r.campaign_id = b.campaign_id
    and r.import_id = l.import_id and r.row_number = l.row_number)
  group by 1, 2, 3`;

const INVALID = `l.status = 'accepted' and r.result is not distinct from 'invalid-id'`;

const TOUCH_FUNCTION = `
  ${touchFunction({ verb: 'create or replace', indent: '  ', sent: '(r.row_number is not null)::int', invalid: `(${INVALID})::int` })}`;

// An answer moves only its row's answer flags (as in 0007).
const ANSWER_FLAGS = FLAGS.slice(0, 5);
const answers = (rows: string) => `
  insert into progress_rows as p (campaign_id, import_id, row_number, site_key, ${FLAGS.join(', ')})
  select r.campaign_id, r.import_id, r.row_number, coalesce(l.site_id, ''), 1,
    (r.result = 'matched')::int, (r.result = 'mismatched')::int, (r.result = 'not-found')::int, (${INVALID})::int,
    0, 0, 0, 0
  from ${rows} r join legacy_rows l on l.import_id = r.import_id and l.row_number = r.row_number
  order by 1, 2, 3
  on conflict (campaign_id, import_id, row_number) do update set
    ${ANSWER_FLAGS.map((f) => `${f} = excluded.${f}`).join(', ')}
  where (${ANSWER_FLAGS.map((f) => `p.${f}`).join(', ')}) is distinct from (${ANSWER_FLAGS.map((f) => `excluded.${f}`).join(', ')});`;

const ANSWERS_REPLACED = `(select n.* from new_rows n join old_rows o using (campaign_id, import_id, row_number)
  where n.result is distinct from o.result)`;
const ANSWERS_REMOVED = `
  perform progress_touch(array_agg(o.campaign_id), array_agg(o.import_id), array_agg(o.row_number))
  from old_rows o where not exists (select 1 from new_rows n where (n.campaign_id, n.import_id, n.row_number)
    = (o.campaign_id, o.import_id, o.row_number));`;

export const PROGRESS_WITHOUT_ID_MIGRATION: Migration = {
  name: 'campaign-0008-progress-rows-without-id',
  sql: `
    -- Writers wait while everything is counted again, so no write escapes both the count and the triggers.
    lock table legacy_rows, row_results, merge_proposals, dose_submissions, row_corrections, verification_batches,
      progress_import_sites, progress_rows, progress_sites, progress_pending in share row exclusive mode;

    ${STATEMENT_OPS.map((op) => replace(`progress_legacy_rows_${op}`, importSites(SIGNED[op]))).join('\n')}
    alter table progress_import_sites drop column invalid_state;
    ${TOUCH_FUNCTION}
    ${replace('progress_row_results_insert', answers('new_rows'))}
    ${replace('progress_row_results_update', `${answers(ANSWERS_REPLACED)} ${ANSWERS_REMOVED}`)}
    ${replace(
      'progress_pending_insert',
      `insert into progress_pending ${batchRows('select * from new_rows')} on conflict (batch_id, site_key) do nothing;`,
    )}
    ${replace(
      'progress_pending_update',
      `delete from progress_pending p using new_rows n where p.batch_id = n.batch_id and n.completed_at is not null;
       insert into progress_pending ${batchRows(`select n.* from new_rows n join old_rows o using (batch_id)
         where o.completed_at is not null and n.completed_at is null`)} on conflict (batch_id, site_key) do nothing;`,
    )}

    -- Everything counted again through the new rules (truncate fires no row triggers; the
    -- progress_rows inserts below move progress_sites through theirs).
    truncate progress_import_sites, progress_rows, progress_sites, progress_pending;
    ${importSites('select *, 1 as sign from legacy_rows')}
    select progress_touch(array_agg(c), array_agg(i), array_agg(r)) from (
      select campaign_id, import_id, row_number from row_results
      union select campaign_id, duplicate_import, duplicate_row from merge_proposals
      union select campaign_id, import_id, row_number from dose_submissions
      union select campaign_id, import_id, row_number from row_corrections) k(c, i, r);
    insert into progress_pending ${batchRows('select * from verification_batches')};
  `,
};
