import { api, download } from '../api.js';
import { clearProblem, field, h, showProblem } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { scanWithCamera } from '../qr-camera.js';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const uuid = () => crypto.randomUUID();

// The injection desk: identify the person (QR by camera or hand scanner, or typed), then record the dose.
export async function render(view, state) {
  const siteId = state.session.scope.replace(/^site:/, '');
  const reference = await api('GET', '/api/reference');
  const result = h('section', { class: 'result', 'aria-live': 'polite' });
  view.append(h('h2', {}, t('desk.heading', { site: siteId })), verifyForm(result, reference, siteId), result);
}

function verifyForm(result, reference, siteId) {
  const qr = h('textarea', { name: 'qr', rows: 2, autocomplete: 'off', spellcheck: 'false' });
  const video = h('video', { playsinline: true, muted: true, hidden: true, 'aria-label': t('desk.camera') });
  const camera = h('button', { type: 'button', class: 'secondary' }, t('desk.scan'));
  const typed = {
    idNumber: h('input', { name: 'typed.idNumber', inputmode: 'numeric', maxlength: 12 }),
    fullName: h('input', { name: 'typed.fullName', autocomplete: 'off' }),
    dateOfBirth: h('input', { name: 'typed.dateOfBirth', type: 'date' }),
  };
  const form = h(
    'form',
    { class: 'card' },
    h('h3', {}, t('desk.identify')),
    field('desk-qr', 'desk.qr', qr, t('desk.qrHint')),
    camera,
    video,
    h('p', { class: 'or' }, t('desk.orTyped')),
    field('desk-id', 'signIn.idNumber', typed.idNumber),
    field('desk-name', 'desk.fullName', typed.fullName),
    field('desk-dob', 'desk.dateOfBirth', typed.dateOfBirth),
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
      showProblem(form, { message: t('desk.cameraUnavailable', { reason: error.message }) });
    } finally {
      video.hidden = true;
      scanning = null;
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    const body = qr.value.trim()
      ? { requestId: uuid(), qr: qr.value.trim() }
      : {
          requestId: uuid(),
          typed: {
            idNumber: typed.idNumber.value.trim(),
            fullName: typed.fullName.value.trim() || undefined,
            dateOfBirth: typed.dateOfBirth.value || undefined,
          },
        };
    try {
      const verification = await api('POST', '/api/desk/verifications', body);
      showVerification(result, verification, reference, siteId);
      form.reset();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

function showVerification(result, v, reference, siteId) {
  const ok = v.standing === 'verified';
  result.replaceChildren(
    ...[
      h('h3', {}, t('desk.result')),
      h('p', { class: ok ? 'verified' : 'mismatched', role: 'status' }, t(`desk.result.${v.standing}`)),
      v.differences.length
        ? h(
            'ul',
            { class: 'differences' },
            v.differences.map((d) => h('li', {}, t(`field.${d.field}`), ': ', t(`difference.${d.kind}`))),
          )
        : null,
      ok ? doseForm(v, reference, siteId) : h('p', { class: 'hint' }, t('desk.needsPolice')),
    ].filter(Boolean),
  );
}

function doseForm(v, reference, siteId) {
  const vaccine = h(
    'select',
    { name: 'vaccineCode', required: true },
    reference.vaccines.map((x) => h('option', { value: x.code }, `${x.name} (${x.code})`)),
  );
  const form = h(
    'form',
    { class: 'card' },
    h('h3', {}, t('desk.recordDose')),
    field('dose-vaccine', 'doses.vaccine', vaccine),
    field('dose-lot', 'desk.lotNumber', h('input', { name: 'lotNumber', required: true, autocomplete: 'off' })),
    field(
      'dose-date',
      'doses.date',
      h('input', { name: 'administeredOn', type: 'date', value: today(), max: today(), required: true }),
    ),
    h('button', { type: 'submit' }, t('desk.record')),
  );
  const doseId = uuid(); // one id per form: pressing twice records once
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    try {
      const body = {
        doseId,
        verificationId: v.verificationId,
        vaccineCode: form.vaccineCode.value,
        lotNumber: form.lotNumber.value,
        administeredOn: form.administeredOn.value,
        siteId,
      };
      const answer = await api('POST', `/api/desk/records/${encodeURIComponent(v.personId)}/doses`, body);
      form.replaceChildren(
        h(
          'p',
          { class: 'verified', role: 'status' },
          t('desk.recorded', { n: answer.dose.doseNumber, date: formatDate(answer.dose.administeredOn) }),
        ),
        printButton(form, v.personId),
      );
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

/** The certificate is issued from the dose's event a moment later; until then the print says so. */
function printButton(form, personId) {
  const print = h('button', { type: 'button', class: 'secondary' }, t('desk.print'));
  print.addEventListener('click', () =>
    download(`/api/desk/certificates/${encodeURIComponent(personId)}/certificate.pdf?size=A4`, 'certificate.pdf').catch(
      () => showProblem(form, { message: t('desk.printNotYet') }),
    ),
  );
  return print;
}
