import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { complaintsClient, daysAgo } from './complaints.e2e-support';
import { PlatformUnderTest } from './platform-processes';
import { RequestGate } from './request-gate';

const SIZE = 50;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 19 })];

describe('the complaints worker killed in the middle of an activity (real Kafka, PostgreSQL and Temporal)', () => {
  const platform = new PlatformUnderTest('kafka', 5000, [
    'identity',
    'injections',
    'certification',
    'complaints',
    'complaints-worker',
  ]);
  // Between the worker and identity: it holds the worker's identity check, as a frozen identity would.
  const gate = new RequestGate(() => platform.service('identity').port);
  platform.beforeStart = async (p) => {
    p.service('complaints-worker').env.IDENTITY_URL = gate.url;
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    execFileSync(
      process.execPath,
      [cli, 'load', '--size', String(SIZE), '--seed', '19', '--database', p.databaseUrl('identity')],
      { stdio: 'pipe' },
    );
  };
  const c = complaintsClient(platform);
  const person = people[0];
  const rightDay = daysAgo(29);

  beforeAll(async () => {
    await gate.listen();
    await platform.start();
  }, 300_000);
  afterAll(async () => {
    platform.kill();
    await gate.close();
  });

  it('completes the complaint on a new worker, with every side effect exactly once', async () => {
    await c.recordDose(person, daysAgo(30));
    // Identity unanswering: the worker's identity check hangs in the middle of its activity.
    const worker = platform.service('complaints-worker');
    gate.hold();
    const filing = await c.fileWrongDay(person, rightDay);
    await gate.arrived('POST /verifications'); // the activity has started and waits on identity
    worker.kill(); // SIGKILL: no clean shutdown, the activity never reports
    gate.forward(); // identity now receives the cut-off request, as it would have from the network
    worker.start(); // a new worker process; Temporal times the lost attempt out and retries it here
    await worker.ready();

    await c.waitUntilQueued(filing.complaintId);
    expect((await c.acceptRightDay(filing.complaintId, rightDay)).status).toBe(200);
    expect(await c.waitUntilClosed(person, filing.complaintId)).toMatchObject({ outcome: 'resolved' });

    // Every step of the complaint, every message to people and every change to the record: once.
    const steps = await c.query(
      'complaints',
      'select event_type as type, count(*)::int as n from es_events where stream_name = $1 group by event_type',
      [`complaint-${filing.complaintId}`],
    );
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.filter((s) => s.n !== 1)).toEqual([]);
    const messages = await c.query(
      'complaints',
      'select template, count(*)::int as n from development_notifications where complaint_id = $1 group by template',
      [filing.complaintId],
    );
    expect(messages.filter((m) => m.n !== 1)).toEqual([]);
    const corrections = await c.query(
      'injections',
      `select count(*)::int as n from es_events where stream_name = $1 and event_type = 'DoseCorrected'`,
      [`record-${person.personId}`],
    );
    expect(corrections[0].n).toBe(1);
    const checks = await c.query(
      'identity',
      `select count(*)::int as n from es_events where event_type = 'VerificationRecorded'`,
    );
    expect(checks[0].n).toBe(2); // the desk's check before the dose, and the complaint's: retried, still one
  }, 600_000);
});
