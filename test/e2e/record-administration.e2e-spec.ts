import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { InjectionsAttestationsV1 } from '@vax/contracts';
import type { CallerActor } from '@vax/platform';
import { REPO_ROOT, eventually, testInfrastructure } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { PlatformUnderTest } from './platform-processes';

const SIZE = 300;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 7 })];
type Body = Record<string, unknown> & { errors?: { field: string; rule: string }[] };
interface RecordView {
  mergedInto: string | null;
  doses: { doseId: string; doseNumber: number; lotNumber: string; voided: boolean; attestationId: string | null }[];
}
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

describe('merges, complaint corrections, attestation and coverage (identity and injections as processes, real Kafka)', () => {
  const platform = new PlatformUnderTest('kafka', 4500, ['identity', 'injections']);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    const args = [cli, 'load', '--size', String(SIZE), '--seed', '7', '--database', p.databaseUrl('identity')];
    execFileSync(process.execPath, args, { stdio: 'pipe' });
  };
  const as = (role: string, scope: string, id = `${role}-1`): CallerActor => ({ id, role, scope });
  const staff = () => as('site-staff', 'site:LC-TD-01', 'staff-17');
  const call = async (
    method: string,
    service: 'identity' | 'injections',
    path: string,
    body?: unknown,
    token = staff(),
  ) => {
    const res = await fetch(platform.service(service).url(path), {
      method,
      headers: { 'content-type': 'application/json', ...(await platform.actorHeaders(token, service)) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: (type.includes('json') ? await res.json() : await res.text()) as Body };
  };
  const record = async (personId: string) =>
    (await call('GET', 'injections', `/records/${personId}`)).body as unknown as RecordView;
  /** Verifies the person and records a dose once the verification has reached injections through Kafka. */
  const vaccinate = async (p: (typeof people)[number], administeredOn: string, lotNumber = 'ABV5811') => {
    const typed = { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth };
    const v = (await call('POST', 'identity', '/verifications', { typed })).body as { verificationId: string };
    const dose = {
      doseId: randomUUID(),
      verificationId: v.verificationId,
      vaccineCode: 'AZD1222',
      lotNumber,
      administeredOn,
      siteId: 'LC-TD-01',
    };
    return eventually(
      async () => {
        const res = await call('POST', 'injections', `/records/${p.personId}/doses`, dose);
        if (res.status === 422 && res.body.errors?.[0]?.rule === 'known')
          throw new Error('verification not received yet');
        expect(res.status).toBe(201);
        return { ...dose, verificationId: v.verificationId };
      },
      { attempts: 600, intervalMs: 200 },
    );
  };

  beforeAll(() => platform.start(), 300_000);
  afterAll(() => platform.kill());

  it('merges a duplicate record into the surviving one: doses renumbered, the duplicate closed, not deleted', async () => {
    const [survivor, duplicate] = [people[0], people[1]];
    await vaccinate(survivor, daysAgo(30));
    await vaccinate(duplicate, daysAgo(90));
    const reason = 'Cùng một người, hai hồ sơ (CMND cũ và CCCD)';
    const merged = await call('POST', 'injections', `/records/${survivor.personId}/merges`, {
      duplicatePersonId: duplicate.personId,
      reason,
    });
    expect(merged.status).toBe(201);
    const again = await call('POST', 'injections', `/records/${survivor.personId}/merges`, {
      duplicatePersonId: duplicate.personId,
      reason,
    });
    expect(again.status).toBe(201);
    expect((await record(survivor.personId)).doses.map((d) => d.doseNumber)).toEqual([1, 2]);
    const closed = await record(duplicate.personId);
    expect(closed).toMatchObject({ mergedInto: survivor.personId, doses: [{ doseNumber: 1 }] });
    const refused = await call('POST', 'injections', `/records/${duplicate.personId}/doses/1/voids`, {
      reason: 'Nhập nhầm người tiêm',
    });
    expect(refused).toMatchObject({ status: 422, body: { errors: [{ field: 'personId', rule: 'notMerged' }] } });
  }, 240_000);

  it("applies a complaint's correction command from Kafka once, even delivered twice, and publishes a refusal with reasons", async () => {
    const p = people[2];
    await vaccinate(p, daysAgo(20), 'ABV0001');
    const kafka = new Kafka({
      clientId: 'injections-e2e',
      brokers: testInfrastructure().kafkaBrokers,
      logLevel: logLevel.ERROR,
    });
    const command = (type: string, payload: object) => ({
      eventId: randomUUID(),
      type,
      aggregateId: 'complaint-e2e-1',
      occurredAt: new Date().toISOString(),
      correlationId: 'complaint-e2e-1',
      causationId: null,
      actor: { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' },
      payload,
    });
    const correct = command('CorrectDose', {
      commandId: `cmd-${randomUUID()}`,
      complaintId: 'complaint-e2e-1',
      personId: p.personId,
      reason: 'Số lô ghi nhầm so với phiếu tiêm',
      requestedBy: 'staff-17',
      doseNumber: 1,
      after: {
        doseNumber: 1,
        vaccineCode: 'AZD1222',
        lotNumber: 'ABV0002',
        administeredOn: daysAgo(20),
        siteId: 'LC-TD-01',
      },
    });
    const refusedCommandId = `cmd-${randomUUID()}`;
    const impossible = command('VoidDose', {
      commandId: refusedCommandId,
      complaintId: 'complaint-e2e-2',
      personId: p.personId,
      reason: 'Không tiêm mũi này, nhập nhầm',
      requestedBy: 'staff-17',
      doseNumber: 4,
    });
    const seen: { type: string; payload: { commandId?: string; complaintId?: string; personId?: string } }[] = [];
    const consumer = kafka.consumer({ groupId: `injections-e2e-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'injections.events.v1', fromBeginning: false });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value!.toString())) });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await eventually(
        async () => {
          const value = (m: object) => ({ key: p.personId, value: JSON.stringify(m) });
          await producer.send({
            topic: 'injections.corrections.v1',
            acks: -1,
            messages: [value(correct), value(correct), value(impossible)],
          });
          const mine = seen.filter((m) => m.payload.personId === p.personId);
          const refusal = mine.find((m) => m.type === 'CorrectionRefused' && m.payload.commandId === refusedCommandId);
          if (!refusal || !mine.some((m) => m.type === 'DoseCorrected')) throw new Error('not published yet');
        },
        { attempts: 30, intervalMs: 2_000 },
      );
    } finally {
      await producer.disconnect();
      await consumer.disconnect();
    }
    const corrections = seen.filter((m) => m.type === 'DoseCorrected' && m.payload.personId === p.personId);
    expect(corrections).toHaveLength(1);
    expect(corrections[0].payload).toMatchObject({ complaintId: 'complaint-e2e-1' });
    expect((await record(p.personId)).doses).toEqual([
      expect.objectContaining({ doseNumber: 1, lotNumber: 'ABV0002' }),
    ]);
  }, 240_000);

  it("signs a site's verified list of the day: only by its head, each dose once, signature checked, records marked, published", async () => {
    const p = people[3];
    const dose = await vaccinate(p, today());
    const kafka = new Kafka({
      clientId: 'attestations-e2e',
      brokers: testInfrastructure().kafkaBrokers,
      logLevel: logLevel.ERROR,
    });
    const published: unknown[] = [];
    const consumer = kafka.consumer({ groupId: `attestations-e2e-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: InjectionsAttestationsV1.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void published.push(JSON.parse(message.value!.toString())),
    });
    const head = as('site-head', 'site:LC-TD-01', 'head-1');
    const day = { siteId: 'LC-TD-01', day: today() };
    expect((await call('POST', 'injections', '/attestations', day, staff())).status).toBe(403);
    const signed = await eventually(async () => {
      const res = await call('POST', 'injections', '/attestations', day, head);
      const entries = (res.body.entries ?? []) as { doseId: string }[];
      if (res.status !== 201 || !entries.some((e) => e.doseId === dose.doseId))
        throw new Error(`not listed yet: ${res.status}`);
      return res.body;
    });
    expect(signed).toMatchObject({ signedBy: 'head-1', signerRole: 'site-head', signatureValid: true });
    const listed = await call('GET', 'injections', `/attestations?siteId=LC-TD-01&day=${today()}`, undefined, head);
    expect((listed.body.attestations as { signatureValid: boolean }[]).every((a) => a.signatureValid)).toBe(true);
    await eventually(async () => {
      const attested = (await record(p.personId)).doses[0];
      if (attested.attestationId !== signed.attestationId) throw new Error('not marked yet');
    });
    // Published as its contract says, every dose with its person: a consumer needs no lookup.
    const message = await eventually(async () => {
      const mine = published
        .map((raw) => InjectionsAttestationsV1.parse(raw))
        .find((m) => (m.payload as { attestationId: string }).attestationId === signed.attestationId);
      if (!mine) throw new Error('not published yet');
      return mine;
    }).finally(() => consumer.disconnect());
    expect(message).toMatchObject({
      type: 'RecordsAttested',
      aggregateId: 'LC-TD-01',
      payload: { siteId: 'LC-TD-01', day: today(), attestedBy: 'head-1', attestedAs: 'site-head' },
    });
    expect((message.payload as { records: unknown[] }).records).toContainEqual({
      recordId: dose.doseId,
      personId: p.personId,
    });
    const otherSite = await call(
      'GET',
      'injections',
      `/attestations?siteId=LC-TD-01&day=${today()}`,
      undefined,
      as('site-head', 'site:LC-PT-01'),
    );
    expect(otherSite.status).toBe(403);
  }, 240_000);

  it('measures coverage by district and age group against the registry census, and the share verified and attested', async () => {
    const manager = as('manager', 'province:LC');
    const coverage = await eventually(async () => {
      const res = await call('GET', 'injections', '/statistics/coverage', undefined, manager);
      const rows = res.body.rows as { population: number; atLeastOneDose: number }[];
      if (rows.reduce((n, r) => n + r.population, 0) !== SIZE) throw new Error('census not received yet');
      if (rows.reduce((n, r) => n + r.atLeastOneDose, 0) < 3) throw new Error('people not counted yet');
      return res.body;
    });
    expect(coverage.populationCountedAt).toEqual(expect.any(String));
    const csv = await call('GET', 'injections', '/statistics/coverage?format=csv', undefined, manager);
    expect(String(csv.body).split('\r\n')[0]).toBe(
      'district,ageGroup,population,atLeastOneDose,primarySeries,booster,oneDoseShare,primarySeriesShare',
    );
    const share = await call('GET', 'injections', '/statistics/verification-share?groupBy=site', undefined, manager);
    expect(share.body.rows).toContainEqual(
      expect.objectContaining({ key: 'LC-TD-01', verifiedShare: 1, attested: expect.any(Number) }),
    );
    expect((share.body.rows as { attested: number }[]).some((r) => r.attested >= 1)).toBe(true);
    const bad = await call('GET', 'injections', '/statistics/verification-share?groupBy=village', undefined, manager);
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ field: 'groupBy', rule: 'isIn' }] } });
  }, 120_000);
});
