import { api } from '../api.js';
import { field, h } from '../dom.js';
import { dateInput, isoDate, submitting } from '../forms.js';
import { t } from '../i18n.js';
import { photoAsBase64 } from '../photo.js';
import { go, signInIdNumber } from '../session.js';
import { SUBJECT_TYPES, subjectFieldset, subjectOf } from './complaint-subject.js';

// The national correction form: who you are, how to reach you (a code confirms the phone), what is
// wrong, and a photo of the paper certificate taken with the phone. It starts from what the portal
// knows: the ID number signed in with, and the site and number of the latest dose on the record.
export async function render(view) {
  const [reference, record] = await Promise.all([
    api('GET', '/api/reference'),
    api('GET', '/api/me/record').catch(() => null),
  ]);
  const latest = record?.doses.filter((d) => !d.voided).at(-1);
  const defaults = { siteId: latest?.siteId, doseNumber: latest?.doseNumber };
  const type = h(
    'select',
    { name: 'subject.type' },
    SUBJECT_TYPES.map((x) => h('option', { value: x }, t(`complaintType.${x}`))),
  );
  const subjectBox = h('div', {}, subjectFieldset(type.value, reference, defaults));
  type.addEventListener('change', () => subjectBox.replaceChildren(subjectFieldset(type.value, reference, defaults)));
  const photos = h('input', {
    name: 'photos',
    type: 'file',
    accept: 'image/*',
    capture: 'environment',
    multiple: true,
    'data-fields': 'evidenceIds evidence contentBase64',
  });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    field('c-type', 'complaint.type', type),
    subjectBox,
    personFieldset(),
    contactFieldset(),
    field('c-description', 'complaint.description', h('textarea', { name: 'description', rows: 3 })),
    field('c-photos', 'complaint.photos', photos, t('complaint.photosHint')),
    h('button', { type: 'submit' }, t('complaint.submit')),
  );
  const codeButton = form.querySelector('[data-send-code]');
  codeButton.addEventListener('click', async () => {
    const sent = await submitting(form, () =>
      api('POST', '/api/complaints/contact-codes', { phone: form.elements['contact.phone'].value.trim() }),
    );
    if (sent !== undefined) codeButton.textContent = t('complaint.codeSent');
  });
  const complaintId = crypto.randomUUID(); // pressing twice files once
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const filed = await submitting(form, async () => {
      const evidenceIds = [];
      for (const file of photos.files)
        evidenceIds.push(
          (await api('POST', '/api/complaints/evidence', { contentBase64: await photoAsBase64(file) })).evidenceId,
        );
      return api('POST', '/api/complaints', filingOf(form, complaintId, type.value, evidenceIds));
    });
    if (filed) go(`#/complaint?id=${complaintId}`);
  });
  view.append(h('h2', {}, t('complaint.newHeading')), h('p', { class: 'hint' }, t('complaint.newExplain')), form);
}

function personFieldset() {
  return h(
    'fieldset',
    {},
    h('legend', {}, t('complaint.you')),
    field('c-name', 'desk.fullName', h('input', { name: 'stated.fullName', autocomplete: 'name', required: true })),
    field('c-dob', 'desk.dateOfBirth', dateInput('stated.dateOfBirth', { required: true }), t('date.hint')),
    field(
      'c-gender',
      'field.gender',
      h(
        'select',
        { name: 'stated.gender' },
        h('option', { value: 'female' }, t('gender.female')),
        h('option', { value: 'male' }, t('gender.male')),
      ),
    ),
    field(
      'c-id',
      'signIn.idNumber',
      h('input', {
        name: 'stated.idNumber',
        inputmode: 'numeric',
        maxlength: 12,
        required: true,
        value: signInIdNumber() ?? '',
      }),
    ),
  );
}

function contactFieldset() {
  return h(
    'fieldset',
    {},
    h('legend', {}, t('complaint.contact')),
    field(
      'c-phone',
      'complaint.phone',
      h('input', { name: 'contact.phone', type: 'tel', autocomplete: 'tel', required: true }),
    ),
    h('button', { type: 'button', class: 'secondary', 'data-send-code': true }, t('signIn.sendCode')),
    field(
      'c-code',
      'signIn.code',
      h('input', {
        name: 'contactCode',
        inputmode: 'numeric',
        maxlength: 6,
        autocomplete: 'one-time-code',
        required: true,
      }),
    ),
    field(
      'c-address',
      'complaint.address',
      h('input', { name: 'contact.address', autocomplete: 'street-address', required: true }),
    ),
  );
}

function filingOf(form, complaintId, type, evidenceIds) {
  const value = (name) => form.elements[name].value.trim();
  return {
    complaintId,
    stated: {
      fullName: value('stated.fullName'),
      dateOfBirth: isoDate(value('stated.dateOfBirth')),
      gender: value('stated.gender'),
      idNumber: value('stated.idNumber'),
    },
    contact: { phone: value('contact.phone'), address: value('contact.address') },
    contactCode: value('contactCode'),
    subject: subjectOf(form, type),
    description: value('description'),
    evidenceIds,
  };
}
