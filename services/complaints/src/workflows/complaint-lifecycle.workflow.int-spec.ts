import { eventually } from '@vax/testing';
import { correctLot, districtStaff, stationStaff } from '../activities/lifecycle.spec-fixtures';
import { ComplaintWorkflowHarness, near, vnTime } from '../worker/complaint-workflow.spec-fixtures';
import { decisionSignal, deadlinesQuery, recordCorrectedSignal, withdrawSignal } from './complaint-lifecycle.messages';

// The complaint lifecycle on Temporal's time-skipping server: deadlines across weekends and Tết,
// escalations, the citizen's paused clock, acceptance through to a reissued certificate.
// Test SLA (TEST_POLICY): 4 working hours at the station, 8 above; reminders 1 working hour before.

const provinceStaff = { id: 'staff-so-yte', role: 'manager', scope: 'province:12' };
const accept = (decidedBy = stationStaff) => ({
  decisionId: `d-${decidedBy.id}`,
  decidedBy,
  kind: 'accept' as const,
  correction: correctLot,
  note: '',
});

describe('the complaint lifecycle workflow', () => {
  let harness: ComplaintWorkflowHarness;
  beforeAll(async () => {
    harness = await ComplaintWorkflowHarness.start();
  }, 180_000);
  afterAll(() => harness?.env.teardown());

  it('misses a deadline over the weekend and escalates twice: station → district centre → province', async () => {
    const friday = await harness.next(5, '15:00');
    await harness.skipTo(friday);
    const monday = new Date(friday + 3 * 86_400_000).toISOString().slice(0, 10);
    const tuesday = new Date(friday + 4 * 86_400_000).toISOString().slice(0, 10);
    const wednesday = new Date(friday + 5 * 86_400_000).toISOString().slice(0, 10);
    await harness.run('weekend-escalation', async ({ bed, handle, reaches, outcome }) => {
      const assigned = await reaches((p) => p.stage === 'awaiting-decision');
      // 2 working hours on Friday, 2 on Monday: due Monday 09:30, reminded at 08:30.
      expect(assigned.turn).toEqual({
        level: 'commune-station',
        unitId: 'site:LC-TD-01',
        dueAt: near(vnTime(monday, '09:30')),
        remindAt: near(vnTime(monday, '08:30')),
      });
      await harness.skipTo(vnTime(monday, '08:31'));
      await eventually(async () => expect(bed.notifications.templates()).toContain('complaint-reminder'));
      expect((await reaches((p) => p.stage === 'awaiting-decision')).escalations).toBe(0);

      await harness.skipTo(vnTime(monday, '09:31'));
      const once = await reaches((p) => p.escalations === 1 && p.stage === 'awaiting-decision');
      expect(once.turn).toMatchObject({
        level: 'district-centre',
        unitId: 'district:Tam Đường',
        dueAt: near(vnTime(tuesday, '10:00')),
      });

      await harness.skipTo(vnTime(tuesday, '10:01'));
      const twice = await reaches((p) => p.escalations === 2 && p.stage === 'awaiting-decision');
      expect(twice.turn).toMatchObject({
        level: 'province',
        unitId: 'province:12',
        dueAt: near(vnTime(wednesday, '10:30')),
      });
      const breaches = (await bed.store.readStream('complaint-weekend-escalation')).filter(
        (e) => e.type === 'SlaBreached',
      );
      expect(breaches.map((e) => (e.data as { level: string }).level)).toEqual(['commune-station', 'district-centre']);

      await handle.signal(decisionSignal, { ...accept(provinceStaff), decisionId: 'd-1' });
      await reaches((p) => p.stage === 'awaiting-correction');
      await handle.signal(recordCorrectedSignal, { recordId: 'p-1/2', eventId: 'e-1' });
      expect(await outcome()).toEqual({ complaintId: 'weekend-escalation', outcome: 'resolved' });
      expect(bed.notifications.templates()).toEqual(
        expect.arrayContaining(['complaint-received', 'complaint-escalated', 'complaint-resolved']),
      );
    });
  }, 120_000);

  it('misses no deadline during Tết: the clock stands still over the holidays', async () => {
    const { eve, tet } = await harness.nextTetEve();
    await harness.skipTo(vnTime(eve, '15:00'));
    await harness.run('tet-deadline', async ({ handle, reaches, outcome }) => {
      const assigned = await reaches((p) => p.stage === 'awaiting-decision');
      const due = Date.parse(assigned.turn!.dueAt);
      // Two working hours before the holidays, two after: due at 09:30 on the first working day after Tết.
      expect(new Date(due + 7 * 3_600_000).toISOString().slice(11, 16)).toBe('09:30');
      expect(due).toBeGreaterThan(vnTime(tet, '00:00') + 3 * 86_400_000);
      await harness.skipTo(vnTime(tet, '12:00'));
      expect((await reaches((p) => p.stage === 'awaiting-decision')).escalations).toBe(0);
      await harness.skipTo(due + 60_000);
      expect((await reaches((p) => p.escalations === 1)).turn?.level).toBe('district-centre');
      await handle.signal(withdrawSignal, {
        citizen: { id: 'citizen-1', role: 'citizen', scope: 'person:citizen-1' },
        reason: 'đã sửa',
      });
      expect((await outcome()).outcome).toBe('withdrawn');
    });
  }, 120_000);

  it('pauses the clock while the citizen holds the turn, and resumes with the time that was left', async () => {
    const monday = await harness.next(1, '08:00');
    await harness.skipTo(monday);
    const day = (n: number) => new Date(monday + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    await harness.run('citizen-turn', async ({ bed, handle, reaches, outcome }) => {
      // 3½ working hours before lunch, ½ after.
      expect((await reaches((p) => p.stage === 'awaiting-decision')).turn?.dueAt).toEqual(
        near(vnTime(day(0), '14:00')),
      );
      await harness.skipTo(vnTime(day(0), '10:00'));
      await handle.signal(decisionSignal, {
        decisionId: 'd-ask',
        decidedBy: stationStaff,
        kind: 'ask-citizen',
        question: 'Xin ảnh phiếu sàng lọc mũi 2.',
      });
      const paused = await reaches((p) => p.stage === 'awaiting-citizen');
      expect(paused.paused?.remainingMinutes).toBeCloseTo(120, 0);
      expect(await handle.query(deadlinesQuery)).toMatchObject({ dueAt: null, replyBy: near(vnTime(day(2), '17:00')) });

      await harness.skipTo(vnTime(day(2), '10:00')); // long past the first due time: no breach while paused
      expect((await reaches((p) => p.stage === 'awaiting-citizen')).escalations).toBe(0);
      await handle.signal('citizenReply', {
        citizen: { id: 'citizen-1', role: 'citizen', scope: 'person:citizen-1' },
        message: 'Đã gửi ảnh',
        evidence: [],
      });
      const resumed = await reaches((p) => p.stage === 'awaiting-decision' && p.paused === null);
      expect(resumed.turn?.dueAt).toEqual(near(vnTime(day(2), '14:00'))); // 90 minutes before lunch, 30 after

      await handle.signal(decisionSignal, accept());
      await reaches((p) => p.stage === 'awaiting-correction');
      expect(bed.injections.requests).toEqual([
        expect.objectContaining({ complaintId: 'citizen-turn', personId: 'p-1', correction: correctLot }),
      ]);
      await handle.signal(recordCorrectedSignal, { recordId: 'p-1/2', eventId: 'e-1' });
      expect((await outcome()).outcome).toBe('resolved');
      expect(await bed.complaints.load('citizen-turn')).toMatchObject({ status: 'closed', outcome: 'resolved' });
      expect(bed.notifications.templates()).not.toContain('complaint-reply-reminder'); // replied before it was due
    });
  }, 120_000);

  it('reopens a rejected complaint on appeal, one level up, and resolves it there', async () => {
    await harness.skipTo(await harness.next(2, '08:00'));
    await harness.run('appeal', async ({ bed, handle, reaches, outcome }) => {
      await reaches((p) => p.stage === 'awaiting-decision');
      await handle.signal(decisionSignal, {
        decisionId: 'd-no',
        decidedBy: stationStaff,
        kind: 'reject',
        reason: 'contradicts-certificate',
        note: 'Giấy xác nhận ghi lô khác',
      });
      const window = await reaches((p) => p.stage === 'appeal-window');
      expect(Date.parse(window.appealUntil!) - (await harness.now())).toBeGreaterThan(6 * 86_400_000);
      await harness.skipTo((await harness.now()) + 3 * 86_400_000);
      await handle.signal('appeal', {
        citizen: { id: 'citizen-1', role: 'citizen', scope: 'person:citizen-1' },
        grounds: 'Có giấy xác nhận gốc',
      });
      const reopened = await reaches((p) => p.stage === 'awaiting-decision');
      expect(reopened.turn).toMatchObject({ level: 'district-centre', unitId: 'district:Tam Đường' });
      await handle.signal(decisionSignal, accept(districtStaff));
      await reaches((p) => p.stage === 'awaiting-correction');
      await handle.signal(recordCorrectedSignal, { recordId: 'p-1/2', eventId: 'e-9' });
      expect((await outcome()).outcome).toBe('resolved');
      const events = (await bed.store.readStream('complaint-appeal')).map((e) => e.type);
      expect(events).toEqual(expect.arrayContaining(['ComplaintAppealed']));
      expect(bed.notifications.templates()).toEqual(
        expect.arrayContaining(['complaint-rejected', 'complaint-appeal-received']),
      );
    });
  }, 120_000);
});
