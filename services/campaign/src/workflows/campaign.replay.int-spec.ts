import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DefaultLogger, type ReplayResult, Runtime, Worker } from '@temporalio/worker';
import { historyFromJson } from '@vax/testing';

// Histories recorded from the campaign workflow's tests (VAX_RECORD_HISTORIES=1), one per path.
// Replaying them against today's code fails on any change that would break campaigns already
// running — weeks-long runs, so there always are some: a reordered step, a chunk window that
// schedules differently, a new activity without patched(). For a patched() change: copy the
// histories into a folder listed in EARLIER, then record again.

const HISTORIES = join(__dirname, 'histories');
/** Histories recorded before a patched() change, kept: campaigns that started then must still replay. */
const EARLIER: string[] = [];
const PATHS = [
  'verify-settle-follow-up-close',
  'changes-submitted-during-pass',
  'pause-resume',
  'cancel',
  'worker-restart',
  'failed-step-retried',
  'failed-step-cancelled',
];

describe('the recorded histories of the campaign workflow', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

  it('cover every path the workflow tests take', () => {
    expect(files.map((f) => basename(f, '.json')).sort()).toEqual([...PATHS].sort());
  });

  it.each(['.', ...EARLIER])(
    'recorded in %s replay against the current workflow code',
    async (folder) => {
      Runtime.install({ logger: new DefaultLogger('WARN') });
      const names = readdirSync(join(HISTORIES, folder)).filter((f) => f.endsWith('.json'));
      const histories = await Promise.all(
        names.map(async (file) => ({
          workflowId: `campaign-${basename(file, '.json')}`,
          history: await historyFromJson(JSON.parse(readFileSync(join(HISTORIES, folder, file), 'utf8'))),
        })),
      );
      const results: ReplayResult[] = [];
      for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('./index') }, histories))
        results.push(result);
      expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${String(r.error)}`)).toEqual([]);
      expect(results).toHaveLength(names.length);
    },
    120_000,
  );
});
