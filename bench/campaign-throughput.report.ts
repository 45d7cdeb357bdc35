import { Client, Connection } from '@temporalio/client';
import type { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { fmt } from './bench-support';

type Progress = {
  phase: string;
  chunksDone: number;
  chunksTotal: number;
  mergeProposals: number;
  dosesSent: number;
  worklistItems: number;
};

/** The campaign API as a manager drives it: start a campaign, watch its progress, end it. */
export async function campaignOn(base: string, tokens: TestActorTokens) {
  // Each request reads a fresh token from these headers: the campaign runs longer than one lives.
  const headers = tokens.liveHeaders({ id: 'bench-manager', role: 'manager', scope: 'province:LC' }, 'campaign', {
    'content-type': 'application/json',
  });
  return {
    async start(run: string): Promise<string> {
      const body = JSON.stringify({ name: `bench ${run}`, importIds: ['tp'], deadline: '2099-12-31' });
      const res = await fetch(`${base}/campaigns`, { method: 'POST', headers, body });
      if (res.status !== 201) throw new Error(`campaign start answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { campaignId: string }).campaignId;
    },
    async until(campaignId: string, done: (p: Progress) => boolean): Promise<Progress> {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const { progress } = (await (await fetch(`${base}/campaigns/${campaignId}`, { headers })).json()) as {
          progress: Progress | null;
        };
        if (progress && done(progress)) return progress;
      }
    },
    /** The benchmark measures up to the durable answers: the workflow is ended there, not left following up. */
    async end(campaignId: string, temporalAddress: string): Promise<void> {
      const connection = await Connection.connect({ address: temporalAddress });
      await new Client({ connection }).workflow.getHandle(`campaign-${campaignId}`).terminate('benchmark over');
      await connection.close();
    },
  };
}

export function report(r: {
  rows: number;
  bare: number;
  importSeconds: number;
  verifySeconds: number;
  classes: { result: string; n: number }[];
  cpuImport: Record<string, number>;
  cpuVerify: Record<string, number>;
  settled: string;
}): void {
  const endToEnd = r.rows / (r.importSeconds + r.verifySeconds);
  const stored = r.classes.reduce((sum, c) => sum + c.n, 0);
  const row = (path: string, rate: number) => console.log(`| ${path} | ${fmt(rate)} | ${fmt(rate / r.bare, 2)} |`);
  console.log('\n| path | rows/s | ratio to bare COPY |\n|---|---:|---:|');
  row('bare COPY of the CSV file into PostgreSQL (text columns, no parsing)', r.bare);
  row(
    `import: CSV parsed, mapped, validated, COPY in batches of 5,000, per-row status (${fmt(r.importSeconds, 1)} s)`,
    r.rows / r.importSeconds,
  );
  row(
    `verification: chunks → identity (match, record) → answers stored (${fmt(r.verifySeconds, 1)} s; ${fmt(stored)} answers)`,
    r.rows / r.verifySeconds,
  );
  row('**end to end: import + verification, every answer durable**', endToEnd);
  console.log(
    `\nanswers by class (this run's identity answered): ${r.classes.map((c) => `${c.result} ${fmt(c.n)}`).join(', ')}`,
  );
  if (r.settled) console.log(`settling afterwards: ${r.settled}`);
  console.log(`Target ≥ 20,000 rows/s end to end: ${endToEnd >= 20_000 ? 'met' : 'NOT met'}`);
  console.log(
    '\n## CPU used, µs per row (import | verification)\n| process | import | verification |\n|---|---:|---:|',
  );
  for (const name of Object.keys(r.cpuVerify))
    console.log(
      `| ${name} | ${fmt((1e6 * r.cpuImport[name]) / r.rows, 1)} | ${fmt((1e6 * r.cpuVerify[name]) / r.rows, 1)} |`,
    );
}
