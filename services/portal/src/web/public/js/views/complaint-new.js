import { api } from '../api.js';
import { clearProblem, field, h, showProblem } from '../dom.js';
import { t } from '../i18n.js';
import { photoAsBase64 } from '../photo.js';
import { go } from '../session.js';

const TYPES = ['dose-details', 'missing-dose', 'personal-details', 'duplicate-record', 'certificate'];
const DOSE_FIELDS = ['administeredOn', 'vaccineCode', 'lotNumber', 'siteId'];
const PERSONAL_FIELDS = ['fullName', 'dateOfBirth', 'gender', 'idNumber'];

// The national correction form: who you are, how to reach you (a code confirms the phone), what is
// wrong, and a photo of the paper certificate taken with the phone.
export async function render(view) {
  const reference = await api('GET', '/api/reference');
  const siteSelect = (name) =>
    h(
      'select',
      { name },
      reference.sites.map((s) => h('option', { value: s.id }, s.name)),
    );
  const vaccineSelect = (name) =>
    h(
      'select',
      { name },
      reference.vaccines.map((v) => h('option', { value: v.code }, `${v.name} (${v.code})`)),
    );
  const type = h(
    'select',
    { name: 'type' },
    TYPES.map((x) => h('option', { value: x }, t(`complaintType.${x}`))),
  );
  const subjects = {
    'dose-details': h(
      'fieldset',
      {},
      h('legend', {}, t('complaint.whatIsWrong')),
      field(
        'c-dose',
        'complaint.doseNumber',
        h('input', { name: 'doseNumber', type: 'number', min: 1, max: 10, value: 1 }),
      ),
      field(
        'c-field',
        'complaint.wrongField',
        h(
          'select',
          { name: 'wrongField' },
          DOSE_FIELDS.map((f) => h('option', { value: f }, t(`doseField.${f}`))),
        ),
      ),
      field('c-value', 'complaint.rightValue', h('input', { name: 'rightValue' }), t('complaint.rightValueHint')),
      field('c-site', 'doses.site', siteSelect('siteId')),
    ),
    'missing-dose': h(
      'fieldset',
      {},
      h('legend', {}, t('complaint.missingDose')),
      field('m-vaccine', 'doses.vaccine', vaccineSelect('missingVaccine')),
      field('m-lot', 'desk.lotNumber', h('input', { name: 'missingLot' })),
      field('m-date', 'doses.date', h('input', { name: 'missingDate', type: 'date' })),
      field('m-site', 'doses.site', siteSelect('missingSite')),
    ),
    'personal-details': h(
      'fieldset',
      {},
      h('legend', {}, t('complaint.wrongPersonal')),
      PERSONAL_FIELDS.map((f) =>
        h(
          'label',
          { class: 'check' },
          h('input', { type: 'checkbox', name: 'personalFields', value: f }),
          t(`field.${f}`),
        ),
      ),
    ),
    'duplicate-record': h(
      'fieldset',
      {},
      h('legend', {}, t('complaint.duplicate')),
      field('d-doses', 'complaint.duplicateDoses', h('input', { name: 'duplicateDoses', placeholder: '2, 3' })),
      field('d-site', 'doses.site', siteSelect('duplicateSite')),
    ),
    certificate: h(
      'fieldset',
      {},
      h('legend', {}, t('complaint.certificateWrong')),
      field('x-site', 'doses.site', siteSelect('certificateSite')),
    ),
  };
  const subjectBox = h('div', {}, subjects['dose-details']);
  type.addEventListener('change', () => subjectBox.replaceChildren(subjects[type.value]));
  const codeButton = h('button', { type: 'button', class: 'secondary' }, t('signIn.sendCode'));
  const photos = h('input', {
    name: 'photos',
    type: 'file',
    accept: 'image/*',
    capture: 'environment',
    multiple: true,
  });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    field('c-type', 'complaint.type', type),
    subjectBox,
    h(
      'fieldset',
      {},
      h('legend', {}, t('complaint.you')),
      field('c-name', 'desk.fullName', h('input', { name: 'fullName', autocomplete: 'name' })),
      field('c-dob', 'desk.dateOfBirth', h('input', { name: 'dateOfBirth', type: 'date' })),
      field(
        'c-gender',
        'field.gender',
        h(
          'select',
          { name: 'gender' },
          h('option', { value: 'female' }, t('gender.female')),
          h('option', { value: 'male' }, t('gender.male')),
        ),
      ),
      field('c-id', 'signIn.idNumber', h('input', { name: 'idNumber', inputmode: 'numeric', maxlength: 12 })),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('complaint.contact')),
      field('c-phone', 'complaint.phone', h('input', { name: 'phone', type: 'tel', autocomplete: 'tel' })),
      codeButton,
      field(
        'c-code',
        'signIn.code',
        h('input', { name: 'contactCode', inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }),
      ),
      field('c-address', 'complaint.address', h('input', { name: 'address', autocomplete: 'street-address' })),
    ),
    field('c-description', 'complaint.description', h('textarea', { name: 'description', rows: 3 })),
    field('c-photos', 'complaint.photos', photos, t('complaint.photosHint')),
    h('button', { type: 'submit' }, t('complaint.submit')),
  );
  codeButton.addEventListener('click', async () => {
    clearProblem(form);
    try {
      await api('POST', '/api/complaints/contact-codes', { phone: form.phone.value.trim() });
      codeButton.textContent = t('complaint.codeSent');
    } catch (error) {
      showProblem(form, error);
    }
  });
  const complaintId = crypto.randomUUID(); // pressing twice files once
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    try {
      const evidenceIds = [];
      for (const file of photos.files)
        evidenceIds.push(
          (await api('POST', '/api/complaints/evidence', { contentBase64: await photoAsBase64(file) })).evidenceId,
        );
      await api('POST', '/api/complaints', {
        complaintId,
        stated: {
          fullName: form.fullName.value.trim(),
          dateOfBirth: form.dateOfBirth.value,
          gender: form.gender.value,
          idNumber: form.idNumber.value.trim(),
        },
        contact: { phone: form.phone.value.trim(), address: form.address.value.trim() },
        contactCode: form.contactCode.value.trim(),
        subject: subjectOf(form, type.value),
        description: form.description.value.trim(),
        evidenceIds,
      });
      go(`#/complaint?id=${complaintId}`);
    } catch (error) {
      showProblem(form, error);
    }
  });
  view.append(h('h2', {}, t('complaint.newHeading')), h('p', { class: 'hint' }, t('complaint.newExplain')), form);
}

function subjectOf(form, type) {
  switch (type) {
    case 'dose-details': {
      const field = form.wrongField.value;
      return {
        type,
        doseNumber: Number(form.doseNumber.value),
        fields: [field],
        claimed: { [field]: form.rightValue.value.trim() },
        siteId: form.siteId.value,
      };
    }
    case 'missing-dose':
      return {
        type,
        dose: {
          vaccineCode: form.missingVaccine.value,
          lotNumber: form.missingLot.value.trim(),
          administeredOn: form.missingDate.value,
          siteId: form.missingSite.value,
        },
      };
    case 'personal-details':
      return { type, fields: [...form.querySelectorAll('[name=personalFields]:checked')].map((c) => c.value) };
    case 'duplicate-record':
      return {
        type,
        doseNumbers: form.duplicateDoses.value
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number),
        siteId: form.duplicateSite.value,
      };
    default:
      return { type, certificateId: null, siteId: form.certificateSite.value };
  }
}
