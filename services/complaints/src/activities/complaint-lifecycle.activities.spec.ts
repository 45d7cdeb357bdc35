import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { createComplaintLifecycleActivities } from './complaint-lifecycle.activities';
import { citizen, correctLot, fileCommand, lifecycleTestbed, stationStaff } from './lifecycle.spec-fixtures';

const FILED_AT = '2025-03-07T08:00:00.000Z'; // Friday 15:00 in Vietnam
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();
const step = (n: number, name: string, at = FILED_AT) => ({
  complaintId: 'c-1',
  step: `complaint-c-1/${n}:${name}`,
  at,
});

async function filedAndAssigned(over: Parameters<typeof fileCommand>[2] = {}) {
  const bed = lifecycleTestbed();
  await bed.complaints.execute('c-1', fileCommand('c-1', FILED_AT, over), { actor: citizen, correlationId: 'test' });
  const acts = createComplaintLifecycleActivities(bed.deps);
  const mock = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') }); // an expected retry logs a WARN
  // MockActivityEnvironment.run cannot infer an activity's result type: this keeps it.
  const env = {
    run: <A extends unknown[], R>(fn: (...args: A) => Promise<R>, ...args: A) => mock.run(fn, ...args) as Promise<R>,
  };
  await env.run(acts.checkIdentity, step(1, 'check-identity'));
  const turn = await env.run(acts.assignTurn, step(2, 'assign'));
  return { bed, acts, env, turn };
}

describe('the complaint lifecycle activities', () => {
  it('check identity with the stated facts, and give the turn to the station that gave the dose, due after the weekend', async () => {
    const { bed, turn } = await filedAndAssigned();
    expect(bed.identity.keys).toEqual(['complaint-c-1/1:check-identity']);
    expect(turn).toEqual({
      level: 'commune-station',
      unitId: 'site:LC-TD-01',
      dueAt: vn('2025-03-10 09:30'),
      remindAt: vn('2025-03-10 08:30'),
    });
    expect(await bed.complaints.load('c-1')).toMatchObject({ status: 'assigned', identity: { personId: 'p-1' } });
  });

  it('write nothing twice when Temporal retries a step with its key', async () => {
    const { bed, acts, env } = await filedAndAssigned();
    const before = (await bed.store.readStream('complaint-c-1')).length;
    const again = await env.run(acts.assignTurn, step(2, 'assign', '2025-03-07T08:05:00.000Z'));
    expect(again.dueAt).toBe(vn('2025-03-10 09:30'));
    expect((await bed.store.readStream('complaint-c-1')).length).toBe(before);
  });

  it('escalate a missed deadline to the district centre, with a new due time from the escalation', async () => {
    const { bed, acts, env, turn } = await filedAndAssigned();
    const next = await env.run(acts.escalateTurn, { ...step(3, 'escalate', turn.dueAt), expectedDueAt: turn.dueAt });
    expect(next).toMatchObject({
      level: 'district-centre',
      unitId: 'district:Tam Đường',
      dueAt: vn('2025-03-11 10:00'),
    });
    const types = (await bed.store.readStream('complaint-c-1')).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['SlaBreached', 'ComplaintAssigned']);
  });

  it("answer a decision by someone not holding the turn with the refusal, and record the holder's", async () => {
    const { acts, env } = await filedAndAssigned();
    const outsider = { ...stationStaff, scope: 'site:LC-PT-01' };
    const decision = { decisionId: 'd-1', kind: 'accept' as const, correction: correctLot, note: '' };
    const at = vn('2025-03-10 08:00');
    expect(
      await env.run(acts.recordDecision, {
        ...step(3, 'decision', at),
        decision: { ...decision, decidedBy: outsider },
      }),
    ).toEqual({
      refused: 'not-allowed',
    });
    expect(
      await env.run(acts.recordDecision, {
        ...step(4, 'decision', at),
        decision: { ...decision, decidedBy: stationStaff },
      }),
    ).toEqual({
      kind: 'accepted',
      correction: correctLot,
    });
  });

  it('keep the working time left while the citizen holds the turn, and give it back on their reply', async () => {
    const { acts, env } = await filedAndAssigned();
    const ask = {
      decisionId: 'd-1',
      kind: 'ask-citizen' as const,
      question: 'Ảnh phiếu sàng lọc?',
      decidedBy: stationStaff,
    };
    const asked = await env.run(acts.recordDecision, { ...step(3, 'decision', vn('2025-03-10 08:30')), decision: ask });
    expect(asked).toEqual({
      kind: 'asked',
      remainingMinutes: 60,
      replyBy: vn('2025-03-12 17:00'),
      remindAt: vn('2025-03-12 16:00'), // the citizen is reminded a working hour before
    });
    const reply = { citizen, message: 'Đã gửi', evidence: [] };
    const resumed = await env.run(acts.resumeTurn, { ...step(4, 'resume', vn('2025-03-11 16:30')), reply });
    expect(resumed).toMatchObject({ unitId: 'site:LC-TD-01', dueAt: vn('2025-03-12 08:00') });
  });

  it('send the accepted correction to injections under the step key, and hand the turn back on a refusal', async () => {
    const { bed, acts, env } = await filedAndAssigned();
    const decision = {
      decisionId: 'd-1',
      kind: 'accept' as const,
      correction: correctLot,
      note: '',
      decidedBy: stationStaff,
    };
    await env.run(acts.recordDecision, { ...step(3, 'decision', vn('2025-03-10 08:00')), decision });
    expect(await env.run(acts.requestCorrection, step(4, 'request-correction', vn('2025-03-10 08:01')))).toEqual({
      kind: 'requested',
    });
    expect(bed.injections.requests).toEqual([
      {
        commandId: 'complaint-c-1/4:request-correction',
        complaintId: 'c-1',
        personId: 'p-1',
        correction: correctLot,
        reason: 'Sửa theo phản ánh c-1',
        requestedBy: 'staff-17',
        verificationId: 'v-1',
      },
    ]);
    const back = await env.run(acts.refuseCorrection, { ...step(5, 'refuse-correction'), problem: 'lotNumber:known' });
    // A new turn from the refusal: 4 working hours from Friday 15:00.
    expect(back).toMatchObject({ unitId: 'site:LC-TD-01', level: 'commune-station', dueAt: vn('2025-03-10 09:30') });
    expect(await bed.complaints.load('c-1')).toMatchObject({ status: 'assigned' });
  });

  it('refuse a correction at once when the identity check found nobody to correct', async () => {
    const bed = lifecycleTestbed();
    bed.identity.answer = { result: 'not-found', verificationId: 'v-9', personId: null, differingFields: [] };
    await bed.complaints.execute('c-1', fileCommand('c-1', FILED_AT), { actor: citizen, correlationId: 'test' });
    const acts = createComplaintLifecycleActivities(bed.deps);
    const mock = new MockActivityEnvironment();
    await mock.run(acts.checkIdentity, step(1, 'check-identity'));
    await mock.run(acts.assignTurn, step(2, 'assign'));
    const decision = {
      decisionId: 'd-1',
      kind: 'accept' as const,
      correction: correctLot,
      note: '',
      decidedBy: stationStaff,
    };
    await mock.run(acts.recordDecision, { ...step(3, 'decision', vn('2025-03-10 08:00')), decision });
    expect(await mock.run(acts.requestCorrection, step(4, 'request-correction'))).toMatchObject({ kind: 'refused' });
    expect(bed.injections.requests).toEqual([]);
  });

  it('wait for the reissued certificate by failing (to be retried) until certification has it', async () => {
    const wrongDay = {
      type: 'dose-details' as const,
      doseNumber: 2,
      fields: ['administeredOn' as const],
      claimed: { administeredOn: '2021-10-01' },
      siteId: 'LC-TD-01',
    };
    const { bed, acts, env } = await filedAndAssigned({ subject: wrongDay });
    bed.certificates.notYet = 1;
    const input = { ...step(5, 'reissue-certificate'), since: FILED_AT };
    await expect(env.run(acts.reissueCertificate, input)).rejects.toThrow('no certificate reissued yet');
    expect(await env.run(acts.reissueCertificate, input)).toEqual({ certificateId: bed.certificates.certificateId });
  });

  it('do not wait for a certificate when only the lot or the site was corrected: a certificate shows neither', async () => {
    const { bed, acts, env } = await filedAndAssigned();
    bed.certificates.notYet = 1;
    const input = { ...step(5, 'reissue-certificate'), since: FILED_AT };
    expect(await env.run(acts.reissueCertificate, input)).toEqual({ certificateId: null });
  });

  it('tell the citizen by SMS, naming the complaint and never the person, and the unit by its id', async () => {
    const { bed, acts, env, turn } = await filedAndAssigned();
    await env.run(acts.notifyCitizen, { ...step(3, 'notify-received'), message: 'received' });
    await env.run(acts.notifyHolder, { ...step(4, 'remind'), turn, message: 'reminder' });
    expect(bed.notifications.sent).toEqual([
      expect.objectContaining({
        to: { kind: 'phone', phone: '0912345678' },
        text: 'Phản ánh c-1 đã được tiếp nhận và đang được xử lý.',
      }),
      expect.objectContaining({
        to: { kind: 'unit', unitId: 'site:LC-TD-01' },
        text: expect.stringContaining('10/03/2025 09:30'),
      }),
    ]);
    expect(bed.notifications.sent.map((n) => n.text).join(' ')).not.toMatch(/Lò Thị Mai|012190004567/);
  });
});
