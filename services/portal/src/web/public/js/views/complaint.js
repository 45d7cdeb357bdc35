import { api } from '../api.js';
import { field, h } from '../dom.js';
import { submitting } from '../forms.js';
import { formatDate, formatDateTime, t } from '../i18n.js';
import { photoAsBase64 } from '../photo.js';
import { unitName } from '../units.js';
import { decisionForm } from './complaint-decision.js';
import { sentMessages } from './complaint-messages.js';
import { filerSummary, subjectSummary } from './complaint-summary.js';

const TURN_SHOWN = new Set(['assigned', 'appealed']);
const POLL = { attempts: 20, intervalMs: 500 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// One complaint: what it is about, who holds the turn and until when, what happened so far, and
// what the person looking at it may do now. The page is always drawn whole from the complaint as
// the service last answered: after an action it shows no form until the service's answer changes,
// so a form can never be sent twice against a state that has moved on.
export async function render(view, session) {
  const id = new URLSearchParams(location.hash.split('?')[1]).get('id');
  const role = session.session.role;
  const reference = await api('GET', '/api/reference').catch(() => null);
  const load = () =>
    Promise.all([
      api('GET', `/api/complaints/${encodeURIComponent(id)}`),
      role === 'citizen' ? api('GET', `/api/complaints/${encodeURIComponent(id)}/messages`).catch(() => null) : null,
    ]);
  const draw = async ([c, sent], waiting) => {
    const actions = waiting
      ? h('p', { class: 'notice', role: 'status' }, t('complaint.updating'))
      : role === 'citizen'
        ? citizenActions(c, acted)
        : c.status === 'assigned' || c.status === 'appealed'
          ? await decisionForm(c, reference, () => acted(c, '#/queue'))
          : null;
    view.replaceChildren(
      ...[...complaintView(c, reference, role), sent ? sentMessages(sent.messages) : null, actions].filter(Boolean),
    );
  };
  /** After an action: drawn without forms at once, then again once the service shows it (or gives up waiting). */
  async function acted(before, then) {
    await draw([before, null], true);
    for (let i = 0; i < POLL.attempts; i++) {
      await sleep(POLL.intervalMs);
      const now = await load().catch(() => null);
      if (now && stamp(now[0]) !== stamp(before)) return then ? (location.hash = then) : draw(now);
    }
    if (then) location.hash = then;
    else await draw(await load());
  }
  await draw(await load());
}

const stamp = (c) => `${c.status}/${c.timeline?.length ?? 0}`;

function complaintView(c, reference, role) {
  return [
    h('h2', {}, t(`complaintType.${c.complaintType}`)),
    h(
      'p',
      { class: `status status-${c.status}` },
      t(`complaintStatus.${c.status}`),
      c.outcome ? ` — ${t(`outcome.${c.outcome}`)}` : '',
    ),
    c.needsAttention ? h('p', { class: 'badge-attention', role: 'status' }, t('complaint.needsAttention')) : null,
    c.assignment && TURN_SHOWN.has(c.status)
      ? h(
          'p',
          {},
          t('complaint.turn', {
            unit: unitName(reference, c.assignment.unitId),
            due: formatDateTime(c.assignment.dueAt),
          }),
        )
      : null,
    c.question && c.status === 'awaiting-citizen'
      ? h('p', { class: 'notice' }, t('complaint.question', { question: c.question }))
      : null,
    filerSummary(c),
    subjectSummary(c, reference, role),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'timeline-heading' },
      h('h3', { id: 'timeline-heading' }, t('complaint.timeline')),
      h(
        'ol',
        { class: 'timeline' },
        (c.timeline || []).map((s) =>
          h(
            'li',
            {},
            h('time', { datetime: s.at }, formatDateTime(s.at)),
            ' ',
            t(`step.${s.step}`),
            s.unitId ? ` (${unitName(reference, s.unitId)})` : '',
          ),
        ),
      ),
    ),
    c.evidence.length
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'photos-heading' },
          h('h3', { id: 'photos-heading' }, t('complaint.photos')),
          c.evidence.map((e) =>
            h('img', {
              src: `/api/complaints/${encodeURIComponent(c.complaintId)}/evidence/${encodeURIComponent(e.evidenceId)}`,
              alt: t('complaint.photoAlt'),
              class: 'evidence',
            }),
          ),
        )
      : null,
  ];
}

function citizenActions(c, acted) {
  const box = h('section', { class: 'card', 'aria-label': t('complaint.actions') });
  const act = (form, action, body) => async (event) => {
    event.preventDefault();
    const done = await submitting(form, async () =>
      api('POST', `/api/complaints/${encodeURIComponent(c.complaintId)}/${action}`, await body()),
    );
    if (done !== undefined) await acted(c);
  };
  if (c.status === 'awaiting-citizen') box.append(replyForm(act));
  if (c.status === 'closed' && c.outcome === 'rejected' && c.appealUntil && Date.parse(c.appealUntil) > Date.now()) {
    const appeal = h(
      'form',
      { novalidate: true },
      field('a-grounds', 'complaint.appealGrounds', h('textarea', { name: 'grounds', rows: 3, required: true })),
      h('button', { type: 'submit' }, t('complaint.appeal')),
    );
    appeal.addEventListener(
      'submit',
      act(appeal, 'appeal', () => ({ grounds: appeal.grounds.value.trim() })),
    );
    box.append(h('p', {}, t('complaint.appealUntil', { date: formatDate(c.appealUntil) })), appeal);
  }
  if (c.status !== 'closed') box.append(withdrawForm(act));
  return box.childElementCount ? box : null;
}

/** The citizen's answer to the unit's question, with photos when the unit asked for one. */
function replyForm(act) {
  const photos = h('input', {
    name: 'photos',
    type: 'file',
    accept: 'image/*',
    capture: 'environment',
    multiple: true,
    'data-fields': 'evidenceIds evidence contentBase64',
  });
  const reply = h(
    'form',
    { novalidate: true },
    field('r-message', 'complaint.reply', h('textarea', { name: 'message', rows: 3, required: true })),
    field('r-photos', 'complaint.replyPhotos', photos, t('complaint.photosHint')),
    h('button', { type: 'submit' }, t('complaint.sendReply')),
  );
  reply.addEventListener(
    'submit',
    act(reply, 'replies', async () => {
      const evidenceIds = [];
      for (const file of photos.files)
        evidenceIds.push(
          (await api('POST', '/api/complaints/evidence', { contentBase64: await photoAsBase64(file) })).evidenceId,
        );
      return { message: reply.message.value.trim(), evidenceIds };
    }),
  );
  return reply;
}

/** Withdrawing cannot be undone: the first press asks, the second (on "Yes, withdraw") does it. */
function withdrawForm(act) {
  const confirm = h(
    'div',
    { class: 'confirm', hidden: true, role: 'group', 'aria-labelledby': 'w-confirm' },
    h('p', { id: 'w-confirm' }, t('complaint.withdrawConfirm')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, t('complaint.withdrawYes')),
      h('button', { type: 'button', class: 'secondary', 'data-cancel': true }, t('complaint.withdrawNo')),
    ),
  );
  const ask = h('button', { type: 'button', class: 'secondary' }, t('complaint.withdraw'));
  const withdraw = h(
    'form',
    { novalidate: true },
    field('w-reason', 'complaint.withdrawReason', h('input', { name: 'reason' })),
    ask,
    confirm,
  );
  const toggle = (asking) => {
    confirm.hidden = !asking;
    ask.hidden = asking;
    (asking ? confirm.querySelector('[type=submit]') : ask).focus();
  };
  ask.addEventListener('click', () => toggle(true));
  confirm.querySelector('[data-cancel]').addEventListener('click', () => toggle(false));
  withdraw.addEventListener(
    'submit',
    act(withdraw, 'withdrawal', () => ({ reason: withdraw.reason.value.trim() || t('complaint.withdrawDefault') })),
  );
  return withdraw;
}
