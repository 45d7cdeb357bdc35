import { randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import type { EventStore } from '@vax/event-sourcing';
import { EVENT_STORE, PG_POOL, TemporalConnection } from '@vax/platform';
import { TEST_KEY_SETTINGS, type TestDatabase, createTestDatabase, eventually, testInfrastructure } from '@vax/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { correctLot, fileCommand, stationStaff } from '../activities/lifecycle.spec-fixtures';
import { ComplaintCommandService } from '../application/complaint.command-service';
import { TemporalComplaintWorkflows } from '../adapters/temporal/temporal-complaint-workflows';
import { type ComplaintProgress, complaintWorkflowId, progressQuery } from '../workflows/complaint-lifecycle.messages';
import type { ComplaintsWorkerConfig } from './complaints-worker.config';
import { ComplaintsWorkerModule } from './complaints-worker.module';

// The worker process's module on real PostgreSQL, Kafka and the Temporal dev server, with the
// identity service stood in for by a local HTTP server: one complaint from filing to resolution.

describe('the complaints worker', () => {
  const infra = () => testInfrastructure();
  const taskQueue = `complaints-worker-test-${randomBytes(3).toString('hex')}`;
  let db: TestDatabase;
  let identity: Server;
  let app: INestApplicationContext;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase('complaints_worker');
    identity = createServer((_req, res) => {
      const view = {
        verificationId: 'v-1',
        result: 'verified',
        standing: 'verified',
        personId: 'p-1',
        differences: [],
      };
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(view));
    });
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
    const config = {
      PORT: 0,
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      MESSAGE_TRANSPORT: 'kafka',
      KAFKA_BROKERS: infra().kafkaBrokers,
      ACTOR_TOKEN_TRUSTED_KEYS: TEST_KEY_SETTINGS.ACTOR_TOKEN_TRUSTED_KEYS,
      ACTOR_TOKEN_PRIVATE_KEY: TEST_KEY_SETTINGS.WORKER_PRIVATE_KEY,
      TEMPORAL_ADDRESS: infra().temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: taskQueue,
      IDENTITY_URL: `http://127.0.0.1:${(identity.address() as AddressInfo).port}`,
      PROVINCE_CODE: '12',
      NOTIFICATIONS: 'development',
      PUBLISHER_ENABLED: false,
    } as unknown as ComplaintsWorkerConfig;
    app = await NestFactory.createApplicationContext(ComplaintsWorkerModule.forRoot(config), { logger: false });
    await app.init();
    client = new Client({ connection: await Connection.connect({ address: infra().temporalAddress }) });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await client?.connection.close();
    await new Promise((resolve) => identity?.close(resolve));
    await db?.drop();
  }, 60_000);

  it('carries a complaint from filing to resolution with its real adapters', async () => {
    const complaintId = `w-${randomBytes(4).toString('hex')}`;
    const complaints = new ComplaintCommandService(app.get<EventStore>(EVENT_STORE));
    // A wrong day: the day is on the certificate, so the workflow waits for it to be reissued.
    const subject = {
      type: 'dose-details' as const,
      doseNumber: 2,
      fields: ['administeredOn' as const],
      claimed: { administeredOn: '2021-10-01' },
      siteId: 'LC-TD-01',
    };
    const filing = fileCommand(complaintId, new Date().toISOString(), { subject });
    await complaints.execute(complaintId, filing, { actor: filing.citizen, correlationId: 'test' });
    const connection = new TemporalConnection(infra().temporalAddress, 'default');
    const workflows = new TemporalComplaintWorkflows(connection, taskQueue);
    await workflows.start(complaintId);
    await workflows.start(complaintId); // a second start of the same complaint is no error
    const handle = client.workflow.getHandle(complaintWorkflowId(complaintId));
    const reaches = (stage: ComplaintProgress['stage']) =>
      eventually(async () => {
        const progress = await handle.query(progressQuery);
        if (progress.stage !== stage) throw new Error(`still ${progress.stage}`);
        return progress;
      });
    try {
      expect((await reaches('awaiting-decision')).turn).toMatchObject({ unitId: 'site:LC-TD-01' });
      const decision = {
        decisionId: 'd-1',
        decidedBy: stationStaff,
        kind: 'accept' as const,
        correction: correctLot,
        note: '',
      };
      expect(await workflows.decide(complaintId, decision)).toEqual({ outcome: 'accepted' });
      expect(await workflows.decide(complaintId, { ...decision, decisionId: 'd-2' })).toBe('busy');
      expect(await workflows.decide('never-filed', decision)).toBe('not-running');
      await reaches('awaiting-correction');
      expect(await correctionCommandFor(complaintId)).toMatchObject({
        type: 'CorrectDose',
        payload: { personId: 'p-1', doseNumber: 2 },
      });

      expect(await workflows.recordCorrected(complaintId, { recordId: 'p-1/2', eventId: 'e-1' })).toBe(true);
      await reaches('reissuing-certificate');
      const pool = app.get<Pool>(PG_POOL);
      await pool.query(
        `insert into issued_certificates values ('URN:UVCI:01:VN:12/W1#X', 'p-1', now() + interval '1 second', null)`,
      );
      expect(await handle.result()).toEqual({ complaintId, outcome: 'resolved' });
      const { rows } = await pool.query('select template from development_notifications where complaint_id = $1', [
        complaintId,
      ]);
      expect(rows.map((r) => r.template)).toEqual(
        expect.arrayContaining(['complaint-received', 'complaint-assigned', 'complaint-resolved']),
      );
    } finally {
      await handle.terminate('test over').catch(() => undefined);
      await connection.onApplicationShutdown();
    }
  }, 120_000);

  /** The command the worker sent on injections.corrections.v1 for this complaint. */
  async function correctionCommandFor(complaintId: string): Promise<{ type: string; payload: object }> {
    const kafka = new Kafka({ brokers: infra().kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `complaints-worker-test-${randomBytes(3).toString('hex')}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'injections.corrections.v1', fromBeginning: true });
    try {
      return await new Promise((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            const parsed = JSON.parse(String(message.value));
            if (parsed.payload?.complaintId === complaintId) resolve(parsed);
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
  }
});
