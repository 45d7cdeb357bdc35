import { api, download } from '../api.js';
import { field, h } from '../dom.js';
import { dateInput, isoDate, submitting } from '../forms.js';
import { formatDate, t } from '../i18n.js';
import { showProblem } from '../problems.js';
import { scanWithCamera } from '../qr-camera.js';
import { siteName } from '../units.js';
import { statedPerson } from './desk-person.js';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const uuid = () => crypto.randomUUID();

// The injection desk: identify the person (QR by camera or hand scanner, or typed), then record the
// dose. The result area is drawn from the last check only: a new check empties it first, so a dose
// can never be recorded on an earlier person's check.
export async function render(view, state) {
  const siteId = state.session.scope.replace(/^site:/, '');
  const reference = await api('GET', '/api/reference');
  const result = h('section', { class: 'result', 'aria-live': 'polite' });
  view.append(
    h('h2', {}, t('desk.heading', { site: siteName(reference, siteId) })),
    verifyForm(result, reference, siteId),
    result,
  );
}

function verifyForm(result, reference, siteId) {
  const qr = h('textarea', { name: 'qr', rows: 2, autocomplete: 'off', spellcheck: 'false' });
  const video = h('video', { playsinline: true, muted: true, hidden: true, 'aria-label': t('desk.camera') });
  const camera = h('button', { type: 'button', class: 'secondary' }, t('desk.scan'));
  const typed = {
    idNumber: h('input', { name: 'typed.idNumber', inputmode: 'numeric', maxlength: 12, autocomplete: 'off' }),
    fullName: h('input', { name: 'typed.fullName', autocomplete: 'off' }),
    dateOfBirth: dateInput('typed.dateOfBirth'),
  };
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h3', {}, t('desk.identify')),
    field('desk-qr', 'desk.qr', qr, t('desk.qrHint')),
    camera,
    video,
    h('p', { class: 'or' }, t('desk.orTyped')),
    field('desk-id', 'signIn.idNumber', typed.idNumber),
    field('desk-name', 'desk.fullName', typed.fullName),
    field('desk-dob', 'desk.dateOfBirth', typed.dateOfBirth, t('date.hint')),
    h('button', { type: 'submit' }, t('desk.verify')),
  );
  let scanning = null;
  camera.addEventListener('click', async () => {
    if (scanning) return scanning.abort();
    scanning = new AbortController();
    video.hidden = false;
    try {
      const text = await scanWithCamera(video, scanning.signal);
      if (text) ((qr.value = text), form.requestSubmit());
    } catch (error) {
      showProblem(form, { localized: t('desk.cameraUnavailable', { reason: error.message }) });
    } finally {
      video.hidden = true;
      scanning = null;
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.replaceChildren(); // whatever the answer, the previous person's result and dose form go
    const stated = qr.value.trim()
      ? { qr: qr.value.trim() }
      : {
          typed: {
            idNumber: typed.idNumber.value.trim(),
            fullName: typed.fullName.value.trim() || undefined,
            dateOfBirth: isoDate(typed.dateOfBirth.value) || undefined,
          },
        };
    const verification = await submitting(form, () =>
      api('POST', '/api/desk/verifications', { requestId: uuid(), ...stated }),
    );
    if (!verification) return;
    result.replaceChildren(...verificationView(verification, statedPerson(stated), reference, siteId));
    form.reset();
  });
  return form;
}

function verificationView(v, person, reference, siteId) {
  const ok = v.standing === 'verified';
  return [
    h('h3', {}, t('desk.result')),
    h('p', { class: ok ? 'verified' : 'mismatched', role: 'status' }, t(`desk.result.${v.standing}`)),
    person ? personView(person) : null,
    v.differences.length
      ? h(
          'ul',
          { class: 'differences' },
          v.differences.map((d) => h('li', {}, t(`field.${d.field}`), ': ', t(`difference.${d.kind}`))),
        )
      : null,
    ok ? doseForm(v, reference, siteId) : h('p', { class: 'hint' }, t('desk.needsPolice')),
  ].filter(Boolean);
}

/** Who was checked, as the desk stated them: the nurse sees whose dose she is about to record. */
function personView(person) {
  const row = (key, value) => (value ? [h('dt', {}, t(key)), h('dd', {}, value)] : []);
  return h(
    'dl',
    { class: 'person', 'aria-label': t('desk.person') },
    ...row('desk.fullName', person.fullName),
    ...row('signIn.idNumber', person.idNumber),
    ...row('desk.dateOfBirth', formatDate(person.dateOfBirth)),
  );
}

function doseForm(v, reference, siteId) {
  const vaccine = h(
    'select',
    { name: 'vaccineCode', required: true },
    reference.vaccines.map((x) => h('option', { value: x.code }, x.name)),
  );
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h3', {}, t('desk.recordDose')),
    field('dose-vaccine', 'doses.vaccine', vaccine),
    field('dose-lot', 'desk.lotNumber', h('input', { name: 'lotNumber', required: true, autocomplete: 'off' })),
    field('dose-date', 'doses.date', dateInput('administeredOn', { value: today(), required: true }), t('date.hint')),
    h('button', { type: 'submit' }, t('desk.record')),
  );
  const doseId = uuid(); // one id per form: pressing twice records once
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      doseId,
      verificationId: v.verificationId,
      vaccineCode: form.vaccineCode.value,
      lotNumber: form.lotNumber.value.trim(),
      administeredOn: isoDate(form.administeredOn.value),
      siteId,
    };
    const answer = await submitting(form, () =>
      api('POST', `/api/desk/records/${encodeURIComponent(v.personId)}/doses`, body),
    );
    if (!answer) return;
    form.replaceChildren(
      h(
        'p',
        { class: 'verified', role: 'status' },
        t('desk.recorded', { n: answer.dose.doseNumber, date: formatDate(answer.dose.administeredOn) }),
      ),
      printButton(form, v.personId),
    );
  });
  return form;
}

/** The certificate is issued from the dose's event a moment later; until then the print says so. */
function printButton(form, personId) {
  const print = h('button', { type: 'button', class: 'secondary' }, t('desk.print'));
  print.addEventListener('click', () =>
    download(`/api/desk/certificates/${encodeURIComponent(personId)}/certificate.pdf?size=A4`, 'certificate.pdf').catch(
      () => showProblem(form, { localized: t('desk.printNotYet') }),
    ),
  );
  return print;
}
