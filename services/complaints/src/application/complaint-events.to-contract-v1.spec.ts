import { ComplaintsEventsV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { cmd, historyOf, siteStaff } from '../domain/complaint.spec-fixtures';
import type { ComplaintEvent } from '../domain/complaint.events';
import { complaintEventToContractV1 } from './complaint-events.to-contract-v1';

const recorded = (events: ComplaintEvent[]): RecordedEvent[] =>
  events.map((e, i) => ({
    id: `0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b${String(i).padStart(2, '0')}`,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: {
      correlationId: 'corr',
      causationId: null,
      actor: siteStaff,
      occurredAt: new Date('2025-03-10T02:00:00Z'),
    },
    stream: 'complaint-c-1',
    revision: BigInt(i),
    globalPosition: BigInt(i + 1),
    checkpoint: String(i + 1),
    recordedAt: new Date('2025-03-10T02:00:01Z'),
  }));

const published = (...commands: Parameters<typeof historyOf>) =>
  recorded(historyOf(...commands))
    .map(complaintEventToContractV1)
    .filter((m) => m !== null)
    .map((m) => ComplaintsEventsV1.parse(JSON.parse(JSON.stringify(m.message))));

describe('complaint events on complaints.events.v1', () => {
  const base = [cmd.file(), cmd.identity(), cmd.assign()] as const;

  it('publishes each step of a complaint, keyed by complaint, valid under the contract', () => {
    const messages = published(...base, cmd.escalate(), cmd.withdraw({ at: '2025-03-12T04:00:00.000Z' }));
    expect(messages.map((m) => m.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAssigned',
      'SlaBreached',
      'ComplaintAssigned',
      'ComplaintClosed',
    ]);
    expect(messages.every((m) => m.aggregateId === 'c-1')).toBe(true);
    expect(messages[0].payload).toEqual({
      complaintId: 'c-1',
      complaintType: 'dose-details',
      personId: 'citizen-1', // the filer: the holding unit may then read their record (injections, certification)
      siteId: 'LC-TD-01',
      filedAt: cmd.file().at,
    });
  });

  it('publishes the paused clock, the correction asked of injections, the rejection and the appeal', () => {
    const asked = published(...base, cmd.ask(), cmd.reply(), cmd.accept());
    expect(asked.slice(-3).map((m) => [m.type, m.payload])).toEqual([
      ['InformationRequested', expect.objectContaining({ remainingMinutes: 600 })],
      ['CitizenReplied', expect.objectContaining({ dueAt: cmd.reply().dueAt })],
      [
        'CorrectionRequested',
        expect.objectContaining({ action: 'correct-dose', doseNumber: 2, requestedBy: 'staff-17' }),
      ],
    ]);
    const appealed = published(...base, cmd.reject(), cmd.appeal());
    expect(appealed.slice(-2).map((m) => m.payload)).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        reasonCode: 'contradicts-certificate',
        appealUntil: cmd.reject().appealUntil,
      }),
      expect.objectContaining({ appealedAt: cmd.appeal().at }),
    ]);
  });

  it('publishes nothing personal: no name, ID number, phone, address or free text', () => {
    const all = JSON.stringify(published(...base, cmd.ask(), cmd.reply(), cmd.reject()));
    for (const secret of ['Lò Thị Mai', '012190004567', '0912345678', 'Bình Lư', 'Xin gửi ảnh', 'Đã gửi ảnh'])
      expect(all).not.toContain(secret);
  });
});
