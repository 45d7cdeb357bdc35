import type { RejectionReason } from '../domain/complaint-kinds';
import type { FiledComplaint } from '../domain/complaint.state';

/** The citizen's messages (SMS, Vietnamese). They name the complaint, never the person. */
export type CitizenMessage =
  'received' | 'information-requested' | 'reply-reminder' | 'rejected' | 'appeal-received' | 'resolved' | 'withdrawn';

export type HolderMessage = 'assigned' | 'reminder' | 'escalated';

const REASONS: Record<RejectionReason, string> = {
  'screening-form-incomplete': 'phiếu sàng lọc thiếu ngày tiêm, mũi tiêm hoặc loại vắc xin',
  'name-differs-from-certificate': 'họ tên khác với giấy xác nhận tiêm chủng',
  'only-personal-photo': 'chỉ gửi ảnh cá nhân, không có giấy tờ tiêm chủng',
  'contradicts-certificate': 'thông tin mũi tiêm mâu thuẫn với giấy xác nhận',
  'record-already-correct': 'dữ liệu trên hệ thống đã đúng',
  'dose-not-given-here': 'mũi tiêm không do cơ sở này thực hiện',
  'identity-not-confirmed': 'chưa xác thực được thông tin định danh',
  'duplicate-complaint': 'trùng với phản ánh khác',
  'citizen-did-not-reply': 'không nhận được thông tin bổ sung đúng hạn',
  'closed-after-failure': 'hệ thống không xử lý tiếp được; bạn có thể gửi phản ánh mới',
};

/** A time as Vietnamese read it: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function vietnamTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

export function citizenText(message: CitizenMessage, state: FiledComplaint): string {
  const id = `Phản ánh ${state.complaintId}`;
  switch (message) {
    case 'received':
      return `${id} đã được tiếp nhận và đang được xử lý.`;
    case 'information-requested':
      return state.status === 'awaiting-citizen'
        ? `${id}: đơn vị xử lý cần bổ sung: ${state.question} Vui lòng trả lời trước ${vietnamTime(state.replyBy)}.`
        : `${id}: đơn vị xử lý cần bổ sung thông tin.`;
    case 'reply-reminder':
      return state.status === 'awaiting-citizen'
        ? `${id}: vui lòng gửi thông tin bổ sung trước ${vietnamTime(state.replyBy)}; quá hạn phản ánh sẽ bị đóng.`
        : `${id}: vui lòng gửi thông tin bổ sung.`;
    case 'rejected': {
      if (state.status !== 'closed') return `${id} không được chấp nhận.`;
      const why = state.reason ? `: ${REASONS[state.reason]}` : '';
      const appeal = state.appealUntil ? ` Bạn có thể kiến nghị lại đến ${vietnamTime(state.appealUntil)}.` : '';
      return `${id} không được chấp nhận${why}.${appeal}`;
    }
    case 'appeal-received':
      return `${id}: kiến nghị lại đã được tiếp nhận và chuyển cấp trên xem xét.`;
    case 'resolved':
      return `${id} đã được giải quyết: dữ liệu tiêm chủng đã được cập nhật.`;
    case 'withdrawn':
      return `${id} đã được rút theo yêu cầu của bạn.`;
    default:
      return assertNever(message);
  }
}

export function holderText(message: HolderMessage, complaintId: string, dueAt: string): string {
  const due = vietnamTime(dueAt);
  switch (message) {
    case 'assigned':
      return `Phản ánh ${complaintId} được giao cho đơn vị, hạn xử lý ${due}.`;
    case 'reminder':
      return `Nhắc việc: phản ánh ${complaintId} sắp đến hạn xử lý (${due}).`;
    case 'escalated':
      return `Phản ánh ${complaintId} quá hạn ở cấp dưới, chuyển lên đơn vị; hạn xử lý mới ${due}.`;
    default:
      return assertNever(message);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
