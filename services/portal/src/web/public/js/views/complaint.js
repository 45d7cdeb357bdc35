import { api } from '../api.js';
import { clearProblem, field, h, showProblem } from '../dom.js';
import { formatDate, formatDateTime, t } from '../i18n.js';
import { go } from '../session.js';
import { sentMessages } from './complaint-messages.js';

const REJECTION_REASONS = [
  'record-already-correct',
  'dose-not-given-here',
  'contradicts-certificate',
  'screening-form-incomplete',
  'name-differs-from-certificate',
  'only-personal-photo',
  'identity-not-confirmed',
  'duplicate-complaint',
];

// One complaint: what it is about, who holds the turn and until when, what happened so far, and
// what the person looking at it may do now (the service refuses anything else).
export async function render(view, state) {
  const id = new URLSearchParams(location.hash.split('?')[1]).get('id');
  const role = state.session.role;
  // The messages are the citizen's own; without them the page still shows the complaint.
  const [c, sent] = await Promise.all([
    api('GET', `/api/complaints/${encodeURIComponent(id)}`),
    role === 'citizen' ? api('GET', `/api/complaints/${encodeURIComponent(id)}/messages`).catch(() => null) : null,
  ]);
  view.append(
    h('h2', {}, t(`complaintType.${c.complaintType}`)),
    h(
      'p',
      { class: `status status-${c.status}` },
      t(`complaintStatus.${c.status}`),
      c.outcome ? ` — ${t(`outcome.${c.outcome}`)}` : '',
    ),
    c.assignment
      ? h('p', {}, t('complaint.turn', { unit: c.assignment.unitId, due: formatDateTime(c.assignment.dueAt) }))
      : null,
    c.question ? h('p', { class: 'notice' }, t('complaint.question', { question: c.question })) : null,
    h(
      'section',
      { class: 'card' },
      h('h3', {}, t('complaint.timeline')),
      h(
        'ol',
        { class: 'timeline' },
        (c.timeline || []).map((s) =>
          h('li', {}, h('time', {}, formatDateTime(s.at)), ' ', t(`step.${s.step}`), s.unitId ? ` (${s.unitId})` : ''),
        ),
      ),
    ),
    c.evidence.length
      ? h(
          'section',
          { class: 'card' },
          h('h3', {}, t('complaint.photos')),
          c.evidence.map((e) =>
            h('img', {
              src: `/api/complaints/${encodeURIComponent(id)}/evidence/${encodeURIComponent(e.evidenceId)}`,
              alt: t('complaint.photoAlt'),
              class: 'evidence',
            }),
          ),
        )
      : null,
  );
  if (role === 'citizen') {
    if (sent) view.append(sentMessages(sent.messages));
    view.append(citizenActions(id, c));
  } else if (c.status === 'assigned' || c.status === 'appealed') view.append(await decideForm(id, c));
}

function citizenActions(id, c) {
  const box = h('section', { class: 'card' });
  const act = async (form, action, body) => {
    clearProblem(form);
    try {
      await api('POST', `/api/complaints/${encodeURIComponent(id)}/${action}`, body);
      go(`#/complaint?id=${id}&t=${Date.now()}`);
    } catch (error) {
      showProblem(form, error);
    }
  };
  if (c.status === 'awaiting-citizen') {
    const reply = h(
      'form',
      {},
      field('r-message', 'complaint.reply', h('textarea', { name: 'message', rows: 3 })),
      h('button', { type: 'submit' }, t('complaint.sendReply')),
    );
    reply.addEventListener(
      'submit',
      (e) => (e.preventDefault(), act(reply, 'replies', { message: reply.message.value.trim(), evidenceIds: [] })),
    );
    box.append(reply);
  }
  if (c.status === 'closed' && c.outcome === 'rejected' && c.appealUntil && Date.parse(c.appealUntil) > Date.now()) {
    const appeal = h(
      'form',
      {},
      field('a-grounds', 'complaint.appealGrounds', h('textarea', { name: 'grounds', rows: 3 })),
      h('button', { type: 'submit' }, t('complaint.appeal')),
    );
    appeal.addEventListener(
      'submit',
      (e) => (e.preventDefault(), act(appeal, 'appeal', { grounds: appeal.grounds.value.trim() })),
    );
    box.append(h('p', {}, t('complaint.appealUntil', { date: formatDate(c.appealUntil) })), appeal);
  }
  if (c.status !== 'closed') {
    const withdraw = h(
      'form',
      {},
      field('w-reason', 'complaint.withdrawReason', h('input', { name: 'reason' })),
      h('button', { type: 'submit', class: 'secondary' }, t('complaint.withdraw')),
    );
    withdraw.addEventListener(
      'submit',
      (e) => (
        e.preventDefault(),
        act(withdraw, 'withdrawal', { reason: withdraw.reason.value.trim() || t('complaint.withdrawDefault') })
      ),
    );
    box.append(withdraw);
  }
  return box;
}

/** The unit's decision. An accepted dose complaint corrects the dose: the form starts from the record. */
async function decideForm(id, c) {
  const record = c.personId
    ? await api('POST', `/api/desk/records/${encodeURIComponent(c.personId)}`).catch(() => null)
    : null;
  const dose = record?.doses.find((d) => !d.voided && d.doseNumber === c.subject.doseNumber);
  const after = { ...(dose ?? {}), ...(c.subject.claimed ?? {}) };
  const kind = h(
    'select',
    { name: 'kind' },
    ['accept', 'reject', 'ask-citizen'].map((k) => h('option', { value: k }, t(`decision.${k}`))),
  );
  const form = h(
    'form',
    { class: 'card' },
    h('h3', {}, t('complaint.decide')),
    record
      ? h(
          'p',
          { class: 'hint' },
          t('complaint.recordNow', {
            doses: record.doses
              .filter((d) => !d.voided)
              .map((d) => `${d.doseNumber}: ${d.vaccineCode} ${formatDate(d.administeredOn)} ${d.lotNumber}`)
              .join('; '),
          }),
        )
      : null,
    field('k-kind', 'complaint.decision', kind),
    field(
      'k-date',
      'doses.date',
      h('input', { name: 'administeredOn', type: 'date', value: after.administeredOn ?? '' }),
    ),
    field('k-lot', 'desk.lotNumber', h('input', { name: 'lotNumber', value: after.lotNumber ?? '' })),
    field('k-vaccine', 'doses.vaccine', h('input', { name: 'vaccineCode', value: after.vaccineCode ?? '' })),
    field(
      'k-reason',
      'complaint.rejectReason',
      h(
        'select',
        { name: 'reason' },
        REJECTION_REASONS.map((r) => h('option', { value: r }, t(`rejection.${r}`))),
      ),
    ),
    field('k-note', 'complaint.note', h('textarea', { name: 'note', rows: 2 })),
    h('button', { type: 'submit' }, t('complaint.sendDecision')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    const k = kind.value;
    const correction = {
      action: 'correct-dose',
      doseNumber: c.subject.doseNumber,
      after: {
        vaccineCode: form.vaccineCode.value,
        lotNumber: form.lotNumber.value,
        administeredOn: form.administeredOn.value,
        siteId: c.subject.siteId,
      },
    };
    const body = {
      decisionId: crypto.randomUUID(),
      kind: k,
      note: form.note.value.trim() || undefined,
      ...(k === 'accept'
        ? { correction }
        : k === 'reject'
          ? { reason: form.reason.value }
          : { question: form.note.value.trim() }),
    };
    try {
      await api('POST', `/api/complaints/${encodeURIComponent(id)}/decisions`, body);
      go('#/queue');
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}
