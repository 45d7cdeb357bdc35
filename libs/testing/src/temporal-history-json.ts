import type { temporal } from '@temporalio/proto';

export type WorkflowHistory = temporal.api.history.v1.IHistory;

// Loaded on first use: Temporal's protobuf definitions are large, and most tests never replay a history.
const codec = () => import('./temporal-history.codec');

/** A workflow's history in Temporal's JSON history format (as `temporal workflow show --output json` writes it). */
export async function historyToJson(history: WorkflowHistory): Promise<unknown> {
  return (await codec()).historyToJson(history);
}

/** A history recorded in Temporal's JSON format, for `Worker.runReplayHistories`. */
export async function historyFromJson(json: unknown): Promise<WorkflowHistory> {
  return (await codec()).historyFromJson(json);
}

/**
 * Keeps a finished test's workflow history as a replay fixture when VAX_RECORD_HISTORIES=1, formatted
 * as `npm run lint` wants it; the replay tests then prove later code still replays every recorded path.
 */
export async function recordHistoryFixture(file: string, fetchHistory: () => Promise<WorkflowHistory>): Promise<void> {
  if (process.env.VAX_RECORD_HISTORIES !== '1') return;
  const { writeFileSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  writeFileSync(file, JSON.stringify(await historyToJson(await fetchHistory())));
  // prettier's API cannot be loaded inside jest; its CLI can.
  execFileSync(require.resolve('prettier/bin/prettier.cjs'), ['--write', '--log-level=warn', file]);
}
