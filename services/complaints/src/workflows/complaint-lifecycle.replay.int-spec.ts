import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DefaultLogger, type ReplayResult, Runtime, Worker } from '@temporalio/worker';
import { historyFromJson } from '@vax/testing';
import { complaintWorkflowId } from './complaint-lifecycle.messages';

// Histories recorded from the workflow tests, one per path. Replaying them against today's code
// fails on any change that would break complaints already running: reordered steps, a removed wait,
// a new activity without patched(). For a patched() change: copy the histories into a folder listed
// in EARLIER, then re-record with VAX_RECORD_HISTORIES=1 (see the README).

const HISTORIES = join(__dirname, 'histories');
/** Histories recorded before a patched() change, kept: complaints that started then must still replay. */
const EARLIER = ['before-reply-reminder', 'before-local-steps'];
const PATHS = [
  'weekend-escalation',
  'tet-deadline',
  'citizen-turn',
  'appeal',
  'withdraw-awaiting-decision',
  'withdraw-awaiting-citizen',
  'withdraw-awaiting-correction',
  'unanswered',
  'correction-refused',
  'first-decision-wins',
  'decided-at-once',
  'personal-details',
  'stray-replies',
  'attention-close',
  'attention-retry',
  'transient-retried',
];

describe('the recorded histories of the complaint lifecycle workflow', () => {
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
          workflowId: complaintWorkflowId(basename(file, '.json')), // the step keys the workflow builds include it
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
