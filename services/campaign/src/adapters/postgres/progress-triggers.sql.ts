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
