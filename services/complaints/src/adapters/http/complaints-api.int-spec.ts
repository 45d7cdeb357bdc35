import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import type { EventStore } from '@vax/event-sourcing';
import { ACTOR_HEADER, EVENT_STORE, PG_POOL, ProblemDetailsFilter, strictValidationPipe } from '@vax/platform';
import {
  OpenApiAnswers,
  TestActorTokens,
  type TestDatabase,
  createTestDatabase,
  eventually,
  testInfrastructure,
} from '@vax/testing';
import type { Pool } from 'pg';
import { correctLot } from '../../activities/lifecycle.spec-fixtures';
import { ComplaintCommandService } from '../../application/complaint.command-service';
import type { ComplaintCommand } from '../../domain/complaint.commands';
import type { ComplaintWorkflowsPort } from '../../application/ports/complaint-workflows.port';
import type { ComplaintsConfig } from '../../complaints.config';
import { ComplaintsModule } from '../../complaints.module';
import { COMPLAINT_WORKFLOWS } from '../kafka/injections-events.kafka-consumer';
import { SentMessagesLog } from '../postgres/sent-messages.log';

// The complaints API on a real PostgreSQL, over HTTP, with the workflows stood in for (their own
// tests run them): filing with a code and a photo, reading by who may, a unit's queue and decision,
// managers' reports.

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a tiny test photo')]);
const citizen = { id: 'P000000001', role: 'citizen', scope: 'person:P000000001' };
const stranger = { id: 'P000000002', role: 'citizen', scope: 'person:P000000002' };
const station = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
const otherSite = { id: 'staff-30', role: 'site-staff', scope: 'site:LC-PT-01' };
const districtManager = { id: 'mgr-td', role: 'manager', scope: 'district:Tam Đường' };

describe('the complaints API', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  const signals: [string, string, unknown][] = [];
  const workflows: ComplaintWorkflowsPort = {
    start: async (id) => void signals.push(['start', id, null]),
    recordCorrected: async () => true,
    correctionRefused: async () => true,
    decide: async (id, d) => {
      signals.push(['decide', id, d]);
      return signals.filter(([kind]) => kind === 'decide').length === 1 ? { outcome: 'accepted' as const } : 'busy';
    },
    reply: async (id, r) => (signals.push(['reply', id, r]), true),
    withdraw: async (id, w) => (signals.push(['withdraw', id, w]), true),
    appeal: async (id, a) => (signals.push(['appeal', id, a]), true),
    failedStep: async (id, f) => (signals.push(['failedStep', id, f]), true),
  };

  let tokens: TestActorTokens;
  /** Every success answered here is held to the service's own OpenAPI document. */
  let documented: OpenApiAnswers;

  beforeAll(async () => {
    tokens = await TestActorTokens.create();
    db = await createTestDatabase('complaints_api');
    const config = {
      PORT: 0,
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      MESSAGE_TRANSPORT: 'kafka',
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers,
      ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
      CODE_HASH_SECRET: 'a-test-secret-of-at-least-32-characters!',
      TEMPORAL_ADDRESS: testInfrastructure().temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'complaints',
      PUBLISHER_ENABLED: false,
      HTTP_BODY_LIMIT_BYTES: 8 * 1024 * 1024,
    } as unknown as ComplaintsConfig;
    const moduleRef = await Test.createTestingModule({ imports: [ComplaintsModule.forRoot(config)] })
      .overrideProvider(COMPLAINT_WORKFLOWS)
      .useValue(workflows)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(strictValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    documented = new OpenApiAnswers(SwaggerModule.createDocument(app, new DocumentBuilder().build()) as never);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = async (actor: object, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        [ACTOR_HEADER]: await tokens.token(actor as typeof citizen, 'complaints'),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    const cache = res.headers.get('cache-control');
    const answer = type.includes('json') ? await res.json() : await res.text();
    expect(documented.problems(method, path, res.status, type, answer)).toEqual([]);
    return { status: res.status, type, cache, body: answer };
  };
  const sentCode = async () => {
    const pool = app.get<Pool>(PG_POOL);
    const { rows } = await pool.query(
      `select body from development_notifications where template = 'complaint-contact-code' order by created_at desc limit 1`,
    );
    return /(\d{6})/.exec(rows[0].body)![1];
  };

  let complaintId: string;
  let evidenceId: string;

  it('files a complaint with a confirmed phone and an uploaded photo, and starts its workflow', async () => {
    expect((await call(citizen, 'POST', '/complaints/contact-codes', { phone: '0912345678' })).status).toBe(202);
    const photo = await call(citizen, 'POST', '/complaints/evidence', { contentBase64: JPEG.toString('base64') });
    expect(photo).toMatchObject({ status: 201, body: { mediaType: 'image/jpeg', sizeBytes: JPEG.length } });
    evidenceId = (photo.body as { evidenceId: string }).evidenceId;
    const filing = {
      stated: { fullName: 'Lò Thị Mai', dateOfBirth: '1990-04-02', gender: 'female', idNumber: '012190004567' },
      contact: { phone: '0912345678', address: 'Bản Nà Khuy, xã Bình Lư, Tam Đường' },
      contactCode: '000000',
      subject: {
        type: 'dose-details',
        doseNumber: 2,
        fields: ['lotNumber'],
        claimed: { lotNumber: 'ABV5811' },
        siteId: 'LC-TD-01',
      },
      description: 'Số lô mũi 2 sai',
      evidenceIds: [evidenceId],
    };
    const wrongCode = await call(citizen, 'POST', '/complaints', filing);
    expect(wrongCode).toMatchObject({
      status: 422,
      body: { type: expect.stringContaining('filing-code-not-confirmed') },
    });
    const filed = await call(citizen, 'POST', '/complaints', { ...filing, contactCode: await sentCode() });
    expect(filed).toMatchObject({ status: 201, body: { status: 'filed', evidence: [{ evidenceId }] } });
    complaintId = (filed.body as { complaintId: string }).complaintId;
    expect(signals).toContainEqual(['start', complaintId, null]);
    expect(JSON.stringify(filed.body)).not.toContain('012190004567');
  });

  it('limits one-time codes to three an hour', async () => {
    await call(citizen, 'POST', '/complaints/contact-codes', { phone: '0912345678' });
    await call(citizen, 'POST', '/complaints/contact-codes', { phone: '0912345678' });
    expect((await call(citizen, 'POST', '/complaints/contact-codes', { phone: '0912345678' })).status).toBe(429);
  });

  it('shows a complaint and its photo to the filer and the holding unit only', async () => {
    const complaints = new ComplaintCommandService(app.get<EventStore>(EVENT_STORE));
    const system = { actor: { id: 'complaints-workflow', role: 'system', scope: 'system' }, correlationId: 't' };
    const at = new Date().toISOString();
    await complaints.execute(
      complaintId,
      {
        type: 'RecordIdentityCheck',
        result: 'verified',
        verificationId: 'v-1',
        personId: 'p-1',
        differingFields: [],
        at,
      },
      system,
    );
    const dueAt = new Date(Date.now() - 60_000).toISOString(); // already overdue, for the reports
    await complaints.execute(
      complaintId,
      { type: 'AssignComplaint', level: 'commune-station', unitId: 'site:LC-TD-01', dueAt, at },
      system,
    );
    expect((await call(citizen, 'GET', `/complaints/${complaintId}`)).body).toMatchObject({
      status: 'assigned',
      filer: null, // the citizen knows what they wrote; the view is for staff
    });
    // The holding unit sees whom it deals with and what they wrote; the read is logged for the citizen.
    expect((await call(station, 'GET', `/complaints/${complaintId}`)).body).toMatchObject({
      filer: {
        fullName: 'Lò Thị Mai',
        idNumber: '012190004567',
        dateOfBirth: '1990-04-02',
        description: 'Số lô mũi 2 sai',
      },
    });
    expect((await call(citizen, 'GET', `/people/${citizen.id}/reads`)).body).toMatchObject({
      reads: [
        { readerId: station.id, readerUnit: station.scope, what: 'complaint', ground: `complaint:${complaintId}` },
      ],
    });
    expect((await call(stranger, 'GET', `/people/${citizen.id}/reads`)).status).toBe(403);
    // A district manager reads the complaint, but not the person: their residence is not known here.
    expect((await call(districtManager, 'GET', `/complaints/${complaintId}`)).body).toMatchObject({ filer: null });
    expect((await call(stranger, 'GET', `/complaints/${complaintId}`)).status).toBe(404);
    expect((await call(otherSite, 'GET', `/complaints/${complaintId}`)).status).toBe(403);
    const photo = await call(station, 'GET', `/complaints/${complaintId}/evidence/${evidenceId}`);
    expect(photo).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect((await call(otherSite, 'GET', `/complaints/${complaintId}/evidence/${evidenceId}`)).status).toBe(403);
  });

  it('tells the filer what they were sent about it, and shows it to whoever may read the complaint only', async () => {
    // As the worker's notification port logs it (the workflows are stood in for here).
    const received = `Phản ánh ${complaintId} đã được tiếp nhận và đang được xử lý.`;
    await new SentMessagesLog({ send: async () => undefined }, app.get<Pool>(PG_POOL)).send({
      key: `complaint-${complaintId}/3:notify-received`,
      complaintId,
      to: { kind: 'phone', phone: '0912345678' },
      template: 'complaint-received',
      text: received,
    });
    const path = `/complaints/${complaintId}/messages`;
    expect(await call(citizen, 'GET', path)).toMatchObject({
      status: 200,
      cache: 'no-store',
      body: { messages: [{ template: 'complaint-received', text: received, sentAt: expect.any(String) }] },
    });
    expect((await call(station, 'GET', path)).status).toBe(200);
    expect((await call(stranger, 'GET', path)).status).toBe(404);
    expect((await call(otherSite, 'GET', path)).status).toBe(403);
  });

  it('shows a failed step as needing attention to the holder and managers, who alone retry it or close', async () => {
    const complaints = new ComplaintCommandService(app.get<EventStore>(EVENT_STORE));
    const system = { actor: { id: 'complaints-workflow', role: 'system', scope: 'system' }, correlationId: 't' };
    const at = new Date().toISOString();
    const path = `/complaints/${complaintId}/failed-step`;
    expect((await call(station, 'POST', path, { action: 'retry' })).status).toBe(409); // nothing failed
    const failure = { step: `complaint-${complaintId}/5:withdraw`, errorType: 'Deterministic:Error:22P05', at };
    await complaints.execute(complaintId, { type: 'RecordStepFailure', ...failure }, system);

    expect((await call(station, 'GET', `/complaints/${complaintId}`)).body).toMatchObject({
      needsAttention: { step: 'withdraw', since: at },
    });
    const queued = await eventually(async () => {
      const [item] = (await call(station, 'GET', '/queue')).body as { needsAttention: string | null }[];
      if (item?.needsAttention !== 'withdraw') throw new Error('not projected yet');
      return item;
    });
    expect(queued).toMatchObject({ complaintId, needsAttention: 'withdraw' });
    expect((await call(districtManager, 'GET', '/sla/needs-attention')).body).toEqual([
      expect.objectContaining({ complaintId, needsAttention: 'withdraw', district: 'Tam Đường' }),
    ]);
    const otherDistrict = { id: 'mgr-pt', role: 'manager', scope: 'district:Phong Thổ' };
    expect((await call(otherDistrict, 'GET', '/sla/needs-attention')).body).toEqual([]);

    expect((await call(otherSite, 'POST', path, { action: 'retry' })).status).toBe(403);
    expect((await call(otherDistrict, 'POST', path, { action: 'retry' })).status).toBe(403);
    expect((await call(citizen, 'POST', path, { action: 'retry' })).status).toBe(403);
    expect((await call(districtManager, 'POST', path, { action: 'close', note: ' ' })).status).toBe(422);
    expect((await call(districtManager, 'POST', path, { action: 'close', note: 'a\u0000' })).status).toBe(400);
    expect((await call(station, 'POST', path, { action: 'retry' })).status).toBe(202);
    expect(signals).toContainEqual(['failedStep', complaintId, { action: 'retry', note: '', operator: station }]);

    // The workflow records the retry (stood in for here): the complaint no longer needs attention.
    await complaints.execute(complaintId, { type: 'RetryFailedStep', operator: station, at }, system);
    await eventually(async () => {
      const [item] = (await call(station, 'GET', '/queue')).body as { needsAttention: string | null }[];
      if (item?.needsAttention !== null) throw new Error('not projected yet');
    });
  });

  it("puts it in the station's queue, takes the holder's decision, and refuses another site's", async () => {
    const queue = await eventually(async () => {
      const answer = await call(station, 'GET', '/queue');
      if ((answer.body as unknown[]).length !== 1) throw new Error('not projected yet');
      return answer.body;
    });
    // Each row says what it is about and when it was filed: two complaints of one kind are told apart.
    expect(queue).toEqual([
      expect.objectContaining({
        complaintId,
        status: 'assigned',
        paused: false,
        subject: expect.objectContaining({ doseNumber: 2, claimed: { lotNumber: 'ABV5811' } }),
        filedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    expect(JSON.stringify(queue)).not.toContain('Lò Thị Mai');
    const decision = { decisionId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a', kind: 'accept', correction: correctLot };
    expect((await call(otherSite, 'POST', `/complaints/${complaintId}/decisions`, decision)).status).toBe(403);
    expect(
      (await call(station, 'POST', `/complaints/${complaintId}/decisions`, { ...decision, kind: 'reject' })).body,
    ).toMatchObject({
      status: 400,
      errors: [{ field: 'reason', rule: 'required' }],
    });
    expect(await call(station, 'POST', `/complaints/${complaintId}/decisions`, decision)).toMatchObject({
      status: 200,
      body: { outcome: 'accepted' },
    });
    expect(signals).toContainEqual([
      'decide',
      complaintId,
      expect.objectContaining({ kind: 'accept', decidedBy: station }),
    ]);
    // A colleague deciding at the same moment: the workflow answers that another decision came first.
    const colleague = { ...station, id: 'staff-18' };
    expect((await call(colleague, 'POST', `/complaints/${complaintId}/decisions`, decision)).body).toMatchObject({
      status: 409,
      type: expect.stringContaining('complaint-wrong-state'),
    });
  });

  it("answers a citizen's request at once when the complaint cannot take it, and passes it on when it can", async () => {
    const reply = { message: 'Đã gửi', evidenceIds: [] };
    expect((await call(citizen, 'POST', `/complaints/${complaintId}/replies`, reply)).body).toMatchObject({
      status: 409,
      type: expect.stringContaining('complaint-wrong-state'),
    });
    expect((await call(citizen, 'POST', `/complaints/${complaintId}/appeal`, { grounds: 'vì sao' })).status).toBe(409);
    expect((await call(stranger, 'POST', `/complaints/${complaintId}/withdrawal`, { reason: 'x' })).status).toBe(403);
    expect((await call(citizen, 'POST', `/complaints/${complaintId}/withdrawal`, { reason: 'Đã sửa' })).status).toBe(
      202,
    );
    expect(signals).toContainEqual(['withdraw', complaintId, { citizen, reason: 'Đã sửa' }]);
  });

  it('refuses a withdrawal whose reason holds NUL before the workflow hears of it; keeps its line breaks', async () => {
    const before = signals.length;
    expect(
      await call(citizen, 'POST', `/complaints/${complaintId}/withdrawal`, { reason: 'Đã sửa\u0000' }),
    ).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'reason', rule: 'controlCharacter' })] },
    });
    expect(signals).toHaveLength(before);
    const multiLine = { reason: 'Đã sửa\r\ntại trạm' };
    expect((await call(citizen, 'POST', `/complaints/${complaintId}/withdrawal`, multiLine)).status).toBe(202);
    expect(signals).toContainEqual(['withdraw', complaintId, { citizen, ...multiLine }]);
  });

  it("reports the district's open and overdue complaints to its manager, in JSON and CSV", async () => {
    const summary = await call(districtManager, 'GET', '/sla/summary?groupBy=district');
    expect((summary.body as { rows: unknown[] }).rows).toEqual([
      expect.objectContaining({ key: 'Tam Đường', open: 1, overdue: 1 }),
    ]);
    const csv = await call(districtManager, 'GET', '/sla/summary?groupBy=site&format=csv');
    expect(csv).toMatchObject({ status: 200, type: expect.stringContaining('text/csv') });
    expect(csv.body).toBe(
      'site,open,overdue,breaches,escalated,resolved,median_hours,p90_hours\r\nLC-TD-01,1,1,0,0,0,,\r\n',
    );
    expect((await call(station, 'GET', '/sla/summary?groupBy=site')).status).toBe(403);
  });

  it('lets the unit that rejected a complaint open it again once closed, without the person (no longer held)', async () => {
    const complaints = new ComplaintCommandService(app.get<EventStore>(EVENT_STORE));
    const system = { actor: { id: 'complaints-workflow', role: 'system', scope: 'system' }, correlationId: 't' };
    const id = '0192f5a4-7c1e-7d2a-9b3c-000000000017';
    const at = new Date().toISOString();
    const subject = { type: 'certificate' as const, certificateId: null, siteId: 'LC-TD-01' };
    const stated = {
      fullName: 'Lò Văn Pâng',
      dateOfBirth: '1988-01-02',
      gender: 'male' as const,
      idNumber: '012088000017',
    };
    const contact = { phone: '0912345679', address: 'Bản Lao, Bình Lư' };
    const commands = [
      {
        type: 'FileComplaint',
        complaintId: id,
        citizen,
        stated,
        contact,
        contactConfirmed: true,
        subject,
        description: 'x',
        evidence: [],
        at,
      },
      {
        type: 'RecordIdentityCheck',
        result: 'verified',
        verificationId: 'v-17',
        personId: 'p-17',
        differingFields: [],
        at,
      },
      { type: 'AssignComplaint', level: 'site', unitId: station.scope, dueAt: at, at },
    ] satisfies ComplaintCommand[];
    for (const command of commands) await complaints.execute(id, command, system);
    const reject: ComplaintCommand = {
      type: 'RejectComplaint',
      decidedBy: station,
      reason: 'record-already-correct',
      note: 'đã đúng',
      appealUntil: at,
      at,
    };
    await complaints.execute(id, reject, { actor: station, correlationId: 't' });
    expect((await call(station, 'GET', `/complaints/${id}`)).body).toMatchObject({
      status: 'closed',
      outcome: 'rejected',
      filer: null,
    });
    expect((await call(otherSite, 'GET', `/complaints/${id}`)).status).toBe(403);
    // Reading is all it gets back: a second decision is refused.
    const decision = {
      decisionId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6b',
      kind: 'reject',
      reason: 'record-already-correct',
      note: 'x',
    };
    expect((await call(station, 'POST', `/complaints/${id}/decisions`, decision)).status).toBe(409);
  });

  it('refuses a breaches report over a day that does not exist, or a range that runs backwards', async () => {
    const breaches = (query: string) => call(districtManager, 'GET', `/sla/breaches?${query}`);
    expect((await breaches('from=2021-11-01&to=2021-11-30')).status).toBe(200);
    expect((await breaches('from=2021-11-30&to=2021-11-30')).status).toBe(200);
    expect(await breaches('from=2021-02-30&to=2021-03-31')).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'from', rule: 'isCalendarDate', message: expect.stringContaining('not a day') }] },
    });
    expect(await breaches('from=2021-11-30&to=2021-11-01')).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'to', rule: 'dateRangeOrdered' }] },
    });
    expect(await breaches('from=-271821-04-20&to=2021-11-01')).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'from', rule: 'isCalendarDate' })] },
    });
  });
});
