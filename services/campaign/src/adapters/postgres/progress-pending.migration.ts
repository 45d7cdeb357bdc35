import type { Migration } from '@vax/event-sourcing';
import { type StatementOp, statementTrigger, touchFunction } from './progress-triggers.sql';

/*
 * Rows sent and not yet answered, counted per open batch and site instead of per row (measured: the
 * per-row flags at a batch's opening cost the pipeline as much as the answers' own writes). A chunk's
 * batch is opened, then answered and closed in one transaction, so a row leaves the batch's pending
 * count in the same commit that gives it a result. The chunks of a campaign never overlap (each
 * list is cut into disjoint ranges; rechecks name no range), so no row is pending twice.
 */
const batchRows = (batches: string) => `
  select b.batch_id, b.campaign_id, coalesce(l.site_id, '') as site_key, count(*)::int as rows from (${batches}) b
  join legacy_rows l on l.import_id = b.import_id and l.row_number between b.first_row and b.last_row
    and l.status = 'accepted' and l.id_state = 'valid'
  where b.completed_at is null and not exists (select 1 from row_results r where r.campaign_id = b.campaign_id
    and r.import_id = l.import_id and r.row_number = l.row_number)
  group by 1, 2, 3`;

// Written with two-space indentation when it was applied (its text is hashed).
const trigger = (name: string, op: StatementOp, body: string) =>
  statementTrigger('verification_batches', name, op, body, '  ');

export const PROGRESS_PENDING_MIGRATION: Migration = {
  name: 'campaign-0006-progress-pending',
  sql: `
    lock table legacy_rows, row_results, verification_batches, progress_rows in share row exclusive mode;
    create table progress_pending (
      batch_id text not null, campaign_id text not null, site_key text not null, rows int not null,
      primary key (batch_id, site_key));
    create index progress_pending_campaign on progress_pending (campaign_id);

    -- A row's own flag now says "answered"; the rows of open batches are counted above.
    ${touchFunction({ verb: 'create or replace', indent: '    ', sent: '(r.row_number is not null)::int', invalid: "(l.status = 'accepted' and l.id_state = 'valid' and r.result is not distinct from 'invalid-id')::int" })}

    drop trigger progress_batches_insert on verification_batches;
    drop trigger progress_batches_update on verification_batches;
    drop function progress_batches_insert();
    drop function progress_batches_update();
    ${trigger(
      'progress_pending_insert',
      'insert',
      `insert into progress_pending ${batchRows('select * from new_rows')} on conflict (batch_id, site_key) do nothing;`,
    )}
    ${trigger(
      'progress_pending_update',
      'update',
      `delete from progress_pending p using new_rows n where p.batch_id = n.batch_id and n.completed_at is not null;
       insert into progress_pending ${batchRows(`select n.* from new_rows n join old_rows o using (batch_id)
         where o.completed_at is not null and n.completed_at is null`)} on conflict (batch_id, site_key) do nothing;`,
    )}
    ${trigger(
      'progress_pending_delete',
      'delete',
      'delete from progress_pending p using old_rows o where p.batch_id = o.batch_id;',
    )}

    update progress_rows p set sent = 0 where sent = 1 and not exists (select 1 from row_results r
      where r.campaign_id = p.campaign_id and r.import_id = p.import_id and r.row_number = p.row_number);
    insert into progress_pending ${batchRows('select * from verification_batches')};
  `,
};
