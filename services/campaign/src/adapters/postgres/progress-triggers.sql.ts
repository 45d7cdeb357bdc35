/*
 * SQL shared by the progress migrations. The text of an applied migration is hashed and must never
 * change (progress-migrations.spec.ts pins it), so these builders reproduce what the migrations
 * wrote when they were applied, indentation included: change them only by adding a parameter whose
 * default keeps the old text.
 */

/** Each campaign row's classification flags, in the counters' column order. */
export const PROGRESS_FLAGS = [
  'sent',
  'matched',
  'mismatched',
  'not_found',
  'invalid_id',
  'duplicate',
  'recorded',
  'corrected',
  'attested',
];

export const STATEMENT_OPS = ['insert', 'update', 'delete'] as const;
export type StatementOp = (typeof STATEMENT_OPS)[number];

/** A statement's rows, each with the sign it moves a counter by: +1 as it is now, -1 as it was. */
export const SIGNED: Record<StatementOp, string> = {
  insert: 'select *, 1 as sign from new_rows',
  update: 'select *, 1 as sign from new_rows union all select *, -1 from old_rows',
  delete: 'select *, -1 as sign from old_rows',
};

const REFERENCING: Record<StatementOp, string> = {
  insert: 'new table as new_rows',
  update: 'old table as old_rows new table as new_rows',
  delete: 'old table as old_rows',
};

/** A trigger function run once per statement; `create or replace` keeps the triggers that call it. */
export const triggerFunction = (name: string, body: string, verb = 'create') =>
  `${verb} function ${name}() returns trigger language plpgsql as $fn$ begin ${body} return null; end $fn$;`;

/** A statement trigger and its function: `body` sees the statement's rows as new_rows and old_rows. */
export const statementTrigger = (table: string, name: string, op: StatementOp, body: string, indent = '    ') => `
${indent}${triggerFunction(name, body)}
${indent}create trigger ${name} after ${op} on ${table} referencing ${REFERENCING[op]}
${indent}  for each statement execute function ${name}();`;

/**
 * `progress_touch`: recomputes the flags of the given rows from their tables and upserts the changed
 * ones. Migrations differ only in how a row counts as sent and as invalid. The text starts at `verb`
 * (the caller's template indents that line); every later line is indented by `indent`; `sent` and
 * `invalid` are select-list expressions, their own continuation lines indented relative to them.
 */
export const touchFunction = (p: { verb: string; sent: string; invalid: string; indent: string }) => {
  const item = (expr: string) => expr.split('\n').map((line) => `    ${line}`);
  const flags = PROGRESS_FLAGS;
  return [
    `${p.verb} function progress_touch(cs text[], imports text[], rns int[]) returns void language sql as $fn$`,
    ...[
      `  insert into progress_rows as p (campaign_id, import_id, row_number, site_key, ${flags.join(', ')})`,
      `  select k.c, k.i, k.r, coalesce(l.site_id, ''),`,
      ...item(`${p.sent},`),
      `    (r.result is not distinct from 'matched')::int,`,
      `    (r.result is not distinct from 'mismatched')::int,`,
      `    (r.result is not distinct from 'not-found')::int,`,
      ...item(`${p.invalid},`),
      `    (m.proposal_id is not null)::int,`,
      `    (d.outcome is not distinct from 'recorded' or d.outcome is not distinct from 'already-on-record')::int,`,
      `    (c.row_number is not null)::int,`,
      `    (d.attestation_id is not null)::int`,
      `  from (select distinct c, i, r from unnest(cs, imports, rns) as t(c, i, r)) k`,
      `  join legacy_rows l on l.import_id = k.i and l.row_number = k.r`,
      `  left join row_results r on r.campaign_id = k.c and r.import_id = k.i and r.row_number = k.r`,
      `  left join merge_proposals m on m.campaign_id = k.c and m.duplicate_import = k.i and m.duplicate_row = k.r`,
      `    and m.status <> 'rejected'`,
      `  left join dose_submissions d on d.campaign_id = k.c and d.import_id = k.i and d.row_number = k.r`,
      `  left join row_corrections c on c.campaign_id = k.c and c.import_id = k.i and c.row_number = k.r`,
      `  order by 1, 2, 3`,
      `  on conflict (campaign_id, import_id, row_number) do update set`,
      `    ${flags.map((f) => `${f} = excluded.${f}`).join(', ')}`,
      `  where (${flags.map((f) => `p.${f}`).join(', ')}) is distinct from (${flags.map((f) => `excluded.${f}`).join(', ')})`,
      `$fn$;`,
    ].map((line) => `${p.indent}${line}`),
  ].join('\n');
};
