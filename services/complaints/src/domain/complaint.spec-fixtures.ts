import type { EvidenceItem } from './complaint-evidence';
import { complaintDecider as decider } from './complaint.decider';
import type * as C from './complaint.commands';
import { ComplaintError } from './complaint.errors';
import { deciderSpec } from '@vax/testing';

// Shared by the complaint's specs: the people, one valid command of each kind, and the histories
// that bring a complaint to each of its states.

export const citizen = { id: 'citizen-1', role: 'citizen', scope: 'person:citizen-1' };
export const otherCitizen = { id: 'citizen-2', role: 'citizen', scope: 'person:citizen-2' };
export const siteStaff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
export const otherSiteStaff = { id: 'staff-30', role: 'site-staff', scope: 'site:LC-PT-01' };

export const photo = (n: number, over: Partial<EvidenceItem> = {}): EvidenceItem => ({
  evidenceId: `ev-${n}`,
  mediaType: 'image/jpeg',
  sizeBytes: 800_000,
  sha256: String(n).repeat(64).slice(0, 64),
  ...over,
});

const DUE = '2025-03-12T03:30:00.000Z';
export const cmd = {
  file: (over: Partial<C.FileComplaint> = {}): C.FileComplaint => ({
    type: 'FileComplaint',
    complaintId: 'c-1',
    citizen,
    stated: { fullName: 'Lò Thị Mai', dateOfBirth: '1990-04-02', gender: 'female', idNumber: '012190004567' },
    contact: { phone: '0912345678', address: 'Bản Nà Khuy, xã Bình Lư, Tam Đường' },
    contactConfirmed: true,
    subject: {
      type: 'dose-details',
      doseNumber: 2,
      fields: ['lotNumber'],
      claimed: { lotNumber: 'ABV5811' },
      siteId: 'LC-TD-01',
    },
    description: 'Số lô mũi 2 trên sổ sức khỏe khác giấy xác nhận',
    evidence: [photo(1)],
    at: '2025-03-10T02:00:00.000Z',
    ...over,
  }),
  identity: (): C.RecordIdentityCheck => ({
    type: 'RecordIdentityCheck',
    result: 'verified',
    verificationId: 'v-1',
    personId: 'p-1',
    differingFields: [],
    at: '2025-03-10T02:00:05.000Z',
  }),
  assign: (): C.AssignComplaint => ({
    type: 'AssignComplaint',
    level: 'site',
    unitId: 'site:LC-TD-01',
    dueAt: DUE,
    at: '2025-03-10T02:00:06.000Z',
  }),
  escalate: (over: Partial<C.EscalateOverdue> = {}): C.EscalateOverdue => ({
    type: 'EscalateOverdue',
    expectedDueAt: DUE,
    level: 'commune-station',
    unitId: 'site:LC-TD-01-TYT',
    dueAt: '2025-03-19T03:30:00.000Z',
    at: DUE,
    ...over,
  }),
  accept: (over: Partial<C.AcceptComplaint> = {}): C.AcceptComplaint => ({
    type: 'AcceptComplaint',
    decidedBy: siteStaff,
    correction: {
      action: 'correct-dose',
      doseNumber: 2,
      after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
    },
    note: '',
    at: '2025-03-11T02:00:00.000Z',
    ...over,
  }),
  reject: (over: Partial<C.RejectComplaint> = {}): C.RejectComplaint => ({
    type: 'RejectComplaint',
    decidedBy: siteStaff,
    reason: 'contradicts-certificate',
    note: 'Giấy xác nhận ghi lô khác',
    appealUntil: '2025-04-10T02:00:00.000Z',
    at: '2025-03-11T02:00:00.000Z',
    ...over,
  }),
  ask: (over: Partial<C.RequestInformation> = {}): C.RequestInformation => ({
    type: 'RequestInformation',
    requestedBy: siteStaff,
    question: 'Xin gửi ảnh phiếu sàng lọc mũi 2',
    remainingMinutes: 600,
    replyBy: '2025-03-25T10:00:00.000Z',
    at: '2025-03-11T02:00:00.000Z',
    ...over,
  }),
  reply: (over: Partial<C.RecordCitizenReply> = {}): C.RecordCitizenReply => ({
    type: 'RecordCitizenReply',
    citizen,
    message: 'Đã gửi ảnh',
    evidence: [photo(2)],
    dueAt: '2025-03-14T08:00:00.000Z',
    at: '2025-03-13T02:00:00.000Z',
    ...over,
  }),
  unanswered: (): C.CloseUnanswered => ({
    type: 'CloseUnanswered',
    appealUntil: '2025-04-25T10:00:00.000Z',
    at: '2025-03-25T10:00:00.000Z',
  }),
  corrected: (): C.RecordCorrection => ({
    type: 'RecordCorrection',
    recordId: 'p-1/2',
    at: '2025-03-11T02:00:02.000Z',
  }),
  refused: (): C.RefuseCorrection => ({
    dueAt: '2025-03-13T02:00:00.000Z',
    type: 'RefuseCorrection',
    problem: 'lotNumber:known',
    at: '2025-03-11T02:00:02.000Z',
  }),
  resolve: (): C.ResolveComplaint => ({
    type: 'ResolveComplaint',
    certificateId: 'URN:UVCI:01:VN:12/ABC#K',
    at: '2025-03-11T02:00:09.000Z',
  }),
  appeal: (over: Partial<C.AppealComplaint> = {}): C.AppealComplaint => ({
    type: 'AppealComplaint',
    citizen,
    grounds: 'Tôi có giấy xác nhận gốc',
    at: '2025-03-20T02:00:00.000Z',
    ...over,
  }),
  withdraw: (over: Partial<C.WithdrawComplaint> = {}): C.WithdrawComplaint => ({
    type: 'WithdrawComplaint',
    citizen,
    reason: 'Đã được trạm sửa trực tiếp',
    at: '2025-03-11T01:00:00.000Z',
    ...over,
  }),
  attach: (): C.AttachEvidence => ({
    type: 'AttachEvidence',
    citizen,
    evidence: [photo(3)],
    at: '2025-03-10T03:00:00.000Z',
  }),
};

const spec = deciderSpec(decider);
/** given these events, when this command: the events decided (or the ComplaintError thrown). */
export const given = spec.given;
/** Runs commands from the start, each on the state the previous ones left: the events of the whole history. */
export const historyOf = spec.history;
/** The state a history folds to. */
export const stateOf = spec.stateOf;

/** The code of the ComplaintError a command is refused with, or 'no error'. */
export function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ComplaintError) return error.code;
    throw error;
  }
  return 'no error';
}
