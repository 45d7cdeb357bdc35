import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The limit: the same file into a table of text columns, nothing parsed or checked. */
export async function bareCopy(pool: Pool, file: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(
      'create table bare_list (stt text, full_name text, dob text, gender text, id_number text, vaccine text, lot text, day text, dose text, site text)',
    );
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('copy bare_list from stdin with (format csv, header true)')),
    );
  } finally {
    client.release();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function count(pool: Pool, sql: string, values: unknown[] = []): Promise<number> {
  return (await pool.query(sql, values)).rows[0].n as number;
}

/** Waits on the databases (never the wall clock): each stage is over when its tables say so. */
export const settledFigures = {
  /** Every dose the campaign sent has injections' answer stored at the campaign. */
  async untilAnswered(campaign: Pool, campaignId: string): Promise<void> {
    for (;;) {
      const open = await count(
        campaign,
        `select count(*)::int as n from dose_submissions where campaign_id = $1 and answered_at is null`,
        [campaignId],
      );
      if (open === 0) return;
      await sleep(250);
    }
  },

  /** The dose register and the statistics hold every dose recorded from the campaign. */
  async untilProjected(campaign: Pool, injections: Pool, campaignId: string): Promise<void> {
    const recorded = await count(
      campaign,
      `select count(*)::int as n from dose_submissions where campaign_id = $1 and outcome = 'recorded'`,
      [campaignId],
    );
    for (;;) {
      const [register, statistics] = await Promise.all([
        count(injections, `select count(*)::int as n from dose_register where dose_id like 'legacy:%'`).catch(() => -1),
        count(injections, `select count(*)::int as n from dose_statistics`).catch(() => -1),
      ]);
      if (register >= recorded && statistics >= recorded) return;
      await sleep(250);
    }
  },

  async summary(campaign: Pool, injections: Pool, campaignId: string): Promise<Record<string, number>> {
    const of = (sql: string, pool = campaign) => count(pool, sql, pool === campaign ? [campaignId] : []);
    return {
      'rows answered': await of(`select count(*)::int as n from row_results where campaign_id = $1`),
      'merge proposals': await of(`select count(*)::int as n from merge_proposals where campaign_id = $1`),
      'worklist items': await of(`select count(*)::int as n from worklist_items where campaign_id = $1`),
      'doses sent': await of(`select count(*)::int as n from dose_submissions where campaign_id = $1`),
      'doses recorded': await of(
        `select count(*)::int as n from dose_submissions where campaign_id = $1 and outcome = 'recorded'`,
      ),
      'doses in the dose register': await of(`select count(*)::int as n from dose_register`, injections),
    };
  },
};
