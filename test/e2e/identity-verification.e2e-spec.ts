import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { REPO_ROOT, eventually, testInfrastructure } from '@vax/testing';
import { PlatformUnderTest } from './platform-processes';

// The first people of the synthetic population with seed 42 (the same generator as the registry load).
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';

const people = [...syntheticPopulation(loadPopulationReference(), { size: 2_000, seed: 42 })];
const adult = people.find((p) => p.dateOfBirth < '2000' && p.oldIdNumber)!;
const qrOf = (p: (typeof people)[number]) => {
  const [y, m, d] = p.dateOfBirth.split('-');
  return `${p.idNumber}|${p.oldIdNumber ?? ''}|${p.fullName}|${d}${m}${y}|${p.gender === 'male' ? 'Nam' : 'Nữ'}|${p.address}|01012021`;
};

describe('identity verification at the injection desk (identity as its own process, real PostgreSQL and Kafka)', () => {
  const platform = new PlatformUnderTest('kafka', 4300, ['identity']);
  platform.beforeStart = async (p) => {
    execFileSync(
      process.execPath,
      [
        join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js'),
        'load',
        '--size',
        '2000',
        '--seed',
        '42',
        '--database',
        p.databaseUrl('identity'),
      ],
      { stdio: 'pipe' },
    );
  };
  const token = (role: string, id = 'staff-17') =>
    platform.actorHeaders({ id, role, scope: 'site:LC-TD-01' }, 'identity');
  const call = async (path: string, body: unknown, role = 'site-staff', contentType = 'application/json') => {
    const res = await fetch(platform.service('identity').url(path), {
      method: 'POST',
      headers: { 'content-type': contentType, ...(await token(role)) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(() => platform.start(), 300_000);
  afterAll(() => platform.kill());

  it('refuses a caller without a valid actor token (401)', async () => {
    const res = await fetch(platform.service('identity').url('/verifications'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('verifies a scanned chip-card QR, and a repeated request returns the first result', async () => {
    const requestId = randomUUID();
    const first = await call('/verifications', { requestId, qr: qrOf(adult) });
    expect(first).toMatchObject({
      status: 201,
      body: {
        verificationId: requestId,
        result: 'verified',
        standing: 'verified',
        personId: adult.personId,
        differences: [],
      },
    });
    const again = await call('/verifications', { requestId, qr: qrOf(adult) });
    expect(again).toEqual({ status: 200, body: first.body });
  });

  it('explains a mismatch field by field, and verifies an old CMND typed without accents', async () => {
    const [y, m, d] = adult.dateOfBirth.split('-');
    const swapped = Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : `${Number(y) + 1}-${m}-${d}`;
    const mismatch = await call('/verifications', {
      typed: { idNumber: adult.oldIdNumber, fullName: adult.fullName, dateOfBirth: swapped },
    });
    expect(mismatch.body).toMatchObject({
      result: 'mismatched',
      differences: [{ field: 'idNumber', kind: 'old-id-number' }, { field: 'dateOfBirth' }],
    });
    const folded = adult.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const tolerated = await call('/verifications', {
      typed: { idNumber: adult.oldIdNumber, fullName: folded, dateOfBirth: adult.dateOfBirth },
    });
    expect(tolerated.body).toMatchObject({ result: 'verified' });
  });

  it('reports a person the registry does not know as not found', async () => {
    const stranger = { idNumber: '012203999999', fullName: 'Vàng A Dế', dateOfBirth: '2003-05-06' };
    expect((await call('/verifications', { typed: stranger })).body).toMatchObject({
      result: 'not-found',
      personId: null,
    });
  });

  it('answers bad input with a 400 naming the field and rule, and stores nothing', async () => {
    const requestId = randomUUID();
    const bad = await call('/verifications', { requestId, qr: `${adult.idNumber}|${adult.fullName}|31022003` });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ field: 'qr', rule: 'fieldCount' }] } });
    const numberOnly = await call('/verifications', { requestId, typed: { idNumber: adult.idNumber } });
    expect(numberOnly).toMatchObject({ status: 400 }); // a number alone would verify whoever holds it
    expect([...new Set((numberOnly.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual([
      'typed.dateOfBirth',
      'typed.fullName',
    ]);
    const typedInFull = { idNumber: '1', fullName: 'Vàng A Dế', dateOfBirth: '2003-05-06' };
    const both = await call('/verifications', { qr: 'x', typed: typedInFull });
    expect(both).toMatchObject({ status: 400, body: { errors: [{ field: 'qr', rule: 'exactlyOneOf' }] } });
    const unknown = await call('/verifications', { qr: qrOf(adult), extra: true });
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ field: 'extra', rule: 'unknownField' }] } });
    expect((await call('/verifications', 'qr=1', 'site-staff', 'text/plain')).status).toBe(415);
    const res = await fetch(platform.service('identity').url(`/verifications/${requestId}`), {
      headers: await token('site-staff'),
    });
    expect(res.status).toBe(404);
  });

  it('lets only a police verifier override a mismatch, with a reason, and the result then stands verified', async () => {
    const otherGender = adult.gender === 'male' ? 'female' : 'male';
    // With the CCCD, the number's own gender digit already refuses it; with the old CMND it reaches the registry.
    const facts = { fullName: adult.fullName, dateOfBirth: adult.dateOfBirth, gender: otherGender };
    const contradiction = await call('/verifications', { typed: { idNumber: adult.idNumber, ...facts } });
    expect(contradiction.body).toMatchObject({
      status: 400,
      errors: [{ field: 'idNumber', rule: 'genderDigitMatches' }],
    });
    const mismatch = await call('/verifications', { typed: { idNumber: adult.oldIdNumber, ...facts } });
    expect(mismatch.body).toMatchObject({
      result: 'mismatched',
      differences: [{ field: 'idNumber' }, { field: 'gender', kind: 'different' }],
    });
    const id = mismatch.body.verificationId as string;
    const reason = { outcome: 'overridden', reason: 'Đã đối chiếu giấy khai sinh gốc tại công an xã' };
    expect((await call(`/verifications/${id}/reviews`, reason, 'site-staff')).status).toBe(403);
    expect(
      (await call(`/verifications/${id}/reviews`, { ...reason, reason: 'ok' }, 'police-verifier')).body,
    ).toMatchObject({ errors: [{ field: 'reason' }] });
    const reviewed = await call(`/verifications/${id}/reviews`, reason, 'police-verifier');
    expect(reviewed).toMatchObject({
      status: 201,
      body: { result: 'mismatched', standing: 'verified', reviews: [{ outcome: 'overridden' }] },
    });
  });

  it('verifies a campaign batch from identity.bulk-requests.v1 once, even delivered twice', async () => {
    const kafka = new Kafka({
      clientId: 'identity-e2e-bulk',
      brokers: testInfrastructure().kafkaBrokers,
      logLevel: logLevel.ERROR,
    });
    const batchId = `batch-${randomUUID()}`;
    const [a, b] = [people[10], people[11]];
    const records = [
      { recordId: 'r-match', idNumber: a.idNumber, fullName: a.fullName, dateOfBirth: a.dateOfBirth, gender: a.gender },
      {
        recordId: 'r-typo-id',
        idNumber: `${b.idNumber.slice(0, 11)}${(Number(b.idNumber[11]) + 1) % 10}`,
        fullName: b.fullName,
        dateOfBirth: b.dateOfBirth,
      },
      { recordId: 'r-no-id', fullName: a.fullName, dateOfBirth: a.dateOfBirth },
      { recordId: 'r-unknown', idNumber: '012203999999', fullName: 'Vàng Thị Dính', dateOfBirth: '1990-01-01' },
    ];
    const request = {
      eventId: randomUUID(),
      type: 'BulkVerificationRequested',
      aggregateId: batchId,
      occurredAt: new Date().toISOString(),
      correlationId: batchId,
      causationId: null,
      actor: { id: 'campaign', role: 'system', scope: 'province:LC' },
      payload: { batchId, records },
    };
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: 'identity.bulk-requests.v1',
      acks: -1,
      messages: [
        { key: batchId, value: JSON.stringify(request) },
        { key: batchId, value: JSON.stringify(request) },
      ],
    });
    await producer.disconnect();

    const seen: {
      type: string;
      aggregateId: string;
      payload: { results: { recordId: string; result: string; personId?: string }[] };
    }[] = [];
    const consumer = kafka.consumer({ groupId: `identity-e2e-bulk-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'identity.events.v1', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value!.toString())) });
    try {
      const completed = await eventually(async () => {
        const found = seen.find((m) => m.type === 'BulkVerificationCompleted' && m.aggregateId === batchId);
        if (!found) throw new Error('not completed yet');
        return found;
      });
      const byRecord = Object.fromEntries(completed.payload.results.map((r) => [r.recordId, r]));
      expect(byRecord).toMatchObject({
        'r-match': { result: 'matched', personId: a.personId },
        'r-typo-id': { result: 'mismatched', personId: b.personId },
        // Searched by name and birth date (issue 18): one clear person, linked, the missing number flagged.
        'r-no-id': {
          result: 'mismatched',
          personId: a.personId,
          differences: [{ field: 'idNumber', kind: 'missing' }],
        },
        'r-unknown': { result: 'not-found' },
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for a wrongly repeated result to appear
      expect(seen.filter((m) => m.type === 'BulkVerificationCompleted' && m.aggregateId === batchId)).toHaveLength(1);
    } finally {
      await consumer.disconnect();
    }
  }, 60_000);

  it('publishes each result on identity.events.v1, keyed by verification', async () => {
    const { body } = await call('/verifications', { qr: qrOf(people[3]) });
    const kafka = new Kafka({
      clientId: 'identity-e2e',
      brokers: testInfrastructure().kafkaBrokers,
      logLevel: logLevel.ERROR,
    });
    const consumer = kafka.consumer({ groupId: `identity-e2e-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 'identity.events.v1', fromBeginning: true });
    const seen: Record<string, unknown>[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value!.toString())) });
    try {
      const published = await eventually(async () => {
        const found = seen.find((m) => m.aggregateId === body.verificationId);
        if (!found) throw new Error('not published yet');
        return found;
      });
      expect(published).toMatchObject({
        type: 'IdentityVerified',
        payload: {
          verificationId: body.verificationId,
          personId: people[3].personId,
          idNumber: people[3].idNumber,
          source: 'cccd-qr',
        },
      });
    } finally {
      await consumer.disconnect();
    }
  }, 60_000);
});
