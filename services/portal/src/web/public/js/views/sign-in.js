import { api } from '../api.js';
import { go, homeOf, signedIn, state } from '../session.js';
import { field, h } from '../dom.js';
import { submitting } from '../forms.js';
import { formatDateTime, t } from '../i18n.js';

// Citizens sign in with their ID number and a code sent to the phone on record; staff with their account.
export async function render(view) {
  view.append(
    h('h2', {}, t('signIn.heading')),
    h('div', { class: 'cards' }, citizenForm(), staffForm()),
    await statusPanel(),
  );
}

function citizenForm() {
  const idNumber = h('input', {
    name: 'idNumber',
    inputmode: 'numeric',
    autocomplete: 'username',
    required: true,
    maxlength: 12,
  });
  const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 });
  const codeField = field('citizen-code', 'signIn.code', code);
  codeField.hidden = true;
  const sent = h('p', { class: 'notice', role: 'status' });
  const submit = h('button', { type: 'submit' }, t('signIn.sendCode'));
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'citizen-heading' },
    h('h3', { id: 'citizen-heading' }, t('signIn.citizen')),
    field('citizen-id', 'signIn.idNumber', idNumber, t('signIn.idNumberHint')),
    sent,
    codeField,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sending = codeField.hidden;
    const done = await submitting(form, async () => {
      if (sending) {
        const answer = await api('POST', '/api/auth/citizen/codes', { idNumber: idNumber.value.trim() });
        sent.textContent = answer.sentTo ? t('signIn.codeSent', { phone: answer.sentTo }) : t('signIn.codeMaybeSent');
        return true;
      }
      await api('POST', '/api/auth/citizen/session', { idNumber: idNumber.value.trim(), code: code.value.trim() });
      await signedIn(idNumber.value.trim());
      go(homeOf(state.session));
      return false;
    });
    if (done && sending) {
      codeField.hidden = false;
      submit.textContent = t('signIn.submit');
      code.focus();
    }
  });
  return form;
}

function staffForm() {
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'staff-heading' },
    h('h3', { id: 'staff-heading' }, t('signIn.staff')),
    field(
      'staff-username',
      'signIn.username',
      h('input', { name: 'username', autocomplete: 'username', required: true }),
    ),
    field(
      'staff-password',
      'signIn.password',
      h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    ),
    h('button', { type: 'submit' }, t('signIn.submit')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await submitting(form, async () => {
      await api('POST', '/api/auth/staff/session', { username: form.username.value, password: form.password.value });
      await signedIn();
      go(homeOf(state.session));
    });
  });
  return form;
}

async function statusPanel() {
  const list = h('ul', { class: 'status' });
  const section = h(
    'section',
    { 'aria-labelledby': 'status-heading' },
    h('h2', { id: 'status-heading' }, t('statusHeading')),
    list,
  );
  try {
    const { services } = await api('GET', '/api/platform-status');
    for (const s of services)
      list.append(
        h(
          'li',
          {},
          h('span', {}, t(`service.${s.service}`)),
          h('span', { class: s.ready ? 'ready' : 'down' }, t(s.ready ? 'ready' : 'down')),
        ),
      );
    section.append(h('p', {}, `${t('checkedAt')} ${formatDateTime(new Date().toISOString())}`));
  } catch {
    list.append(h('li', {}, t('down')));
  }
  return section;
}
