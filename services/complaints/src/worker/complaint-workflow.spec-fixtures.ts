import { join } from 'node:path';
import { Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
  bundleWorkflowCode,
} from '@temporalio/worker';
import { eventually, recordHistoryFixture, timeSkippingServerExecutable } from '@vax/testing';
import { createComplaintLifecycleActivities } from '../activities/complaint-lifecycle.activities';
import { fileCommand, lifecycleTestbed } from '../activities/lifecycle.spec-fixtures';
import type { FileComplaint } from '../domain/complaint.commands';
import { tetDay } from '../domain/sla/vietnamese-lunar-calendar';
import { isoDate } from '../domain/sla/vietnamese-public-holidays';
import { VIETNAM_OFFICE_HOURS, workingCalendar } from '../domain/sla/working-calendar';
import { type ComplaintOutcome, complaintLifecycleWorkflow } from '../workflows/complaint-lifecycle.workflow';
import { type ComplaintProgress, complaintWorkflowId, progressQuery } from '../workflows/complaint-lifecycle.messages';

// The complaint workflow on Temporal's time-skipping test server, with the real activities over an
// in-memory event store and fake ports. Time on the server only moves forward: each test first
// skips to the local instant it needs (next Friday 15:00, the eve of the next Tết).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A local time in Vietnam (UTC+7) as epoch ms. */
export const vnTime = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`);

/**
 * The test server's clock runs on in real time between skips, so a deadline computed from "now"
 * lands a few seconds after the minute the test skipped to: compare within a minute.
 */
export const near = (instant: number) => ({
  asymmetricMatch: (actual: string) => Math.abs(Date.parse(actual) - instant) < 60_000,
  toString: () => `near ${new Date(instant).toISOString()}`,
});
const vnDate = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);

export class ComplaintWorkflowHarness {
  private readonly plainClient: Client;

  private constructor(
    readonly env: TestWorkflowEnvironment,
    private readonly bundle: WorkflowBundleWithSourceMap,
  ) {
    this.plainClient = new Client({ connection: env.connection });
  }

  /** Starts the test server and bundles the real workflows folder once (a bad import fails here). */
  static async start(): Promise<ComplaintWorkflowHarness> {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerExecutable() } },
    });
    const bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      logger: new DefaultLogger('WARN'),
    });
    return new ComplaintWorkflowHarness(env, bundle);
  }

  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /** Skips server time forward to an instant (no-op if it has passed). */
  async skipTo(instant: number): Promise<void> {
    const ms = instant - (await this.now());
    if (ms > 0) await this.env.sleep(ms);
  }

  /** The next local weekday (0 = Sunday) at a local time, at least a day ahead. */
  async next(weekday: number, time: string): Promise<number> {
    let day = (await this.now()) + DAY;
    while (new Date(vnDate(day)).getUTCDay() !== weekday) day += DAY;
    return vnTime(vnDate(day), time);
  }

  /** The last working day before the next Tết holidays (which start on the lunar year's last day). */
  async nextTetEve(): Promise<{ eve: string; tet: string }> {
    const now = await this.now();
    const thisYear = tetDay(new Date(now).getUTCFullYear());
    const tet =
      Date.UTC(thisYear.year, thisYear.month - 1, thisYear.day) - 3 * DAY > now ? thisYear : tetDay(thisYear.year + 1);
    const calendar = workingCalendar(VIETNAM_OFFICE_HOURS);
    let day = Date.UTC(tet.year, tet.month - 1, tet.day) - 2 * DAY;
    while (!calendar.isWorkingDay(isoDate(parseUtc(day)))) day -= DAY;
    return { eve: isoDate(parseUtc(day)), tet: isoDate(tet) };
  }

  /**
   * A complaint filed now (server time) with the testbed's fakes, and a worker running its workflow
   * for as long as `body` runs.
   */
  async run<T>(
    complaintId: string,
    body: (ctx: RunContext) => Promise<T>,
    file: Partial<FileComplaint> = {},
  ): Promise<T> {
    const bed = lifecycleTestbed();
    const at = new Date(await this.now()).toISOString();
    const filing = fileCommand(complaintId, at, file);
    await bed.complaints.execute(complaintId, filing, { actor: filing.citizen, correlationId: 'test' });
    const taskQueue = `complaints-${complaintId}`;
    const worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue,
      workflowBundle: this.bundle,
      activities: createComplaintLifecycleActivities(bed.deps),
    });
    return worker.runUntil(async () => {
      const handle = await this.env.client.workflow.start(complaintLifecycleWorkflow, {
        args: [{ complaintId }],
        workflowId: complaintWorkflowId(complaintId),
        taskQueue,
      });
      const reaches = (check: (p: ComplaintProgress) => boolean) =>
        eventually(async () => {
          const progress = await handle.query(progressQuery);
          if (!check(progress)) throw new Error(`not yet: ${JSON.stringify(progress)}`);
          return progress;
        });
      /**
       * The workflow's result once the query shows it closed. Not `handle.result()`: on the test
       * server awaiting a result lets time skip freely, and it jumps years while activities run.
       */
      const outcome = async () => {
        await reaches((p) => p.stage === 'closed');
        return this.plainClient.workflow.getHandle(handle.workflowId).result() as Promise<ComplaintOutcome>;
      };
      try {
        const result = await body({ bed, handle, reaches, outcome, harness: this });
        await recordHistory(complaintId, handle);
        return result;
      } finally {
        // A workflow left waiting would hold the shared test server's clock at its next activity.
        await handle.terminate('test over').catch(() => undefined);
      }
    });
  }
}

/** With VAX_RECORD_HISTORIES=1, keeps the run's history as a replay fixture (workflows/histories/). */
const recordHistory = (name: string, handle: RunContext['handle']) =>
  recordHistoryFixture(join(__dirname, '../workflows/histories', `${name}.json`), () => handle.fetchHistory());

const parseUtc = (ms: number) => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

export interface RunContext {
  bed: ReturnType<typeof lifecycleTestbed>;
  handle: WorkflowHandleWithFirstExecutionRunId<typeof complaintLifecycleWorkflow>;
  reaches: (check: (p: ComplaintProgress) => boolean) => Promise<ComplaintProgress>;
  outcome: () => Promise<ComplaintOutcome>;
  harness: ComplaintWorkflowHarness;
}
