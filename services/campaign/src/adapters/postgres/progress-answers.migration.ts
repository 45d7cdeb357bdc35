import type { Migration } from '@vax/event-sourcing';
import { type StatementOp, statementTrigger } from './progress-triggers.sql';

/*
 * A registry answer moves only its row's answer flags: one lookup of the list row (its site and
 * state) and an upsert, instead of recounting every flag (bench/read-models-size: the answers were
 * most of what the counters cost the pipeline). A row's other flags are right without a recount:
 * if another table classified it before, its progress row exists and keeps them; if none did,
 * they are all zero.
 */
const ANSWER_FLAGS = ['sent', 'matched', 'mismatched', 'not_found', 'invalid_id'];

const answers = (rows: string) => `
  insert into progress_rows as p (campaign_id, import_id, row_number, site_key, ${ANSWER_FLAGS.join(', ')},
    duplicate, recorded, corrected, attested)
  select n.campaign_id, n.import_id, n.row_number, coalesce(l.site_id, ''), 1,
    (n.result = 'matched')::int, (n.result = 'mismatched')::int, (n.result = 'not-found')::int,
    (l.status = 'accepted' and l.id_state = 'valid' and n.result = 'invalid-id')::int, 0, 0, 0, 0
  from ${rows} n join legacy_rows l on l.import_id = n.import_id and l.row_number = n.row_number
  order by 1, 2, 3
  on conflict (campaign_id, import_id, row_number) do update set
    ${ANSWER_FLAGS.map((f) => `${f} = excluded.${f}`).join(', ')}
  where (${ANSWER_FLAGS.map((f) => `p.${f}`).join(', ')}) is distinct from (${ANSWER_FLAGS.map((f) => `excluded.${f}`).join(', ')});`;

// Replaces 0004's triggers on the answers (two-space indentation, as applied: its text is hashed).
const trigger = (name: string, op: StatementOp, body: string) => `
  drop trigger ${name} on row_results;
  drop function ${name}();${statementTrigger('row_results', name, op, body, '  ')}`;

export const PROGRESS_ANSWERS_MIGRATION: Migration = {
  name: 'campaign-0007-progress-answers',
  sql: `
    ${trigger('progress_row_results_insert', 'insert', answers('new_rows'))}
    ${trigger(
      'progress_row_results_update',
      'update',
      `${answers(`(select n.* from new_rows n join old_rows o using (campaign_id, import_id, row_number)
        where n.result is distinct from o.result)`)}
       perform progress_touch(array_agg(o.campaign_id), array_agg(o.import_id), array_agg(o.row_number))
       from old_rows o where not exists (select 1 from new_rows n where (n.campaign_id, n.import_id, n.row_number)
         = (o.campaign_id, o.import_id, o.row_number));`,
    )}
  `,
};
