import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrate } from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { CAMPAIGN_MIGRATIONS } from '../postgres/campaign.migrations';
import { MappingRejected, parseMapping } from '../../domain/legacy-row/column-mapping';
import { importFile } from '../files/import-file';
import type { ImportSummary } from '../../application/ports/legacy-import.port';
import { loadCampaignReference } from '../../reference/reference-data';

const USAGE = `usage: campaign import <file.csv|file.xlsx> --mapping <mapping.json> [--report <report.csv>]
                       [--import-id <id>] [--database <postgres url>] [--first-day YYYY-MM-DD]
  DATABASE_URL is used when --database is not given. Running again with the same --import-id
  resumes an interrupted import after its last committed row.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      report: { type: 'string' },
      'import-id': { type: 'string' },
      database: { type: 'string' },
      'first-day': { type: 'string', default: '2021-03-01' },
    },
  });
  const [command, file] = positionals;
  const database = values.database ?? process.env.DATABASE_URL;
  if (command !== 'import' || !file || !values.mapping || !database) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const mapping = parseMapping(JSON.parse(readFileSync(values.mapping, 'utf8')));
  const pool = new Pool({ connectionString: database, max: 3, application_name: 'campaign-cli' });
  try {
    await migrate(pool, CAMPAIGN_MIGRATIONS);
    const started = performance.now();
    const summary = await importFile(pool, file, {
      importId: values['import-id'] ?? `imp-${uuidv7()}`,
      mapping,
      context: { ...loadCampaignReference(), today: vietnamToday(), firstVaccinationDay: values['first-day']! },
      reportPath: values.report,
    });
    process.stdout.write(describe(summary, (performance.now() - started) / 1000, values.report));
    return 0;
  } finally {
    await pool.end();
  }
}

function describe(s: ImportSummary, seconds: number, report?: string): string {
  const top = Object.entries(s.problems)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([rule, n]) => `    ${rule.padEnd(32)} ${n}`);
  return [
    `import ${s.importId}`,
    s.resumedAfterRow > 0 ? `  resumed after row ${s.resumedAfterRow}` : undefined,
    `  rows read        ${s.rowsRead} in ${seconds.toFixed(1)} s (${Math.round(s.rowsRead / Math.max(seconds, 1e-3))} rows/s)`,
    `  accepted         ${s.accepted} (${s.withProblems} with problems, ${s.withoutUsableId} without a usable ID number)`,
    `  rejected         ${s.rejected}`,
    top.length > 0 ? `  problems (field:rule, rows):\n${top.join('\n')}` : undefined,
    report ? `  per-row report   ${report}` : undefined,
    '',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Only the message: a row's content never reaches the terminal or a log.
    const text =
      error instanceof MappingRejected
        ? `the mapping or header row cannot be used: ${error.message}`
        : String((error as Error)?.message ?? error);
    process.stderr.write(`campaign import failed: ${text}\n`);
    process.exit(1);
  },
);
